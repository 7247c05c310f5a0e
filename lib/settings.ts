// Reader settings and card history: their shapes, defaults and the pure rules
// that read them. Stored by extension/storage.ts (WXT storage, versioned).

export type DisplayLanguage = 'auto' | 'both' | 'zh' | 'en';
export type Sensitivity = 'low' | 'normal' | 'high';

export interface Settings {
  cardEnabled: boolean;
  display: DisplayLanguage;
  /** Minutes between two cards, across tabs. */
  cooldownMinutes: number;
  /** Epoch ms until which cards are paused; PAUSED_UNTIL_TURNED_ON for "until turned on"; 0 for not paused. */
  pausedUntil: number;
  /** Host names where the card never appears. */
  disabledSites: string[];
  /** Mark matched terms on the page (CSS Custom Highlight API). */
  highlightTerms: boolean;
  sensitivity: Sensitivity;
}

export const PAUSED_UNTIL_TURNED_ON = Number.MAX_SAFE_INTEGER;

export const DEFAULT_SETTINGS: Settings = {
  cardEnabled: true,
  display: 'auto',
  cooldownMinutes: 5,
  pausedUntil: 0,
  disabledSites: [],
  highlightTerms: false,
  sensitivity: 'normal',
};

export interface CardHistory {
  /** When the last card appeared, in any tab. */
  lastCardAt: number;
  /** Quote id → when it was last shown. */
  shown: Record<string, number>;
  /** Quote id → how many times the reader marked it not relevant. */
  dismissed: Record<string, number>;
}

export const EMPTY_HISTORY: CardHistory = { lastCardAt: 0, shown: {}, dismissed: {} };

export const DAY_MS = 24 * 60 * 60 * 1000;

/** "www.example.com" and "example.com" are one site to a reader. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

export type Silence = 'disabled' | 'paused' | 'site-off' | 'cooldown';

/** Why no card may appear now, or null when one may. */
export function silenceReason(settings: Settings, history: CardHistory, url: string, now: number): Silence | null {
  if (!settings.cardEnabled) return 'disabled';
  if (settings.pausedUntil > now) return 'paused';
  if (settings.disabledSites.includes(siteOf(url))) return 'site-off';
  if (now - history.lastCardAt < settings.cooldownMinutes * 60_000) return 'cooldown';
  return null;
}

/** Rank multipliers: each "not relevant" halves a remark's score again. */
export function rankAdjustments(history: CardHistory): Map<string, number> {
  return new Map(Object.entries(history.dismissed).map(([id, times]) => [id, 0.5 ** times]));
}

/** Remarks shown in the last day are held back, so the reader meets others. */
export function recentlyShown(history: CardHistory, now: number): Set<string> {
  return new Set(Object.entries(history.shown).filter(([, at]) => now - at < DAY_MS).map(([id]) => id));
}

/** The history after a card showed `quoteId`, with entries older than a day dropped. */
export function recordShown(history: CardHistory, quoteId: string, now: number): CardHistory {
  const shown = Object.fromEntries(Object.entries(history.shown).filter(([, at]) => now - at < DAY_MS));
  shown[quoteId] = now;
  return { ...history, lastCardAt: now, shown };
}

/** The engine's strictness for each sensitivity setting. */
export const STRICTNESS: Record<Sensitivity, number> = { high: 0.7, normal: 1, low: 1.5 };

const DISPLAYS: readonly DisplayLanguage[] = ['auto', 'both', 'zh', 'en'];
const SENSITIVITIES: readonly Sensitivity[] = ['low', 'normal', 'high'];

