import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { createLiveGlossary, loadLiveGlossary, type LiveGlossary } from '@/utils/custom-terms/live-glossary';
import { saveCustomTerms } from '@/utils/custom-terms/storage';
import type { CustomTerm } from '@/utils/custom-terms/schema';
import { HIGHLIGHT_MEASURE } from '@/entrypoints/content/page/contract';
import { startHighlighter } from '@/entrypoints/content/page/highlighter';
import { createReaderSession, type ReaderSession } from '@/entrypoints/content/reader-session';
import { PLAIN_UPI } from '@/tests/unit/support/entries';
import { KEEP_ALL_HITS, passesComplete } from '@/tests/unit/support/highlighting';
import { highlightedTerms, installHighlightRegistry } from '@/tests/unit/support/highlight-registry';

const term = (name: string): CustomTerm => ({ name, aliases: [], definition: `${name}.`, significance: [], challenges: [] });
const ARTICLE = '<p>The Gram Sabha approved the UPI kiosk; the Ward Office objected.</p>';
let registry: ReturnType<typeof installHighlightRegistry>;
const marks = () => highlightedTerms(registry).map(([id]) => id);

let session: ReaderSession | undefined;
let stopWatching: (() => void) | undefined;
let starts = 0;
/** Every highlighter the session started has finished its pass. */
const settled = () => passesComplete(starts);

beforeEach(() => {
  fakeBrowser.reset();
  registry = installHighlightRegistry();
  document.body.innerHTML = ARTICLE;
  starts = 0;
  performance.clearMeasures(HIGHLIGHT_MEASURE);
});
afterEach(() => {
  stopWatching?.();
  session?.stop();
});

function startSession(live: LiveGlossary): ReaderSession {
  session = createReaderSession({
    doc: document,
    matcher: live.matcher,
    categoryOf: () => undefined,
    site: 'example.com',
    startHighlighting(matcher, options) {
      starts += 1;
      return startHighlighter(document, matcher, { ...options, senses: KEEP_ALL_HITS });
    },
  });
  session.apply({ ...DEFAULT_SETTINGS, density: 'every' });
  return session;
}

describe('the live glossary with the reader session', () => {
  it('highlights saved custom terms with the bundled ones from the first pass', async () => {
    await saveCustomTerms([term('Gram Sabha')]);
    const live = await loadLiveGlossary([PLAIN_UPI]);
    startSession(live);
    await settled();
    expect(marks()).toEqual(['custom-gram-sabha', 'upi']);
    expect(live.lookup('custom-gram-sabha')?.short).toBe('Gram Sabha.');
  });

  it('highlights again when the reader adds or deletes a term, and leaves the page as it was', async () => {
    const live = createLiveGlossary([PLAIN_UPI]);
    const running = startSession(live);
    stopWatching = live.watch(() => running.setMatcher(live.matcher));
    await settled();
    expect(marks()).toEqual(['upi']);

    await saveCustomTerms([term('Gram Sabha'), term('Ward Office')]);
    await settled();
    expect(marks()).toEqual(['custom-gram-sabha', 'upi', 'custom-ward-office']);
    expect(live.lookup('custom-ward-office')?.name).toBe('Ward Office');

    await saveCustomTerms([term('Ward Office')]);
    await settled();
    expect(marks()).toEqual(['upi', 'custom-ward-office']);
    expect(live.lookup('custom-gram-sabha')).toBeUndefined();

    running.stop();
    expect(marks()).toEqual([]);
    expect(document.body.innerHTML).toBe(ARTICLE);
  });

  it('a new matcher while highlighting is off waits for it to be switched on', async () => {
    const live = createLiveGlossary([PLAIN_UPI]);
    const running = startSession(live);
    await settled();
    running.apply({ ...DEFAULT_SETTINGS, enabled: false });
    live.replace([term('Gram Sabha')]);
    running.setMatcher(live.matcher);
    expect(marks()).toEqual([]);
    running.apply({ ...DEFAULT_SETTINGS, density: 'every' });
    await settled();
    expect(marks()).toEqual(['custom-gram-sabha', 'upi']);
  });
});
