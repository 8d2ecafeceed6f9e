/**
 * The world a crash test lives in: a fake Intercom in this process on a clock shared with the child apps
 * (wall time plus an offset both sides apply), a SQLite file that outlives every child, and the demo
 * workspace with as many customer conversations as the test escalates. Each "life" is one child process.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSettings } from '../../../src/domain/settings';
import type { CanvasKitContext } from '../../../src/sandbox/canvas-kit-body';
import { type DemoWorkspace, type FakeIntercom, startFakeIntercom } from '../../../src/sandbox/fake-intercom';
import { createTokenCipher } from '../../../src/security/token-cipher';
import { installPrivateWorkspace } from '../../../src/services/private-install';
import { createStore, migrateToLatest, openDatabase, type Store } from '../../../src/store';
import { type ChildApp, type ChildEnv, startChild } from './child-control';

export interface CrashWorld {
  fake: FakeIntercom;
  demo: DemoWorkspace;
  sqlitePath: string;
  /** One context per conversation the test escalates. */
  contexts: CanvasKitContext[];
  offsetMs(): number;
  /** Moves the shared clock: the fake at once, the running child (if any) over HTTP. */
  advance(ms: number, child?: ChildApp): Promise<void>;
  /** Starts a child on the file; `env` adds to (or overrides) what every life gets. */
  startLife(name: string, env?: Partial<ChildEnv>): Promise<ChildApp>;
  /** The store of the file, opened in this process (only while no child runs, to keep SQLite's writer single). */
  withStore<T>(fn: (store: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const ENCRYPTION_KEY = { id: 'test', key: Buffer.alloc(32, 3) };

export async function createCrashWorld(conversations: number): Promise<CrashWorld> {
  let offset = 0;
  const clock = { now: () => Date.now() + offset };
  const fake = await startFakeIntercom({ clock });
  const demo = fake.seedDemoWorkspace();
  const contactId = demo.contacts.standard;
  const contexts = Array.from({ length: conversations }, (_, i) => {
    const conversation = fake.seed.conversation(demo.workspaceId, {
      contactId,
      title: `Charged twice, case ${i + 1}`,
      companyId: demo.companies.standard,
      messages: [{ from: 'contact', body: `<p>I was charged twice (case ${i + 1}). I want a refund.</p>` }],
    });
    return { workspaceId: demo.workspaceId, conversationId: conversation.id, adminId: demo.admins.agent };
  });
  const sqlitePath = join(tmpdir(), `handoff-crash-${randomBytes(6).toString('hex')}.sqlite`);
  const withStore = async <T>(fn: (store: Store) => Promise<T>): Promise<T> => {
    const database = openDatabase({ sqlitePath });
    try {
      await migrateToLatest(database);
      return await fn(createStore(database));
    } finally {
      await database.close();
    }
  };
  return {
    fake,
    demo,
    sqlitePath,
    contexts,
    offsetMs: () => offset,
    async advance(ms, child) {
      offset += ms;
      await child?.setClockOffset(offset);
    },
    startLife: (name, env = {}) =>
      startChild({
        REL_FAKE_URL: fake.url,
        REL_TOKEN: demo.token,
        REL_INSTANCE_ID: name,
        REL_CLOCK_OFFSET_MS: String(offset),
        REL_SQLITE_PATH: sqlitePath,
        ...env,
      }),
    withStore,
    async close() {
      await fake.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(sqlitePath + suffix, { force: true });
    },
  };
}

/** Installs the workspace in the file and names a lead, a manager and a breach team for the SLA ladder. */
export async function installWithLadder(world: CrashWorld): Promise<void> {
  const { demo, fake } = world;
  const clock = { now: () => Date.now() + world.offsetMs() };
  await world.withStore(async (store) => {
    const cipher = createTokenCipher(ENCRYPTION_KEY);
    await installPrivateWorkspace({ token: demo.token, apiBaseUrl: fake.url, pinBaseUrl: true, timeoutMs: 2000, store, cipher, clock });
    const record = await store.settings.get(demo.workspaceId);
    const settings = defaultSettings(record.settings.sla.businessHours.timezone);
    const ladder = {
      ...settings.ladder,
      leadAdminId: demo.admins.lead,
      managerAdminId: demo.admins.manager,
      breachTeamId: demo.teams.account_risk,
    };
    const saved = await store.settings.save(demo.workspaceId, {
      settings: { ...settings, ladder },
      expectedVersion: record.version,
      adminId: demo.admins.manager,
      now: clock.now(),
    });
    if (!saved.ok) throw new Error('could not save the ladder settings');
  });
}
