import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { debounce, withTimeout } from '../content/timing.js';

test('debounce runs once after the pause, with the last arguments', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    const calls = [];
    const fn = debounce((value) => calls.push(value), 500);
    fn('a');
    mock.timers.tick(300);
    fn('b');
    mock.timers.tick(499);
    assert.deepEqual(calls, []);
    mock.timers.tick(1);
    assert.deepEqual(calls, ['b']);
  } finally {
    mock.timers.reset();
  }
});

test('cancel drops a pending call', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    const calls = [];
    const fn = debounce(() => calls.push(1), 100);
    fn();
    fn.cancel();
    mock.timers.tick(200);
    assert.deepEqual(calls, []);
  } finally {
    mock.timers.reset();
  }
});

test('withTimeout gives the fallback when the promise is slow', async () => {
  assert.equal(await withTimeout(new Promise(() => {}), 10, 'late'), 'late');
  assert.equal(await withTimeout(Promise.resolve('fast'), 1000, 'late'), 'fast');
});
