/** Describing dead outbox work (src/services/dead-work.ts): labels, the ticket it concerns, masked errors. */
import { LADDER_JOB_KIND } from '../../src/services/ladder/ladder-payload';
import { deadWorkByTicket, deadWorkLine, describeDeadJob } from '../../src/services/dead-work';
import { JOB_CREATE_TICKET, JOB_POST_NOTE } from '../../src/services/escalation';
import { SYNC_JOB_KINDS } from '../../src/services/sync/sync-jobs';
import type { Escalation, OutboxJob } from '../../src/store';

function job(kind: string, payload: unknown, lastError: string | null = 'Intercom 503'): OutboxJob {
  return {
    workspaceId: 'ws',
    id: `job-${kind}-${JSON.stringify(payload)}`,
    kind,
    dedupeKey: 'k',
    payload,
    status: 'dead',
    attempts: 129,
    nextAttemptAt: null,
    lockedBy: null,
    lockedUntil: null,
    lastError,
    createdAt: 1,
    doneAt: 2,
    result: null,
  };
}

const escalation = (id: string, ticketId: string | null) => ({ id, ticketId }) as Escalation;

it('says what each kind of work was for, and which ticket it concerned', () => {
  expect(describeDeadJob(job(LADDER_JOB_KIND, { ticketId: 't1', step: 'breach' }))).toMatchObject({
    what: 'SLA breach step',
    ticketId: 't1',
    attempts: 129,
    failedAt: 2,
  });
  expect(describeDeadJob(job(SYNC_JOB_KINDS.conversationNote, { ticketId: 't1', conversationId: 'c1' }))).toMatchObject({
    what: 'Resolve note in the conversation',
    conversationId: 'c1',
  });
  expect(describeDeadJob(job('some.future_kind', 'not an object')).what).toBe('Background job (some.future_kind)');
  expect(describeDeadJob(job(JOB_CREATE_TICKET, { escalationId: 'e1' })).escalationId).toBe('e1');
});

it('masks secrets in the error and keeps it to one short line', () => {
  const work = describeDeadJob(job(LADDER_JOB_KIND, {}, `401 for Bearer abcdef1234567890abcdef\n${'x '.repeat(400)}`));
  expect(work.lastError).not.toContain('abcdef1234567890abcdef');
  expect(work.lastError).not.toContain('\n');
  expect(work.lastError.length).toBeLessThanOrEqual(200);
});

it('maps work to this conversation’s tickets, escalation work through the escalation’s ticket', () => {
  const dead = [
    job(LADDER_JOB_KIND, { ticketId: 't1', step: 'warn' }),
    job(JOB_POST_NOTE, { escalationId: 'e1' }),
    job(JOB_POST_NOTE, { escalationId: 'e-unlinked' }),
    job(SYNC_JOB_KINDS.ticketNote, { ticketId: 'elsewhere' }),
  ];
  const byTicket = deadWorkByTicket(dead, ['t1', 't2'], [escalation('e1', 't2'), escalation('e-unlinked', null)]);
  expect([...byTicket.keys()].sort()).toEqual(['t1', 't2']);
  expect(byTicket.get('t2')?.map((w) => w.what)).toEqual(['Escalation follow-up note']);
  expect(deadWorkLine(byTicket.get('t1')!)).toBe(
    'SLA warning note could not reach Intercom — ask an admin to retry it in Handoff settings.',
  );
  expect(deadWorkLine([...byTicket.get('t1')!, ...byTicket.get('t2')!])).toMatch(/^SLA warning note and 1 more could not/);
  expect(deadWorkLine([])).toBeNull();
});
