/**
 * Webhook ingest support inside the app's process: link the fake's tickets the way an escalation leaves them
 * (snapshot + running SLA clocks), run the webhook processor as production does (started, poked by each accepted
 * notification), and report the inbox by status so the parent knows when everything was applied.
 */
import { sql } from 'kysely';
import { isPriority } from '../../src/domain/model';
import { TicketSchema } from '../../src/intercom/ticket-schemas';
import { toTicketSnapshot } from '../../src/services/ticket-snapshot';
import type { AppContext } from './app-context';

export interface InboxCounts {
  total: number;
  pending: number;
  done: number;
  ignored: number;
  failed: number;
}

async function linkTickets(ctx: AppContext, args: { workspaceId: string; tickets: unknown[] }): Promise<number> {
  const { store, deps } = ctx.application;
  const settings = await deps.settings.get(args.workspaceId);
  let linked = 0;
  for (const raw of args.tickets) {
    const ticket = TicketSchema.parse(raw);
    const snapshot = toTicketSnapshot(ticket, { settings });
    if (!snapshot) throw new Error(`fake ticket ${ticket.id} has no linked conversation`);
    const now = ctx.clock.now();
    const priority = isPriority(snapshot.priority) ? snapshot.priority : 'P3';
    // The clocks started when the ticket was created (escalated), as an escalation would have started them.
    const createdAt = ticket.created_at === null ? now : Math.min(now, ticket.created_at * 1000);
    await store.transaction(async (tx) => {
      await tx.tickets.upsert(args.workspaceId, snapshot, now);
      const account = { tier: 'standard' as const, renewalInDays: null, highRisk: false };
      await deps.sla.startClocks(tx, args.workspaceId, { ticketId: ticket.id, createdAt, priority, account }, now);
    });
    linked += 1;
  }
  return linked;
}

function job(ctx: AppContext, name: string) {
  const found = ctx.application.jobs.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no ${name} job is wired`);
  return found;
}

async function inbox(ctx: AppContext): Promise<InboxCounts> {
  const { rows } = await sql<{ status: string; n: number }>`select status, count(*) as n from webhook_inbox group by status`.execute(
    ctx.database.db,
  );
  const counts: InboxCounts = { total: 0, pending: 0, done: 0, ignored: 0, failed: 0 };
  for (const row of rows) {
    const n = Number(row.n);
    counts.total += n;
    if (row.status in counts) counts[row.status as keyof Omit<InboxCounts, 'total'>] += n;
  }
  return counts;
}

/** Rows still to apply. Pending rows are exactly those with a next attempt (finished ones have NULL there, indexed). */
async function pending(ctx: AppContext): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from webhook_inbox where next_attempt_at is not null`.execute(
    ctx.database.db,
  );
  return Number(rows[0]?.n ?? 0);
}

export function webhookCommands(current: () => AppContext) {
  return {
    linkTickets: (args: unknown) => linkTickets(current(), args as { workspaceId: string; tickets: unknown[] }),
    startJob: (args: unknown) => job(current(), (args as { name: string }).name).start(),
    stopJob: (args: unknown) => job(current(), (args as { name: string }).name).stop(),
    webhookInbox: () => inbox(current()),
    webhookPending: () => pending(current()),
  };
}
