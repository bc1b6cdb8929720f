/**
 * Settings: what they are, their defaults, how a district's managed values win over the
 * teacher's own, and how they turn into permission match patterns. Pure; no browser APIs.
 */

export const BUILT_IN_SITES = Object.freeze([
  { id: 'facebook', label: 'Facebook' },
  { id: 'x', label: 'X' },
  { id: 'instagram', label: 'Instagram' },
  { id: 'linkedin', label: 'LinkedIn' },
  { id: 'threads', label: 'Threads' },
  { id: 'bluesky', label: 'Bluesky' },
]);

export const DEFAULTS = Object.freeze({
  serviceUrl: '',
  apiKey: '',
  account: 'personal',
  enabledSites: BUILT_IN_SITES.map((site) => site.id),
  sendOutcomeCounts: false,
});

export const KEYS = Object.freeze(Object.keys(DEFAULTS));

const ACCOUNTS = ['personal', 'classroom'];
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

const VALID = {
  serviceUrl: (v) => typeof v === 'string',
  apiKey: (v) => typeof v === 'string',
  account: (v) => ACCOUNTS.includes(v),
  enabledSites: (v) => Array.isArray(v) && v.every((s) => typeof s === 'string'),
  sendOutcomeCounts: (v) => typeof v === 'boolean',
};

function validEntries(source) {
  return KEYS.filter((key) => source && key in source && VALID[key](source[key]))
    .map((key) => [key, source[key]]);
}

/**
 * @param {Record<string, unknown>} local what the teacher saved
 * @param {Record<string, unknown>} managed what the district set by policy
 * @returns {{values: typeof DEFAULTS, managedKeys: string[]}}
 */
export function mergeSettings(local, managed) {
  const fromManaged = validEntries(managed);
  return {
    values: { ...DEFAULTS, ...Object.fromEntries(validEntries(local)), ...Object.fromEntries(fromManaged) },
    managedKeys: fromManaged.map(([key]) => key),
  };
}

/** The teacher's values minus whatever the district manages. */
export function editableValues(values, managedKeys) {
  return Object.fromEntries(validEntries(values).filter(([key]) => !managedKeys.includes(key)));
}

/**
 * A service URL the extension will send drafts to: https, or plain http on this machine only.
 * @returns {{ok: true, url: string} | {ok: false, message: string}}
 */
export function normalizeServiceUrl(input) {
  let url;
  try {
    url = new URL(String(input).trim());
  } catch {
    return { ok: false, message: 'Enter the full service address, starting with https://' };
  }
  const loopback = LOOPBACK_HOSTS.includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return { ok: false, message: 'The service address must start with https:// so drafts travel encrypted.' };
  }
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/** A match pattern covering an origin on any port, for permission requests and registrations. */
export function originPattern(input) {
  const url = new URL(input);
  return `${url.protocol}//${url.hostname}/*`;
}

/** Origins among enabledSites (the rest are built-in site ids). */
export function customOrigins(enabledSites) {
  return enabledSites.filter((site) => site.includes('://'));
}

/**
 * Parse the options page's "other sites" box: one origin per line.
 * @returns {{origins: string[], invalid: string[]}}
 */
export function parseOrigins(text) {
  const origins = [];
  const invalid = [];
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    try {
      const url = new URL(line.includes('://') ? line : `https://${line}`);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(line);
      if (!origins.includes(url.origin)) origins.push(url.origin);
    } catch {
      invalid.push(line);
    }
  }
  return { origins, invalid };
}

/**
 * Whether Second Look runs on a page: a built-in site by its adapter id, any other by scheme and
 * host (any port, as in the match pattern its content script was registered with).
 */
export function isSiteEnabled(enabledSites, adapterId, origin) {
  if (adapterId !== 'generic') return enabledSites.includes(adapterId);
  return customOrigins(enabledSites).some((site) => originPattern(site) === originPattern(origin));
}
