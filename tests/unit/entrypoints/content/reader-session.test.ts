/**
 * The reader session (entrypoints/content/reader-session.ts): the reader's settings applied to one
 * page through the real page highlighter (context rules stood in for), and what the popup and the
 * keyboard command ask of the page.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMatcher } from '@/glossary/matcher';
import type { TermForm } from '@/glossary/terms';
import type { Category } from '@/glossary/types';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/settings';
import { HIGHLIGHT_MEASURE } from '@/entrypoints/content/page/contract';
import type { CardLayer } from '@/entrypoints/content/page/card';
import { startHighlighter } from '@/entrypoints/content/page/highlighter';
import { createReaderSession, type ReaderSession, type ReaderSessionOptions } from '@/entrypoints/content/reader-session';
import { KEEP_ALL_HITS, passesComplete } from '@/tests/unit/support/highlighting';
import { highlightedTerms, installHighlightRegistry } from '@/tests/unit/support/highlight-registry';

const form = (id: string, text: string): TermForm => ({ id, text, exactCase: true });
const matcher = createMatcher([form('upi', 'UPI'), form('npci', 'NPCI')]);
const categoryOf = (id: string): Category => (id === 'upi' ? 'payments' : 'governance-law');
const ARTICLE = '<p>UPI is run by NPCI. UPI grew.</p><p>NPCI and UPI again.</p>';

let session: ReaderSession;
let counts: number[];
let starts: number;
let registry: ReturnType<typeof installHighlightRegistry>;

/** A card layer whose every method is a spy. */
function fakeCard() {
  return {
    setTheme: vi.fn(),
    setDetail: vi.fn(),
    setOpenDelay: vi.fn(),
    setPointerOpens: vi.fn(),
    show: vi.fn(),
    move: vi.fn(),
    followDocuments: vi.fn(),
    close: vi.fn(),
    snapshot: vi.fn(() => ({ open: false })),
    remove: vi.fn(),
  } satisfies CardLayer;
}

function makeSession(site: string | undefined = 'example.com', createCard?: ReaderSessionOptions['createCard']) {
  counts = [];
  starts = 0;
  session = createReaderSession({
    doc: document,
    matcher,
    categoryOf,
    site,
    startHighlighting(m, options) {
      starts += 1;
      return startHighlighter(document, m, { ...options, senses: KEEP_ALL_HITS });
    },
    createCard,
    onTermCount: (count) => counts.push(count),
  });
  return session;
}

const marks = () => highlightedTerms(registry).map(([id]) => id);
const settings = (change: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...change });
/** Every highlighter the session started has finished its pass (none started: nothing to wait for). */
const settled = () => passesComplete(starts);

beforeEach(() => {
  registry = installHighlightRegistry();
  document.body.innerHTML = ARTICLE;
  performance.clearMeasures(HIGHLIGHT_MEASURE);
});
afterEach(() => session?.stop());

