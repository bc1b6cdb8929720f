/**
 * The service worker: the only part of the extension that talks to the Second Look service.
 * It never logs or stores a draft; the text lives only in the request it forwards.
 */
import { api } from '../shared/api.js';
import { parseRequest, problemResult } from '../shared/protocol.js';
import { isSiteEnabled, normalizeServiceUrl, originPattern } from '../shared/settings.js';
import { loadSettings } from '../shared/store.js';
import { checkDraft, sendFeedback } from './client.js';
import { testConnection } from './connection.js';
import { syncSiteScripts } from './sites.js';

/** The configured service, or the Problem that stops us using it. */
async function configuredService() {
  const { values } = await loadSettings();
  if (!values.serviceUrl || !values.apiKey) {
    return { settings: values, problem: { kind: 'not_configured', message: 'Second Look is not set up yet: add the service address and key in its settings.' } };
  }
  const url = normalizeServiceUrl(values.serviceUrl);
  if (!url.ok) return { settings: values, problem: { kind: 'not_configured', message: url.message } };
  const allowed = await api.permissions.contains({ origins: [originPattern(url.url)] });
  if (!allowed) {
    return { settings: values, problem: { kind: 'no_permission', message: 'Second Look needs your permission to reach its service: open its settings and press Save.' } };
  }
  return { settings: values, service: { serviceUrl: url.url, apiKey: values.apiKey } };
}

const handlers = {
  async check(request) {
    const { settings, service, problem } = await configuredService();
    if (problem) return { ok: false, problem };
    const context = { account: settings.account, author_role: 'teacher', platform: request.platform, audience: null };
    return checkDraft(service, request.text, context);
  },

  async outcome(request) {
    const { settings, service } = await configuredService();
    if (!service || !settings.sendOutcomeCounts) return { accepted: false };
    const event = { code: request.code, outcome: request.outcome, policy_version: request.policyVersion };
    return { accepted: await sendFeedback(service, [event]) };
  },

  async siteEnabled(request) {
    const { values } = await loadSettings();
    return { enabled: isSiteEnabled(values.enabledSites, request.adapterId, request.origin) };
  },

  async testConnection() {
    const { service, problem } = await configuredService();
    return problem ? { ok: false, message: problem.message } : testConnection(service);
  },

  async openOptions() {
    await api.runtime.openOptionsPage();
    return { opened: true };
  },
};

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const request = parseRequest(message);
  if (!request || sender.id !== api.runtime.id) return false;
  handlers[request.type](request).then(sendResponse, () => sendResponse(problemResult('unreachable', 'Second Look hit an unexpected problem.')));
  return true;
});

async function resyncSites() {
  const { values } = await loadSettings();
  await syncSiteScripts(values.enabledSites);
}

api.runtime.onInstalled.addListener(resyncSites);
api.runtime.onStartup.addListener(resyncSites);
api.storage.onChanged.addListener(resyncSites);
api.permissions.onAdded.addListener(resyncSites);
api.permissions.onRemoved.addListener(resyncSites);
api.action.onClicked.addListener(() => api.runtime.openOptionsPage());
