/**
 * The settings page's "Failed work" section: outbox jobs that gave up (src/services/dead-work.ts), each with a
 * Retry button. Retrying is a POST with the page's CSRF token, one form per job; the error shown is the masked,
 * one-line version, never the raw row.
 */
import { CSRF_FIELD } from '../../security/csrf';
import type { DeadWork } from '../../services/dead-work';
import { formatWhen } from './audit';
import { html, type SafeHtml } from './html';

export const FAILED_WORK_SECTION = 'failed-work';
export const RETRY_PATH = '/settings/failed-work/retry';
export const JOB_FIELD = 'job';

function subject(work: DeadWork): string {
  if (work.ticketId) return `Ticket ${work.ticketId}`;
  if (work.conversationId) return `Conversation ${work.conversationId}`;
  if (work.escalationId) return `Escalation ${work.escalationId}`;
  return '—';
}

export function renderFailedWork(failed: readonly DeadWork[], csrf: string, timezone: string): SafeHtml {
  const intro = html`<p class="muted">Work Handoff could not get Intercom to take, after retrying for as long as it made sense
(SLA ladder steps and resolve notes for a day, other work for about 17 minutes). Retry puts it back in the queue once.</p>`;
  if (failed.length === 0) return html`${intro}<p>No failed work.</p>`;
  const rows = failed.map(
    (w) =>
      html`<tr><td>${w.what}</td><td>${subject(w)}</td><td>${w.lastError}</td><td>${
        w.failedAt === null ? '—' : html`<time datetime="${new Date(w.failedAt).toISOString()}">${formatWhen(w.failedAt, timezone)}</time>`
      }</td><td>${String(w.attempts)}</td><td><form method="post" action="${RETRY_PATH}"><input type="hidden" name="${CSRF_FIELD}" value="${csrf}"><input type="hidden" name="${JOB_FIELD}" value="${w.jobId}"><button type="submit" aria-label="Retry ${w.what} (${subject(w)})">Retry</button></form></td></tr>`,
  );
  return html`${intro}<table class="matrix failed-work"><thead><tr><th scope="col">Work</th><th scope="col">For</th><th scope="col">Last error</th><th scope="col">Failed</th><th scope="col">Tries</th><th scope="col"><span class="visually-hidden">Retry</span></th></tr></thead><tbody>${rows}</tbody></table>`;
}
