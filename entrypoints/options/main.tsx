// The settings page (runtime.openOptionsPage): reads the stored settings,
// saves each change at once, and follows changes made elsewhere.
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import { SettingsPage, type SettingsChange } from '@/components/options/SettingsPage';
import '@/components/options/options.css';
import { normalizeSettings, type Settings } from '@/lib/settings';
import { readSettings, settingsItem, updateSettings } from '@/extension/storage';

/** How long "Saved" stays. */
const STATUS_MS = 3000;

function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState('');
  const statusTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    void readSettings().then(setSettings);
    return settingsItem.watch((value) => setSettings(normalizeSettings(value)));
  }, []);

  const announce = (message: string) => {
    clearTimeout(statusTimer.current);
    // Cleared first, so a second "Saved" in a row is announced again.
    setStatus('');
    statusTimer.current = setTimeout(() => {
      setStatus(message);
      statusTimer.current = setTimeout(() => setStatus(''), STATUS_MS);
    }, 50);
  };

  const change = (update: SettingsChange) => {
    updateSettings(update).then(
      (next) => {
        setSettings(next);
        announce(t('options_saved'));
      },
      () => announce(t('options_save_failed')),
    );
  };

  if (!settings) return null;
  return <SettingsPage settings={settings} locale={t('options_html_lang')} status={status} onChange={change} />;
}

document.documentElement.lang = t('options_html_lang');
document.title = t('options_title');
render(<Options />, document.getElementById('app')!);
