/**
 * Phase 3, services: what the sidebar, escalation and sync share (FlowDeps), then triage with the optional AI
 * provider, two-way sync and escalation. Services enqueue outbox jobs and ring `outboxWakeup`; the worker that
 * answers it is built in the next phase (src/wiring/jobs.ts), so nothing here needs it yet.
 */
import type { FlowDeps } from '../flows/deps';
import { createDeadWorkCache } from '../services/dead-work-cache';
import { type DirectoryCache, createDirectoryCache } from '../services/directory-cache';
import { createFormCompanies, DEFAULT_BUDGETS, type EscalationDeps } from '../services/escalation';
import { intercomInboxUrl } from '../services/inbox-url';
import { createSeenRecorder, type SeenRecorder } from '../services/reports/seen-recorder';
import type { SharedCaseDeps } from '../services/shared-cases';
import { createPolicyCache, type PolicyCache } from '../services/sla/policy-cache';
import { createSlaService } from '../services/sla/sla-service';
import {
  createSignatureRecorder,
  createTrackerSearch,
  DEFAULT_PACING,
  type IncidentDeps,
  type SignatureRecorder,
  type TrackerSearch,
} from '../services/incidents';
import { createSyncDeps, type SyncDeps } from '../services/sync';
import { createTicketSnapshotter } from '../services/ticket-snapshot';
import { createTicketTypeCache } from '../services/ticket-types';
import { createTriageService } from '../services/triage';
import {
  createTriageAiCounters,
  createTriageAiService,
  createTriageAiSettings,
  providerClients,
  type TriageAiCounters,
  type TriageAiService,
  type TriageAiSettingsService,
  withAiAnswers,
} from '../services/triage-ai';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import { createWakeup, type Wakeup } from '../util/wakeup';
import type { IntercomAccess } from './intercom-access';
import type { BuildOptions } from './options';
import type { Storage } from './storage';

export interface Services {
  deps: FlowDeps;
  sync: SyncDeps;
  escalation: EscalationDeps;
  /** Incidents (src/services/incidents): tracker links, starting one, the resolve fan-out; and the tracker search. */
  incidents: IncidentDeps;
  sharedCases: SharedCaseDeps;
  trackerSearch: TrackerSearch;
  names: DirectoryCache;
  /** One settings/meter cache for the SLA service and the scheduler (see src/services/sla/policy-cache.ts). */
  slaPolicies: PolicyCache;
  triageAi: TriageAiService;
  triageAiSettings: TriageAiSettingsService;
  triageAiCounters: TriageAiCounters;
  /** Conversations the sidebar was shown in, noted in memory and written in batches by a job (the reports' denominator). */
  seen: SeenRecorder;
  /** Conversations' problem signatures for noticing incidents, noted in memory and written by the same job. */
  signatures: SignatureRecorder;
  /** Rung by services after they enqueue; answered by the outbox worker once it exists. */
  outboxWakeup: Wakeup;
}

export function buildServices(
  options: BuildOptions,
  { store, cipher }: Storage,
  { directory, settings, install }: IntercomAccess,
  clock: Clock,
  logger: Logger,
): Services {
  const { config } = options;
  const slaPolicies = createPolicyCache();
  // Triage: the local engine with learnt adjustments, and in front of it the optional AI provider's cached answer.
  // The background AI job judges with the local service itself (its answer must not read its own cache).
  const localTriage = createTriageService(store);
  const triageAiCounters = createTriageAiCounters();
  const triageAiSettings = createTriageAiSettings({ store, cipher, now: () => clock.now() });
  const triageAi = createTriageAiService({
    store,
    directory,
    settings,
    triage: localTriage,
    cipher,
    clock,
    logger: logger.child({ job: 'triage-ai' }),
    providers: providerClients(config.triageAi.baseUrl),
    counters: triageAiCounters,
    limits: { timeoutMs: config.triageAi.timeoutMs, maxTranscriptChars: config.triageAi.maxTranscriptChars },
  });
  // Reports (src/services/reports): conversations seen by the sidebar, written in batches by the jobs phase.
  const seen = createSeenRecorder({ store, clock });
  const signatures = createSignatureRecorder({ store });
  const deps: FlowDeps = {
    store,
    clock,
    settings,
    directory,
    sla: createSlaService({ clock, policies: slaPolicies }),
    triage: withAiAnswers(localTriage, triageAi),
    ticketUrl: options.ticketUrl ?? intercomInboxUrl,
    deadWork: createDeadWorkCache(store),
    settingsUrlFor: (workspaceId, admin) => install.settingsUrlFor(workspaceId, admin),
    reportsUrlFor: (workspaceId, admin) => install.reportsUrlFor(workspaceId, admin),
    pageLinksExpire: install.sandbox,
    conversationSeen: (workspaceId, conversationId) => seen.note(workspaceId, conversationId),
    problemSeen: (workspaceId, conversationId, keys, now) => signatures.note(workspaceId, conversationId, keys, now),
  };
  const clientFor = (workspaceId: string) => directory.clientFor(workspaceId);
  const names = createDirectoryCache({ clientFor, clock });
  const ticketTypes = createTicketTypeCache({ clientFor, clock });
  const outboxWakeup = createWakeup('outbox');
  // Two-way ticket sync (src/services/sync): webhooks in, sidebar note/priority/refresh out, reconciliation.
  const sync = createSyncDeps({ deps, names, ticketTypes, logger: logger.child({ job: 'sync' }), pokeOutbox: outboxWakeup.ring });
  // Escalation (src/services/escalation): the escalate form, reserve + inline create, and its outbox jobs.
  const escalation: EscalationDeps = {
    store,
    clock,
    settings,
    directory,
    ticketTypes,
    formCompanies: createFormCompanies(),
    snapshots: createTicketSnapshotter({ directory: names, ticketTypes }),
    sla: deps.sla,
    triage: deps.triage,
    ticketUrl: deps.ticketUrl,
    conversationUrl: options.conversationUrl ?? intercomInboxUrl,
    pokeOutbox: outboxWakeup.ring,
    // The job waits out the client's own timeout, so a create we stopped waiting for has settled first.
    budgets: { ...DEFAULT_BUDGETS, settleMs: config.intercom.timeoutMs + 1_000, ...options.escalationBudgets },
    logger: logger.child({ flow: 'escalation' }),
  };
  const incidents: IncidentDeps = { sync, escalation, clock, pacing: DEFAULT_PACING, ticketUrl: deps.ticketUrl };
  const trackerSearch = createTrackerSearch({ clientFor, clock });
  // Shared cases (src/services/shared-cases): the same parts, and the same pace for their resolve fan-out.
  const sharedCases: SharedCaseDeps = { sync, escalation, clock, pacing: DEFAULT_PACING };
  return {
    deps,
    sync,
    escalation,
    incidents,
    trackerSearch,
    sharedCases,
    names,
    slaPolicies,
    triageAi,
    triageAiSettings,
    triageAiCounters,
    seen,
    signatures,
    outboxWakeup,
  };
}
