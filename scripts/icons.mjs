// Renders public/icon/icon.svg to the PNG sizes the stores and browsers ask for (public/icon/<size>.png).
// Run by hand after changing the SVG: `node scripts/icons.mjs`. Uses the same Chromium as the tests.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const SIZES = [16, 32, 48, 96, 128];
const svg = await readFile(new URL('../public/icon/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
await mkdir(new URL('../public/icon/', import.meta.url), { recursive: true });
for (const size of SIZES) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  const png = await page.screenshot({ omitBackground: true });
  await writeFile(new URL(`../public/icon/${size}.png`, import.meta.url), png);
}
await browser.close();
console.log(`wrote public/icon/{${SIZES.join(',')}}.png`);
