// Pausing cards: for an hour, until tomorrow, or until resumed; the current
// state with its end time, which updates itself when the pause runs out.
import { useEffect, useRef, useState } from 'preact/hooks';
import { pauseEnd, pauseState, type PauseChoice, type Settings } from '../../lib/settings';
import { t } from '../i18n';

const CHOICES: { choice: PauseChoice; label: string }[] = [
  { choice: 'hour', label: 'options_pause_hour' },
  { choice: 'tomorrow', label: 'options_pause_tomorrow' },
  { choice: 'until-turned-on', label: 'options_pause_until_turned_on' },
];

// setTimeout takes at most 2^31-1 ms; a longer pause is looked at again then.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** "4:42 PM" / "16:42" today; "Wed, May 29, 12:00 AM" / "5月29日周三 0:00" on another day. */
export function formatPauseEnd(until: number, now: number, locale: string): string {
  const sameDay = new Date(until).toDateString() === new Date(now).toDateString();
  const time = { hour: 'numeric', minute: '2-digit' } as const;
  const options: Intl.DateTimeFormatOptions = sameDay ? time : { weekday: 'short', month: 'short', day: 'numeric', ...time };
  return new Intl.DateTimeFormat(locale, options).format(until);
}

export function PauseField(props: { pausedUntil: number; locale: string; onChange(change: (s: Settings) => Settings): void }) {
  const [now, setNow] = useState(Date.now);
  const firstButton = useRef<HTMLButtonElement>(null);
  const state = pauseState(props.pausedUntil, now);

  // Re-read the clock when the pause ends, so the page never shows a pause that is over.
  useEffect(() => {
    if (!state.paused || state.until === 'turned-on') return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(state.until - Date.now() + 50, MAX_TIMER_MS));
    return () => clearTimeout(timer);
  }, [props.pausedUntil, now]);

  const pause = (choice: PauseChoice) => {
    const at = Date.now();
    setNow(at);
    props.onChange((s) => ({ ...s, pausedUntil: pauseEnd(choice, at) }));
  };

  const resume = () => {
    // The button goes away with the pause; keep focus in the group.
    firstButton.current?.focus();
    setNow(Date.now());
    props.onChange((s) => ({ ...s, pausedUntil: 0 }));
  };

  const description = !state.paused
    ? t('options_pause_off')
    : state.until === 'turned-on'
      ? t('options_pause_until_on')
      : t('options_pause_until_time', formatPauseEnd(state.until, now, props.locale));

  return (
    <fieldset>
      <legend>{t('options_pause_legend')}</legend>
      <p class="pause-state" aria-live="polite">
        {description}
      </p>
      <div class="buttons">
        {CHOICES.map(({ choice, label }, i) => (
          <button key={choice} type="button" ref={i === 0 ? firstButton : undefined} onClick={() => pause(choice)}>
            {t(label)}
          </button>
        ))}
        {state.paused && (
          <button type="button" class="primary" onClick={resume}>
            {t('options_resume')}
          </button>
        )}
      </div>
    </fieldset>
  );
}
