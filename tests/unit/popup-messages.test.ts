// The popup's and reading list page's strings: every key the views use is in
// both locales, with the same placeholders, and none is left unused.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMessages } from '../helpers/messages';

const SOURCES = [
  ...['components/popup', 'components/reading-list'].flatMap((dir) =>
    readdirSync(dir).filter((f) => f.endsWith('.tsx')).map((f) => join(dir, f)),
  ),
  'components/RemarkText.tsx',
  'entrypoints/popup/main.tsx',
  'entrypoints/reading-list/main.tsx',
];
const OWN = /^(popup|readinglist)_/;

function usedKeys(): Set<string> {
  const keys = new Set<string>();
  for (const file of SOURCES) {
    const text = readFileSync(join(process.cwd(), file), 'utf8');
    for (const [, key] of text.matchAll(/\bt\(\s*'([A-Za-z_]+)'/g)) keys.add(key!);
    // Keys kept in tables (headings, sort labels, counts).
    for (const [, key] of text.matchAll(/'((?:popup|readinglist)_[a-z_]+)'/g)) keys.add(key!);
  }
  return keys;
}

describe('popup and reading list messages', () => {
  const en = readMessages('en');
  const zh = readMessages('zh_CN');
  const used = usedKeys();
  const placeholders = (entry?: { placeholders?: Record<string, { content: string }> }) =>
    Object.entries(entry?.placeholders ?? {}).map(([name, p]) => [name, p.content]).sort();

  it('has every key the views use in English and Chinese, with the same placeholders', () => {
    expect(used.size).toBeGreaterThan(60);
    for (const key of used) {
      expect(en[key]?.message, `en ${key}`).toBeTruthy();
      expect(zh[key]?.message, `zh_CN ${key}`).toBeTruthy();
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('says it in Chinese in the Chinese locale', () => {
    for (const key of [...used].filter((k) => OWN.test(k) && k !== 'popup_copy_markdown')) {
      expect(zh[key]!.message, key).toMatch(/\p{Script=Han}/u);
    }
  });

  it('leaves no popup_ or readinglist_ key unused', () => {
    const unused = Object.keys(en).filter((key) => OWN.test(key) && !used.has(key));
    expect(unused).toEqual([]);
    expect(Object.keys(zh).filter((key) => OWN.test(key) && !(key in en))).toEqual([]);
  });
});
