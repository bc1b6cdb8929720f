import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  applyAllFixes, editedCodes, excerpt, fixesInApplyOrder, holdsPost, inTextOrder, maxLevel, rebase, replaceSpan, shiftFindings,
} from '../content/spans.js';

const finding = (code, start, end, level = 'warning', replacement = null) => ({
  code, level, span_utf16: { start, end }, fix: replacement === null ? null : { title: 'Try', replacement },
});

test('UTF-16 spans land on the right words after an emoji', () => {
  const text = '🎉 Great game, Jake Smith!';
  const start = text.indexOf('Jake Smith');
  assert.equal(start, 15); // the emoji is two UTF-16 units, one code point
  assert.equal(replaceSpan(text, { start, end: start + 10 }, 'our team'), '🎉 Great game, our team!');
});

test('shiftFindings drops overlapping findings and moves later ones', () => {
  const findings = [finding('A', 0, 4), finding('B', 5, 9), finding('C', 12, 15)];
  const after = shiftFindings(findings, { start: 5, end: 9 }, 2);
  assert.deepEqual(after.map((f) => [f.code, f.span_utf16.start, f.span_utf16.end]), [['A', 0, 4], ['C', 10, 13]]);
});

test('rebase follows typing before, inside and after findings', () => {
  const findings = [finding('A', 6, 10)];
  assert.deepEqual(rebase(findings, 'Hello Jake!', 'Oh, Hello Jake!')[0].span_utf16, { start: 10, end: 14 });
  assert.equal(rebase(findings, 'Hello Jake!', 'Hello Jame!').length, 0);
  assert.deepEqual(rebase(findings, 'Hello Jake!', 'Hello Jake! Bye')[0].span_utf16, { start: 6, end: 10 });
  assert.equal(rebase(findings, 'same', 'same'), findings);
});

test('rebase keeps a finding when text is typed right after it', () => {
  const findings = [finding('A', 0, 4)];
  assert.deepEqual(rebase(findings, 'Jake', 'Jake is here')[0].span_utf16, { start: 0, end: 4 });
});

test('fixes apply last-first and skip overlaps', () => {
  const text = 'Jake Smith got a D on the test';
  const findings = [finding('P', 0, 10, 'error', 'A student'), finding('Q', 17, 18, 'warning', 'low grade'), finding('R', 5, 10, 'warning', 'S.'), finding('S', 20, 30)];
  assert.deepEqual(fixesInApplyOrder(findings).map((f) => f.code), ['Q', 'R']);
  assert.equal(applyAllFixes(text, findings), 'Jake S. got a low grade on the test');
});

test('levels decide whether a post is held', () => {
  assert.equal(holdsPost([finding('A', 0, 1, 'suggestion')]), false);
  assert.equal(holdsPost([finding('A', 0, 1, 'suggestion'), finding('B', 0, 1, 'warning')]), true);
  assert.equal(holdsPost([]), false);
  assert.equal(maxLevel([finding('A', 0, 1, 'warning'), finding('B', 0, 1, 'error')]), 'error');
  assert.equal(maxLevel([]), null);
});

test('findings sort into reading order', () => {
  const sorted = inTextOrder([finding('B', 9, 10), finding('A', 2, 3, 'warning'), finding('C', 2, 3, 'error')]);
  assert.deepEqual(sorted.map((f) => f.code), ['C', 'A', 'B']);
});

test('excerpt shows the flagged words with trimmed context', () => {
  const text = `${'x'.repeat(50)} Jake ${'y'.repeat(50)}`;
  const { before, text: words, after } = excerpt(text, { start: 51, end: 55 }, 10);
  assert.equal(words, 'Jake');
  assert.ok(before.startsWith('…'));
  assert.ok(after.endsWith('…'));
  assert.deepEqual(excerpt('Jake', { start: 0, end: 4 }), { before: '', text: 'Jake', after: '' });
});

test('editedCodes reports codes the teacher edited away, not applied ones', () => {
  assert.deepEqual(editedCodes(['PRIV001', 'TONE002', 'PRIV001'], ['TONE002'], new Set()), ['PRIV001']);
  assert.deepEqual(editedCodes(['PRIV001'], [], new Set(['PRIV001'])), []);
});
