// The quality bar on the labeled pages (npm run eval prints the same numbers).
import { describe, expect, it } from 'vitest';
import { shippedEngine } from '../../lib/engine-data';
import { evaluate, labeledFolders, rate } from '../../scripts/lib/evaluate';

const { dev, holdout } = labeledFolders();

describe.each([
  ['dev set', dev],
  ['held-out set', holdout],
])('quality on the %s', (_name, folders) => {
  const q = evaluate(shippedEngine(), folders);

  it('has pages of every kind', () => {
    expect(q.recall.of).toBeGreaterThan(25);
    expect(q.silent.of).toBeGreaterThan(20);
    expect(q.passingCards.of).toBeGreaterThan(8);
  });

  it('shows a card on at least 95% of AI pages', () => expect(rate(q.recall)).toBeGreaterThanOrEqual(0.95));
  it('picks a remark on the page’s topic for at least 85%', () => expect(rate(q.onTopic)).toBeGreaterThanOrEqual(0.85));
  it('stays silent on at least 97% of non-AI and trap pages', () => expect(rate(q.silent)).toBeGreaterThanOrEqual(0.97));
  it('shows a card on at most 1 in 5 passing mentions', () => expect(rate(q.passingCards)).toBeLessThanOrEqual(0.2));
});
