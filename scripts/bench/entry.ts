// The bench bundle: the content script's highlighting code (same modules, same glossary) without
// the extension wiring, so the bench can start it at a known moment in a page. Cold start is part
// of start(): the matcher is made from the build's data (glossary/bundled.ts) inside the timed
// call, and its start pattern compiles at its first scan, like in the content script.
import { bundledForms, bundledMatcher } from '@/glossary/bundled';
import { HIGHLIGHT_MEASURE } from '@/entrypoints/content/mark-contract';
import { DEFERRED_MEASURE, FIRST_MARK_MARK, startLiveHighlighter, type LiveHighlighter } from '@/entrypoints/content/live-highlighter';

let run: LiveHighlighter | undefined;

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

/** Starts highlighting; resolves when the first pass is complete (and the deferred part, if any). */
export async function start() {
  const t0 = performance.now();
  const passDone = nextEntry(HIGHLIGHT_MEASURE);
  const deferredDone = nextEntry(DEFERRED_MEASURE);
  const matcher = bundledMatcher();
  const buildMs = performance.now() - t0;
  run = startLiveHighlighter(document, matcher);
  const pass = (await passDone) as PerformanceMeasure;
  const detail = pass.detail as { marks: number; busyMs: number; deferred: number };
  let deferred: { marks: number; busyMs: number } = { marks: 0, busyMs: 0 };
  let endTime = pass.startTime + pass.duration;
  if (detail.deferred > 0) {
    const d = (await deferredDone) as PerformanceMeasure;
    deferred = d.detail;
    endTime = d.startTime + d.duration;
  }
  const firstMark = performance.getEntriesByName(FIRST_MARK_MARK)[0];
  return {
    t0,
    buildMs,
    passMs: pass.startTime + pass.duration - t0,
    busyMs: detail.busyMs,
    marks: detail.marks + deferred.marks,
    deferredMarks: deferred.marks,
    deferredBusyMs: deferred.busyMs,
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
