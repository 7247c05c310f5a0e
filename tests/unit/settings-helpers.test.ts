import { afterEach, describe, expect, it } from 'vitest';
import {
  COOLDOWN_CHOICES,
  DEFAULT_SETTINGS,
  PAUSED_UNTIL_TURNED_ON,
  cooldownChoices,
  normalizeSettings,
  pauseEnd,
  pauseState,
  silenceReason,
  siteFromInput,
  siteOf,
  withSiteOff,
  withSiteOn,
  EMPTY_HISTORY,
} from '../../lib/settings';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('pauseEnd', () => {
  const now = Date.UTC(2024, 4, 28, 8, 30); // 16:30 in Shanghai

  it('pauses for exactly one hour', () => {
    expect(pauseEnd('hour', now)).toBe(now + 60 * 60 * 1000);
  });

  it('pauses until the next local midnight', () => {
    process.env.TZ = 'Asia/Shanghai';
    expect(new Date(pauseEnd('tomorrow', now)).toISOString()).toBe('2024-05-28T16:00:00.000Z'); // 00:00 on the 29th in Shanghai
    process.env.TZ = 'UTC';
    expect(new Date(pauseEnd('tomorrow', now)).toISOString()).toBe('2024-05-29T00:00:00.000Z');
  });

  it('just after midnight, "until tomorrow" still means the next midnight, not the one just passed', () => {
    process.env.TZ = 'UTC';
    const justAfter = Date.UTC(2024, 4, 29, 0, 0, 1);
    expect(pauseEnd('tomorrow', justAfter)).toBe(Date.UTC(2024, 4, 30));
  });

  it('lands on local midnight across a daylight-saving change (a 23-hour day)', () => {
    process.env.TZ = 'America/New_York';
    const dstDay = new Date(2024, 2, 10, 1, 30).getTime(); // 01:30 on the day clocks spring forward
    const end = new Date(pauseEnd('tomorrow', dstDay));
    expect([end.getDate(), end.getHours(), end.getMinutes()]).toEqual([11, 0, 0]);
    expect(end.getTime() - dstDay).toBe(21.5 * 60 * 60 * 1000);
  });

  it('"until turned on" never ends by itself', () => {
    expect(pauseEnd('until-turned-on', now)).toBe(PAUSED_UNTIL_TURNED_ON);
    expect(pauseState(PAUSED_UNTIL_TURNED_ON, now + 10 * 365 * 86_400_000)).toEqual({ paused: true, until: 'turned-on' });
  });
});

describe('pauseState', () => {
  it('is paused until the end time, and not from then on', () => {
    expect(pauseState(1000, 999)).toEqual({ paused: true, until: 1000 });
    expect(pauseState(1000, 1000)).toEqual({ paused: false });
    expect(pauseState(0, 5)).toEqual({ paused: false });
  });

  it('agrees with silenceReason, which keeps the card away', () => {
    const settings = { ...DEFAULT_SETTINGS, cooldownMinutes: 0, pausedUntil: pauseEnd('hour', 0) };
    expect(silenceReason(settings, EMPTY_HISTORY, 'https://example.com/', 60 * 60 * 1000 - 1)).toBe('paused');
    expect(silenceReason(settings, EMPTY_HISTORY, 'https://example.com/', 60 * 60 * 1000)).toBeNull();
  });
});

describe('cooldownChoices', () => {
  it('offers the usual choices', () => {
    expect(cooldownChoices(5)).toEqual([0, 1, 5, 15, 60]);
    expect(cooldownChoices(5)).not.toBe(COOLDOWN_CHOICES);
  });

  it('keeps a stored value that is not one of them, in order, so the page shows what is in effect', () => {
    expect(cooldownChoices(30)).toEqual([0, 1, 5, 15, 30, 60]);
    expect(cooldownChoices(120)).toEqual([0, 1, 5, 15, 60, 120]);
  });
});

describe('siteFromInput', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Example.COM  ', 'example.com'],
    ['www.example.com', 'example.com'],
    ['https://www.example.com/some/page?x=1#top', 'example.com'],
    ['http://news.example.co.uk:8080/', 'news.example.co.uk'],
    ['example.com/path', 'example.com'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['例子.中国', 'xn--fsqu00a.xn--fiqs8s'],
  ])('%j is the site %j', (input, site) => {
    expect(siteFromInput(input)).toBe(site);
  });

  it('names a site the way the card does, so a site turned off here is off on its pages', () => {
    for (const url of ['https://www.zhihu.com/question/1', 'http://127.0.0.1:4000/dev-en/a.html', 'https://例子.中国/']) {
      expect(siteFromInput(url)).toBe(siteOf(url));
    }
  });

  it.each(['', '   ', 'not a site', 'http://', '*.example.com', 'exa_mple.com', '-example.com', 'example..com', 'javascript:alert(1)'])(
    'rejects %j',
    (input) => {
      expect(siteFromInput(input)).toBe('');
    },
  );
});

describe('withSiteOff / withSiteOn', () => {
  it('adds a site once and removes it again', () => {
    const off = withSiteOff(DEFAULT_SETTINGS, 'example.com');
    expect(off.disabledSites).toEqual(['example.com']);
    expect(withSiteOff(off, 'example.com')).toBe(off);
    expect(withSiteOff(off, '')).toBe(off);
    expect(withSiteOn(withSiteOff(off, 'zhihu.com'), 'example.com').disabledSites).toEqual(['zhihu.com']);
    expect(DEFAULT_SETTINGS.disabledSites).toEqual([]);
  });
});

describe('normalizeSettings edge cases the settings page relies on', () => {
  it('keeps a stored cooldown the page does not offer, and "until turned on"', () => {
    const s = normalizeSettings({ cooldownMinutes: 30, pausedUntil: PAUSED_UNTIL_TURNED_ON });
    expect(s.cooldownMinutes).toBe(30);
    expect(s.pausedUntil).toBe(PAUSED_UNTIL_TURNED_ON);
  });

  it('replaces a mistyped field by its default and keeps the others', () => {
    const s = normalizeSettings({ display: 'fr', sensitivity: 'high', cooldownMinutes: -1, disabledSites: ['a.com', 3], highlightTerms: 'yes' });
    expect(s).toEqual({ ...DEFAULT_SETTINGS, sensitivity: 'high' });
  });
});
