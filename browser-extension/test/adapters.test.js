import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  GENERIC_ADAPTER, SITE_ADAPTERS, accessibleLabel, buttonNearComposer, composerNearButton, isSubmitKey, labelMatches, pickAdapter, postButtonOf,
} from '../content/adapters/index.js';

/** A tiny element fake: enough of closest/querySelectorAll/getAttribute for the adapter helpers. */
function element(tag, attrs = {}, children = [], text = '') {
  const node = {
    tagName: tag.toUpperCase(), attrs, children, parentElement: null,
    get textContent() { return text + children.map((c) => c.textContent).join(''); },
    getAttribute: (name) => (name in attrs ? attrs[name] : null),
    matches: (selector) => selector.split(',').some((s) => s.trim() === tag || attrs['data-fake'] === s.trim()),
    closest(selector) {
      for (let n = node; n; n = n.parentElement) if (n.matches(selector)) return n;
      return null;
    },
    querySelectorAll(selector) {
      const out = [];
      const walk = (n) => n.children.forEach((c) => { if (c.matches(selector)) out.push(c); walk(c); });
      walk(node);
      return out;
    },
  };
  for (const child of children) child.parentElement = node;
  return node;
}

test('each site\'s hostnames pick its adapter; anything else is generic', () => {
  const cases = {
    'www.facebook.com': 'facebook', 'm.facebook.com': 'facebook', 'x.com': 'x', 'twitter.com': 'x',
    'www.instagram.com': 'instagram', 'www.linkedin.com': 'linkedin', 'www.threads.net': 'threads', 'www.threads.com': 'threads',
    'bsky.app': 'bluesky', 'lms.district.org': 'generic', 'notfacebook.com': 'generic', 'box.com': 'generic',
  };
  for (const [host, id] of Object.entries(cases)) assert.equal(pickAdapter(host).id, id, host);
});

test('every adapter says how to find the box, the button and the keys', () => {
  for (const adapter of [...SITE_ADAPTERS, GENERIC_ADAPTER]) {
    assert.equal(typeof adapter.composer, 'string');
    assert.equal(typeof adapter.postButton.selector, 'string');
    assert.ok(adapter.postButton.labels === null || adapter.postButton.labels.length > 0);
    assert.ok(adapter.submitKeys.every((k) => ['mod+enter', 'enter'].includes(k)));
    assert.equal(typeof adapter.platform, 'string');
  }
});

test('button labels match whole first words, case-insensitively', () => {
  assert.equal(labelMatches(['Post'], 'post'), true);
  assert.equal(labelMatches(['Post'], 'Post now'), true);
  assert.equal(labelMatches(['Post'], 'Postpone'), false);
  assert.equal(labelMatches(null, 'anything'), true);
  assert.equal(accessibleLabel(element('div', { 'aria-label': ' Post ' })), 'Post');
  assert.equal(accessibleLabel(element('button', {}, [], '  Share\n now ')), 'Share now');
});

test('a click inside a Post button finds the button and the compose box beside it', () => {
  const adapter = { ...GENERIC_ADAPTER, composer: 'textarea', postButton: { selector: 'button', labels: ['Post'] } };
  const icon = element('span', {}, [], 'Post');
  const post = element('button', {}, [icon]);
  const cancel = element('button', {}, [], 'Cancel');
  const box = element('textarea');
  const form = element('form', {}, [box, element('div', {}, [cancel, post])]);
  element('body', {}, [element('textarea'), form]);
  assert.equal(postButtonOf(adapter, icon), post);
  assert.equal(postButtonOf(adapter, cancel), null);
  assert.equal(composerNearButton(adapter, post), box);
  assert.equal(buttonNearComposer(adapter, box), post);
});

test('submit keys follow the site', () => {
  const key = (over) => ({ key: 'Enter', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, isComposing: false, ...over });
  const x = pickAdapter('x.com');
  assert.equal(isSubmitKey(x, key({ ctrlKey: true })), true);
  assert.equal(isSubmitKey(x, key({ metaKey: true })), true);
  assert.equal(isSubmitKey(x, key({})), false);
  assert.equal(isSubmitKey(x, key({ ctrlKey: true, isComposing: true })), false);
  assert.equal(isSubmitKey({ submitKeys: ['enter'] }, key({})), true);
  assert.equal(isSubmitKey({ submitKeys: ['enter'] }, key({ shiftKey: true })), false);
  assert.equal(isSubmitKey(pickAdapter('www.facebook.com'), key({ ctrlKey: true })), false);
});
