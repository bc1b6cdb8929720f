/** "Test connection": is the service there, and does it accept this browser's key? */
import { checkDraft, health } from './client.js';

const PROBE_CONTEXT = { account: 'personal', author_role: 'teacher', platform: 'web', audience: null };

/**
 * @param {{serviceUrl: string, apiKey: string}} service
 * @param {typeof fetch} fetchImpl
 * @returns {Promise<{ok: boolean, message: string}>}
 */
export async function testConnection(service, fetchImpl = fetch) {
  if (!(await health(service, fetchImpl))) {
    return { ok: false, message: `No Second Look service answered at ${service.serviceUrl}.` };
  }
  const result = await checkDraft(service, 'Hello', PROBE_CONTEXT, fetchImpl);
  if (!result.ok) return { ok: false, message: result.problem.message };
  return { ok: true, message: `Connected. The service accepted the key (policy ${result.report.policy_version}).` };
}
