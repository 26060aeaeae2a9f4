import { t } from '@/utils/i18n/i18n';

/** One of the extension's keyboard commands, as the browser reports it (`commands.getAll()`). */
export interface KeyboardCommand {
  name: string;
  description: string;
  /** The key the reader has now; empty when none is set (a clash, or removed by the reader). */
  shortcut: string;
}

/**
 * The extension's keyboard commands with the keys the browser actually assigned: a suggested key
 * that clashes with another extension is not set, and readers can change them, so the page shows
 * what is, not what the manifest suggests.
 */
export function KeyboardShortcuts({ commands }: { commands: readonly KeyboardCommand[] | undefined }) {
  return (
    <section aria-labelledby="keyboard">
      <h2 id="keyboard">{t('sectionKeyboard')}</h2>
      {commands && commands.length > 0 && (
        <dl class="shortcuts">
          {commands.map((command) => (
            <div key={command.name}>
              <dt>{command.shortcut ? <kbd>{command.shortcut}</kbd> : <span class="muted">{t('shortcutNotSet')}</span>}</dt>
              <dd>{command.description}</dd>
            </div>
          ))}
        </dl>
      )}
      <p>{t('keyboardHint')}</p>
    </section>
  );
}
