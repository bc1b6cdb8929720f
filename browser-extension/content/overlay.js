/**
 * The overlay: one shadow-rooted element on <html>, outside the site's editor, holding the
 * underline marks, the badge and the panel. It never touches the editor's DOM.
 */
import { badgePosition } from './geometry.js';
import { STYLES } from './styles.js';

function part(doc, tag, attributes) {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

export function createOverlay(doc) {
  const host = doc.createElement('secondlook-overlay');
  host.setAttribute('style', 'all: initial; position: fixed; left: 0; top: 0; width: 0; height: 0; z-index: 2147483647;');
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLES;
  const parts = {
    marks: part(doc, 'div', { class: 'marks', 'aria-hidden': 'true' }),
    scratch: part(doc, 'div', { class: 'scratch', 'aria-hidden': 'true' }),
    badge: part(doc, 'button', { class: 'badge', type: 'button', hidden: '' }),
    panel: part(doc, 'section', { class: 'panel', role: 'dialog', 'aria-labelledby': 'secondlook-title', hidden: '' }),
  };
  root.append(style, ...Object.values(parts));
  doc.documentElement.append(host);
  return { root, ...parts, destroy: () => host.remove() };
}

/** @param {{left: number, top: number, width: number, height: number, level: string}[]} marks */
export function drawMarks(layer, marks) {
  layer.replaceChildren(...marks.map((m) => {
    const el = layer.ownerDocument.createElement('div');
    el.className = `mark ${m.level}`;
    Object.assign(el.style, { left: `${m.left}px`, top: `${m.top}px`, width: `${m.width}px`, height: `${m.height}px` });
    return el;
  }));
}

const BADGES = {
  checking: () => ({ dot: '…', text: 'Checking', label: 'Second Look is checking this draft' }),
  clean: () => ({ dot: '✓', text: '', label: 'Second Look: nothing to look at again' }),
  findings: (n) => ({ dot: String(n), text: 'to look at', label: `Second Look: ${n} ${n === 1 ? 'thing' : 'things'} to look at. Open the panel` }),
  problem: () => ({ dot: '!', text: 'Not checked', label: 'Second Look could not check this draft. Open for details' }),
};

/**
 * @param {HTMLButtonElement} badge
 * @param {{kind: 'checking'|'clean'|'findings'|'problem', count: number, level: string|null}|null} state
 * @param {{left: number, top: number, right: number, bottom: number}} box the editor's box
 */
export function drawBadge(badge, state, box, expanded) {
  badge.hidden = state === null;
  if (state === null) return;
  const { dot, text, label } = BADGES[state.kind](state.count);
  const dotEl = badge.ownerDocument.createElement('span');
  dotEl.className = 'dot';
  dotEl.textContent = dot;
  dotEl.setAttribute('aria-hidden', 'true');
  badge.replaceChildren(dotEl, ...(text ? [text] : []));
  badge.className = `badge ${state.kind === 'findings' ? state.level : state.kind}`;
  badge.setAttribute('aria-label', label);
  badge.setAttribute('aria-expanded', String(expanded));
  const { left, top } = badgePosition(box, { width: badge.offsetWidth, height: badge.offsetHeight });
  Object.assign(badge.style, { left: `${left}px`, top: `${top}px` });
}
