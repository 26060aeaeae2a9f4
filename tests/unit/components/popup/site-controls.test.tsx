import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SiteControls } from '@/components/popup/SiteControls';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/settings';

afterEach(cleanup);

function setup(initial: Settings, site: string | null = 'thehindu.com') {
  let stored = initial;
  const openOptions = vi.fn();
  render(
    <SiteControls
      loadSite={async () => site ?? undefined}
      load={async () => stored}
      save={async (change) => (stored = change(stored))}
      watch={() => () => {}}
      openOptions={openOptions}
    />,
  );
  return { stored: () => stored, openOptions };
}

describe('popup site controls', () => {
  it('turns highlighting off on this site with one click, and back on', async () => {
    const { stored } = setup(DEFAULT_SETTINGS);
    expect((await screen.findByRole('status')).textContent).toBe('Highlighting is on for thehindu.com');
    fireEvent.click(screen.getByRole('button', { name: 'Off on this site' }));
    await screen.findByText('Highlighting is off for thehindu.com');
    expect(stored().offSites).toEqual(['thehindu.com']);
    fireEvent.click(screen.getByRole('button', { name: 'On on this site' }));
    await screen.findByText('Highlighting is on for thehindu.com');
    expect(stored().offSites).toEqual([]);
  });

  it('offers no site switch where the tab has no site, but still links to the settings', async () => {
    const { openOptions } = setup(DEFAULT_SETTINGS, null);
    fireEvent.click(await screen.findByRole('link', { name: 'Settings' }));
    expect(openOptions).toHaveBeenCalled();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says highlighting is off everywhere when it is', async () => {
    setup({ ...DEFAULT_SETTINGS, enabled: false });
    await screen.findByText('Highlighting is off everywhere.');
  });
});

describe('popup site controls agree with the page', () => {
  it('after the page toggle (Alt+Shift+D) says the page is off and offers it back on, not "Off on this site"', async () => {
    const onTurnOnPage = vi.fn();
    render(
      <SiteControls
        loadSite={async () => 'thehindu.com'}
        load={async () => DEFAULT_SETTINGS}
        save={async (change) => change(DEFAULT_SETTINGS)}
        watch={() => () => {}}
        pageState="off-page"
        onTurnOnPage={onTurnOnPage}
      />,
    );
    expect((await screen.findByRole('status')).textContent).toBe('Highlighting is off on this page.');
    expect(screen.queryByRole('button', { name: 'Off on this site' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'On on this page' }));
    expect(onTurnOnPage).toHaveBeenCalledOnce();
  });

  it('offers to turn highlighting back on when it is off everywhere', async () => {
    const { stored } = setup({ ...DEFAULT_SETTINGS, enabled: false });
    fireEvent.click(await screen.findByRole('button', { name: 'Turn highlighting on' }));
    await screen.findByText('Highlighting is on for thehindu.com');
    expect(stored().enabled).toBe(true);
  });
});
