import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { manifestFor } from '../scripts/manifests.mjs';

const manifest = JSON.parse(readFileSync(new URL('../manifest.json', import.meta.url)));

test('Chrome gets the service worker and no Firefox settings', () => {
  const chrome = manifestFor(manifest, 'chrome');
  assert.deepEqual(chrome.background, { service_worker: 'background/worker.js', type: 'module' });
  assert.equal('browser_specific_settings' in chrome, false);
  assert.deepEqual(chrome.storage, manifest.storage);
});

test('Firefox gets background scripts and its gecko id', () => {
  const firefox = manifestFor(manifest, 'firefox');
  assert.deepEqual(firefox.background, { scripts: ['background/worker.js'], type: 'module' });
  assert.equal(firefox.browser_specific_settings.gecko.id, manifest.browser_specific_settings.gecko.id);
});
