import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, updateSettings, type Settings } from '@/utils/settings/settings';
import { App } from '@/entrypoints/options/App';

afterEach(() => {
  cleanup();
  document.documentElement.removeAttribute('data-theme');
});

const checked = (element: HTMLElement) => (element as HTMLInputElement).checked;

function setup(initial: Settings = DEFAULT_SETTINGS) {
  let stored = initial;
  const save = vi.fn(async (change: Partial<Settings>) => {
    stored = updateSettings(stored, change);
    return stored;
  });
  render(<App load={async () => stored} save={save} watch={() => () => {}} />);
  return { save, stored: () => stored };
}

describe('options page', () => {
  it('shows every setting with the calm defaults chosen', async () => {
    setup();
    expect(checked(await screen.findByRole('checkbox', { name: /highlight dpi terms/i }))).toBe(true);
    expect(checked(screen.getByRole('radio', { name: /first mention of each term \(recommended\)/i }))).toBe(true);
    expect(checked(screen.getByRole('radio', { name: /dotted underline/i }))).toBe(true);
    expect(checked(screen.getByRole('radio', { name: /follow the system/i }))).toBe(true);
    expect(checked(screen.getByRole('checkbox', { name: 'Payments' }))).toBe(true);
    expect((screen.getByRole('slider', { name: /wait before a card opens/i }) as HTMLInputElement).value).toBe(String(DEFAULT_SETTINGS.hoverDelayMs));
    expect(screen.getByRole('heading', { name: 'Your terms' })).toBeTruthy();
  });

  it('saves a change at once and says so', async () => {
    const { save, stored } = setup();
    fireEvent.click(await screen.findByRole('radio', { name: /every mention/i }));
    await screen.findByText('Saved');
    expect(save).toHaveBeenCalledWith({ density: 'every' });
    expect(stored().density).toBe('every');
  });

  it('offers the detailed card for readers who want it; the glance is the default', async () => {
    const { save, stored } = setup();
    expect(checked(await screen.findByRole('radio', { name: /at a glance/i }))).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: /detailed/i }));
    await screen.findByText('Saved');
    expect(save).toHaveBeenCalledWith({ cardDetail: 'detailed' });
    expect(stored().cardDetail).toBe('detailed');
  });

  it('switches a category off', async () => {
    const { stored } = setup();
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Payments' }));
    await waitFor(() => expect(stored().disabledCategories).toEqual(['payments']));
  });

  it('adds a site typed as an address, and removes it', async () => {
    const { stored } = setup();
    const box = await screen.findByRole('textbox', { name: /add a site/i });
    fireEvent.input(box, { target: { value: 'https://www.ndtv.com/india' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(stored().offSites).toEqual(['ndtv.com']));
    fireEvent.click(await screen.findByRole('button', { name: 'Remove ndtv.com' }));
    await waitFor(() => expect(stored().offSites).toEqual([]));
  });

  it('refuses text that is not a site, with an alert', async () => {
    setup();
    fireEvent.input(await screen.findByRole('textbox', { name: /add a site/i }), { target: { value: 'not a site' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/does not look like a site/i);
  });

  it('applies the theme to the page', async () => {
    setup({ ...DEFAULT_SETTINGS, theme: 'dark' });
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
  });
});

describe('options page: keyboard', () => {
  it('lists the commands with the keys the browser assigned, and says when one is not set', async () => {
    const loadCommands = vi.fn(async () => [
      { name: 'next-term', description: 'Go to the next highlighted term and open its card', shortcut: 'Alt+J' },
      { name: 'previous-term', description: 'Go to the previous highlighted term and open its card', shortcut: '' },
    ]);
    render(<App load={async () => DEFAULT_SETTINGS} save={vi.fn()} watch={() => () => {}} loadCommands={loadCommands} />);
    const section = await screen.findByRole('region', { name: 'Keyboard' });
    await waitFor(() => expect(section.querySelector('kbd')?.textContent).toBe('Alt+J'));
    expect(section.textContent).toContain('Go to the next highlighted term and open its card');
    expect(section.textContent).toContain('not set');
    expect(section.textContent).not.toMatch(/Tab reaches/);
  });
});
