/**
 * The panel: each finding with its message, why, and fix; and, when a post is held, the choice of
 * Edit, Apply all fixes or Post anyway. Built with textContent only: service text is never HTML.
 *
 * @typedef {{finding: import('../shared/protocol.js').Finding, excerpt: {before: string, text: string, after: string}}} Item
 * @typedef {{mode: 'review'|'hold'|'checking'|'problem', items: Item[],
 *   problem: import('../shared/protocol.js').Problem|null, canApply: boolean}} PanelView
 * @typedef {{close: () => void, apply: (f: any) => void, dismiss: (f: any) => void, edit: () => void,
 *   applyAll: () => void, postAnyway: () => void, openSettings: () => void}} PanelActions
 */

const LEVEL_NAMES = { error: 'Error', warning: 'Warning', suggestion: 'Suggestion' };
const SETTINGS_PROBLEMS = ['not_configured', 'no_permission', 'unauthorized', 'forbidden'];

function el(doc, tag, props = {}, children = []) {
  const node = doc.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'text') node.textContent = value;
    else if (key === 'onclick') node.addEventListener('click', value);
    else if (key === 'disabled') node.disabled = value;
    else node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

function summary(view) {
  const n = view.items.length;
  if (view.mode === 'checking') return 'Taking a second look…';
  if (view.mode === 'problem') return 'This draft was not checked.';
  if (view.mode === 'hold') return 'Before this goes out';
  if (n === 0) return 'Nothing to look at again. Post when you are ready.';
  return `${n} ${n === 1 ? 'thing' : 'things'} a parent might read differently`;
}

function findingItem(doc, item, view, actions) {
  const { finding, excerpt } = item;
  const fix = finding.fix
    ? el(doc, 'div', { class: 'fix' }, [
        el(doc, 'span', { class: 'try' }, [el(doc, 'strong', { text: `${finding.fix.title}: ` }), `“${finding.fix.replacement}”`]),
        el(doc, 'button', {
          type: 'button', class: 'small primary', text: 'Apply', disabled: !view.canApply,
          'aria-label': `Apply: replace “${excerpt.text}” with “${finding.fix.replacement}”`,
          onclick: () => actions.apply(finding),
        }),
      ])
    : '';
  return el(doc, 'li', { class: `finding ${finding.level}`, 'data-code': finding.code }, [
    el(doc, 'div', { class: 'meta' }, [
      el(doc, 'span', { class: 'chip', text: LEVEL_NAMES[finding.level] }),
      el(doc, 'span', { class: 'code', text: finding.code }),
    ]),
    el(doc, 'p', { class: 'message', text: finding.message }),
    el(doc, 'p', { class: 'quote' }, [excerpt.before, el(doc, 'mark', { text: excerpt.text }), excerpt.after]),
    el(doc, 'p', { class: 'why', text: finding.why }),
    fix,
    el(doc, 'div', { class: 'actions' }, [
      el(doc, 'button', {
        type: 'button', class: 'small link', text: 'Not a problem',
        'aria-label': `Not a problem: hide “${finding.message}” for this draft`,
        onclick: () => actions.dismiss(finding),
      }),
    ]),
  ]);
}

function body(doc, view, actions) {
  if (view.mode === 'problem') {
    const settings = SETTINGS_PROBLEMS.includes(view.problem.kind)
      ? [el(doc, 'button', { type: 'button', class: 'small', text: 'Open settings', onclick: actions.openSettings })]
      : [];
    return [el(doc, 'p', { class: 'notice', text: `${view.problem.message} Posting works as usual.` }, [' ', ...settings])];
  }
  if (!view.items.length) return [];
  return [el(doc, 'ul', { 'aria-label': 'Findings' }, view.items.map((item) => findingItem(doc, item, view, actions)))];
}

function holdParts(doc, view, actions) {
  if (view.mode !== 'hold') return { banner: [], footer: [] };
  const hasFixes = view.items.some((item) => item.finding.fix);
  return {
    banner: [el(doc, 'p', { class: 'hold', role: 'status', text: 'Your post is waiting for you. Edit it, use the suggested wording, or post it as it is: you decide.' })],
    footer: [el(doc, 'footer', {}, [
      el(doc, 'button', { type: 'button', class: 'edit', text: 'Edit', onclick: actions.edit }),
      el(doc, 'button', { type: 'button', class: 'apply-all primary', text: 'Apply all fixes', disabled: !hasFixes || !view.canApply, onclick: actions.applyAll }),
      el(doc, 'button', { type: 'button', class: 'post-anyway', text: 'Post anyway', onclick: actions.postAnyway }),
    ])],
  };
}

/**
 * @param {HTMLElement} section the overlay's panel element
 * @param {PanelView} view
 * @param {PanelActions} actions
 */
export function renderPanel(section, view, actions) {
  const doc = section.ownerDocument;
  const { banner, footer } = holdParts(doc, view, actions);
  section.replaceChildren(
    el(doc, 'header', {}, [
      el(doc, 'div', { class: 'heading' }, [
        el(doc, 'h2', { id: 'secondlook-title', text: 'Second Look' }),
        el(doc, 'p', { class: 'summary', 'aria-live': 'polite', text: summary(view) }),
      ]),
      el(doc, 'button', { type: 'button', class: 'close', 'aria-label': 'Close Second Look panel', text: '×', onclick: actions.close }),
    ]),
    ...banner,
    ...body(doc, view, actions),
    ...footer,
  );
}
