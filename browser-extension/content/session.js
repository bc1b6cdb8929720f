/**
 * One compose box under a second look: checks it as the teacher types and when they press Post,
 * draws the findings over it, and holds a post with warnings until the teacher decides.
 * Nothing here stores the draft: it is read from the editor when needed and sent only to the worker.
 *
 * @typedef {{check: (text: string) => Promise<import('../shared/protocol.js').CheckResult>,
 *   outcome: (code: string, outcome: import('../shared/protocol.js').Outcome, policyVersion: string) => void,
 *   openSettings: () => void}} ServiceLink
 */
import { readText, replaceSpan } from './editor.js';
import { panelPosition, spanMarks } from './geometry.js';
import { spanRects, visibleBox } from './measure.js';
import { createOverlay, drawBadge, drawMarks } from './overlay.js';
import { renderPanel } from './panel.js';
import { editedCodes, excerpt, fixesInApplyOrder, holdsPost, inTextOrder, maxLevel, rebase, spanOf } from './spans.js';
import { debounce, withTimeout } from './timing.js';

export const TYPING_PAUSE_MS = 600;
export const POST_CHECK_TIMEOUT_MS = 6000;

const dismissKey = (finding, text) => `${finding.code}\u0000${text.slice(spanOf(finding).start, spanOf(finding).end)}`;

export class Session {
  /**
   * @param {HTMLElement} element the compose box
   * @param {ServiceLink} service
   */
  constructor(element, service) {
    this.element = element;
    this.service = service;
    this.overlay = createOverlay(element.ownerDocument);
    this.text = readText(element); // the text the findings' spans refer to
    this.verifiedText = null; // the text the service last checked
    this.findings = [];
    this.reportCodes = [];
    this.policyVersion = '';
    this.problem = null;
    this.checking = false;
    this.sequence = 0;
    this.panelMode = null; // null (closed) | 'review' | 'hold'
    this.replay = null; // the held post, while the teacher decides
    this.applied = new Set();
    this.dismissed = new Set();
    this.frame = 0;
    this.scheduleCheck = debounce(() => this.check(), TYPING_PAUSE_MS);
    this.listen();
    if (this.text.trim()) this.check();
  }

