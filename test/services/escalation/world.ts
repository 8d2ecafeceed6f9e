/**
 * The escalation service on its own: real services over an in-memory SQLite store and the fake Intercom on
 * loopback, wired by hand (no HTTP, no flows, no outbox worker), so a test calls `submitEscalation`, `linkTicket`
 * or a job function directly and looks at the store and at what reached the fake.
 */
import { createTriageService } from '../../../src/services/triage';
import type { Priority, QueueKey } from '../../../src/domain/model';
import { initializeBody } from '../../../src/sandbox/canvas-kit-body';
import { type DemoWorkspace, type FakeIntercom, type FakeTicket, startFakeIntercom } from '../../../src/sandbox/fake-intercom';
import { createTokenCipher } from '../../../src/security/token-cipher';
import { createDirectoryCache } from '../../../src/services/directory-cache';
import {
  createFormCompanies,
  type EscalationChoice,
  type EscalationContext,
  type EscalationDeps,
  loadContext,
} from '../../../src/services/escalation';
import { installPrivateWorkspace } from '../../../src/services/private-install';
import { createSettingsService } from '../../../src/services/settings-service';
import { createPolicyCache } from '../../../src/services/sla/policy-cache';
import { createSlaService } from '../../../src/services/sla/sla-service';
import { createTicketSnapshotter } from '../../../src/services/ticket-snapshot';
import { createTicketTypeCache } from '../../../src/services/ticket-types';
import { createWorkspaceDirectory } from '../../../src/services/workspace-directory';
import { createStore, migrateToLatest, openDatabase, type Store } from '../../../src/store';
import { ManualClock } from '../../../src/util/clock';
import { TEST_START } from '../../support/app-harness';

/** Generous, so a loaded machine never turns a slow answer into a failure; tests of slow answers shorten a budget instead. The settle window is the client timeout + 1 s, as wired. */
const CLIENT_TIMEOUT_MS = 10_000;

export interface EscalationWorld {
  deps: EscalationDeps;
  store: Store;
  clock: ManualClock;
  fake: FakeIntercom;
  demo: DemoWorkspace;
  workspaceId: string;
  /** How often a service asked for the outbox worker to be woken. */
  pokes(): number;
  /** The service's view of a demo conversation (refund by default), read through the fake as the form does. */
  context(conversationId?: string): Promise<EscalationContext>;
  /** What a teammate picks on the form; the Back-office type of the demo workspace. */
  choice(overrides?: Partial<EscalationChoice>): EscalationChoice;
  /** Lets the demo Back-office type be shared with customers (the demo seeds it internal-only). */
  allowSharing(): void;
  /** Tickets the fake holds for the demo workspace. */
  fakeTickets(): FakeTicket[];
  /** Handoff's note on a conversation (they carry the note reference line). */
  handoffNotes(conversationId?: string): string[];
  close(): Promise<void>;
}

export async function startEscalationWorld(): Promise<EscalationWorld> {
  const clock = new ManualClock(TEST_START);
  const fake = await startFakeIntercom({ clock });
  const demo = fake.seedDemoWorkspace();
  const database = openDatabase({ sqlitePath: ':memory:' });
  await migrateToLatest(database);
  const store = createStore(database);
  const cipher = createTokenCipher({ id: 'test', key: Buffer.alloc(32, 7) });
  await installPrivateWorkspace({ token: demo.token, apiBaseUrl: fake.url, pinBaseUrl: true, timeoutMs: 2_000, store, cipher, clock });
  const directory = createWorkspaceDirectory({
    store,
    cipher,
    clock,
    timeoutMs: CLIENT_TIMEOUT_MS,
    apiBaseUrlOverride: fake.url,
    sleep: async () => {},
    maxRetries: 0,
  });
  const clientFor = (workspaceId: string) => directory.clientFor(workspaceId);
  const ticketTypes = createTicketTypeCache({ clientFor, clock });
  let pokes = 0;
  const deps: EscalationDeps = {
    store,
    clock,
    settings: createSettingsService(store),
    directory,
    ticketTypes,
    formCompanies: createFormCompanies(),
    snapshots: createTicketSnapshotter({ directory: createDirectoryCache({ clientFor, clock }), ticketTypes }),
    sla: createSlaService({ clock, policies: createPolicyCache() }),
    triage: createTriageService(store),
    ticketUrl: (workspaceId, ticketId) => `https://tickets.test/${workspaceId}/${ticketId}`,
    conversationUrl: (workspaceId, conversationId) => `https://inbox.test/${workspaceId}/${conversationId}`,
    pokeOutbox: () => {
      pokes += 1;
    },
    budgets: { readMs: CLIENT_TIMEOUT_MS, createMs: CLIENT_TIMEOUT_MS, settleMs: CLIENT_TIMEOUT_MS + 1_000 },
    logger: { info: () => {}, warn: () => {} },
  };
  fake.clearLog();
  const workspaceId = demo.workspaceId;
  const fakeWorkspace = () => fake.state.workspaces.get(workspaceId)!;
  return {
    deps,
    store,
    clock,
    fake,
    demo,
    workspaceId,
    pokes: () => pokes,
    async context(conversationId = demo.conversations.refund) {
      const body = initializeBody(fake, { workspaceId, conversationId, adminId: demo.admins.agent });
      return loadContext(deps, { workspaceId, conversationId, contact: body['contact'] as Record<string, unknown> });
    },
    choice: (overrides = {}) => ({
      ticketTypeId: demo.backOffice.ticketTypeId,
      priority: 'P2' as Priority,
      queue: 'billing_legal' as QueueKey,
      reason: 'Charged twice for the same order',
      shareWithCustomer: false,
      ...overrides,
    }),
    allowSharing() {
      fakeWorkspace().ticketTypes.get(demo.backOffice.ticketTypeId)!.isInternal = false;
    },
    fakeTickets: () => [...fakeWorkspace().tickets.values()],
    handoffNotes(conversationId = demo.conversations.refund) {
      const conversation = fakeWorkspace().conversations.get(conversationId)!;
      return conversation.parts
        .filter((p) => p.partType === 'note' && (p.body ?? '').includes('Handoff note ref:'))
        .map((p) => p.body ?? '');
    },
    async close() {
      await store.close();
      await fake.close();
    },
  };
}

/** A fresh world per test, closed after it once the fake confirms every request it saw matched the 2.16 spec. */
export function useEscalationWorld(onStarted: (world: EscalationWorld) => void): void {
  let world: EscalationWorld;
  beforeEach(async () => {
    world = await startEscalationWorld();
    onStarted(world);
  });
  afterEach(async () => {
    world.fake.assertNoViolations();
    await world.close();
  });
}
