/**
 * The simulator's two "outside world" controls. The back-office panel acts as the team that owns a ticket, through
 * the fake's back-office helpers: the fake changes the ticket as Intercom's Inbox would and sends the app the signed
 * webhook Intercom would send. The clock control moves the one clock the app and the fake share. After either,
 * the background jobs run once so the page can show the result straight away.
 */
import { z } from 'zod';
import { STATE_CATEGORIES } from '../../domain/model';
import { escapeHtml } from '../../domain/text';
import { findTicket } from '../fake-intercom/state';
import { type JobCounts, type SimulatorRuntime, settle } from './runtime';

export const backOfficeInputSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('state'), ticketId: z.string().min(1), category: z.enum(STATE_CATEGORIES), actorId: z.string().min(1) }),
  z.object({ action: z.literal('assign'), ticketId: z.string().min(1), assigneeId: z.string().min(1), actorId: z.string().min(1) }),
  z.object({
    action: z.literal('note'),
    ticketId: z.string().min(1),
    actorId: z.string().min(1),
    body: z.string().trim().min(1).max(5000),
  }),
]);
export type BackOfficeInput = z.infer<typeof backOfficeInputSchema>;

export const clockInputSchema = z.object({
  /** Forward only, at most 30 days a click: the ladder is a forward-running story. */
  minutes: z
    .number()
    .int()
    .positive()
    .max(30 * 24 * 60),
});

export interface OutsideResult {
  /** The webhook the fake sent, if any (null when nothing changed, e.g. the ticket was already in that state). */
  webhook: { topic: string; status: number; error: string | null } | null;
  jobs: JobCounts;
}

export class BackOfficeError extends Error {}

export async function backOfficeAction(runtime: SimulatorRuntime, input: BackOfficeInput): Promise<OutsideResult> {
  const found = findTicket(runtime.fake.state, input.ticketId);
  if (!found || found.workspace.id !== runtime.demo.workspaceId) throw new BackOfficeError('No such ticket in the sandbox');
  const { workspace } = found;
  if (!workspace.admins.has(input.actorId)) throw new BackOfficeError('No such teammate in the sandbox');
  const { backOffice } = runtime.fake;
  let delivery: Awaited<ReturnType<typeof backOffice.setState>>;
  switch (input.action) {
    case 'state':
      delivery = await backOffice.setState(input.ticketId, input.category, { adminId: input.actorId });
      break;
    case 'assign':
      if (!workspace.admins.has(input.assigneeId) && !workspace.teams.has(input.assigneeId)) {
        throw new BackOfficeError('No such teammate or team in the sandbox');
      }
      delivery = await backOffice.assign(input.ticketId, input.assigneeId, { actorId: input.actorId });
      break;
    case 'note':
      // Intercom note bodies are HTML; what the panel sends is plain text.
      delivery = await backOffice.addNote(input.ticketId, input.actorId, `<p>${escapeHtml(input.body)}</p>`);
      break;
  }
  const jobs = await settle(runtime);
  return { webhook: delivery ? { topic: delivery.topic, status: delivery.status, error: delivery.error } : null, jobs };
}

export async function advanceClock(runtime: SimulatorRuntime, minutes: number): Promise<{ now: number; jobs: JobCounts }> {
  runtime.clock.advance(minutes * 60_000);
  runtime.movedMs += minutes * 60_000;
  const jobs = await settle(runtime);
  return { now: runtime.clock.now(), jobs };
}
