import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DEFAULTS, KEYS, customOrigins, editableValues, isSiteEnabled, mergeSettings, normalizeServiceUrl, originPattern, parseOrigins,
} from '../shared/settings.js';

test('managed values win over the teacher\'s and are reported as managed', () => {
  const { values, managedKeys } = mergeSettings(
    { serviceUrl: 'https://mine.example', apiKey: 'mine', account: 'classroom' },
    { serviceUrl: 'https://district.example', sendOutcomeCounts: true },
  );
  assert.equal(values.serviceUrl, 'https://district.example');
  assert.equal(values.apiKey, 'mine');
  assert.equal(values.account, 'classroom');
  assert.equal(values.sendOutcomeCounts, true);
  assert.deepEqual(managedKeys, ['serviceUrl', 'sendOutcomeCounts']);
});

test('invalid or unknown values fall back to defaults', () => {
  const { values, managedKeys } = mergeSettings({ account: 'district', other: 1 }, { enabledSites: 'facebook' });
  assert.deepEqual(values, { ...DEFAULTS });
  assert.deepEqual(managedKeys, []);
});

test('only the keys the district does not manage are saved', () => {
  assert.deepEqual(editableValues({ ...DEFAULTS, apiKey: 'k' }, ['serviceUrl', 'enabledSites']),
    { apiKey: 'k', account: 'personal', sendOutcomeCounts: false });
});

test('service URLs must be https, or http on this machine', () => {
  assert.deepEqual(normalizeServiceUrl(' https://sl.district.org/ '), { ok: true, url: 'https://sl.district.org' });
  assert.deepEqual(normalizeServiceUrl('https://sl.district.org/api//'), { ok: true, url: 'https://sl.district.org/api' });
  assert.deepEqual(normalizeServiceUrl('http://127.0.0.1:8123'), { ok: true, url: 'http://127.0.0.1:8123' });
  assert.equal(normalizeServiceUrl('http://sl.district.org').ok, false);
  assert.equal(normalizeServiceUrl('sl.district.org').ok, false);
});

test('permission patterns cover an origin on any port', () => {
  assert.equal(originPattern('http://127.0.0.1:8123'), 'http://127.0.0.1/*');
  assert.equal(originPattern('https://lms.district.org/x'), 'https://lms.district.org/*');
});

test('other sites are parsed one per line, duplicates dropped, bad lines reported', () => {
  assert.deepEqual(parseOrigins('lms.district.org\nhttps://lms.district.org/path\n\nhttp://intranet:8080\nftp://x'), {
    origins: ['https://lms.district.org', 'http://intranet:8080'], invalid: ['ftp://x'],
  });
});

test('built-in sites are enabled by id, other sites by origin', () => {
  const enabled = ['facebook', 'https://lms.district.org'];
  assert.deepEqual(customOrigins(enabled), ['https://lms.district.org']);
  assert.equal(isSiteEnabled(enabled, 'facebook', 'https://www.facebook.com'), true);
  assert.equal(isSiteEnabled(enabled, 'x', 'https://x.com'), false);
  assert.equal(isSiteEnabled(enabled, 'generic', 'https://lms.district.org'), true);
  assert.equal(isSiteEnabled(enabled, 'generic', 'https://lms.district.org:8443'), true);
  assert.equal(isSiteEnabled(enabled, 'generic', 'http://lms.district.org'), false);
  assert.equal(isSiteEnabled(enabled, 'generic', 'https://other.org'), false);
  assert.deepEqual(KEYS, ['serviceUrl', 'apiKey', 'account', 'enabledSites', 'sendOutcomeCounts']);
});
