import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CustomTermsSection } from '@/components/custom-terms/CustomTermsSection';
import { HoverCard } from '@/components/hover-card/HoverCard';
import { checkForm, EMPTY_FIELDS } from '@/utils/custom-terms/form-model';
import { indexBundledForms, toGlossaryEntry, type CustomTerm } from '@/utils/custom-terms/schema';
import { CUSTOM_TERMS_KEY, saveCustomTerms } from '@/utils/custom-terms/storage';
import { PLAIN_UPI } from '@/tests/unit/support/entries';

const bundled = indexBundledForms([PLAIN_UPI]);

const WARD: CustomTerm = { name: 'Ward', aliases: ['W-1'], definition: 'A part of a city.', significance: [], challenges: [] };

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

/** What a reader hears in an element: its paragraphs and list items as separate phrases. */
function textOf(element: Element | null | undefined): string {
  if (!element) return '';
  const parts = element.querySelectorAll('p, li');
  const texts = parts.length ? Array.from(parts, (part) => part.textContent ?? '') : [element.textContent ?? ''];
  return texts.join(' ').replace(/\s+/g, ' ').trim();
}

function savedList() {
  return screen.queryByRole('list', { name: 'Your saved terms' });
}

async function chooseFile(name: string, text: string): Promise<void> {
  const input = screen.getByLabelText('Import terms from a file') as HTMLInputElement;
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('Your terms section', () => {
  it('adds a term from the form and lists it, saved in storage', async () => {
    render(<CustomTermsSection bundled={bundled} />);
    await screen.findByText('You have not added any terms yet.');

    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Gram Sabha' } });
    fireEvent.input(screen.getByLabelText('Short definition'), { target: { value: 'A village assembly.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add term' }));

    await waitFor(() => expect(textOf(screen.getByRole('status'))).toBe('Added “Gram Sabha”.'));
    expect(within(savedList()!).getByText('Gram Sabha')).toBeTruthy();
    const stored = await fakeBrowser.storage.local.get(CUSTOM_TERMS_KEY);
    expect(stored[CUSTOM_TERMS_KEY]).toMatchObject({ terms: [{ name: 'Gram Sabha', definition: 'A village assembly.' }] });
  });

  it('shows inline messages next to the fields, saves nothing, and focuses the first bad field', async () => {
    render(<CustomTermsSection bundled={bundled} />);
    await screen.findByText('You have not added any terms yet.');

    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'upi' } });
    fireEvent.input(screen.getByLabelText('Short definition'), { target: { value: 'x'.repeat(300) } });
    fireEvent.input(screen.getByLabelText('Address (https://…)'), { target: { value: 'ftp://example.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add term' }));

    const name = screen.getByLabelText('Name');
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(textOf(document.getElementById(name.getAttribute('aria-describedby')!))).toBe(
      '"upi" is already a form of the bundled entry "UPI" (upi)',
    );
    const definition = screen.getByLabelText('Short definition');
    expect(textOf(document.getElementById(definition.getAttribute('aria-describedby')!))).toBe('300 characters, at most 280');
    const url = screen.getByLabelText('Address (https://…)');
    expect(textOf(document.getElementById(url.getAttribute('aria-describedby')!))).toBe(
      '"ftp://example.org" is not an http or https address',
    );
    expect(document.activeElement).toBe(name);
    expect(textOf(screen.getByRole('alert'))).toBe('Not saved: 3 fields need attention.');
    expect(await fakeBrowser.storage.local.get(CUSTOM_TERMS_KEY)).toEqual({});
  });

  it('edits and deletes a saved term', async () => {
    await saveCustomTerms([WARD]);
    render(<CustomTermsSection bundled={bundled} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Ward' }));
    expect((screen.getByLabelText('Other spellings (one per line, optional)') as HTMLTextAreaElement).value).toBe('W-1');
    fireEvent.input(screen.getByLabelText('Short definition'), { target: { value: 'A city district.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('A city district.');

    fireEvent.click(screen.getByRole('button', { name: 'Delete Ward' }));
    await waitFor(() => expect(textOf(screen.getByRole('status'))).toBe('Deleted “Ward”.'));
    expect(savedList()).toBeNull();
  });

  it('rejects a bad import with its problems beside the Import control, naming the term, and leaves the saved list unchanged', async () => {
    await saveCustomTerms([WARD]);
    render(<CustomTermsSection bundled={bundled} />);
    await screen.findByRole('button', { name: 'Edit Ward' });

    const bad = JSON.stringify({
      format: 'dpi-lens-terms',
      version: 1,
      terms: [
        { name: 'Gram Sabha', definition: 'Fine.' },
        { name: 'Panchayat', definition: 'p'.repeat(312) },
      ],
    });
    await chooseFile('bad.json', bad);

    await waitFor(() =>
      expect(textOf(screen.getByRole('alert'))).toBe(
        'Nothing was imported: bad.json has 1 problem. Your saved terms are unchanged. Term 2, “Panchayat”: the definition has 312 characters, at most 280',
      ),
    );
    // Next to the control that caused it (not at the top of the section), and tied to it for screen readers.
    const input = screen.getByLabelText('Import terms from a file');
    const alert = screen.getByRole('alert');
    expect(input.nextElementSibling).toBe(alert);
    expect(input.getAttribute('aria-describedby')).toBe(alert.id);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(within(savedList()!).getAllByRole('listitem').map((item) => textOf(item.querySelector('.custom-term-name')))).toEqual(['Ward']);
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
    expect((await fakeBrowser.storage.local.get(CUSTOM_TERMS_KEY))[CUSTOM_TERMS_KEY]).toMatchObject({ terms: [{ name: 'Ward' }] });
  });

  it('rejects a file that is not JSON', async () => {
    render(<CustomTermsSection bundled={bundled} />);
    await screen.findByText('You have not added any terms yet.');
    await chooseFile('notes.txt', 'Gram Sabha: a village assembly');
    await waitFor(() =>
      expect(textOf(screen.getByRole('alert'))).toBe(
        'Nothing was imported: notes.txt has 1 problem. Your saved terms are unchanged. The file is not JSON, so it cannot be a DPI Lens terms file.',
      ),
    );
  });

  it('shows what a good import will do, and applies it only when confirmed', async () => {
    await saveCustomTerms([WARD]);
    render(<CustomTermsSection bundled={bundled} />);
    await screen.findByRole('button', { name: 'Edit Ward' });

    const good = JSON.stringify({
      format: 'dpi-lens-terms',
      version: 1,
      terms: [
        { name: 'Ward', definition: 'Replaced.' },
        { name: 'Gram Sabha', definition: 'New.' },
      ],
    });
    await chooseFile('terms.json', good);
    const confirm = await screen.findByRole('group', { name: 'Confirm import' });
    expect(textOf(confirm)).toContain('1 new term; replaces 1 saved term of the same name: Ward; 0 saved terms unchanged.');
    expect((await fakeBrowser.storage.local.get(CUSTOM_TERMS_KEY))[CUSTOM_TERMS_KEY]).toMatchObject({
      terms: [{ name: 'Ward', definition: 'A part of a city.' }],
    });

    fireEvent.click(within(confirm).getByRole('button', { name: 'Import' }));
    await waitFor(() =>
      expect(textOf(screen.getByRole('status'))).toBe(
        'Imported terms.json: 1 new term; replaces 1 saved term of the same name: Ward; 0 saved terms unchanged.',
      ),
    );
    expect(within(savedList()!).getByText('Replaced.')).toBeTruthy();
    expect(within(savedList()!).getByText('Gram Sabha')).toBeTruthy();
  });

  it('exports the saved terms as dpi-lens-terms.json in the versioned format', async () => {
    await saveCustomTerms([WARD]);
    const download = vi.fn();
    render(<CustomTermsSection bundled={bundled} download={download} />);
    await screen.findByRole('button', { name: 'Edit Ward' });
    fireEvent.click(screen.getByRole('button', { name: 'Export your terms' }));
    expect(download).toHaveBeenCalledTimes(1);
    const [fileName, text] = download.mock.calls[0]!;
    expect(fileName).toBe('dpi-lens-terms.json');
    expect(JSON.parse(text)).toEqual({
      format: 'dpi-lens-terms',
      version: 1,
      terms: [{ name: 'Ward', aliases: ['W-1'], definition: 'A part of a city.' }],
    });
    expect(textOf(screen.getByRole('status'))).toBe('Exported 1 term to dpi-lens-terms.json.');
  });
});

describe('the form model', () => {
  it('reads lines as list items (blank lines ignored) and reports a bad one by its line', () => {
    const result = checkForm(
      { ...EMPTY_FIELDS, name: 'Gram Sabha', definition: 'Assembly.', aliases: 'GS\n\nX' },
      [],
      bundled,
    );
    expect(result).toEqual({
      ok: false,
      errors: { aliases: 'Line 2: "X" is too short to highlight (at least 2 letters or digits)' },
    });
  });

  it('rejects a name another saved term already has, naming it', () => {
    expect(checkForm({ ...EMPTY_FIELDS, name: 'Gram', definition: 'G.', aliases: 'w-1' }, [WARD], bundled)).toEqual({
      ok: false,
      errors: { aliases: 'Line 1: "w-1" is already used by your term "Ward"' },
    });
  });
});

describe('the card for a reader’s term', () => {
  it('says "Your term" and claims no source when none was given', () => {
    render(<HoverCard entry={toGlossaryEntry(WARD)} related={[]} />);
    const card = screen.getByRole('dialog', { name: 'Ward' });
    expect(within(card).getByText('Your term · no source given')).toBeTruthy();
    expect(within(card).queryByText(/Source/)).toBeNull();
  });

  it('links the reader’s own source without inventing a publisher or date', () => {
    const entry = toGlossaryEntry({ ...WARD, source: { url: 'https://example.org/ward', title: 'Wards' } });
    render(<HoverCard entry={entry} related={[]} />);
    expect(screen.getByText('Your term')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Wards' }).getAttribute('href')).toBe('https://example.org/ward');
    // The source line is not a landmark: the card lives on other sites' pages.
    expect(screen.queryByRole('contentinfo')).toBeNull();
    expect(textOf(screen.getByRole('link', { name: 'Wards' }).closest('.source')!)).toBe('Your source: Wards');
  });
});
