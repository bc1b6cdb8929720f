import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkRequest, openOptionsRequest, outcomeMessage, parseRequest, problemResult, siteEnabledRequest, testConnectionRequest,
} from '../shared/protocol.js';

test('every message the extension builds passes the worker\'s gate', () => {
  for (const message of [
    checkRequest('Hello', 'x'), outcomeMessage('PRIV001', 'applied_fix', '3'), siteEnabledRequest('generic', 'https://a.org'),
    testConnectionRequest(), openOptionsRequest(),
  ]) {
    assert.equal(parseRequest(message), message);
  }
});

test('anything else is refused', () => {
  for (const message of [
    null, 'check', {}, { type: 'check', text: 1, platform: 'x' }, { type: 'outcome', code: 'A', outcome: 'liked', policyVersion: '1' },
    { type: 'deleteEverything' }, { type: 'toString' },
  ]) {
    assert.equal(parseRequest(message), null);
  }
});

test('problems carry a kind and a message', () => {
  assert.deepEqual(problemResult('unreachable', 'down'), { ok: false, problem: { kind: 'unreachable', message: 'down' } });
});
