/** The WebExtension namespace: `browser` in Firefox, `chrome` in Chromium; both return promises. */
export const api = globalThis.browser ?? globalThis.chrome;
