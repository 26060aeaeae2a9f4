import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntryView } from '@/components/popup/EntryView';
import { CARD_BULLETS, CARD_RELATED, cardDefinition, HoverCard, SHEET_DISMISS_PX } from '@/components/hover-card/HoverCard';
import { formatMonthYear } from '@/utils/i18n/dates';
import type { GlossaryEntry } from '@/glossary/types';

// Hand-made entries: the component's behaviour must not depend on the real glossary's wording.
const npci: GlossaryEntry = {
  id: 'npci',
  name: 'NPCI',
  expansion: 'National Payments Corporation of India',
  aliases: [],
  category: 'payments',
  short: 'The not-for-profit company that runs retail payment systems.',
  definition: 'Longer text.',
  significance: ['Runs UPI.'],
  challenges: ['Concentration.'],
  related: [],
  sources: [{ url: 'https://www.npci.org.in/', title: 'About NPCI', publisher: 'NPCI', asOf: '2025-01-10' }],
};

const upi: GlossaryEntry = {
  id: 'upi',
  name: 'UPI',
  nameHi: 'यूपीआई',
  expansion: 'Unified Payments Interface',
  aliases: [],
  category: 'payments',
  short: 'A system for instant bank-to-bank payments from a phone.',
  definition: 'Longer text.',
  significance: ['Free for people paying.', 'Works across banks and apps.'],
  challenges: ['Two apps hold most of the market.'],
  misconception: 'UPI is not run by the RBI; NPCI operates it.',
  related: [{ id: 'npci', relation: 'operated-by' }],
  sources: [
    {
      url: 'https://www.npci.org.in/what-we-do/upi/product-overview',
      title: 'UPI product overview',
      publisher: 'NPCI',
      asOf: '2025-08-14',
    },
    { url: 'https://example.org/second', title: 'Second source', publisher: 'Other', asOf: '2024-01-01' },
  ],
};

afterEach(cleanup);

