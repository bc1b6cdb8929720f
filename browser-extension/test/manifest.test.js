import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { KEYS } from '../shared/settings.js';

const root = new URL('../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', root)));
const schema = JSON.parse(readFileSync(new URL('managed_schema.json', root)));

test('Manifest V3 with a worker for Chromium and background scripts for Firefox', () => {
  assert.equal(manifest.manifest_version, 3);
  assert.equal(manifest.background.service_worker, 'background/worker.js');
  assert.deepEqual(manifest.background.scripts, ['background/worker.js']);
  assert.ok(manifest.browser_specific_settings.gecko.id);
});

test('service access is optional, asked for at setup', () => {
  assert.deepEqual(manifest.optional_host_permissions, ['*://*/*']);
  assert.ok(!manifest.host_permissions.includes('<all_urls>'));
});

test('the managed schema covers exactly the settings', () => {
  assert.equal(manifest.storage.managed_schema, 'managed_schema.json');
  assert.deepEqual(Object.keys(schema.properties).sort(), [...KEYS].sort());
});

test('every file the manifest names exists, and the content modules are web-accessible', () => {
  const named = [
    ...Object.values(manifest.icons), manifest.background.service_worker, manifest.options_ui.page,
    ...manifest.content_scripts.flatMap((c) => c.js), manifest.storage.managed_schema,
  ];
  for (const file of named) assert.ok(existsSync(new URL(file, root)), file);
  const patterns = manifest.web_accessible_resources[0].resources;
  for (const dir of ['content', 'content/adapters', 'shared']) {
    assert.ok(patterns.includes(`${dir}/*.js`), dir);
    assert.ok(readdirSync(new URL(`${dir}/`, root)).some((f) => f.endsWith('.js')));
  }
});
