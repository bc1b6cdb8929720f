/**
 * The Post guard: capture-phase listeners that see a Post click or submit key before the site
 * does, ask the compose box's session, and hold the post only when it says so. The held post is
 * replayed as a synthetic event, which the guard lets through (only trusted input is guarded).
 */
import { buttonNearComposer, composerNearButton, composerOf, isSubmitKey, postButtonOf } from './adapters/index.js';

const isRendered = (element) => element.getClientRects().length > 0;

function keyReplay(event) {
  const init = {
    key: event.key, code: event.code, keyCode: event.keyCode, which: event.which,
    ctrlKey: event.ctrlKey, metaKey: event.metaKey, shiftKey: event.shiftKey, altKey: event.altKey,
    bubbles: true, cancelable: true, composed: true,
  };
  return () => event.target.dispatchEvent(new KeyboardEvent('keydown', init));
}

function intercept(event, session, replay) {
  if (session.decide() === 'pass') return;
  event.preventDefault();
  event.stopImmediatePropagation();
  session.hold(replay);
}

/**
 * @param {Window} win
 * @param {import('./adapters/index.js').Adapter} adapter
 * @param {(composer: HTMLElement) => import('./session.js').Session} sessionFor
 */
export function installGuard(win, adapter, sessionFor) {
  win.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    const button = postButtonOf(adapter, event.composedPath()[0]);
    const composer = button && composerNearButton(adapter, button, isRendered);
    if (composer) intercept(event, sessionFor(composer), () => button.click());
  }, true);

  win.addEventListener('keydown', (event) => {
    if (!event.isTrusted || !isSubmitKey(adapter, event)) return;
    const composer = composerOf(adapter, event.composedPath()[0]);
    if (!composer) return;
    const button = buttonNearComposer(adapter, composer);
    intercept(event, sessionFor(composer), button ? () => button.click() : keyReplay(event));
  }, true);
}
