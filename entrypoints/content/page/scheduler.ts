/**
 * Time slicing for the page layer: work runs in short tasks so the page can render and respond
 * between them.
 */

/** Script time per slice: half a 60 Hz frame, leaving the rest of the frame to the page's style, layout and paint. */
export const SLICE_BUDGET_MS = 8;
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

/** Runs `callback` before the next frame is painted (mutations of one frame are handled together). */
export function nextFrame(callback: () => void): Cancel {
  const id = requestAnimationFrame(() => callback());
  return () => cancelAnimationFrame(id);
}
