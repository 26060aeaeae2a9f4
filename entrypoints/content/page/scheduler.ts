/**
 * Time slicing for the page layer: work runs in short tasks so the page can render and respond
 * between them, visible work first and the rest when the browser is idle.
 */

/** Script time per slice: half a 60 Hz frame, leaving the rest of the frame to the page's style, layout and paint. */
export const SLICE_BUDGET_MS = 8;
/** Deferred (off-screen) work runs in idle time but no later than this, so it finishes on busy pages too. */
export const IDLE_TIMEOUT_MS = 1_000;
/** How many text nodes to scan between two clock reads: performance.now() is cheap but not free. */
export const NODES_PER_CLOCK_READ = 32;

export type Cancel = () => void;

interface PostTaskScheduler {
  postTask(callback: () => void, options: { priority: string; signal?: AbortSignal }): Promise<unknown>;
}

/**
 * Runs `callback` in a new task soon. scheduler.postTask where the browser has it (no clamping);
 * otherwise a MessageChannel message, which, unlike nested setTimeout, is not clamped to 4 ms.
 */
export function nextTask(callback: () => void): Cancel {
  const scheduler = (globalThis as { scheduler?: PostTaskScheduler }).scheduler;
  if (scheduler?.postTask) {
    const controller = new AbortController();
    scheduler
      .postTask(callback, { priority: 'user-visible', signal: controller.signal })
      .catch(() => {}); // aborted
    return () => controller.abort();
  }
  let cancelled = false;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    if (!cancelled) callback();
  };
  channel.port2.postMessage(null);
  return () => {
    cancelled = true;
    channel.port1.close();
  };
}

/** Runs `callback(budgetMs)` when the browser is idle, with the time it may take. */
export function whenIdle(callback: (budgetMs: number) => void): Cancel {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(
      (deadline) => callback(deadline.didTimeout ? SLICE_BUDGET_MS : Math.min(SLICE_BUDGET_MS, deadline.timeRemaining())),
      { timeout: IDLE_TIMEOUT_MS },
    );
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(() => callback(SLICE_BUDGET_MS), 0);
  return () => clearTimeout(id);
}

/** Runs `callback` before the next frame is painted (mutations of one frame are handled together). */
export function nextFrame(callback: () => void): Cancel {
  const id = requestAnimationFrame(() => callback());
  return () => cancelAnimationFrame(id);
}

/** Adds up the time spent in slices: the `busyMs` of a pass. */
export function createBusyClock(now: () => number = () => performance.now()) {
  let busy = 0;
  return {
    /** Runs `work` and adds its duration. */
    time<T>(work: () => T): T {
      const start = now();
      try {
        return work();
      } finally {
        busy += now() - start;
      }
    },
    get busyMs() {
      return busy;
    },
    reset() {
      busy = 0;
    },
  };
}
