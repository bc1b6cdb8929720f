/** The options page: the teacher's own settings, with the district's managed ones shown locked. */
import { api } from '../shared/api.js';
import { testConnectionRequest } from '../shared/protocol.js';
import { BUILT_IN_SITES, customOrigins, normalizeServiceUrl, originPattern, parseOrigins } from '../shared/settings.js';
import { loadSettings, saveSettings } from '../shared/store.js';

const form = document.getElementById('settings');
const status = document.getElementById('status');
const field = (name) => form.elements.namedItem(name);

/** The inputs each setting owns, and the label that says it is the district's. */
const CONTROLS = {
  serviceUrl: () => ({ inputs: [field('serviceUrl')], label: form.querySelector('label[for="serviceUrl"]') }),
  apiKey: () => ({ inputs: [field('apiKey')], label: form.querySelector('label[for="apiKey"]') }),
  account: () => ({ inputs: [...form.querySelectorAll('input[name="account"]')], label: form.querySelector('#account legend') }),
  enabledSites: () => ({ inputs: [...form.querySelectorAll('#sites input, #sites textarea')], label: form.querySelector('#sites legend') }),
  sendOutcomeCounts: () => ({ inputs: [field('sendOutcomeCounts')], label: form.querySelector('#outcomes legend') }),
};

function say(message, kind) {
  status.textContent = message;
  status.className = kind;
}

function renderSites(enabledSites) {
  const box = document.getElementById('builtin-sites');
  box.replaceChildren(...BUILT_IN_SITES.map((site) => {
    const label = document.createElement('label');
    label.className = 'choice';
    const input = document.createElement('input');
    Object.assign(input, { type: 'checkbox', name: 'site', value: site.id, checked: enabledSites.includes(site.id) });
    label.append(input, ` ${site.label}`);
    return label;
  }));
  field('otherSites').value = customOrigins(enabledSites).join('\n');
}

function fill({ values, managedKeys }) {
  field('serviceUrl').value = values.serviceUrl;
  field('apiKey').value = values.apiKey;
  for (const radio of form.querySelectorAll('input[name="account"]')) radio.checked = radio.value === values.account;
  renderSites(values.enabledSites);
  field('sendOutcomeCounts').checked = values.sendOutcomeCounts;
  for (const key of managedKeys) {
    const { inputs, label } = CONTROLS[key]();
    for (const input of inputs) {
      input.disabled = true;
      input.setAttribute('aria-description', 'Set by your district');
    }
    const tag = document.createElement('span');
    tag.className = 'managed';
    tag.textContent = 'Set by your district';
    label.append(tag);
  }
  document.getElementById('district-note').hidden = managedKeys.length === 0;
}

/** @returns {{values?: object, problem?: {message: string, input: HTMLElement}}} */
function readForm() {
  const serviceUrl = field('serviceUrl').value.trim();
  const url = serviceUrl ? normalizeServiceUrl(serviceUrl) : { ok: true, url: '' };
  if (!url.ok) return { problem: { message: url.message, input: field('serviceUrl') } };
  const others = parseOrigins(field('otherSites').value);
  if (others.invalid.length) {
    return { problem: { message: `These are not web addresses: ${others.invalid.join(', ')}`, input: field('otherSites') } };
  }
  const sites = [...form.querySelectorAll('input[name="site"]:checked')].map((input) => input.value);
  return {
    values: {
      serviceUrl: url.url,
      apiKey: field('apiKey').value.trim(),
      account: form.querySelector('input[name="account"]:checked')?.value ?? 'personal',
      enabledSites: [...sites, ...others.origins],
      sendOutcomeCounts: field('sendOutcomeCounts').checked,
    },
  };
}

/**
 * Save, first asking the browser for access to the service and the other sites. The request has
 * to happen right inside the click, before anything else is awaited.
 * @returns {Promise<boolean>} whether the settings were saved
 */
async function save() {
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  const { values, problem } = readForm();
  if (problem) {
    problem.input.setAttribute('aria-invalid', 'true');
    problem.input.focus();
    say(problem.message, 'error');
    return false;
  }
  const origins = [...(values.serviceUrl ? [values.serviceUrl] : []), ...customOrigins(values.enabledSites)].map(originPattern);
  const allowed = origins.length ? api.permissions.request({ origins }) : Promise.resolve(true);
  const granted = await allowed.catch(() => false);
  await saveSettings(values);
  say(granted ? 'Saved.' : 'Saved, but the browser did not allow access to the service, so drafts cannot be checked yet.', granted ? 'ok' : 'error');
  return true;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  save();
});

document.getElementById('test').addEventListener('click', async () => {
  if (!(await save())) return;
  say('Testing the connection…', '');
  const result = await api.runtime.sendMessage(testConnectionRequest());
  say(result.message, result.ok ? 'ok' : 'error');
});

loadSettings().then((settings) => {
  fill(settings);
  document.getElementById('form-body').disabled = false;
  form.setAttribute('aria-busy', 'false');
});
