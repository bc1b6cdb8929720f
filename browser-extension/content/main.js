/**
 * The content script proper: picks the site's adapter, and if Second Look is enabled here, gives
 * each compose box the teacher focuses a session and guards its Post button.
 */
import { api } from '../shared/api.js';
import { checkRequest, openOptionsRequest, outcomeMessage, problemResult, siteEnabledRequest } from '../shared/protocol.js';
import { composerOf, pickAdapter } from './adapters/index.js';
import { installGuard } from './guard.js';
import { Session } from './session.js';
import { withTimeout } from './timing.js';

const WORKER_TIMEOUT_MS = 10000;

/** Ask the worker; null if it does not answer (say, the extension was updated under the page). */
async function ask(message) {
  try {
    return await withTimeout(api.runtime.sendMessage(message), WORKER_TIMEOUT_MS, null);
  } catch {
    return null;
  }
}

function serviceLink(platform) {
  return {
    check: async (text) => (await ask(checkRequest(text, platform))) ?? problemResult('unreachable', 'Second Look stopped responding.'),
    outcome: (code, outcome, policyVersion) => {
      ask(outcomeMessage(code, outcome, policyVersion));
    },
    openSettings: () => {
      ask(openOptionsRequest());
    },
  };
}

function sessionRegistry(link) {
  const sessions = new Map();
  const prune = () => {
    for (const [element, session] of sessions) {
      if (!element.isConnected) {
        session.destroy();
        sessions.delete(element);
      }
    }
  };
  new MutationObserver(prune).observe(document.documentElement, { childList: true, subtree: true });
  return (element) => {
    if (!sessions.has(element)) sessions.set(element, new Session(element, link));
    return sessions.get(element);
  };
}

export async function start() {
  const adapter = pickAdapter(location.hostname);
  const answer = await ask(siteEnabledRequest(adapter.id, location.origin));
  if (!answer?.enabled) return;
  const sessionFor = sessionRegistry(serviceLink(adapter.platform));
  document.addEventListener('focusin', (event) => {
    const composer = composerOf(adapter, event.composedPath()[0]);
    if (composer) sessionFor(composer);
  }, true);
  const focused = composerOf(adapter, document.activeElement);
  if (focused) sessionFor(focused);
  installGuard(window, adapter, sessionFor);
}
