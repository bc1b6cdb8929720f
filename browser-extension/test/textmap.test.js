import assert from 'node:assert/strict';
import { test } from 'node:test';
import { locate } from '../content/textmap.js';

// "Hi 🎉" + <br> + "Jake"  → text "Hi 🎉\nJake"
const segments = [
  { node: 'a', start: 0, length: 5 },
  { node: null, start: 5, length: 1 },
  { node: 'b', start: 6, length: 4 },
];

test('offsets inside text nodes map into those nodes', () => {
  assert.deepEqual(locate(segments, 3), { segment: 0, offset: 3 });
  assert.deepEqual(locate(segments, 8), { segment: 2, offset: 2 });
  assert.deepEqual(locate(segments, 10), { segment: 2, offset: 4 });
});

test('around a line break: end of the line before, start of the line after', () => {
  assert.deepEqual(locate(segments, 5), { segment: 0, offset: 5 });
  assert.deepEqual(locate(segments, 6), { segment: 2, offset: 0 });
});

test('offsets past the end clamp to the last text; no text, no position', () => {
  assert.deepEqual(locate(segments, 99), { segment: 2, offset: 4 });
  assert.equal(locate([{ node: null, start: 0, length: 1 }], 0), null);
});
