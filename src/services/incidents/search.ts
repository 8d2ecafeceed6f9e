/**
 * The workspace's open tracker tickets for the "Link to an incident" form. Open trackers are few (an outage, a
 * known bug), so one `POST /tickets/search` (category tracker, open) fetches them all and is kept for a minute
 * per workspace: every keystroke-and-search of every teammate filters that list locally, by number or title,
 * most recent first. Only when a workspace has more open trackers than one page holds is a word search also sent
 * to Intercom (title contains), so an old tracker beyond the first page can still be found.
 * None of this runs for the first canvas: the sidebar reads only our store.
 */
import { type IncidentQuery, matchTrackers, type TrackerOption } from '../../domain/incidents/search-query';
import type { IntercomClient, Ticket, TicketSearchQuery } from '../../intercom';
import type { Clock } from '../../util/clock';
import { createWorkspaceCache } from '../directory-cache';
import { incidentSnapshot } from './snapshot';

const PAGE = 150;
const TTL_MS = 60_000;
export const RESULTS_SHOWN = 8;

type Filter = { field: string; operator: '=' | '~'; value: string | boolean };
const openTrackers = (extra: Filter[] = []): TicketSearchQuery => ({
  operator: 'AND',
  value: [{ field: 'category', operator: '=', value: 'tracker' }, { field: 'open', operator: '=', value: true }, ...extra],
});

export function toOption(ticket: Ticket, now: number): TrackerOption {
  const snapshot = incidentSnapshot(ticket, now);
  return {
    trackerId: snapshot.trackerId,
    number: snapshot.ticketNumber,
    title: snapshot.title,
    stateLabel: snapshot.stateLabel,
    linkedCount: snapshot.linkedCount,
    createdAt: snapshot.createdAt,
  };
}

export interface TrackerSearch {
  find(workspaceId: string, query: IncidentQuery): Promise<TrackerOption[]>;
  /** After a link or a new incident, so the next search shows the new count or the new tracker. */
  invalidate(workspaceId: string): void;
}

export function createTrackerSearch(options: { clientFor(workspaceId: string): Promise<IntercomClient>; clock: Clock }): TrackerSearch {
  const cache = createWorkspaceCache(
    async (workspaceId) => {
      const page = await (await options.clientFor(workspaceId)).tickets.search(openTrackers(), { perPage: PAGE });
      const now = options.clock.now();
      return { options: page.tickets.map((t) => toOption(t, now)), complete: page.nextStartingAfter === null };
    },
    options.clock,
    TTL_MS,
  );
  return {
    async find(workspaceId, query) {
      const listed = await cache.get(workspaceId);
      const found = matchTrackers(listed.options, query, RESULTS_SHOWN);
      if (listed.complete || query.kind !== 'words' || found.length >= RESULTS_SHOWN) return found;
      const titled = openTrackers([{ field: 'title', operator: '~', value: query.words[0]! }]);
      const page = await (await options.clientFor(workspaceId)).tickets.search(titled, { perPage: PAGE });
      const now = options.clock.now();
      const merged = new Map([...listed.options, ...page.tickets.map((t) => toOption(t, now))].map((o) => [o.trackerId, o]));
      return matchTrackers([...merged.values()], query, RESULTS_SHOWN);
    },
    invalidate: (workspaceId) => cache.invalidate(workspaceId),
  };
}
