/**
 * The one message protocol between the extension's pages (content scripts, options page) and its
 * service worker. Only the worker talks to the Second Look service; everything else asks it here.
 *
 * @typedef {'suggestion'|'warning'|'error'} Level
 * @typedef {{start: number, end: number}} Span
 * @typedef {{title: string, replacement: string}} Fix
 * @typedef {{check: string, code: string, level: Level, score: number, threshold: number,
 *   message: string, why: string, fix: Fix|null, span: Span, span_utf16: Span}} Finding
 * @typedef {{verdict: 'clean'|'review'|'rethink', findings: Finding[], policy_version: string,
 *   timing_ms: number}} Report
 * @typedef {'not_configured'|'no_permission'|'unreachable'|'unauthorized'|'forbidden'|
 *   'rate_limited'|'rejected'|'bad_response'} ProblemKind
 * @typedef {{kind: ProblemKind, message: string}} Problem
 * @typedef {{ok: true, report: Report} | {ok: false, problem: Problem}} CheckResult
 * @typedef {'edited'|'applied_fix'|'posted_anyway'|'reported_wrong'} Outcome
 *
 * @typedef {{type: 'check', text: string, platform: string}} CheckRequest
 *   Reply: CheckResult.
 * @typedef {{type: 'outcome', code: string, outcome: Outcome, policyVersion: string}} OutcomeMessage
 *   Reply: {accepted: boolean}. Forwarded only when the district enabled outcome counts.
 * @typedef {{type: 'siteEnabled', adapterId: string, origin: string}} SiteEnabledRequest
 *   Reply: {enabled: boolean}.
 * @typedef {{type: 'testConnection'}} TestConnectionRequest
 *   Reply: {ok: boolean, message: string}.
 * @typedef {{type: 'openOptions'}} OpenOptionsRequest
 *   Reply: {opened: true}.
 * @typedef {CheckRequest|OutcomeMessage|SiteEnabledRequest|TestConnectionRequest|OpenOptionsRequest} Request
 */

export const OUTCOMES = Object.freeze(['edited', 'applied_fix', 'posted_anyway', 'reported_wrong']);

/** @returns {CheckRequest} */
export function checkRequest(text, platform) {
  return { type: 'check', text, platform };
}

/** @returns {OutcomeMessage} */
export function outcomeMessage(code, outcome, policyVersion) {
  return { type: 'outcome', code, outcome, policyVersion };
}

/** @returns {SiteEnabledRequest} */
export function siteEnabledRequest(adapterId, origin) {
  return { type: 'siteEnabled', adapterId, origin };
}

/** @returns {TestConnectionRequest} */
export function testConnectionRequest() {
  return { type: 'testConnection' };
}

/** @returns {OpenOptionsRequest} */
export function openOptionsRequest() {
  return { type: 'openOptions' };
}

const isString = (value) => typeof value === 'string';

const VALIDATORS = {
  check: (m) => isString(m.text) && isString(m.platform),
  outcome: (m) => isString(m.code) && OUTCOMES.includes(m.outcome) && isString(m.policyVersion),
  siteEnabled: (m) => isString(m.adapterId) && isString(m.origin),
  testConnection: () => true,
  openOptions: () => true,
};

/**
 * The worker's gate: a request it understands, or null for anything else.
 * @param {unknown} message
 * @returns {Request|null}
 */
export function parseRequest(message) {
  if (message === null || typeof message !== 'object') return null;
  const type = /** @type {any} */ (message).type;
  const validate = Object.hasOwn(VALIDATORS, type) ? VALIDATORS[type] : null;
  return validate && validate(message) ? /** @type {Request} */ (message) : null;
}

/** @returns {{ok: false, problem: Problem}} */
export function problemResult(kind, message) {
  return { ok: false, problem: { kind, message } };
}
