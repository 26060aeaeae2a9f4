// `npm start` (after `npm run build`): shows DPI Lens on a bundled demo article.
//
// With a display, it opens Chromium/Chrome with the extension on the demo page and waits until
// you close the window. Without one (a server, CI, SSH), it loads the page headless, prints the
// terms it highlighted, and saves screenshots under .output/demo/. DEMO_HEADLESS=1 forces the
// headless mode anywhere.
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium } from 'playwright-core';
import {
  CHROME_BUILD,
  FIXTURE_PAGES,
  launchWithExtension,
  ROOT,
  serveDirectory,
  cardSnapshot,
  chromiumArgs,
  highlightedTermCounts,
  knownTabId,
  requireBuild,
  requireChromium,
  tabIdFor,
  termBox,
  waitForHighlight,
} from './lib/browser.mjs';

const SCREENSHOTS = join(ROOT, '.output', 'demo');
/** Longer than the card's 120 ms fade-in (hover-card.css), so a screenshot shows it opaque. */
const CARD_FADE_WAIT_MS = 400;
/** Where the demo page is written and served from (build output, like the screenshots). */
const DEMO_SITE = join(SCREENSHOTS, 'site');
/** Above the article on the demo page: what to try. */
const DEMO_NOTE = `    <p role="note" style="margin:0;padding:10px 24px;background:#fff4c2;font:15px/1.4 system-ui,sans-serif">
      Demo page for the extension. Hover a highlighted term to see what it means (Esc closes the card), or
      open the extension's toolbar popup for the terms on this page and the full glossary.
    </p>
`;
/** The first highlighting pass takes well under a second; this is a ceiling for slow machines. */
const HIGHLIGHT_TIMEOUT_MS = 15_000;
/** The card's hover-intent delay (about half a second) plus rendering, with room to spare. */
const CARD_TIMEOUT_MS = 5_000;
/** The popup asks the tab for its terms over extension messaging: local and quick. */
const POPUP_TIMEOUT_MS = 5_000;
/** Roughly the size Chrome gives an extension's toolbar popup. */
const POPUP_VIEWPORT = { width: 400, height: 600 };
/** The popup as Chrome shows it: the body is 380 px wide and at most 560 px tall (entrypoints/popup/style.css). */
const POPUP_SIZE = { width: 380, height: 560 };
/** Wide enough for the options page's column, tall enough for its first sections. */
const OPTIONS_VIEWPORT = { width: 800, height: 860 };
/** The term the light/dark screenshots search for, open in the popup and hover on the article. */
const GALLERY_TERM = 'upi';
/** Page around the card and its term in the card screenshots. */
const CARD_MARGIN_PX = 32;
/** A phone as the browser tests emulate it (tests/e2e/phone.e2e.ts): 360 x 740 CSS px, device scale 3, touch. */
const PHONE = { width: 360, height: 740, deviceScaleFactor: 3, mobile: true };
/** Longer than the sheet's 160 ms slide-in (hover-card.css). */
const SHEET_WAIT_MS = 500;

function hasDisplay(env = process.env) {
  if (env.DEMO_HEADLESS === '1') return false;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY) || process.platform === 'darwin' || process.platform === 'win32';
}

/**
 * The demo page: the browser tests' article (tests/fixtures/pages/article.html) with "DPI Lens
 * demo" in its title and a note on what to try under the site's header. Made from the article on
 * every run, so the demo shows exactly what the tests check.
 */
async function writeDemoPage() {
  const article = await readFile(join(FIXTURE_PAGES, 'article.html'), 'utf8');
  const titled = article.replace('<title>', '<title>DPI Lens demo: ');
  const page = titled.replace('    </header>\n', `    </header>\n${DEMO_NOTE}`);
  if (titled === article || page === titled) {
    throw new Error('tests/fixtures/pages/article.html has no <title> or </header> line to add the demo note to.');
  }
  await mkdir(DEMO_SITE, { recursive: true });
  await writeFile(join(DEMO_SITE, 'demo.html'), page);
}

/** Highlighted terms on the page: id -> count, in reading order (the ranges in CSS.highlights). */
const countTerms = highlightedTermCounts;

