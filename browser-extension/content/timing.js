/** Timing helpers, with injectable timers for tests. */

/**
 * Trailing-edge debounce: `fn` runs once, `waitMs` after the last call, with that call's arguments.
 * @param {(...args: any[]) => void} fn
 * @param {number} waitMs
 */
export function debounce(fn, waitMs, timers = globalThis) {
  let handle = null;
  let lastArgs = [];
  const debounced = (...args) => {
    lastArgs = args;
    if (handle !== null) timers.clearTimeout(handle);
    handle = timers.setTimeout(() => {
      handle = null;
      fn(...lastArgs);
    }, waitMs);
  };
  debounced.cancel = () => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
  };
  return debounced;
}

/** The promise's value, or `fallback` if it takes longer than `ms`. */
export function withTimeout(promise, ms, fallback, timers = globalThis) {
  let handle;
  const timeout = new Promise((resolve) => {
    handle = timers.setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([promise, timeout]).finally(() => timers.clearTimeout(handle));
}