describe('HoverCard, detailed (the reader\'s setting, or after More)', () => {
  it('is a dialog titled with the term, its Hindi name, and its expansion', () => {
    render(<HoverCard detail="detailed" entry={upi} related={[]} />);
    const card = screen.getByRole('dialog', { name: /UPI/ });
    expect(within(card).getByRole('heading', { level: 2 })).toHaveProperty('textContent', 'UPI यूपीआई');
    expect(within(card).getByText('यूपीआई').getAttribute('lang')).toBe('hi');
    expect(within(card).getByText('Unified Payments Interface')).toBeTruthy();
  });

  it('shows the short definition', () => {
    render(<HoverCard detail="detailed" entry={upi} related={[]} />);
    expect(screen.getByText('A system for instant bank-to-bank payments from a phone.')).toBeTruthy();
  });

  it('lists why it matters and the challenges as separate lists', () => {
    render(<HoverCard detail="detailed" entry={upi} related={[]} />);
    const matters = screen.getByRole('group', { name: 'Why it matters' });
    expect(within(matters).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Free for people paying.',
      'Works across banks and apps.',
    ]);
    const challenges = screen.getByRole('group', { name: 'Challenges' });
    expect(within(challenges).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Two apps hold most of the market.',
    ]);
  });

  it('folds a long misconception under its heading, where a short one is shown open', () => {
    const long = 'UPI is not run by the RBI. '.repeat(10).trim();
    render(<HoverCard detail="detailed" entry={{ ...upi, misconception: long }} related={[]} />);
    const region = screen.getByRole('group', { name: 'Common misconception' });
    const details = region.querySelector('details');
    expect(details?.open).toBe(false);
    expect(details?.querySelector('summary')?.textContent).toBe('Common misconception');
    expect(details?.textContent).toContain(long);
    cleanup();
    render(<HoverCard detail="detailed" entry={upi} related={[]} />);
    expect(screen.getByRole('group', { name: 'Common misconception' }).querySelector('details')).toBeNull();
  });

  it('shows a common misconception when the entry has one, and none otherwise', () => {
    const { rerender } = render(<HoverCard detail="detailed" entry={upi} related={[]} />);
    expect(screen.getByRole('group', { name: 'Common misconception' }).textContent).toContain(
      'UPI is not run by the RBI',
    );
    rerender(<HoverCard detail="detailed" entry={npci} related={[]} />);
    expect(screen.queryByRole('group', { name: 'Common misconception' })).toBeNull();
  });

  it('links the main (first) source in a new tab, with its publisher and as-of month', () => {
    render(<HoverCard detail="detailed" entry={upi} related={[]} />);
    const link = screen.getByRole('link', { name: 'UPI product overview' });
    expect(link.getAttribute('href')).toBe('https://www.npci.org.in/what-we-do/upi/product-overview');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(link.closest('.source')?.textContent).toContain('NPCI · as of Aug 2025');
    expect(screen.queryByRole('link', { name: 'Second source' })).toBeNull();
  });

  it('shows the first two points of each list; the third is in the popup, not the card', () => {
    expect(CARD_BULLETS).toBe(2);
    const long: GlossaryEntry = {
      ...upi,
      significance: ['First point.', 'Second point.', 'Third point, for the popup.'],
      challenges: ['First challenge.', 'Second challenge.', 'Third challenge, for the popup.'],
    };
    render(<HoverCard detail="detailed" entry={long} related={[]} />);
    const matters = screen.getByRole('group', { name: 'Why it matters' });
    expect(within(matters).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'First point.',
      'Second point.',
    ]);
    const challenges = screen.getByRole('group', { name: 'Challenges' });
    expect(within(challenges).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.queryByText('Third point, for the popup.')).toBeNull();
    expect(screen.queryByText('Third challenge, for the popup.')).toBeNull();
    cleanup();

    render(<EntryView entry={long} getEntry={() => undefined} onOpen={() => {}} onBack={() => {}} />);
    expect(screen.getByText('Third point, for the popup.')).toBeTruthy();
    expect(screen.getByText('Third challenge, for the popup.')).toBeTruthy();
  });

  it('keeps the main source in a source line outside the scrolling body, even when the body is long', () => {
    const long: GlossaryEntry = { ...upi, short: 'A long definition. '.repeat(80) };
    render(<HoverCard detail="detailed" entry={long} related={[]} />);
    const card = screen.getByRole('dialog');
    const footer = screen.getByRole('link', { name: 'UPI product overview' }).closest('.source');
    expect(footer?.parentElement).toBe(card);
    expect(card.querySelector('.body')?.contains(footer ?? null)).toBe(false);
    expect(card.lastElementChild).toBe(footer);
  });

  it('shows the first few related terms on one line, each a button', () => {
    const others = Array.from({ length: CARD_RELATED + 3 }, (_, i) => ({
      relation: 'see-also' as const,
      entry: { ...npci, id: `other-${i}`, name: `Other ${i}` },
    }));
    render(<HoverCard detail="detailed" entry={upi} related={others} onShowRelated={() => {}} />);
    const related = screen.getByRole('group', { name: 'Related terms' });
    expect(within(related).getAllByRole('button').map((b) => b.textContent)).toEqual(
      others.slice(0, CARD_RELATED).map(({ entry }) => entry.name),
    );
  });

  it('offers "Full entry in DPI Lens" only when the full entry can be opened, as a button', () => {
    const onOpenFull = vi.fn();
    const { rerender } = render(<HoverCard detail="detailed" entry={upi} related={[]} />);
    expect(screen.queryByRole('button', { name: /Full entry in DPI Lens/ })).toBeNull();
    rerender(<HoverCard detail="detailed" entry={upi} related={[]} onOpenFull={onOpenFull} />);
    const more = screen.getByRole('button', { name: /Full entry in DPI Lens/ });
    expect(more.closest('.source')).not.toBeNull();
    fireEvent.click(more);
    expect(onOpenFull).toHaveBeenCalledOnce();
  });

  it('offers "Full entry in DPI Lens" for a reader\'s term with no source', () => {
    const own: GlossaryEntry = { ...npci, id: 'custom-gram-sabha', name: 'Gram Sabha', sources: [] };
    render(<HoverCard detail="detailed" entry={own} related={[]} onOpenFull={() => {}} />);
    expect(screen.getByRole('button', { name: /Full entry in DPI Lens/ }).closest('.source')).not.toBeNull();
  });

  it('names related terms with the relation in words, and opens one when chosen', () => {
    const onShowRelated = vi.fn();
    render(
      <HoverCard detail="detailed" entry={upi} related={[{ relation: 'operated-by', entry: npci }]} onShowRelated={onShowRelated} />,
    );
    const related = screen.getByRole('group', { name: 'Related terms' });
    expect(within(related).getByRole('listitem').textContent).toBe('Operated by NPCI');
    fireEvent.click(within(related).getByRole('button', { name: 'NPCI' }));
    expect(onShowRelated).toHaveBeenCalledWith('npci');
  });

  it('offers a way back when it shows a related term', () => {
    const onBack = vi.fn();
    render(<HoverCard detail="detailed" entry={npci} related={[]} backTo="UPI" onBack={onBack} />);
    fireEvent.click(screen.getByRole('button', { name: /Back to UPI/ }));
    expect(onBack).toHaveBeenCalledOnce();
  });

  it.each(['light', 'dark', 'system'] as const)('carries the %s theme for its styles', (theme) => {
    render(<HoverCard detail="detailed" entry={upi} related={[]} theme={theme} />);
    expect(screen.getByRole('dialog').dataset.theme).toBe(theme);
  });
});

