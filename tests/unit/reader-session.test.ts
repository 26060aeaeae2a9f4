import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMatcher } from '@/glossary/matcher';
import type { TermForm } from '@/glossary/terms';
import type { Category } from '@/glossary/types';
import { DEFAULT_SETTINGS, type Settings } from '@/components/settings/settings';
import { startLiveHighlighter } from '@/entrypoints/content/live-highlighter';
import { HIGHLIGHT_MEASURE, MARK_SELECTOR } from '@/entrypoints/content/mark-contract';
import {
  createReaderSession,
  focusFirstMentions,
  markOfSelection,
  type ReaderSession,
  type ReaderSessionOptions,
} from '@/entrypoints/content/reader-session';
import { KEEP_ALL_HITS, passesComplete } from './support/highlighting';
import { fakeCard, highlightBody } from './support/reader-session';

const form = (id: string, text: string): TermForm => ({ id, text, exactCase: true });
const matcher = createMatcher([form('upi', 'UPI'), form('npci', 'NPCI')]);
const categoryOf = (id: string): Category => (id === 'upi' ? 'payments' : 'governance-law');
const ARTICLE = '<p>UPI is run by NPCI. UPI grew.</p><p>NPCI and UPI again.</p>';

let session: ReaderSession;
let counts: number[];
let starts: number;

function makeSession(site: string | undefined = 'example.com', mountCard?: ReaderSessionOptions['mountCard']) {
  counts = [];
  starts = 0;
  session = createReaderSession({
    doc: document,
    matcher,
    categoryOf,
    site,
    startHighlighting(m, onFirstMarks) {
      starts += 1;
      return highlightBody(m, onFirstMarks);
    },
    mountCard,
    onTermCount: (count) => counts.push(count),
  });
  return session;
}

const marks = () =>
  Array.from(document.querySelectorAll<HTMLElement>(MARK_SELECTOR), (m) => m.dataset.dpiTerm);
const settings = (change: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...change });
/** Every highlighter the session started has finished its pass (none started: nothing to wait for). */
const settled = () => passesComplete(starts);

beforeEach(() => {
  document.body.innerHTML = ARTICLE;
  performance.clearMeasures(HIGHLIGHT_MEASURE);
});
afterEach(() => session?.stop());

describe('reader session', () => {
  it('marks only first mentions by default and reports two distinct terms', async () => {
    makeSession().apply(settings());
    await settled();
    expect(marks()).toEqual(['upi', 'npci']);
    expect(counts.at(-1)).toBe(2);
  });

  it('switched off: removes every mark and restores the page exactly; on brings them back', async () => {
    makeSession().apply(settings({ density: 'every' }));
    await settled();
    expect(marks()).toHaveLength(5);
    session.apply(settings({ density: 'every', enabled: false }));
    expect(document.body.innerHTML).toBe(ARTICLE);
    expect(counts.at(-1)).toBe(0);
    session.apply(settings({ density: 'every' }));
    await settled();
    expect(marks()).toHaveLength(5);
  });

  it.each([
    ['listed off', settings({ offSites: ['example.com'] }), 'news.example.com', 0],
    ['not listed', settings({ offSites: ['other.org'] }), 'news.example.com', 2],
    ['only-listed, listed', settings({ siteMode: 'only-listed', onlySites: ['example.com'] }), 'example.com', 2],
    ['only-listed, not listed', settings({ siteMode: 'only-listed', onlySites: ['other.org'] }), 'example.com', 0],
  ])('per-site rule: %s', async (_name, value, site, expected) => {
    makeSession(site).apply(value);
    await settled();
    expect(marks()).toHaveLength(expected);
  });

  it('re-highlights when density or categories change, with the new options', async () => {
    makeSession().apply(settings());
    await settled();
    session.apply(settings({ density: 'every' }));
    await settled();
    expect(marks()).toHaveLength(5);
    session.apply(settings({ density: 'every', disabledCategories: ['payments'] }));
    await settled();
    expect(marks()).toEqual(['npci', 'npci']);
    expect(starts).toBe(3);
  });

  it('changes style without re-highlighting, and takes its sheet out on undo', async () => {
    makeSession().apply(settings());
    await settled();
    const first = document.querySelector(MARK_SELECTOR);
    const before = document.adoptedStyleSheets.length;
    session.apply(settings({ style: 'background' }));
    expect(document.querySelector(MARK_SELECTOR)).toBe(first);
    expect(document.adoptedStyleSheets.length).toBe(before + 1);
    session.apply(settings({ style: 'underline' }));
    expect(document.adoptedStyleSheets.length).toBe(before);
    expect(starts).toBe(1);
  });

  it('the page toggle flips this page only, whatever the settings say', async () => {
    makeSession().apply(settings());
    await settled();
    expect(session.togglePage()).toBe(false);
    expect(marks()).toHaveLength(0);
    expect(session.togglePage()).toBe(true);
    await settled();
    expect(marks()).toHaveLength(2);
  });

  it('stop removes marks and style', async () => {
    makeSession().apply(settings({ style: 'none' }));
    await settled();
    session.stop();
    expect(document.body.innerHTML).toBe(ARTICLE);
  });
});

