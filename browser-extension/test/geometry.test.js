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

test('the panel opens beside the editor when there is room', () => {
  const viewport = { width: 1400, height: 800 };
  assert.deepEqual(panelPosition(box, { width: 380, height: 300 }, viewport), { left: 508, top: 100 });
  const right = { left: 900, top: 100, right: 1300, bottom: 200 };
  assert.deepEqual(panelPosition(right, { width: 380, height: 300 }, viewport), { left: 512, top: 100 });
  const low = { left: 900, top: 700, right: 1300, bottom: 780 };
  assert.equal(panelPosition(low, { width: 380, height: 300 }, viewport).top, 492);
});

test('otherwise below, or above when there is no room, inside the viewport', () => {
  const viewport = { width: 800, height: 600 };
  const wide = { left: 100, top: 100, right: 700, bottom: 200 };
  assert.deepEqual(panelPosition(wide, { width: 380, height: 300 }, viewport), { left: 320, top: 208 });
  const low = { left: 100, top: 400, right: 700, bottom: 500 };
  assert.deepEqual(panelPosition(low, { width: 380, height: 300 }, viewport), { left: 320, top: 92 });
  const overflowing = { left: 0, top: 0, right: 800, bottom: 50 };
  assert.equal(panelPosition(overflowing, { width: 380, height: 100 }, { width: 720, height: 600 }).left, 332);
});
