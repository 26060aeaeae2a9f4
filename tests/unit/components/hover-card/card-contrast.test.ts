/**
 * The card's palette meets WCAG AA (4.5:1 for text) in light and dark: read from the stylesheet the
 * card adopts, so a colour changed there is checked here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(process.cwd(), 'components/hover-card/hover-card.css'), 'utf8');

function palette(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  expect(start, selector).toBeGreaterThanOrEqual(0);
  const block = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/--(card-[a-z-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!]));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('card contrast (WCAG AA)', () => {
  it.each([
    ['light', '.dpi-card'],
    ['dark', ".dpi-card[data-theme='dark']"],
    ['system dark', ".dpi-card[data-theme='system']"],
  ])('%s: text, muted text and links are at least 4.5:1 on the card and on its note', (_name, selector) => {
    const colours = { ...palette('.dpi-card'), ...palette(selector) };
    for (const text of ['card-text', 'card-muted', 'card-link']) {
      for (const background of ['card-bg', 'card-button-bg', 'card-note-bg']) {
        expect(contrast(colours[text]!, colours[background]!), `${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('the contrast function is right on known pairs', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5);
  });
});
