// The card's strings travel with the card (components/i18n.ts): the content
// script then never asks the browser for a message itself.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CARD_MESSAGE_NAMES, cardMessageTemplates, provideMessages, t } from '../../components/i18n';
import { englishMessage } from '../helpers/messages';

const cardSources = ['components/QuoteCard.tsx', ...readdirSync('components/card').map((f) => join('components/card', f))];

describe('card strings sent with the card', () => {
  afterEach(() => provideMessages({}));

  it('lists every string the card uses', () => {
    const used = new Set(cardSources.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bt\('([a-z_]+)'/g)].map((m) => m[1])));
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((name) => !CARD_MESSAGE_NAMES.includes(name))).toEqual([]);
  });

  it('reads the same as the browser’s own messages, substitutions included', () => {
    const templates = cardMessageTemplates();
    provideMessages(templates);
    expect(t('card_position', ['2', '3'])).toBe(englishMessage('card_position', ['2', '3']));
    expect(t('card_announce', 'Scaling is a pessimistic future')).toBe(englishMessage('card_announce', 'Scaling is a pessimistic future'));
    expect(t('card_save')).toBe(englishMessage('card_save'));
  });

  it('leaves other strings to the browser', () => {
    provideMessages(cardMessageTemplates());
    expect(t('popup_save')).toBe(englishMessage('popup_save'));
  });
});
