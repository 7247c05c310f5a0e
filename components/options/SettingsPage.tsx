// The settings page: a view only. Every control applies its change at once
// through onChange (the page saves it and reports back in `status`); the
// settings shown are whatever is stored, so a change made elsewhere (the
// card's "Hide on this site", another settings tab) shows up here too.
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { cooldownChoices, type DisplayLanguage, type Sensitivity, type Settings } from '../../lib/settings';
import { t } from '../i18n';
import { PauseField } from './PauseField';
import { SitesField } from './SitesField';

export type SettingsChange = (current: Settings) => Settings;

export interface SettingsPageProps {
  settings: Settings;
  /** The language tag of the messages in use, for dates and times. */
  locale: string;
  /** "Saved", "Could not save", or ''; announced politely. */
  status: string;
  onChange(change: SettingsChange): void;
}

const DISPLAYS: DisplayLanguage[] = ['auto', 'both', 'zh', 'en'];
const SENSITIVITIES: Sensitivity[] = ['low', 'normal', 'high'];

function cooldownLabel(minutes: number): string {
  if (minutes === 0) return t('options_cooldown_none');
  if (minutes === 1) return t('options_cooldown_one_minute');
  if (minutes === 60) return t('options_cooldown_one_hour');
  return t('options_cooldown_minutes', String(minutes));
}

/** A fieldset of radio buttons; `children` follow them inside the same fieldset. */
function RadioGroup<T extends string>(props: {
  name: string;
  legend: string;
  choices: readonly T[];
  value: T;
  label(choice: T): string;
  onSelect(choice: T): void;
  children?: ComponentChildren;
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.choices.map((choice) => (
        <label key={choice} class="choice">
          <input type="radio" name={props.name} value={choice} checked={props.value === choice} onChange={() => props.onSelect(choice)} />
          <span>{props.label(choice)}</span>
        </label>
      ))}
      {props.children}
    </fieldset>
  );
}

export function SettingsPage({ settings, locale, status, onChange }: SettingsPageProps) {
  const id = useId();
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => onChange((s) => ({ ...s, [key]: value }));

  return (
    <main class="options">
      <h1>{t('options_title')}</h1>
      <p class="hint">{t('options_intro')}</p>

      <fieldset>
        <legend>{t('options_card_legend')}</legend>
        <label class="choice">
          <input type="checkbox" checked={settings.cardEnabled} onChange={(e) => set('cardEnabled', e.currentTarget.checked)} />
          <span>{t('options_card_enabled')}</span>
        </label>
        <label class="choice">
          <input
            type="checkbox"
            checked={settings.highlightTerms}
            aria-describedby={`${id}-highlight`}
            onChange={(e) => set('highlightTerms', e.currentTarget.checked)}
          />
          <span>{t('options_highlight')}</span>
        </label>
        <p id={`${id}-highlight`} class="hint indented">
          {t('options_highlight_hint')}
        </p>
      </fieldset>

      <RadioGroup
        name="display"
        legend={t('options_display_legend')}
        choices={DISPLAYS}
        value={settings.display}
        label={(d) => t(`options_display_${d}`)}
        onSelect={(d) => set('display', d)}
      />

      <RadioGroup
        name="sensitivity"
        legend={t('options_sensitivity_legend')}
        choices={SENSITIVITIES}
        value={settings.sensitivity}
        label={(s) => t(`options_sensitivity_${s}`)}
        onSelect={(s) => set('sensitivity', s)}
      >
        <div class="field">
          <label for={`${id}-cooldown`}>{t('options_cooldown_label')}</label>
          <select
            id={`${id}-cooldown`}
            value={String(settings.cooldownMinutes)}
            aria-describedby={`${id}-cooldown-hint`}
            onChange={(e) => set('cooldownMinutes', Number(e.currentTarget.value))}
          >
            {cooldownChoices(settings.cooldownMinutes).map((m) => (
              <option key={m} value={String(m)}>
                {cooldownLabel(m)}
              </option>
            ))}
          </select>
          <p id={`${id}-cooldown-hint`} class="hint">
            {t('options_cooldown_hint')}
          </p>
        </div>
      </RadioGroup>

      <PauseField pausedUntil={settings.pausedUntil} locale={locale} onChange={onChange} />

      <SitesField sites={settings.disabledSites} onChange={onChange} />

      <p class="status" role="status">
        {status}
      </p>
    </main>
  );
}
