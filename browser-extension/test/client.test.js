import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkDraft, health, problemFromResponse, sendFeedback } from '../background/client.js';
import { testConnection } from '../background/connection.js';

const service = { serviceUrl: 'https://sl.district.org', apiKey: 'sk-test' };
const context = { account: 'personal', author_role: 'teacher', platform: 'x', audience: null };
const REPORT = { verdict: 'clean', findings: [], engines: {}, policy_version: '7', timing_ms: 3 };

/** A fetch fake that records calls and answers from a table keyed by path. */
function fakeFetch(routes) {
  const calls = [];
  const impl = async (url, init) => {
    calls.push({ url, init });
    const route = routes[new URL(url).pathname];
    if (route instanceof Error) throw route;
    const [status, body, headers = {}] = route;
    return new Response(body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body), { status, headers });
  };
  impl.calls = calls;
  return impl;
}

test('a check posts the draft and context with the key, and returns the report', async () => {
  const fetchImpl = fakeFetch({ '/v1/check': [200, REPORT] });
  assert.deepEqual(await checkDraft(service, 'Hi 🎉', context, fetchImpl), { ok: true, report: REPORT });
  const [{ url, init }] = fetchImpl.calls;
  assert.equal(url, 'https://sl.district.org/v1/check');
  assert.equal(init.method, 'POST');
  assert.equal(init.headers.Authorization, 'Bearer sk-test');
  assert.equal(init.credentials, 'omit');
  assert.deepEqual(JSON.parse(init.body), { text: 'Hi 🎉', context });
});

test('service errors become problems a teacher can read', async () => {
  const cases = [
    [401, { error: { code: 'bad_key', message: 'revoked' } }, {}, 'unauthorized'],
    [403, { error: { code: 'role', message: 'staff key' } }, {}, 'forbidden'],
    [429, { error: { code: 'slow_down', message: 'busy' } }, { 'Retry-After': '30' }, 'rate_limited'],
    [413, { error: { code: 'too_large', message: 'Draft too long' } }, {}, 'rejected'],
    [500, 'oops', {}, 'rejected'],
  ];
  for (const [status, body, headers, kind] of cases) {
    const result = await checkDraft(service, 'x', context, fakeFetch({ '/v1/check': [status, body, headers] }));
    assert.equal(result.ok, false);
    assert.equal(result.problem.kind, kind, String(status));
    assert.equal(typeof result.problem.message, 'string');
  }
  assert.match(problemFromResponse(429, null, '30').message, /30 seconds/);
  assert.match(problemFromResponse(413, { error: { message: 'Draft too long' } }, null).message, /Draft too long/);
});

test('an unreachable service or a strange answer is a problem, never a throw', async () => {
  const down = await checkDraft(service, 'x', context, fakeFetch({ '/v1/check': new TypeError('Failed to fetch') }));
  assert.equal(down.problem.kind, 'unreachable');
  const strange = await checkDraft(service, 'x', context, fakeFetch({ '/v1/check': [200, { verdict: 'fine' }] }));
  assert.equal(strange.problem.kind, 'bad_response');
  const noUtf16 = { ...REPORT, findings: [{ code: 'A', span: { start: 0, end: 1 } }] };
  assert.equal((await checkDraft(service, 'x', context, fakeFetch({ '/v1/check': [200, noUtf16] }))).problem.kind, 'bad_response');
});

test('health and feedback', async () => {
  assert.equal(await health(service, fakeFetch({ '/healthz': [200, { status: 'ok' }] })), true);
  assert.equal(await health(service, fakeFetch({ '/healthz': new TypeError('down') })), false);
  const fetchImpl = fakeFetch({ '/v1/feedback': [202, { accepted: 1 }] });
  const events = [{ code: 'PRIV001', outcome: 'edited', policy_version: '7' }];
  assert.equal(await sendFeedback(service, events, fetchImpl), true);
  assert.deepEqual(JSON.parse(fetchImpl.calls[0].init.body), { events });
});

test('Test connection checks the service is there and the key works', async () => {
  const ok = await testConnection(service, fakeFetch({ '/healthz': [200, { status: 'ok' }], '/v1/check': [200, REPORT] }));
  assert.deepEqual(ok, { ok: true, message: 'Connected. The service accepted the key (policy 7).' });
  const badKey = await testConnection(service, fakeFetch({ '/healthz': [200, { status: 'ok' }], '/v1/check': [401, {}] }));
  assert.equal(badKey.ok, false);
  assert.match(badKey.message, /API key/);
  const down = await testConnection(service, fakeFetch({ '/healthz': new TypeError('down') }));
  assert.match(down.message, /No Second Look service answered/);
});
