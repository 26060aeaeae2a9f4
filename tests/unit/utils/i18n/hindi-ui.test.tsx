/**
 * The interface in Hindi: the browser's i18n answers from public/_locales/hi, as Chrome and
 * Firefox do for a reader whose browser language is Hindi. Every visible word of the popup, the
 * card and the "Your terms" section must come from there; an English literal left in a component
 * fails these tests.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import hi from '@/public/_locales/hi/messages.json';
import { formatMessage, t, tCount } from '@/utils/i18n/i18n';
import { formatLongDate, formatMonthYear } from '@/utils/i18n/dates';
import { CustomTermsSection } from '@/components/custom-terms/CustomTermsSection';
import { indexBundledForms, toGlossaryEntry } from '@/utils/custom-terms/schema';
import { HoverCard } from '@/components/hover-card/HoverCard';
import type { PageTermsLoader } from '@/utils/popup/page-requests';
import { App } from '@/entrypoints/popup/App';
import { entry } from '@/tests/unit/support/entries';
import { textOf } from '@/tests/unit/support/text';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** What the browser's getMessage does with the Hindi file. */
function speakHindi(): void {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, substitutions?: string | string[]) => {
    const spec = (hi as Messages)[key];
    if (!spec) return '';
    const list = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return formatMessage(spec, list);
  });
}

const UPI = entry({
  id: 'upi',
  name: 'UPI',
  nameHi: 'यूपीआई',
  category: 'payments',
  significance: ['Most retail digital payments in India run on it.'],
  challenges: ['Concentration in two apps.'],
  misconception: 'UPI is not run by the RBI itself.',
  history: [{ date: '2016-08', text: 'Launched.' }],
  related: [{ id: 'npci', relation: 'operated-by' }],
});
const NPCI = entry({ id: 'npci', name: 'NPCI', category: 'payments' });
const ENTRIES = [UPI, NPCI];

beforeEach(() => {
  fakeBrowser.reset();
  speakHindi();
});
afterEach(cleanup);

describe('popup in Hindi', () => {
  it('labels the search and its sections in Hindi, with Hindi counts', async () => {
    const load: PageTermsLoader = () => Promise.resolve({ status: 'terms', terms: [{ id: 'upi', count: 3 }] });
    render(<App entries={ENTRIES} loadPageTerms={load} />);

    expect(screen.getByRole('combobox', { name: 'शब्दावली में खोजें' })).toBeDefined();
    const onPage = screen.getByRole('heading', { name: 'इस पेज पर' }).parentElement!;
    await waitFor(() => expect(within(onPage).getByRole('button', { name: /उल्लेख/ }).textContent).toBe('UPI3 उल्लेख'));
    expect(screen.getByRole('heading', { name: 'श्रेणी के अनुसार देखें' })).toBeDefined();
    expect(screen.getByText('भुगतान')).toBeDefined();
    expect(screen.queryByText(/On this page|Browse by category|Payments/)).toBeNull();

    fireEvent.input(screen.getByRole('combobox'), { target: { value: 'zzzz' } });
    expect(screen.getByText(/“zzzz” से शब्दावली का कोई शब्द मेल नहीं खाता/)).toBeDefined();
  });

  it('shows an entry with Hindi headings, relation labels, dates and Back', () => {
    render(<App entries={ENTRIES} loadPageTerms={() => Promise.resolve({ status: 'unavailable' })} params={{ termId: 'upi' }} />);
    const article = screen.getByRole('article');
    for (const heading of ['क्यों ज़रूरी है', 'चुनौतियाँ', 'आम ग़लतफ़हमी', 'क्या बदला', 'संबंधित शब्द', 'स्रोत', 'संचालक']) {
      expect(within(article).getByRole('heading', { name: heading })).toBeDefined();
    }
    for (const english of ['Why it matters', 'Challenges', 'Sources', 'Operated by', 'Changed since']) {
      expect(within(article).queryByRole('heading', { name: english })).toBeNull();
    }
    expect(textOf(article)).toContain(`${formatLongDate('2016-08', 'hi')}: Launched.`);
    // The source's date sits in a <time> inside the Hindi phrase "<date> तक".
    const time = article.querySelector('time[datetime="2024-01-15"]')!;
    expect(textOf(time.parentElement)).toBe(`Example, ${formatLongDate('2024-01-15', 'hi')} तक`);

    fireEvent.click(within(article).getByRole('button', { name: 'NPCI' }));
    fireEvent.click(screen.getByRole('button', { name: 'वापस' }));
    expect(textOf(screen.getByRole('heading', { level: 2 }))).toMatch('UPI');
  });

  it('says in Hindi that it cannot read the page', async () => {
    render(<App entries={ENTRIES} loadPageTerms={() => Promise.resolve({ status: 'unavailable' })} />);
    expect(await screen.findByText(/DPI Lens यह पेज नहीं पढ़ सकता/)).toBeDefined();
  });
});

