/**
 * `createIntercomClient` builds one client per workspace token: the transport (headers, timeout, retries, call
 * counting, typed errors) plus one object per REST resource. Nothing outside src/intercom sees axios.
 */
import { type Clock, systemClock } from '../util/clock';
import { type AdminsApi, adminsApi } from './admins';
import { type CompaniesApi, companiesApi } from './companies';
import { type ContactsApi, contactsApi } from './contacts';
import { type ConversationsApi, conversationsApi } from './conversations';
import { type MeApi, meApi } from './me';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
import { type TeamsApi, teamsApi } from './teams';
import { type TicketTypesApi, ticketTypesApi } from './ticket-types';
import { type TicketsApi, ticketsApi } from './tickets';
import { type TrackersApi, trackersApi } from './trackers';
import { createTransport, type IntercomLogger } from './transport';

export const INTERCOM_API_VERSION = '2.16';

export interface IntercomClientOptions {
  /** Regional REST host (see regions.ts) or the fake's URL. */
  baseUrl: string;
  /** The workspace's access token. Sent as a bearer token; never logged or put in an error. */
  token: string;
  version?: string;
  /** Per attempt. Default 10 s. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 3. */
  maxRetries?: number;
  /** Backoff tuning and the cap on total waiting; `maxRetries` above wins over `retryPolicy.maxRetries`. */
  retryPolicy?: Partial<RetryPolicy>;
  /** How the client waits between retries; tests inject one that records and returns at once. */
  sleep?: (ms: number) => Promise<void>;
  /** Read to turn `X-RateLimit-Reset` into a delay. */
  clock?: Clock;
  /** Jitter source; injectable so tests can pin delays. */
  random?: () => number;
  logger?: IntercomLogger;
}

export interface IntercomClient {
  readonly tickets: TicketsApi;
  /** Tracker tickets' linked conversations (incidents). */
  readonly trackers: TrackersApi;
  readonly ticketTypes: TicketTypesApi;
  readonly conversations: ConversationsApi;
  readonly contacts: ContactsApi;
  readonly companies: CompaniesApi;
  readonly admins: AdminsApi;
  readonly teams: TeamsApi;
  readonly me: MeApi;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createIntercomClient(options: IntercomClientOptions): IntercomClient {
  const policy: RetryPolicy = {
    ...DEFAULT_RETRY_POLICY,
    ...options.retryPolicy,
    ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
  };
  const http = createTransport({
    baseUrl: options.baseUrl,
    token: options.token,
    version: options.version ?? INTERCOM_API_VERSION,
    timeoutMs: options.timeoutMs ?? 10_000,
    policy,
    sleep: options.sleep ?? realSleep,
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
    logger: options.logger,
  });
  return Object.freeze({
    tickets: ticketsApi(http),
    trackers: trackersApi(http),
    ticketTypes: ticketTypesApi(http),
    conversations: conversationsApi(http),
    contacts: contactsApi(http),
    companies: companiesApi(http),
    admins: adminsApi(http),
    teams: teamsApi(http),
    me: meApi(http),
  });
}
