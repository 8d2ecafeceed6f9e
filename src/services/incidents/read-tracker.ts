/**
 * The tracker a teammate picked, read through this workspace's token (so another workspace's tracker is simply
 * not found) and applied to our store; an unknown id or a ticket that is not a tracker is refused in plain words.
 */
import { isIntercomApiError, type Ticket } from '../../intercom';
import { AppError } from '../../util/app-error';
import { applyIncident } from './apply';
import type { IncidentDeps } from './deps';
import { REFUSALS } from './refusals';
import { isTracker } from './snapshot';

export async function readTracker(deps: IncidentDeps, workspaceId: string, trackerId: string): Promise<Ticket> {
  let ticket: Ticket;
  try {
    ticket = await (await deps.sync.directory.clientFor(workspaceId)).tickets.get(trackerId);
  } catch (error) {
    if (isIntercomApiError(error) && error.status >= 400 && error.status < 500 && error.status !== 429) {
      throw new AppError(error.status === 404 ? 'not_found' : 'intercom_rejected', REFUSALS['ticket_not_found']!, error);
    }
    throw new AppError('intercom_unavailable', 'Intercom is not answering right now. Nothing changed; try again in a moment.', error);
  }
  if (!isTracker(ticket)) throw new AppError('intercom_rejected', REFUSALS['invalid_ticket_type']!);
  await applyIncident(deps.sync.store, deps.sync.pokeOutbox, workspaceId, ticket, deps.clock.now());
  return ticket;
}
