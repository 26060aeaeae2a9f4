// The bench bundle: the content script's highlighting code (same modules, same glossary) without
// the extension wiring, so the bench can start it at a known moment in a page. Cold start is part
// of start(): the matcher is made from the build's data (glossary/bundled.ts) inside the timed
// call, and its start pattern compiles at its first scan, like in the content script.
import { bundledForms, bundledMatcher } from '@/glossary/bundled';
import { HIGHLIGHT_MEASURE } from '@/entrypoints/content/page/contract';
import { FIRST_PAINT_MARK, startHighlighter, type Highlighter } from '@/entrypoints/content/page/highlighter';
import highlightCss from '@/entrypoints/content/page/highlights.css?inline';

let run: Highlighter | undefined;

/**
 * The ::highlight() rules: the extension's manifest injects them; here the bench page adopts them
 * once before timing, so painting costs what it costs in the extension.
 */
function addHighlightStyles(): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(highlightCss);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

function nextEntry(name: string): Promise<PerformanceEntry> {
  return new Promise((resolve) => {
    const observer = new PerformanceObserver((list) => {
      const entry = list.getEntriesByName(name)[0];
      if (entry) {
        observer.disconnect();
        resolve(entry);
      }
    });
    observer.observe({ type: 'measure' });
  });
}

/** Starts highlighting (every mention, as the bench has always measured); resolves when the first pass is complete. */
export async function start() {
  if (!document.adoptedStyleSheets.length) addHighlightStyles();
  const t0 = performance.now();
  const passDone = nextEntry(HIGHLIGHT_MEASURE);
  const matcher = bundledMatcher();
  const buildMs = performance.now() - t0;
  run = startHighlighter(document, matcher, { density: 'every' });
  const pass = (await passDone) as PerformanceMeasure;
  const detail = pass.detail as { marks: number; busyMs: number };
  const endTime = pass.startTime + pass.duration;
  const firstMark = performance.getEntriesByName(FIRST_PAINT_MARK)[0];
  return {
    t0,
    buildMs,
    passMs: endTime - t0,
    busyMs: detail.busyMs,
    marks: detail.marks,
    deferredMarks: 0,
    deferredBusyMs: 0,
    endMs: endTime - t0,
    firstMarkMs: firstMark ? firstMark.startTime - t0 : null,
  };
}

export function stop(): number {
  const t = performance.now();
  run?.stop();
  return performance.now() - t;
}

/** The combined pattern and every form's text, for the floor and the mark.js baselines. */
export function patternAndTerms() {
  const forms = bundledForms();
  const { pattern } = bundledMatcher();
  return { source: pattern.source, flags: pattern.flags, terms: [...new Set(forms.map((f) => f.text))] };
}