/** Settings from storage, with any missing or mistyped field replaced by its default. */
export function normalizeSettings(value: unknown): Settings {
  const v = (value && typeof value === 'object' ? value : {}) as Partial<Record<keyof Settings, unknown>>;
  const pick = <K extends keyof Settings>(key: K, ok: (x: unknown) => boolean): Settings[K] =>
    (ok(v[key]) ? v[key] : DEFAULT_SETTINGS[key]) as Settings[K];
  const finiteNonNegative = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0;
  return {
    cardEnabled: pick('cardEnabled', (x) => typeof x === 'boolean'),
    display: pick('display', (x) => DISPLAYS.includes(x as DisplayLanguage)),
    cooldownMinutes: pick('cooldownMinutes', finiteNonNegative),
    pausedUntil: pick('pausedUntil', finiteNonNegative),
    disabledSites: pick('disabledSites', (x) => Array.isArray(x) && x.every((s) => typeof s === 'string')),
    highlightTerms: pick('highlightTerms', (x) => typeof x === 'boolean'),
    sensitivity: pick('sensitivity', (x) => SENSITIVITIES.includes(x as Sensitivity)),
  };
}

/** History from storage; a damaged record starts over rather than blocking cards. */
export function normalizeHistory(value: unknown): CardHistory {
  const v = (value && typeof value === 'object' ? value : {}) as Partial<Record<keyof CardHistory, unknown>>;
  const numbers = (x: unknown): Record<string, number> =>
    x && typeof x === 'object'
      ? Object.fromEntries(Object.entries(x).filter(([, n]) => typeof n === 'number' && Number.isFinite(n)))
      : {};
  return {
    lastCardAt: typeof v.lastCardAt === 'number' && Number.isFinite(v.lastCardAt) ? v.lastCardAt : 0,
    shown: numbers(v.shown),
    dismissed: numbers(v.dismissed),
  };
}

/** The pause lengths the settings page offers. */
export type PauseChoice = 'hour' | 'tomorrow' | 'until-turned-on';

const HOUR_MS = 60 * 60 * 1000;

/** When a pause chosen at `now` ends: in an hour, at the next local midnight, or never by itself. */
export function pauseEnd(choice: PauseChoice, now: number): number {
  if (choice === 'hour') return now + HOUR_MS;
  if (choice === 'until-turned-on') return PAUSED_UNTIL_TURNED_ON;
  // setHours(24) rolls over to the next day's 00:00 local time, DST changes included.
  const midnight = new Date(now);
  midnight.setHours(24, 0, 0, 0);
  return midnight.getTime();
}

export type PauseState = { paused: false } | { paused: true; until: number | 'turned-on' };

/** Whether cards are paused at `now` (given Settings.pausedUntil), and until when. */
export function pauseState(pausedUntil: number, now: number): PauseState {
  if (pausedUntil <= now) return { paused: false };
  return { paused: true, until: pausedUntil === PAUSED_UNTIL_TURNED_ON ? 'turned-on' : pausedUntil };
}

/** The cooldowns the settings page offers, in minutes. */
export const COOLDOWN_CHOICES: readonly number[] = [0, 1, 5, 15, 60];

/** The offered cooldowns, plus the stored one if it is another value (so the page shows what is in effect). */
export function cooldownChoices(current: number): number[] {
  return COOLDOWN_CHOICES.includes(current) ? [...COOLDOWN_CHOICES] : [...COOLDOWN_CHOICES, current].sort((a, b) => a - b);
}

/**
 * The site a reader typed ("https://www.Example.com/a", "example.com:8080",
 * "localhost"), as siteOf() names it; '' when it is not a host name.
 */
export function siteFromInput(text: string): string {
  const trimmed = text.trim();
  if (!trimmed || /\s/.test(trimmed)) return '';
  const withScheme = /^[a-z][a-z\d+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  const site = siteOf(withScheme);
  // A host name with a dot, an IP address, or a single-label name such as "localhost".
  return /^(?:[a-z\d](?:[a-z\d-]*[a-z\d])?)(?:\.[a-z\d](?:[a-z\d-]*[a-z\d])?)*$|^\[[\da-f:.]+\]$/i.test(site) ? site : '';
}

/** The settings with `site` turned off (unchanged when it already is, or when it is ''). */
export function withSiteOff(settings: Settings, site: string): Settings {
  return site && !settings.disabledSites.includes(site) ? { ...settings, disabledSites: [...settings.disabledSites, site] } : settings;
}

/** The settings with `site` turned back on. */
export function withSiteOn(settings: Settings, site: string): Settings {
  return { ...settings, disabledSites: settings.disabledSites.filter((s) => s !== site) };
}
