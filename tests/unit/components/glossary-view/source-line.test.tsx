import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { EntryName } from '@/components/glossary-view/EntryName';
import { SourceLine } from '@/components/glossary-view/SourceLine';
import { formatLongDate, formatMonthYear } from '@/utils/i18n/dates';
import type { Source } from '@/glossary/types';

const SOURCE: Source = {
  url: 'https://www.npci.org.in/what-we-do/upi/product-overview',
  title: 'UPI product overview',
  publisher: 'NPCI',
  asOf: '2025-08-14',
};

afterEach(cleanup);

/** What follows the source's link: its publisher and date as the reader sees them. */
function afterLink(container: Element): string {
  const link = screen.getByRole('link');
  return (container.textContent ?? '').slice((link.textContent ?? '').length).trim();
}

function renderLine(source: Source, card = false) {
  return render(
    <p>
      {card ? (
        <SourceLine source={source} formatDate={formatMonthYear} separator=" · " leadingSeparator />
      ) : (
        <SourceLine source={source} formatDate={formatLongDate} separator=", " />
      )}
    </p>,
  );
}

describe('SourceLine', () => {
  it('links the title in a new tab, without giving the source a handle on the extension page', () => {
    renderLine(SOURCE);
    const link = screen.getByRole('link', { name: 'UPI product overview' });
    expect(link.getAttribute('href')).toBe(SOURCE.url);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('reads "publisher, as of <long date>" in the popup, the date a <time>', () => {
    const { container } = renderLine(SOURCE);
    expect(afterLink(container)).toBe('NPCI, as of 14 August 2025');
    expect(container.querySelector('time')?.getAttribute('datetime')).toBe('2025-08-14');
  });

  it('reads "· publisher · as of <month year>" after the title on the card', () => {
    const { container } = renderLine(SOURCE, true);
    expect(afterLink(container)).toBe('· NPCI · as of Aug 2025');
    expect(container.querySelector('time')?.getAttribute('datetime')).toBe('2025-08-14');
  });

  it.each([
    ['no date', { publisher: 'Wards', asOf: '' }, 'Wards', '· Wards'],
    ['no publisher', { publisher: '', asOf: '2024-01-15' }, 'as of 15 January 2024', '· as of Jan 2024'],
    ['neither', { publisher: '', asOf: '' }, '', ''],
  ])('invents nothing for a source with %s', (_case, fields, popup, card) => {
    const source = { url: 'https://example.org/', title: 'Home', ...fields };
    expect(afterLink(renderLine(source).container)).toBe(popup);
    cleanup();
    expect(afterLink(renderLine(source, true).container)).toBe(card);
  });

  it('adds no meta element at all when there is nothing to say', () => {
    const { container } = renderLine({ url: 'https://example.org/', title: 'Home', publisher: '', asOf: '' });
    expect(container.querySelector('.source-meta')).toBeNull();
  });
});

describe('EntryName', () => {
  it('gives the Hindi name after the name, marked as Hindi', () => {
    render(
      <h2>
        <EntryName entry={{ name: 'UPI', nameHi: 'यूपीआई' }} />
      </h2>,
    );
    const heading = screen.getByRole('heading', { name: 'UPI यूपीआई' });
    expect(heading.querySelector('[lang="hi"]')?.textContent?.trim()).toBe('यूपीआई');
  });

  it('is the name alone when there is no Hindi name', () => {
    render(
      <h2>
        <EntryName entry={{ name: 'NPCI' }} />
      </h2>,
    );
    expect(screen.getByRole('heading', { name: 'NPCI' }).querySelector('[lang]')).toBeNull();
  });
});
