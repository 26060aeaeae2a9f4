/**
 * Wires the reader's controls into the content script: reads the settings, applies them through
 * a reader session, follows every later change (storage.onChanged), answers the keyboard
 * command's toggle and the popup's "which site is this?", and keeps the toolbar badge's count.
 * Everything is undone when the content script's context is invalidated.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { bundledCategory } from '@/glossary/bundled';
import type { Matcher } from '@/glossary/matcher';
import type { GlossaryEntry } from '@/glossary/types';
import {
  isPageSiteMessage,
  isTogglePageMessage,
  TERM_COUNT_MESSAGE,
  type TermCountMessage,
} from '@/components/settings/messages';
import { loadSettings, watchSettings } from '@/components/settings/settings-storage';
import { siteOfUrl } from '@/components/settings/site-rules';
import { HIGHLIGHT_MEASURE } from './mark-contract';
import { loadCardEntries } from './card-entries';
import { mountHoverCard } from './hover';
import { DEFERRED_MEASURE, startLiveHighlighter } from './live-highlighter';
import { createReaderSession, type ReaderSession } from './reader-session';

export interface ReaderControlsOptions {
  /** Resolves the reader's own terms for the card (components/custom-terms/); bundled ones come from card-entries.ts. */
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
    startHighlighting: (filtered, onFirstMarks, unfiltered) =>
      startLiveHighlighter(document, filtered, { onFirstMarks, unfilteredMatcher: unfiltered }),
    // The card's host element is only worth adding to pages that have terms to explain.
    mountCard: async () => {
      // Without the background's answer the card still mounts (the reader's own terms open).
      const bundled = await loadCardEntries().catch(() => new Map<string, GlossaryEntry>());
      return mountHoverCard(ctx, { lookup: (id) => customEntry(id) ?? bundled.get(id) });
    },
    onTermCount: (count) => {
      const message: TermCountMessage = { type: TERM_COUNT_MESSAGE, count };
      // The background may be restarting; the next pass reports again.
      browser.runtime.sendMessage(message).catch(() => {});
    },
    signal: ctx.signal,
  });
  ctx.onInvalidated(() => session.stop());

  // Each finished pass (first load, new content, deferred off-screen marks) may add terms.
  if (typeof PerformanceObserver === 'function') {
    const passes = new PerformanceObserver((list) => {
      if (list.getEntries().some((e) => e.name === HIGHLIGHT_MEASURE || e.name === DEFERRED_MEASURE)) {
        session.refresh();
      }
    });
    passes.observe({ type: 'measure' });
    ctx.onInvalidated(() => passes.disconnect());
  }

  void loadSettings().then((settings) => {
    if (!ctx.isInvalid) session.apply(settings);
  });
  ctx.onInvalidated(watchSettings((settings) => session.apply(settings)));

  const onMessage = (message: unknown) => {
    if (isTogglePageMessage(message)) return Promise.resolve(session.togglePage());
    if (isPageSiteMessage(message)) return Promise.resolve(site ?? null);
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  return session;
}