/** Rests the pointer on term `id` (from nearby, in steps, as a reader does) and waits for its card. */
async function openCard(browser, page, id) {
  await page.waitForTimeout(300); // the card layer is created once the entries have arrived
  await knownTabId(browser.worker, page); // found first: finding it brings the tab to the front, which would end a hover
  const box = await termBox(page, id);
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(at.x, at.y - 60);
  await page.mouse.move(at.x, at.y, { steps: 5 });
  const end = Date.now() + CARD_TIMEOUT_MS;
  for (;;) {
    const card = await cardSnapshot(browser.worker, page);
    if (card.open) {
      // The card fades in; Playwright cannot switch animations off inside its closed shadow root.
      await page.waitForTimeout(CARD_FADE_WAIT_MS);
      return { card, term: box };
    }
    if (Date.now() > end) throw new Error(`no card opened for ${id}`);
    await page.waitForTimeout(100);
  }
}

/** The card and its term with a margin of page around them, within the viewport. */
function cardClip(page, opened) {
  const card = { x: opened.card.rect.left, y: opened.card.rect.top, width: opened.card.rect.width, height: opened.card.rect.height };
  const term = opened.term;
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  const x = Math.max(0, Math.min(card.x, term.x) - CARD_MARGIN_PX);
  const y = Math.max(0, Math.min(card.y, term.y) - CARD_MARGIN_PX);
  const right = Math.min(viewport.width, Math.max(card.x + card.width, term.x + term.width) + CARD_MARGIN_PX);
  const bottom = Math.min(viewport.height, Math.max(card.y + card.height, term.y + term.height) + CARD_MARGIN_PX);
  return { x, y, width: right - x, height: bottom - y };
}

/**
 * A screenshot of the emulated phone's screen, taken over the same DevTools session (Playwright's
 * own screenshot would put its desktop viewport back first), at half the phone's pixels.
 */
async function phoneScreenshot(cdp, path) {
  // The clip is in document coordinates: the screen is where the page is scrolled to.
  const { cssVisualViewport: screen } = await cdp.send('Page.getLayoutMetrics');
  const { data } = await cdp.send('Page.captureScreenshot', {
    format: 'png',
    clip: { x: screen.pageX, y: screen.pageY, width: screen.clientWidth, height: screen.clientHeight, scale: (1.5 / PHONE.deviceScaleFactor) * (PHONE.width / screen.clientWidth) },
  });
  await writeFile(path, Buffer.from(data, 'base64'));
}

/** Emulates a phone in `page` over the DevTools protocol; returns the session (touches go through it). */
async function emulatePhone(browser, page) {
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', PHONE);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  return cdp;
}

/**
 * A phone: the demo article with a term tapped (the card as a bottom sheet, the term left visible
 * above it) and the popup at the phone's width.
 */
