import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, chmodSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'tian-match-'));

function match(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/match.ts'), ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
  });
  const lines = result.stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
  return { status: result.status, lines, stderr: result.stderr };
}

const aiHtml = join(dir, 'ai.html');
writeFileSync(
  aiHtml,
  `<!doctype html><html><head><title>The limits of scaling laws</title></head><body>
  <nav>Home · OpenAI · Sports</nav><article><h1>The limits of scaling laws</h1>
  <p>Large language models have grown by scaling laws: more data, more compute, bigger models.</p>
  <p>But each new LLM needs exponentially more training data for a few points of improvement, and AI labs are running out of data.</p>
  <p>Researchers argue that data efficiency, learning from few examples like people do, is the missing step toward AGI.</p></article></body></html>`,
);
const plainTxt = join(dir, 'llama.txt');
writeFileSync(plainTxt, 'Caring for llamas\nLlamas are gentle herd animals. Give your llama hay, water and a dry shelter.\n');

describe('npm run match', () => {
  it('prints one JSON line per file, in order, with the card decision and top three remarks', () => {
    const { status, lines } = match([aiHtml, plainTxt]);
    expect(status).toBe(0);
    expect(lines.map((l) => l.file)).toEqual([aiHtml, plainTxt]);
    const [ai, llama] = lines;
    expect(ai.show).toBe(true);
    expect(ai.quotes).toHaveLength(3);
    expect(Object.keys(ai.quotes[0]).sort()).toEqual(['en', 'id', 'score', 'zh']);
    expect(ai.terms).toContain('scaling laws');
    expect(ai.quotes[0].score).toBeGreaterThanOrEqual(ai.quotes[1].score);
    expect(llama).toEqual({ file: plainTxt, show: false, terms: [], quotes: [] });
  });

  it('reads standard input for "-"', () => {
    const { status, lines } = match(['-'], 'Scaling laws and LLMs\nLLM scaling laws need exponentially more training data; AI labs worry about data efficiency and AGI. Large language models and compute.');
    expect(status).toBe(0);
    expect(lines[0].file).toBe('-');
    expect(lines[0].show).toBe(true);
  });

  it('reports bad files on stderr and as an error line, answers the rest, and exits non-zero', () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const binary = join(dir, 'image.html');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
    const huge = join(dir, 'huge.txt');
    writeFileSync(huge, '');
    truncateSync(huge, 50 * 1024 * 1024);
    const locked = join(dir, 'locked.txt');
    writeFileSync(locked, 'secret');
    chmodSync(locked, 0o000);
    const canLock = execFileSync('id', ['-u']).toString().trim() !== '0';

    const missing = join(dir, 'missing.html');
    const files = [missing, empty, binary, huge, aiHtml, ...(canLock ? [locked] : [])];
    const { status, lines, stderr } = match(files);
    expect(status).toBe(1);
    expect(lines.map((l) => l.file)).toEqual(files);
    expect(lines[0].error).toMatch(/no such file/);
    expect(lines[1].error).toMatch(/empty/);
    expect(lines[2].error).toMatch(/binary/);
    expect(lines[3].error).toMatch(/too large/);
    expect(lines[4].show).toBe(true);
    if (canLock) expect(lines[5].error).toMatch(/permission denied/);
    for (const file of [missing, empty, binary, huge]) expect(stderr).toContain(file);
  });
});