  listen() {
    const win = this.element.ownerDocument.defaultView;
    this.onInput = () => this.edited();
    this.onMove = () => this.requestRender();
    this.element.addEventListener('input', this.onInput);
    win.addEventListener('scroll', this.onMove, { capture: true, passive: true });
    win.addEventListener('resize', this.onMove, { passive: true });
    this.resizeObserver = new ResizeObserver(this.onMove);
    this.resizeObserver.observe(this.element);
    this.overlay.badge.addEventListener('click', () => (this.panelMode ? this.closePanel() : this.openPanel('review')));
    this.overlay.root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.panelMode) this.edit();
    });
  }

  destroy() {
    const win = this.element.ownerDocument.defaultView;
    this.scheduleCheck.cancel();
    this.element.removeEventListener('input', this.onInput);
    win.removeEventListener('scroll', this.onMove, { capture: true });
    win.removeEventListener('resize', this.onMove);
    this.resizeObserver.disconnect();
    win.cancelAnimationFrame(this.frame);
    this.overlay.destroy();
  }

  /** Keep findings on their words as the text changes, and check again after a pause. */
  edited() {
    this.sync();
    this.scheduleCheck();
  }

  sync() {
    const now = readText(this.element);
    this.findings = rebase(this.findings, this.text, now);
    this.text = now;
    this.refresh();
  }

  /** @returns {Promise<import('../shared/protocol.js').CheckResult|null>} null when superseded or empty */
  async check() {
    this.scheduleCheck.cancel();
    const text = readText(this.element);
    const sequence = ++this.sequence;
    if (!text.trim()) {
      Object.assign(this, { checking: false, problem: null, findings: [], reportCodes: [], verifiedText: text, text });
      this.refresh();
      return null;
    }
    this.checking = true;
    this.refresh();
    const result = await this.service.check(text);
    if (sequence !== this.sequence) return null;
    this.checking = false;
    if (result.ok) this.accept(text, result.report);
    else Object.assign(this, { problem: result.problem, findings: [], verifiedText: null });
    this.refresh();
    return result;
  }

  accept(text, report) {
    const codes = report.findings.map((f) => f.code);
    for (const code of editedCodes(this.reportCodes, codes, this.applied)) {
      this.service.outcome(code, 'edited', this.policyVersion);
    }
    const shown = report.findings.filter((f) => !this.dismissed.has(dismissKey(f, text)));
    this.findings = rebase(inTextOrder(shown), text, readText(this.element));
    Object.assign(this, { problem: null, verifiedText: text, text: readText(this.element), reportCodes: codes, policyVersion: report.policy_version });
    this.applied = new Set();
  }

  /** Called by the Post guard: let the post through now, or hold it. */
  decide() {
    if (this.replay) return 'hold';
    const text = readText(this.element);
    if (!text.trim() || this.problem) return 'pass';
    if (text === this.verifiedText) return holdsPost(this.findings) ? 'hold' : 'pass';
    return 'hold';
  }

  /** Hold a post: check the draft if it changed, then let it go or ask the teacher. */
  async hold(replay) {
    this.replay = replay;
    if (readText(this.element) !== this.verifiedText) {
      const result = await withTimeout(this.check(), POST_CHECK_TIMEOUT_MS, null);
      if (!result?.ok || !holdsPost(this.findings)) {
        this.release();
        return;
      }
    }
    this.openPanel('hold');
  }

  /** Post as if the extension were not here. */
  release() {
    const replay = this.replay;
    this.replay = null;
    if (this.panelMode === 'hold') this.closePanel();
    replay?.();
  }

  openPanel(mode) {
    this.panelMode = mode;
    this.refresh();
    const first = this.overlay.panel.querySelector(mode === 'hold' ? 'footer button' : 'button');
    first?.focus();
  }

  closePanel() {
    this.panelMode = null;
    this.refresh();
  }

  edit() {
    this.replay = null;
    this.closePanel();
    this.element.focus();
  }

  postAnyway() {
    for (const code of new Set(this.findings.filter((f) => f.level !== 'suggestion').map((f) => f.code))) {
      this.service.outcome(code, 'posted_anyway', this.policyVersion);
    }
    this.release();
  }

  apply(finding) {
    this.applyFixes([finding]);
  }

  applyAll() {
    this.applyFixes(fixesInApplyOrder(this.findings));
  }

  applyFixes(findings) {
    this.sync();
    for (const finding of findings) {
      const current = this.findings.find((f) => f.code === finding.code && spanOf(f).start === spanOf(finding).start);
      if (!current || !replaceSpan(this.element, spanOf(current), current.fix.replacement)) continue;
      this.applied.add(current.code);
      this.service.outcome(current.code, 'applied_fix', this.policyVersion);
      this.sync();
    }
    this.afterChange();
  }

  dismiss(finding) {
    this.dismissed.add(dismissKey(finding, this.text));
    this.findings = this.findings.filter((f) => f !== finding);
    this.service.outcome(finding.code, 'reported_wrong', this.policyVersion);
    this.afterChange();
  }

  /** Once nothing holds the post any more, hand the box back to the teacher to press Post. */
  afterChange() {
    if (this.panelMode === 'hold' && !holdsPost(this.findings)) this.edit();
    else this.refresh();
  }

  actions() {
    return {
      close: () => (this.panelMode === 'hold' ? this.edit() : this.closePanel()),
      apply: (f) => this.apply(f),
      dismiss: (f) => this.dismiss(f),
      edit: () => this.edit(),
      applyAll: () => this.applyAll(),
      postAnyway: () => this.postAnyway(),
      openSettings: () => this.service.openSettings(),
    };
  }

  badgeState() {
    if (!this.text.trim()) return null;
    if (this.problem) return { kind: 'problem', count: 0, level: null };
    if (this.findings.length) return { kind: 'findings', count: this.findings.length, level: maxLevel(this.findings) };
    return { kind: this.checking || this.verifiedText === null ? 'checking' : 'clean', count: 0, level: null };
  }

  panelView() {
    const mode = this.problem ? 'problem' : this.checking && !this.findings.length ? 'checking' : this.panelMode;
    return {
      mode,
      items: this.findings.map((finding) => ({ finding, excerpt: excerpt(this.text, spanOf(finding)) })),
      problem: this.problem,
      canApply: readText(this.element) === this.text,
    };
  }

  /** State changed: redraw the panel's content now and everything's position on the next frame. */
  refresh() {
    const { panel } = this.overlay;
    panel.hidden = this.panelMode === null;
    if (!panel.hidden) {
      const hadFocus = this.overlay.root.activeElement !== null && panel.contains(this.overlay.root.activeElement);
      renderPanel(panel, this.panelView(), this.actions());
      if (hadFocus) panel.querySelector('button')?.focus();
    }
    this.requestRender();
  }

  requestRender() {
    const win = this.element.ownerDocument.defaultView;
    win.cancelAnimationFrame(this.frame);
    this.frame = win.requestAnimationFrame(() => this.render());
  }

  render() {
    if (!this.element.isConnected) return;
    const box = visibleBox(this.element);
    const marks = readText(this.element) === this.text
      ? this.findings.flatMap((f) => spanMarks(spanRects(this.element, spanOf(f), this.overlay.scratch), box).map((m) => ({ ...m, level: f.level })))
      : [];
    drawMarks(this.overlay.marks, marks);
    drawBadge(this.overlay.badge, this.badgeState(), box, this.panelMode !== null);
    const { panel } = this.overlay;
    if (panel.hidden) return;
    const win = this.element.ownerDocument.defaultView;
    const { left, top } = panelPosition(box, { width: panel.offsetWidth, height: panel.offsetHeight }, { width: win.innerWidth, height: win.innerHeight });
    Object.assign(panel.style, { left: `${left}px`, top: `${top}px` });
  }
}