async function savePhone(browser, server, shot) {
  const page = await browser.context.newPage();
  await page.goto(server.url('demo.html'));
  await waitForHighlight(page, HIGHLIGHT_TIMEOUT_MS);
  const cdp = await emulatePhone(browser, page);
  await page.waitForTimeout(300);
  const tabId = await knownTabId(browser.worker, page);
  const box = await termBox(page, GALLERY_TERM);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  const end = Date.now() + CARD_TIMEOUT_MS;
  for (;;) {
    const card = await cardSnapshot(browser.worker, page);
    if (card.open && card.sheet) break;
    if (Date.now() > end) throw new Error('no bottom sheet opened on the phone');
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(SHEET_WAIT_MS);
  await phoneScreenshot(cdp, shot('phone-card.png'));

  const popup = await browser.context.newPage();
  await popup.goto(browser.extensionUrl(`popup.html?tab=${tabId}`));
  const popupCdp = await emulatePhone(browser, popup);
  await popup.getByRole('region', { name: /on this page/i }).getByRole('button').first().waitFor({ timeout: POPUP_TIMEOUT_MS });
  await phoneScreenshot(popupCdp, shot('phone-popup.png'));
  await popup.close();
  await page.close();
}

/**
 * Chromium with the extension and its interface in Hindi: the extension's i18n follows the
 * browser's UI language, which only `--lang` sets (not the page locale, not LANGUAGE in headless
 * mode). The same flags as launchWithExtension (scripts/lib/browser.mjs), plus that one.
 */
async function launchInHindi() {
  const extensionPath = requireBuild(CHROME_BUILD);
  const profile = await mkdtemp(join(tmpdir(), 'dpi-lens-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: requireChromium(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...chromiumArgs(extensionPath), '--lang=hi'],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async close() {
      await context.close().catch(() => {});
      await rm(profile, { recursive: true, force: true }).catch(() => {});
    },
  };
}

/**
 * The interface in Hindi: the card with the entry's Hindi one-liner and the popup's "On this
 * page", in a browser whose language is Hindi. Needs a Devanagari font (README).
 */
async function saveHindi(server, shot) {
  const browser = await launchInHindi();
  try {
    const { shortHi } = readEntry(GALLERY_TERM);
    const page = await browser.context.newPage();
    await page.goto(server.url('demo.html'));
    await waitForHighlight(page, HIGHLIGHT_TIMEOUT_MS);
    const opened = await openCard(browser, page, GALLERY_TERM);
    if (shortHi && !opened.card.text?.includes(shortHi)) throw new Error('the Hindi card does not show the Hindi one-liner (is the browser in Hindi?)');
    await page.screenshot({ path: shot('card-hi.png'), clip: cardClip(page, opened), animations: 'disabled' });
    const tabId = await knownTabId(browser.worker, page);
    const popup = await browser.context.newPage();
    await popup.setViewportSize(POPUP_SIZE);
    await popup.goto(browser.extensionUrl(`popup.html?tab=${tabId}`));
    await popup.getByRole('region').first().getByRole('button').first().waitFor({ timeout: POPUP_TIMEOUT_MS });
    await popup.screenshot({ path: shot('popup-hi.png') });
    await popup.close();
    await page.close();
  } finally {
    await browser.close();
  }
}

/** A glossary entry from its JSON file: the card and popup show its `name` and `short`. */
function readEntry(id) {
  return JSON.parse(readFileSync(join(ROOT, 'glossary', 'entries', `${id}.json`), 'utf8'));
}

function printTerms(terms) {
  if (terms.length === 0) {
    console.log('No terms were highlighted.');
    return;
  }
  console.log(`Highlighted ${terms.length} terms:`);
  for (const [id, count] of terms) console.log(`  ${id.padEnd(22)} ${count}`);
}

async function headful(server) {
  const browser = await launchWithExtension({ headless: false, viewport: null });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(server.url('demo.html'));
  console.log(`Showing ${server.url('demo.html')} with DPI Lens loaded. Close the browser window to finish.`);
  try {
    await waitForHighlight(page, HIGHLIGHT_TIMEOUT_MS);
    printTerms(await countTerms(page));
  } catch {
    console.warn('The page was not highlighted (is the build current? `npm run build`).');
  }
  const closed = new Promise((resolve) => browser.context.once('close', resolve));
  process.once('SIGINT', () => void browser.close());
  await closed;
  await browser.close();
}

/**
 * The popup (search results and an entry), the options page and an open card, each in light and
 * dark (the system's scheme; the theme setting is left at "follow the system"). README.md shows
 * these from docs/screenshots/, copied from here.
 */
async function saveGallery(browser, server, shot) {
  const { name, short } = readEntry(GALLERY_TERM);
  for (const scheme of ['light', 'dark']) {
    const popup = await browser.context.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize(POPUP_SIZE);
    await popup.goto(browser.extensionUrl('popup.html'));
    await popup.getByRole('combobox').fill(GALLERY_TERM);
    await popup.getByRole('option').filter({ hasText: name }).first().waitFor({ timeout: POPUP_TIMEOUT_MS });
    await popup.screenshot({ path: shot(`popup-search-${scheme}.png`) });
    await popup.keyboard.press('Enter');
    await popup.getByRole('heading', { level: 2, name: new RegExp(`^${name}`) }).waitFor({ timeout: POPUP_TIMEOUT_MS });
    await popup.screenshot({ path: shot(`popup-entry-${scheme}.png`) });
    await popup.close();

    const options = await browser.context.newPage();
    await options.emulateMedia({ colorScheme: scheme });
    await options.setViewportSize(OPTIONS_VIEWPORT);
    await options.goto(browser.extensionUrl('options.html'));
    await options.getByRole('radio').first().waitFor({ timeout: POPUP_TIMEOUT_MS });
    await options.screenshot({ path: shot(`options-${scheme}.png`) });
    await options.close();

    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(server.url('demo.html'));
    await waitForHighlight(page, HIGHLIGHT_TIMEOUT_MS);
    const opened = await openCard(browser, page, GALLERY_TERM);
    if (!opened.card.text?.includes(short)) throw new Error(`the ${GALLERY_TERM} card does not show its definition`);
    await page.screenshot({ path: shot(`card-${scheme}.png`), clip: cardClip(page, opened), animations: 'disabled' });
    await page.close();
  }
}

async function headless(server) {
  await mkdir(SCREENSHOTS, { recursive: true });
  const shot = (name) => join(SCREENSHOTS, name);
  const problems = [];
  const browser = await launchWithExtension({ headless: true });
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(server.url('demo.html'));
    try {
      await waitForHighlight(page, HIGHLIGHT_TIMEOUT_MS);
    } catch {
      problems.push('the page was not highlighted');
    }
    const terms = await countTerms(page);
    printTerms(terms);
    await page.screenshot({ path: shot('article.png') });

    if (terms.length > 0) {
      try {
        const { short } = readEntry(terms[0][0]);
        const { card } = await openCard(browser, page, terms[0][0]);
        if (!card.text?.includes(short)) throw new Error('the card does not show the definition');
        await page.screenshot({ path: shot('card.png') });
      } catch {
        problems.push('no hover card appeared');
      }
    }

    const tabId = await tabIdFor(browser.worker, page);
    const popup = await browser.context.newPage();
    await popup.setViewportSize(POPUP_VIEWPORT);
    await popup.goto(browser.extensionUrl(`popup.html?tab=${tabId}`));
    try {
      const onThisPage = popup.getByRole('region', { name: /on this page/i });
      await onThisPage.waitFor({ timeout: POPUP_TIMEOUT_MS });
      if (terms.length > 0) {
        const firstName = readEntry(terms[0][0]).name;
        await onThisPage.getByText(firstName, { exact: true }).first().waitFor({ timeout: POPUP_TIMEOUT_MS });
      }
    } catch {
      problems.push('the popup did not list the page\'s terms');
    }
    await popup.screenshot({ path: shot('popup.png'), fullPage: true });
    try {
      await saveGallery(browser, server, shot);
    } catch (error) {
      problems.push(`the light and dark screenshots failed (${error instanceof Error ? error.message : error})`);
    }
    try {
      await savePhone(browser, server, shot);
    } catch (error) {
      problems.push(`the phone screenshots failed (${error instanceof Error ? error.message : error})`);
    }
    const folder = relative(process.cwd(), SCREENSHOTS) || '.';
    console.log(`Screenshots: ${folder}/{article,card,popup}.png`);
    console.log(`Light and dark: ${folder}/{popup-search,popup-entry,options,card}-{light,dark}.png`);
    console.log(`Phone: ${folder}/phone-{card,popup}.png`);
  } finally {
    await browser.close();
  }
  try {
    await saveHindi(server, shot);
    console.log(`Hindi: ${relative(process.cwd(), SCREENSHOTS) || '.'}/{card,popup}-hi.png`);
  } catch (error) {
    problems.push(`the Hindi screenshots failed (${error instanceof Error ? error.message : error})`);
  }
  if (problems.length > 0) {
    console.error(`Demo incomplete: ${problems.join('; ')}.`);
    process.exitCode = 1;
  }
}

await writeDemoPage();
const server = await serveDirectory(DEMO_SITE);
try {
  await (hasDisplay() ? headful(server) : headless(server));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await server.close();
}
