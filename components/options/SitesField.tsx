// The sites where the card is off: each with a Remove button, and a field to
// add one (a host name or a pasted address). After a removal, focus moves to
// the next Remove button, or to the field when the list is empty.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { siteFromInput, withSiteOff, withSiteOn, type Settings } from '../../lib/settings';
import { t } from '../i18n';

export function SitesField(props: { sites: string[]; onChange(change: (s: Settings) => Settings): void }) {
  const id = useId();
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  /** The removed site and where it was, until a list without it is shown (storage may echo an older list first). */
  const removed = useRef<{ site: string; at: number } | null>(null);

  useEffect(() => {
    if (!removed.current || props.sites.includes(removed.current.site)) return;
    const { at } = removed.current;
    removed.current = null;
    const buttons = list.current?.querySelectorAll('button') ?? [];
    (buttons[Math.min(at, buttons.length - 1)] ?? input.current)?.focus();
  }, [props.sites]);

  const add = (event: Event) => {
    event.preventDefault();
    const site = siteFromInput(text);
    setInvalid(!site);
    if (!site) return;
    setText('');
    props.onChange((s) => withSiteOff(s, site));
  };

  const remove = (site: string, at: number) => {
    removed.current = { site, at };
    props.onChange((s) => withSiteOn(s, site));
  };

  return (
    <fieldset>
      <legend>{t('options_sites_legend')}</legend>
      {props.sites.length === 0 ? (
        <p class="hint">{t('options_sites_empty')}</p>
      ) : (
        <ul class="sites" ref={list}>
          {props.sites.map((site, i) => (
            <li key={site}>
              <span class="site">{site}</span>
              <button type="button" aria-label={t('options_sites_remove', site)} onClick={() => remove(site, i)}>
                {t('options_sites_remove_short')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add-site" onSubmit={add}>
        <label for={`${id}-site`}>{t('options_sites_add_label')}</label>
        <div class="row">
          <input
            ref={input}
            id={`${id}-site`}
            type="text"
            inputMode="url"
            autocomplete="off"
            spellcheck={false}
            value={text}
            aria-invalid={invalid}
            aria-describedby={`${id}-site-hint${invalid ? ` ${id}-site-error` : ''}`}
            onInput={(e) => {
              setText(e.currentTarget.value);
              setInvalid(false);
            }}
          />
          <button type="submit">{t('options_sites_add_button')}</button>
        </div>
        <p id={`${id}-site-hint`} class="hint">
          {t('options_sites_add_hint')}
        </p>
        {invalid && (
          <p id={`${id}-site-error`} class="error" role="alert">
            {t('options_sites_invalid')}
          </p>
        )}
      </form>
    </fieldset>
  );
}