describe('dates and counts follow the interface language', () => {
  it.each([
    ['2025-10-01', 'en', '1 October 2025'],
    ['2016-04', 'en', 'April 2016'],
    ['2025-10-01', 'hi', '1 अक्टूबर 2025'],
    ['2016-04', 'hi', 'अप्रैल 2016'],
    ['soon', 'hi', 'soon'],
  ])('formatLongDate(%j, %s) is %j', (date, language, shown) => {
    expect(formatLongDate(date, language)).toBe(shown);
  });

  it.each([
    ['2025-08-14', 'en', 'Aug 2025'],
    ['2025-08', 'hi', 'अगस्त 2025'],
    ['2022', 'hi', '2022'],
  ])('formatMonthYear(%j, %s) is %j', (date, language, shown) => {
    expect(formatMonthYear(date, language)).toBe(shown);
  });

  it('picks Hindi singular for 0 and 1, plural above', () => {
    expect(tCount('planKeptOne', 'planKeptOther', 0)).toBe('0 सहेजा शब्द जस का तस');
    expect(tCount('planKeptOne', 'planKeptOther', 2)).toBe('2 सहेजे शब्द जस के तस');
    expect(t('importPlan', 'x')).toBe('x।');
  });
});

describe('card and "Your terms" in Hindi', () => {
  it('marks a reader’s term and its relations in Hindi in the card', () => {
    const term = toGlossaryEntry({ name: 'Ward', aliases: [], definition: 'A part of a city.', significance: [], challenges: [] });
    render(<HoverCard detail="detailed" entry={term} related={[{ relation: 'operated-by', entry: NPCI }]} />);
    expect(screen.getByText('आपका शब्द · कोई स्रोत नहीं दिया गया')).toBeDefined();
    expect(within(screen.getByRole('group', { name: 'संबंधित शब्द' })).getByRole('listitem').textContent).toBe('संचालक NPCI');
  });

  it('shows the section, its form and its messages in Hindi', async () => {
    render(<CustomTermsSection bundled={indexBundledForms([])} />);
    expect(screen.getByRole('heading', { name: 'आपके शब्द' })).toBeDefined();
    await screen.findByText('आपने अभी तक कोई शब्द नहीं जोड़ा है।');
    expect(screen.getByRole('heading', { name: 'नया शब्द' })).toBeDefined();
    expect(screen.getByRole('heading', { name: 'आयात और निर्यात' })).toBeDefined();

    fireEvent.input(screen.getByLabelText('नाम'), { target: { value: 'Gram Sabha' } });
    fireEvent.input(screen.getByLabelText('छोटी परिभाषा'), { target: { value: 'A village assembly.' } });
    fireEvent.click(screen.getByRole('button', { name: 'शब्द जोड़ें' }));
    await waitFor(() => expect(textOf(screen.getByRole('status'))).toBe('“Gram Sabha” जोड़ा गया।'));
    expect(screen.getByRole('button', { name: 'Gram Sabha बदलें' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Gram Sabha हटाएँ' })).toBeDefined();
  });
});
