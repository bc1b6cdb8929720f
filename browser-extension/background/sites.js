/**
 * Content scripts for the "other sites" a teacher or district enabled. The built-in social sites
 * are in the manifest; these are registered at run time, only where host access was granted.
 */
import { api } from '../shared/api.js';
import { customOrigins, originPattern } from '../shared/settings.js';

const SCRIPT_ID = 'secondlook-enabled-sites';

async function grantedPatterns(enabledSites) {
  const patterns = [...new Set(customOrigins(enabledSites).map(originPattern))];
  const granted = await Promise.all(patterns.map((origin) => api.permissions.contains({ origins: [origin] })));
  return patterns.filter((_, i) => granted[i]);
}

async function register(enabledSites) {
  const matches = await grantedPatterns(enabledSites);
  const existing = await api.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await api.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (!matches.length) return;
  await api.scripting.registerContentScripts([
    { id: SCRIPT_ID, matches, js: ['content/loader.js'], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}

let pending = Promise.resolve();

/** Register the loader on exactly the enabled origins; calls are serialised so ids never clash. */
export function syncSiteScripts(enabledSites) {
  pending = pending.then(() => register(enabledSites)).catch(() => undefined);
  return pending;
}
