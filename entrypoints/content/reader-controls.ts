/**
 * Wires the reader's controls into the content script: reads the settings, applies them through
 * a reader session, follows every later change (storage.onChanged), answers the extension's
 * messages (the keyboard commands, the popup's questions, the toolbar badge's count). Everything
 * is undone when the content script's context is invalidated.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { bundledCategory } from '@/glossary/bundled';
import type { Matcher } from '@/glossary/matcher';
import { isPageTermsRequest } from '@/utils/messages';
import type { GlossaryEntry } from '@/glossary/types';
import {
  isCardSnapshotMessage,
  isMoveTermMessage,
  isPageSiteMessage,
  isPageStatusMessage,
  isShowTermMessage,
  isTogglePageMessage,
  TERM_COUNT_MESSAGE,
  type PageStatus,
  type TermCountMessage,
} from '@/utils/messages';
import { loadSettings, watchSettings } from '@/utils/settings/settings-storage';
import { siteOfUrl } from '@/utils/settings/site-rules';
import { loadCardEntries } from './card-entries-request';
import { loadCardModule } from './card-module';
import { startHighlighter } from './page/highlighter';
import { createReaderSession, type ReaderSession } from './reader-session';

export interface ReaderControlsOptions {
  /** Resolves the reader's own terms for the card (utils/custom-terms/); bundled ones come from card-entries-request.ts. */
  customEntry?: (id: string) => GlossaryEntry | undefined;
}

/** Returns the session, so the glossary's owner can hand it a new matcher (`setMatcher`). */
export function startReaderControls(
  ctx: ContentScriptContext,
  matcher: Matcher,
  { customEntry = () => undefined }: ReaderControlsOptions = {},
): ReaderSession {
  const site = siteOfUrl(location.href);
  const session = createReaderSession({
    doc: document,
    matcher,
    categoryOf: bundledCategory,
    site,
    startHighlighting: (m, options) => startHighlighter(document, m, options),
    createCard: async (highlighter) => {
      // Without the background's answer the card still works for the reader's own terms.
      const [bundled, { createCardLayer }] = await Promise.all([
        loadCardEntries().catch(() => new Map<string, GlossaryEntry>()),
        loadCardModule(),
      ]);
      return createCardLayer({ highlighter, lookup: (id) => customEntry(id) ?? bundled.get(id), signal: ctx.signal });
    },
    onTermCount: (count) => {
      const message: TermCountMessage = { type: TERM_COUNT_MESSAGE, count };
      // The background may be restarting; the next change reports again.
      browser.runtime.sendMessage(message).catch(() => {});
    },
  });
  ctx.onInvalidated(() => session.stop());

  void loadSettings().then((settings) => {
    if (!ctx.isInvalid) session.apply(settings);
  });
  ctx.onInvalidated(watchSettings((settings) => session.apply(settings)));

  const onMessage = (message: unknown) => {
    if (isTogglePageMessage(message)) return Promise.resolve(session.togglePage());
    if (isPageSiteMessage(message)) return Promise.resolve(site ?? null);
    if (isPageTermsRequest(message)) return Promise.resolve(session.terms());
    if (isPageStatusMessage(message)) {
      const status: PageStatus = { state: session.state, terms: session.terms(), site: site ?? null };
      return Promise.resolve(status);
    }
    if (isShowTermMessage(message)) return session.showTerm(message.id, { focus: message.focus === true });
    if (isMoveTermMessage(message)) return session.moveTerm(message.direction).then((id) => id ?? null);
    if (isCardSnapshotMessage(message)) return Promise.resolve(session.cardSnapshot());
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  return session;
}
