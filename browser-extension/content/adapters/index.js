/**
 * Choosing a site's adapter and asking it the three questions the rest of the extension needs:
 * which element is the compose box, which is its Post button, and which keys submit. Only DOM
 * element methods (closest, querySelectorAll, getAttribute) are used, so tests can pass fakes.
 *
 * @typedef {{id: string, platform: string, hosts: string[], composer: string,
 *   postButton: {selector: string, labels: string[]|null}, submitKeys: ('mod+enter'|'enter')[]}} Adapter
 */
import bluesky from './bluesky.js';
import facebook from './facebook.js';
import generic from './generic.js';
import instagram from './instagram.js';
import linkedin from './linkedin.js';
import threads from './threads.js';
import x from './x.js';

export const SITE_ADAPTERS = Object.freeze([facebook, x, instagram, linkedin, threads, bluesky]);
export const GENERIC_ADAPTER = generic;

/** @returns {Adapter} */
export function pickAdapter(hostname) {
  const host = hostname.toLowerCase();
  const matches = (h) => host === h || host.endsWith(`.${h}`);
  return SITE_ADAPTERS.find((adapter) => adapter.hosts.some(matches)) ?? GENERIC_ADAPTER;
}

/** A button's visible name: its aria-label, or its value/text. */
export function accessibleLabel(element) {
  const label = element.getAttribute('aria-label') || (element.tagName === 'INPUT' ? element.value : element.textContent) || '';
  return label.replace(/\s+/g, ' ').trim();
}

/** Whether a name is one of the labels, alone or as the first word ("Post", "Post now"). */
export function labelMatches(labels, name) {
  if (labels === null) return true;
  const lower = name.toLowerCase();
  return labels.some((label) => lower === label.toLowerCase() || lower.startsWith(`${label.toLowerCase()} `));
}

const isButton = (adapter, el) => labelMatches(adapter.postButton.labels, accessibleLabel(el));

/** The compose box an event target is in, or null. */
export function composerOf(adapter, target) {
  return target?.closest?.(adapter.composer) ?? null;
}

/** The Post button an event target is in, or null. */
export function postButtonOf(adapter, target) {
  const button = target?.closest?.(adapter.postButton.selector) ?? null;
  return button && isButton(adapter, button) ? button : null;
}

function nearest(start, selector, accept) {
  for (let node = start; node; node = node.parentElement) {
    const found = [...node.querySelectorAll(selector)].find(accept);
    if (found) return found;
  }
  return null;
}

/** The compose box a Post button belongs to: the closest one up the tree. */
export function composerNearButton(adapter, button, isUsable = () => true) {
  return nearest(button.parentElement, adapter.composer, isUsable);
}

/** The Post button a compose box belongs to: the closest one up the tree. */
export function buttonNearComposer(adapter, composer) {
  return nearest(composer.parentElement, adapter.postButton.selector, (el) => isButton(adapter, el));
}

/**
 * Whether a keydown submits the post on this site.
 * @param {{key: string, ctrlKey: boolean, metaKey: boolean, shiftKey: boolean, altKey: boolean, isComposing: boolean}} event
 */
export function isSubmitKey(adapter, event) {
  if (event.key !== 'Enter' || event.isComposing) return false;
  const mod = event.ctrlKey || event.metaKey;
  return adapter.submitKeys.some((keys) =>
    keys === 'mod+enter' ? mod && !event.altKey : !mod && !event.shiftKey && !event.altKey);
}