describe('focusFirstMentions', () => {
  it('gives only the first mark of each term a tab stop', async () => {
    document.body.innerHTML = ARTICLE;
    const run = startLiveHighlighter(document, matcher, { senses: KEEP_ALL_HITS });
    await passesComplete(1);
    expect(focusFirstMentions(document)).toBe(2);
    const tabbable = Array.from(document.querySelectorAll('mark[tabindex="0"]'), (m) => m.textContent);
    expect(tabbable).toEqual(['UPI', 'NPCI']);
    expect(document.querySelectorAll(`${MARK_SELECTOR}:not([tabindex])`)).toHaveLength(3);
    run.stop();
  });
});

describe('markOfSelection', () => {
  it('finds the mark a selection lies in, or exactly covers, and nothing else', () => {
    document.body.innerHTML = '<p id="p">Pay by <mark class="dpi-lens-term" data-dpi-term="upi">UPI</mark> today.</p>';
    const mark = document.querySelector<HTMLElement>('mark')!;
    const selection = document.getSelection()!;
    selection.selectAllChildren(mark);
    expect(markOfSelection(selection)).toBe(mark);
    selection.selectAllChildren(document.getElementById('p')!);
    expect(markOfSelection(selection)).toBeUndefined();
    selection.removeAllRanges();
    expect(markOfSelection(selection)).toBeUndefined();
  });
});

describe('card settings', () => {
  it('passes theme, delay and pointer behaviour to the card once it is mounted', async () => {
    const card = fakeCard();
    makeSession('example.com', async () => card).apply(settings({ theme: 'dark', hoverDelayMs: 600, style: 'none' }));
    await settled();
    await Promise.resolve();
    await Promise.resolve();
    expect(card.setTheme).toHaveBeenLastCalledWith('dark');
    expect(card.setOpenDelay).toHaveBeenLastCalledWith(600);
    expect(card.setPointerOpens).toHaveBeenLastCalledWith(false);
    session.apply(settings({ theme: 'light' }));
    expect(card.setTheme).toHaveBeenLastCalledWith('light');
    expect(card.setPointerOpens).toHaveBeenLastCalledWith(true);
  });

  it('removes the card when highlighting is turned off, and mounts a new one with the next marks', async () => {
    const cards: ReturnType<typeof fakeCard>[] = [];
    makeSession('example.com', async () => {
      const card = fakeCard();
      cards.push(card);
      return card;
    }).apply(settings());
    await settled();
    expect(cards).toHaveLength(1);
    session.apply(settings({ enabled: false }));
    await Promise.resolve();
    expect(cards[0]!.remove).toHaveBeenCalledTimes(1);
    session.apply(settings());
    await settled();
    expect(cards).toHaveLength(2);
    expect(cards[1]!.remove).not.toHaveBeenCalled();
  });
});
