/**
 * The HTTP client for the Second Look service. Every failure becomes a Problem a teacher can read;
 * nothing here logs, and the draft goes only into the body of the check request.
 */
import { problemResult } from '../shared/protocol.js';

export const TIMEOUT_MS = 8000;

const PROBLEMS = {
  401: ['unauthorized', 'The service did not accept the API key. Check it in Second Look settings.'],
  403: ['forbidden', 'This API key is not a teacher key. Ask your district for a teacher key.'],
  429: ['rate_limited', 'The service is busy right now.'],
};

/**
 * @param {number} status
 * @param {any} body parsed JSON body, or null
 * @param {string|null} retryAfter the Retry-After header
 * @returns {import('../shared/protocol.js').Problem}
 */
export function problemFromResponse(status, body, retryAfter) {
  const [kind, message] = PROBLEMS[status] ?? ['rejected', 'The service could not check this draft.'];
  const detail = typeof body?.error?.message === 'string' ? ` (${body.error.message})` : '';
  const wait = status === 429 && retryAfter ? ` Try again in ${retryAfter} seconds.` : '';
  return { kind, message: `${message}${wait}${status === 401 || status === 429 ? '' : detail}` };
}

function isReport(body) {
  return (
    body !== null &&
    typeof body === 'object' &&
    ['clean', 'review', 'rethink'].includes(body.verdict) &&
    Array.isArray(body.findings) &&
    body.findings.every((f) => f && f.span_utf16 && Number.isInteger(f.span_utf16.start) && Number.isInteger(f.span_utf16.end))
  );
}

async function readJson(response) {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/**
 * @param {{serviceUrl: string, apiKey: string}} service
 * @param {string} path
 * @param {RequestInit} init
 * @param {typeof fetch} fetchImpl
 */
async function call(service, path, init, fetchImpl) {
  try {
    const response = await fetchImpl(`${service.serviceUrl}${path}`, {
      ...init,
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return { response, body: await readJson(response) };
  } catch {
    return { response: null, body: null };
  }
}

function unreachable(serviceUrl) {
  return problemResult('unreachable', `Second Look could not reach ${serviceUrl}.`);
}

function jsonPost(apiKey, payload) {
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${apiKey}` },
    body: JSON.stringify(payload),
  };
}

/**
 * POST /v1/check.
 * @returns {Promise<import('../shared/protocol.js').CheckResult>}
 */
export async function checkDraft(service, text, context, fetchImpl = fetch) {
  const { response, body } = await call(service, '/v1/check', jsonPost(service.apiKey, { text, context }), fetchImpl);
  if (!response) return unreachable(service.serviceUrl);
  if (!response.ok) {
    return { ok: false, problem: problemFromResponse(response.status, body, response.headers.get('Retry-After')) };
  }
  if (!isReport(body)) return problemResult('bad_response', 'The service sent an answer Second Look does not understand.');
  return { ok: true, report: body };
}

/** GET /healthz: is anything there? */
export async function health(service, fetchImpl = fetch) {
  const { response, body } = await call(service, '/healthz', { method: 'GET' }, fetchImpl);
  return Boolean(response?.ok && body?.status === 'ok');
}

/** POST /v1/feedback with aggregate outcome events (a code and what the teacher did; no text, no user). */
export async function sendFeedback(service, events, fetchImpl = fetch) {
  const { response } = await call(service, '/v1/feedback', jsonPost(service.apiKey, { events }), fetchImpl);
  return response?.status === 202;
}
