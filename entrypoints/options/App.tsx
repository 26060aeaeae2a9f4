import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n/i18n';
import { CustomTermsSection } from '@/components/custom-terms/CustomTermsSection';
import { KeyboardShortcuts, type KeyboardCommand } from '@/components/options/KeyboardShortcuts';
import { SettingsForm, type SettingsChange } from '@/components/options/SettingsForm';
import { applyPageTheme } from '@/utils/settings/page-theme';
import type { Settings } from '@/utils/settings/settings';

export interface OptionsAppProps {
  load: () => Promise<Settings>;
  save: (change: SettingsChange) => Promise<Settings>;
  /** Follows changes made elsewhere (the popup's site button, another window); returns the undo. */
  watch: (onChange: (settings: Settings) => void) => () => void;
  /** The keyboard commands with the keys the browser assigned (browser.commands.getAll). */
  loadCommands?: () => Promise<KeyboardCommand[]>;
}

export function App({ load, save, watch, loadCommands }: OptionsAppProps) {
  const [settings, setSettings] = useState<Settings>();
  const [commands, setCommands] = useState<KeyboardCommand[]>();
  useEffect(() => {
    void loadCommands?.().then(setCommands, () => setCommands([]));
  }, [loadCommands]);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let live = true;
    void load().then((value) => live && setSettings(value));
    const stop = watch(setSettings);
    return () => {
      live = false;
      stop();
    };
  }, [load, watch]);

  useEffect(() => (settings ? applyPageTheme(document.documentElement, settings.theme) : undefined), [settings?.theme]);

  const change = (patch: SettingsChange) => {
    setSettings((current) => (current ? { ...current, ...patch } : current));
    setSaved(false);
    void save(patch).then((stored) => {
      setSettings(stored);
      setSaved(true);
    });
  };

  return (
    <div class="options">
      <header>
        <h1>{t('optionsTitle')}</h1>
        <p class="muted">{t('optionsIntro')}</p>
      </header>
      <main>
        {settings && <SettingsForm settings={settings} onChange={change} />}
        {/* Reader-added terms, import and export: components/custom-terms/CustomTermsSection.tsx owns the section. */}
        <CustomTermsSection title={t('sectionYourTerms')} />
        <KeyboardShortcuts commands={commands} />
        <p class="muted privacy">{t('privacyNote')}</p>
      </main>
      <p class="status" role="status">
        {saved ? t('savedStatus') : ''}
      </p>
    </div>
  );
}
