// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { formatMessage, type MessageEntry } from '../helpers/messages';
import { formatPauseEnd } from '../../components/options/PauseField';
import { SettingsPage, type SettingsChange } from '../../components/options/SettingsPage';
import { SitesField } from '../../components/options/SitesField';
import { DEFAULT_SETTINGS, PAUSED_UNTIL_TURNED_ON, type Settings } from '../../lib/settings';

const messages = (locale: string) =>
  JSON.parse(readFileSync(join(process.cwd(), `public/_locales/${locale}/messages.json`), 'utf8')) as Record<string, MessageEntry>;
const EN = messages('en');
const ZH = messages('zh_CN');

/** The page over in-memory "storage": each change is applied as the real page's updateSettings would. */
function setup(initial: Partial<Settings> = {}) {
  let current: Settings = { ...DEFAULT_SETTINGS, ...initial };
  const changes: Settings[] = [];
  let setOutside: (s: Settings) => void = () => {};
  function Harness() {
    const [settings, setSettings] = useState(current);
    setOutside = setSettings;
    const onChange = (change: SettingsChange) => {
      current = change(current);
      changes.push(current);
      setSettings(current);
    };
    return <SettingsPage settings={settings} locale="en" status="" onChange={onChange} />;
  }
  render(<Harness />);
  return {
    changes,
    latest: () => current,
    /** A change made elsewhere (the card, another tab) arriving through storage. */
    storeElsewhere(s: Partial<Settings>) {
      current = { ...current, ...s };
      act(() => setOutside(current));
    },
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((name: string, subs?: string | string[]) =>
    EN[name] ? formatMessage(EN[name]!, subs) : '') as never);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('SettingsPage', () => {
  it('has a message for every key it uses, in both languages, with the same placeholders', () => {
    const used = new Set<string>();
    vi.mocked(fakeBrowser.i18n.getMessage).mockImplementation(((name: string, subs?: string | string[]) => {
      used.add(name);
      return EN[name] ? formatMessage(EN[name]!, subs) : '';
    }) as never);
    const page = setup({ disabledSites: ['example.com'], pausedUntil: Date.now() + 60_000, cooldownMinutes: 30 });
    fireEvent.submit(screen.getByRole('textbox').closest('form')!);
    page.storeElsewhere({ pausedUntil: PAUSED_UNTIL_TURNED_ON });
    page.storeElsewhere({ pausedUntil: 0 });
    expect(used.size).toBeGreaterThan(30);
    const keys = [...used, ...Object.keys(EN).filter((k) => k.startsWith('options_') || k.startsWith('entry_'))];
    for (const key of keys) {
      expect(EN[key]?.message, key).toBeTruthy();
      expect(ZH[key]?.message, key).toBeTruthy();
      const names = (e?: MessageEntry) => Object.entries(e?.placeholders ?? {}).map(([k, v]) => [k, v.content]);
      expect(names(ZH[key]), key).toEqual(names(EN[key]));
    }
  });

  it('groups its choices under legends, and every control has a name', () => {
    setup();
    for (const legend of ['Card', 'Language of the remark', 'How often cards appear', 'Pause', 'Sites where the card is off']) {
      expect(screen.getByRole('group', { name: legend })).toBeTruthy();
    }
    expect(within(screen.getByRole('group', { name: 'Language of the remark' })).getAllByRole('radio')).toHaveLength(4);
    expect(screen.getByRole('combobox', { name: 'Time between two cards' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Turn the card off on a site' })).toBeTruthy();
    for (const control of [...document.querySelectorAll('input, select, button')]) {
      const labelled = control.closest('label') || control.id && document.querySelector(`label[for="${control.id}"]`) || control.getAttribute('aria-label') || control.textContent?.trim();
      expect(labelled, control.outerHTML).toBeTruthy();
    }
  });

  it('applies each control at once', () => {
    const page = setup();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show a remark card on pages about AI' }));
    expect(page.latest().cardEnabled).toBe(false);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Mark the matched terms on the page' }));
    expect(page.latest().highlightTerms).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'Chinese original only' }));
    expect(page.latest().display).toBe('zh');
    fireEvent.click(screen.getByRole('radio', { name: /^Fewer cards/ }));
    expect(page.latest().sensitivity).toBe('low');
    fireEvent.change(screen.getByRole('combobox', { name: 'Time between two cards' }), { target: { value: '15' } });
    expect(page.latest().cooldownMinutes).toBe(15);
    expect(page.changes).toHaveLength(5);
  });

  it('shows changes made elsewhere', () => {
    const page = setup();
    page.storeElsewhere({ display: 'en', sensitivity: 'high', cooldownMinutes: 60, disabledSites: ['zhihu.com'], cardEnabled: false });
    expect((screen.getByRole('radio', { name: 'English translation only' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: /^More cards/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('combobox', { name: 'Time between two cards' }) as HTMLSelectElement).value).toBe('60');
    expect((screen.getByRole('checkbox', { name: 'Show a remark card on pages about AI' }) as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole('button', { name: 'Remove zhihu.com' })).toBeTruthy();
  });

  it('offers a stored cooldown that is not one of the usual choices, so the select tells the truth', () => {
    setup({ cooldownMinutes: 30 });
    const select = screen.getByRole('combobox', { name: 'Time between two cards' }) as HTMLSelectElement;
    expect(select.value).toBe('30');
    expect([...select.options].map((o) => o.textContent)).toEqual(['No wait', '1 minute', '5 minutes', '15 minutes', '30 minutes', '1 hour']);
  });
});

describe('SettingsPage: pause', () => {
  it('pauses for an hour, shows the end time, and resumes', () => {
    const page = setup();
    const group = screen.getByRole('group', { name: 'Pause' });
    expect(group.textContent).toContain('Cards are not paused.');
    expect(within(group).queryByRole('button', { name: 'Resume now' })).toBeNull();

    const before = Date.now();
    fireEvent.click(within(group).getByRole('button', { name: 'Pause for one hour' }));
    const until = page.latest().pausedUntil;
    expect(until - before).toBeGreaterThanOrEqual(3_600_000);
    expect(until - Date.now()).toBeLessThanOrEqual(3_600_000);
    expect(group.textContent).toContain(`Cards are paused until ${formatPauseEnd(until, Date.now(), 'en')}.`);

    fireEvent.click(within(group).getByRole('button', { name: 'Resume now' }));
    expect(page.latest().pausedUntil).toBe(0);
    expect(group.textContent).toContain('Cards are not paused.');
    // The Resume button is gone; focus stays in the group.
    expect(document.activeElement).toBe(within(group).getByRole('button', { name: 'Pause for one hour' }));
  });

  it('pauses until tomorrow (local midnight) and until resumed', () => {
    const page = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Pause until tomorrow' }));
    const end = new Date(page.latest().pausedUntil);
    expect([end.getHours(), end.getMinutes(), end.getSeconds()]).toEqual([0, 0, 0]);
    expect(end.getTime() - Date.now()).toBeLessThanOrEqual(25 * 3_600_000);
    fireEvent.click(screen.getByRole('button', { name: 'Pause until I resume' }));
    expect(page.latest().pausedUntil).toBe(PAUSED_UNTIL_TURNED_ON);
    expect(screen.getByRole('group', { name: 'Pause' }).textContent).toContain('Cards are paused until you resume them.');
  });

  it('notices by itself when a pause runs out', () => {
    vi.useFakeTimers({ now: new Date(2024, 4, 28, 10, 0) });
    setup({ pausedUntil: new Date(2024, 4, 28, 10, 5).getTime() });
    const group = screen.getByRole('group', { name: 'Pause' });
    expect(group.textContent).toContain('Cards are paused until 10:05 AM.');
    act(() => {
      vi.advanceTimersByTime(5 * 60_000 + 100);
    });
    expect(group.textContent).toContain('Cards are not paused.');
  });

  it('formats an end time today as a time, another day with its date', () => {
    const now = new Date(2024, 4, 28, 16, 30).getTime();
    const norm = (s: string) => s.replace(/\s/g, ' '); // ICU puts a narrow no-break space before AM/PM
    expect(norm(formatPauseEnd(new Date(2024, 4, 28, 17, 30).getTime(), now, 'en'))).toBe('5:30 PM');
    expect(formatPauseEnd(new Date(2024, 4, 28, 17, 30).getTime(), now, 'zh-CN')).toBe('17:30');
    expect(norm(formatPauseEnd(new Date(2024, 4, 29, 0, 0).getTime(), now, 'en'))).toMatch(/^Wed, May 29,? 12:00 AM$/);
    expect(formatPauseEnd(new Date(2024, 4, 29, 0, 0).getTime(), now, 'zh-CN')).toBe('5月29日周三 0:00');
  });
});

describe('SettingsPage: sites', () => {
  it('adds a pasted address as its site, and says so when the text is not a site', () => {
    const page = setup();
    const field = screen.getByRole('textbox', { name: 'Turn the card off on a site' }) as HTMLInputElement;
    fireEvent.input(field, { target: { value: 'not a site' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByRole('alert').textContent).toContain('That is not a site name');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain(screen.getByRole('alert').id);
    expect(page.changes).toHaveLength(0);

    fireEvent.input(field, { target: { value: 'https://www.Example.com/news/1' } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.submit(field.closest('form')!);
    expect(page.latest().disabledSites).toEqual(['example.com']);
    expect(field.value).toBe('');
    expect(screen.getByRole('listitem').textContent).toContain('example.com');
  });

  it('removes a site and moves focus to the next Remove button, then to the field', () => {
    const page = setup({ disabledSites: ['a.com', 'b.com'] });
    fireEvent.click(screen.getByRole('button', { name: 'Remove a.com' }));
    expect(page.latest().disabledSites).toEqual(['b.com']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove b.com' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove b.com' }));
    expect(page.latest().disabledSites).toEqual([]);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Turn the card off on a site' }));
    expect(screen.getByRole('group', { name: 'Sites where the card is off' }).textContent).toContain('None yet');
  });

  it('still moves focus to the field when a late copy of the old list arrives before the removal', () => {
    const onChange = vi.fn();
    const { rerender } = render(<SitesField sites={['a.com']} onChange={onChange} />);
    const button = screen.getByRole('button', { name: 'Remove a.com' });
    button.focus();
    fireEvent.click(button);
    rerender(<SitesField sites={['a.com']} onChange={onChange} />); // storage's echo of an earlier change
    rerender(<SitesField sites={[]} onChange={onChange} />);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Turn the card off on a site' }));
  });
});
