import assert from 'node:assert/strict';
import { test } from 'node:test';
import { badgePosition, clipRect, panelPosition, spanMarks } from '../content/geometry.js';

const box = { left: 100, top: 100, right: 500, bottom: 200 };

test('clipRect keeps the visible part only', () => {
  assert.deepEqual(clipRect({ left: 90, top: 150, right: 120, bottom: 170 }, box), { left: 100, top: 150, right: 120, bottom: 170 });
  assert.equal(clipRect({ left: 90, top: 10, right: 120, bottom: 20 }, box), null);
});

test('spanMarks merges rects on one line and drops hidden or empty ones', () => {
  const marks = spanMarks([
    { left: 120, top: 110, right: 160, bottom: 128 },
    { left: 160, top: 110, right: 200, bottom: 128 },
    { left: 104, top: 130, right: 150, bottom: 148 },
    { left: 300, top: 300, right: 350, bottom: 318 },
    { left: 300, top: 110, right: 300, bottom: 128 },
  ], box);
  assert.deepEqual(marks, [
    { left: 120, top: 110, width: 80, height: 18 },
    { left: 104, top: 130, width: 46, height: 18 },
  ]);
});

test('the badge sits in the bottom-right corner', () => {
  assert.deepEqual(badgePosition(box, { width: 40, height: 20 }), { left: 454, top: 174 });
});

test('the panel opens below, or above when there is no room, inside the viewport', () => {
  const viewport = { width: 800, height: 600 };
  assert.deepEqual(panelPosition(box, { width: 380, height: 300 }, viewport), { left: 120, top: 208 });
  const low = { left: 100, top: 400, right: 500, bottom: 500 };
  assert.deepEqual(panelPosition(low, { width: 380, height: 300 }, viewport), { left: 120, top: 92 });
  const narrow = { left: 0, top: 0, right: 100, bottom: 50 };
  assert.equal(panelPosition(narrow, { width: 380, height: 100 }, viewport).left, 8);
});