describe('reader session', () => {
  it('paints only first mentions by default, reports two distinct terms and every mention to the popup', async () => {
    makeSession().apply(settings());
    await settled();
    expect(marks()).toEqual(['upi', 'npci']);
    expect(counts.at(-1)).toBe(2);
    expect(session.terms()).toEqual([{ id: 'upi', count: 3 }, { id: 'npci', count: 2 }]);
    expect(session.state).toBe('on');
  });

  it('switched off: takes every highlight out and leaves the page as it was; on brings them back', async () => {
    makeSession().apply(settings({ density: 'every' }));
    await settled();
    expect(marks()).toHaveLength(5);
    session.apply(settings({ density: 'every', enabled: false }));
    expect(marks()).toEqual([]);
    expect(document.body.innerHTML).toBe(ARTICLE);
    expect(counts.at(-1)).toBe(0);
    expect(session.state).toBe('off-everywhere');
    expect(session.terms()).toEqual([]);
    session.apply(settings({ density: 'every' }));
    await settled();
    expect(marks()).toHaveLength(5);
  });

  it.each([
    ['listed off', settings({ offSites: ['example.com'] }), 'news.example.com', 0, 'off-site'],
    ['not listed', settings({ offSites: ['other.org'] }), 'news.example.com', 2, 'on'],
    ['only-listed, listed', settings({ siteMode: 'only-listed', onlySites: ['example.com'] }), 'example.com', 2, 'on'],
    ['only-listed, not listed', settings({ siteMode: 'only-listed', onlySites: ['other.org'] }), 'example.com', 0, 'off-site'],
  ])('per-site rule: %s', async (_name, value, site, expected, state) => {
    makeSession(site).apply(value);
    await settled();
    expect(marks()).toHaveLength(expected);
    expect(session.state).toBe(state);
  });

  it('highlights again when density or categories change, with the new options', async () => {
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

  it('changes style without reading the page again', async () => {
    makeSession().apply(settings());
    await settled();
    session.apply(settings({ style: 'background' }));
    expect(registry.has('dpi-lens--background')).toBe(true);
    expect(registry.has('dpi-lens--underline')).toBe(false);
    session.apply(settings({ style: 'underline' }));
    expect(registry.has('dpi-lens--underline')).toBe(true);
    expect(starts).toBe(1);
  });

  it('the page toggle flips this page only, whatever the settings say, and says so', async () => {
    makeSession().apply(settings());
    await settled();
    expect(session.togglePage()).toBe(false);
    expect(marks()).toHaveLength(0);
    expect(session.state).toBe('off-page');
    expect(session.togglePage()).toBe(true);
    await settled();
    expect(marks()).toHaveLength(2);
  });

  it('stop takes every highlight out', async () => {
    makeSession().apply(settings({ style: 'none' }));
    await settled();
    session.stop();
    expect([...registry.keys()]).toEqual([]);
    expect(document.body.innerHTML).toBe(ARTICLE);
  });
});

describe('reader session: the card', () => {
  it('passes theme, delay and pointer behaviour to the card once the page has terms', async () => {
    const card = fakeCard();
    makeSession('example.com', async () => card).apply(settings({ theme: 'dark', hoverDelayMs: 600, style: 'none' }));
    await settled();
    await vi.waitFor(() => expect(card.setTheme).toHaveBeenLastCalledWith('dark'));
    expect(card.setOpenDelay).toHaveBeenLastCalledWith(600);
    expect(card.setPointerOpens).toHaveBeenLastCalledWith(false);
    session.apply(settings({ theme: 'light' }));
    expect(card.setTheme).toHaveBeenLastCalledWith('light');
    expect(card.setPointerOpens).toHaveBeenLastCalledWith(true);
  });

  it('creates no card on a page without terms', async () => {
    document.body.innerHTML = '<p>Monsoon rains reach Kerala.</p>';
    const create = vi.fn(async () => fakeCard());
    makeSession('example.com', create).apply(settings());
    await settled();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(create).not.toHaveBeenCalled();
  });

  it('removes the card when highlighting is turned off, and creates a new one with the next highlights', async () => {
    const cards: ReturnType<typeof fakeCard>[] = [];
    makeSession('example.com', async () => {
      const card = fakeCard();
      cards.push(card);
      return card;
    }).apply(settings());
    await settled();
    await vi.waitFor(() => expect(cards).toHaveLength(1));
    session.apply(settings({ enabled: false }));
    await Promise.resolve();
    expect(cards[0]!.remove).toHaveBeenCalled();
    session.apply(settings());
    await settled();
    await vi.waitFor(() => expect(cards).toHaveLength(2));
    expect(cards[1]!.remove).not.toHaveBeenCalled();
  });

  it("keeps the highlights when the card's code fails to load, and tries again at the next request", async () => {
    const card = fakeCard();
    const create = vi.fn<NonNullable<ReaderSessionOptions['createCard']>>()
      .mockRejectedValueOnce(new TypeError('error loading dynamically imported module'))
      .mockResolvedValue(card);
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      makeSession('example.com', create).apply(settings());
      await settled();
      await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(rejections).toEqual([]); // nothing uncaught: a browser would log it as the extension's error
      expect(marks()).toEqual(['upi', 'npci']);
      expect(await session.showTerm('upi')).toBe(true); // the second try loads it
      expect(create).toHaveBeenCalledTimes(2);
      expect(card.show).toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });

  it("shows a term's first painted mention for the popup, and nothing for a term not on the page", async () => {
    const card = fakeCard();
    makeSession('example.com', async () => card).apply(settings({ density: 'every' }));
    await settled();
    expect(await session.showTerm('npci')).toBe(true);
    const [occurrence, options] = card.show.mock.calls[0]!;
    expect(occurrence).toMatchObject({ id: 'npci', text: 'NPCI' });
    expect(occurrence.node.parentElement).toBe(document.querySelector('p'));
    expect(options).toEqual({ focus: false, reveal: true, flash: true });
    expect(await session.showTerm('npci', { focus: true })).toBe(true);
    expect(card.show.mock.calls[1]![1]).toEqual({ focus: true, reveal: true, flash: true });
    expect(await session.showTerm('aadhaar')).toBe(false);
  });

  it("passes the reader's card detail setting to the card", async () => {
    const card = fakeCard();
    makeSession('example.com', async () => card).apply(settings({ cardDetail: 'detailed' }));
    await settled();
    await vi.waitFor(() => expect(card.setDetail).toHaveBeenCalledWith('detailed'));
  });

  it('moves through terms with the keyboard command only while highlighting', async () => {
    const card = fakeCard();
    card.move.mockImplementation(() => undefined);
    makeSession('example.com', async () => card).apply(settings());
    await settled();
    await session.moveTerm(1);
    expect(card.move).toHaveBeenCalledWith(1);
    session.togglePage();
    expect(await session.moveTerm(-1)).toBeUndefined();
    expect(card.move).toHaveBeenCalledTimes(1);
  });
});