describe('HoverCard at a glance (the default)', () => {
  const long: GlossaryEntry = {
    ...upi,
    shortHi: 'फ़ोन से तुरंत बैंक-से-बैंक भुगतान की प्रणाली।',
    significance: ['First point.', 'Second point.'],
    challenges: ['First challenge.', 'Second challenge.'],
  };

  it('shows the name, expansion, one-line definition, one "why it matters" line, one challenge line and the source with its date', () => {
    render(<HoverCard entry={long} related={[{ relation: 'operated-by', entry: npci }]} onShowRelated={() => {}} />);
    const card = screen.getByRole('dialog', { name: /UPI/ });
    expect(within(card).getByText('Unified Payments Interface')).toBeTruthy();
    expect(within(card).getByText(long.short)).toBeTruthy();
    expect(textOfLine(card, 'Why it matters')).toBe('Why it matters: First point.');
    expect(textOfLine(card, 'Challenge')).toBe('Challenge: First challenge.');
    expect(card.textContent).not.toContain('Second point.');
    expect(card.textContent).not.toContain('Second challenge.');
    expect(card.textContent).not.toContain('UPI is not run by the RBI');
    expect(screen.queryByRole('group', { name: 'Related terms' })).toBeNull();
    const source = within(card).getByRole('link', { name: 'NPCI' });
    expect(source.getAttribute('href')).toBe(upi.sources[0]!.url);
    expect(source.closest('.source')?.textContent).toContain('NPCI · as of Aug 2025');
  });

  it('"More" expands the card in place (aria-expanded), then offers the full entry; "Less" folds it again', async () => {
    const onOpenFull = vi.fn();
    const onResize = vi.fn();
    render(<HoverCard entry={long} related={[]} onOpenFull={onOpenFull} onResize={onResize} />);
    expect(screen.queryByRole('button', { name: /Full entry/ })).toBeNull();
    const more = screen.getByRole('button', { name: 'More' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(screen.getByRole('button', { name: 'Less' }).getAttribute('aria-expanded')).toBe('true');
    expect(within(screen.getByRole('group', { name: 'Why it matters' })).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByRole('group', { name: 'Common misconception' })).toBeTruthy();
    await Promise.resolve();
    expect(onResize).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: /Full entry in DPI Lens/ }));
    expect(onOpenFull).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Less' }));
    expect(screen.queryByRole('group', { name: 'Why it matters' })).toBeNull();
  });

  it('the detailed setting opens expanded, with no "More" to press', () => {
    render(<HoverCard entry={long} related={[]} detail="detailed" onOpenFull={() => {}} />);
    expect(screen.queryByRole('button', { name: 'More' })).toBeNull();
    expect(screen.getByRole('group', { name: 'Why it matters' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Full entry in DPI Lens/ })).toBeTruthy();
  });

  it('as a bottom sheet, has a close handle; dragging it down past the threshold closes it, a short drag does not', () => {
    const onDismiss = vi.fn();
    render(<HoverCard entry={long} related={[]} sheet onDismiss={onDismiss} />);
    const card = screen.getByRole('dialog');
    expect(card.classList.contains('sheet')).toBe(true);
    const head = card.querySelector('.head')!;
    const drag = (dy: number) => {
      fireEvent.pointerDown(head, { pointerId: 1, clientY: 400 });
      fireEvent.pointerMove(head, { pointerId: 1, clientY: 400 + dy });
      fireEvent.pointerUp(head, { pointerId: 1, clientY: 400 + dy });
    };
    drag(SHEET_DISMISS_PX / 2);
    expect(onDismiss).not.toHaveBeenCalled();
    drag(SHEET_DISMISS_PX + 20);
    expect(onDismiss).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onDismiss).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['en', 'A system for instant bank-to-bank payments from a phone.', undefined],
    ['hi', 'फ़ोन से तुरंत बैंक-से-बैंक भुगतान की प्रणाली।', 'hi'],
  ])('the one-line definition in the %s UI is the entry\'s own one-liner for it', (language, text, lang) => {
    expect(cardDefinition(long, language)).toEqual(lang ? { text, lang } : { text });
  });

  it('a reader\'s own term (no Hindi one-liner) keeps its definition in the Hindi UI', () => {
    expect(cardDefinition({ short: 'A village assembly.' }, 'hi')).toEqual({ text: 'A village assembly.' });
  });
});

function textOfLine(card: HTMLElement, label: string): string | undefined {
  return Array.from(card.querySelectorAll('.line')).find((line) => line.querySelector('strong')?.textContent === label)?.textContent ?? undefined;
}

describe('the card’s dates (formatMonthYear)', () => {
  it.each([
    ['2025-08-14', 'Aug 2025'],
    ['2024-01', 'Jan 2024'],
    ['2023-12-31', 'Dec 2023'],
    ['2022', '2022'],
    ['2025-13-01', '2025'],
    ['soon', 'soon'],
  ])('shows %s as "%s"', (date, shown) => {
    expect(formatMonthYear(date)).toBe(shown);
  });
});
