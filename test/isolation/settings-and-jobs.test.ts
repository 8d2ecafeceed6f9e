import { createOutboxWorker } from '../../src/jobs/outbox-worker';
import { silentLogger } from '../../src/util/logger';
import { pathOf, setCookie } from '../services/install/harness';
import { editSection, getPage, signIn } from '../http/settings/support';
import { B_TOKEN, B_VIP_LABEL, snapshotOf, useTwoWorkspaces, type TwoWorkspaces } from './support';

let t: TwoWorkspaces;
useTwoWorkspaces((started) => {
  t = started;
});

describe("the settings page of workspace A never shows or changes B's", () => {
  it('ignores a workspace named in the address or in the form', async () => {
    const before = await snapshotOf(t);
    const session = await signIn(t.h, t.a.admins.agent);
    for (const query of [`?workspace=${t.b.workspaceId}`, `?workspace_id=${t.b.workspaceId}`, `?w=${t.b.workspaceId}`]) {
      const page = await getPage(t.h, session, `/settings${query}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('Settings for Acme Support');
      expect(page.text).not.toMatch(/Beta|wsbeta01/);
    }
    const res = await editSection(t.h, session, 'routing', {
      'queues.vip.label': 'Changed in A',
      workspace_id: t.b.workspaceId,
      w: t.b.workspaceId,
    });
    expect(res.status).toBe(303);
    expect((await t.h.application.store.settings.get(t.a.workspaceId)).settings.queues.vip.label).toBe('Changed in A');
    expect(await snapshotOf(t)).toEqual(before);
    expect((await t.h.application.store.settings.get(t.b.workspaceId)).settings.queues.vip.label).toBe(B_VIP_LABEL);
  });

  it("refuses A's link or session re-signed for B", async () => {
    // Such links open sessions only in the sandbox now; a genuine one, tampered, must still get nothing.
    const token = t.h.application.install.tokens.link.sign(
      { w: t.a.workspaceId, a: t.a.admins.agent, b: 'installer', n: 'n'.repeat(22) },
      t.h.clock.now(),
    );
    const [body, signature] = token.split('.');
    const swapped = Buffer.from(Buffer.from(body!, 'base64url').toString().replace(t.a.workspaceId, t.b.workspaceId)).toString('base64url');
    const forged = await t.h.http().get(`/settings?token=${swapped}.${signature}`);
    expect(forged.status).toBe(401);
    expect(setCookie(forged, 'handoff_settings')).toBeUndefined();

    const session = await signIn(t.h, t.a.admins.agent);
    const [sBody, sSig] = session.split('.');
    const sSwapped = Buffer.from(Buffer.from(sBody!, 'base64url').toString().replace(t.a.workspaceId, t.b.workspaceId)).toString(
      'base64url',
    );
    expect((await getPage(t.h, `${sSwapped}.${sSig}`)).status).toBe(401);
  });

  it('never puts an access token or a sealed token into any page', async () => {
    const session = await signIn(t.h, t.a.admins.agent);
    const page = await getPage(t.h, session);
    const link = await t.h
      .http()
      .get(pathOf((await t.h.application.deps.settingsUrlFor(t.a.workspaceId, { id: t.a.admins.agent, raw: {} }))!));
    const sealed = await Promise.all([t.a.workspaceId, t.b.workspaceId].map((id) => t.h.application.store.workspaces.get(id)));
    for (const secret of [B_TOKEN, t.a.token, ...sealed.map((w) => w!.token!.ciphertext)]) {
      expect(page.text).not.toContain(secret);
      expect(JSON.stringify(link.headers)).not.toContain(secret);
    }
  });
});

describe('background jobs', () => {
  it("run each job with its own workspace's token, however they interleave", async () => {
    const { store } = t.h.application;
    const ids = [t.a.workspaceId, t.b.workspaceId];
    for (let i = 0; i < 6; i++) {
      await store.outbox.enqueue(ids[i % 2]!, { kind: 'probe_teams', dedupeKey: `probe-${i}`, payload: { i }, now: t.h.clock.now() });
    }
    const seen: { job: string; teams: string[] }[] = [];
    const worker = createOutboxWorker({
      store,
      clock: t.h.clock,
      workerId: 'isolation',
      logger: silentLogger,
      batchSize: 10,
      handlers: {
        probe_teams: async (job) => {
          const client = await t.h.application.deps.directory.clientFor(job.workspaceId);
          seen.push({ job: job.workspaceId, teams: (await client.teams.list()).map((team) => team.id) });
        },
      },
    });
    expect(await worker.runOnce()).toBe(6);
    const teamsOf = (id: string) => [...t.h.fake.state.workspaces.get(id)!.teams.keys()];
    for (const { job, teams } of seen) expect(teams).toEqual(teamsOf(job));
    // The fake resolves the workspace from the bearer token of each call.
    const calls = t.h.fake.requests.map((r) => r.workspaceId).sort();
    expect(calls).toEqual([...Array(3).fill(t.a.workspaceId), ...Array(3).fill(t.b.workspaceId)].sort());
  });

  it("stop for B when B uninstalls, while A's keep running", async () => {
    const { store } = t.h.application;
    for (const id of [t.a.workspaceId, t.b.workspaceId]) {
      await store.outbox.enqueue(id, { kind: 'probe_teams', dedupeKey: 'probe', payload: {}, now: t.h.clock.now() });
    }
    t.h.fake.seed.uninstallApp(t.b.workspaceId);
    await t.h.postSigned('/intercom/uninstall', { app_id: t.b.workspaceId });
    // Only the jobs' calls count below, not the uninstall's GET /me that found B's token revoked.
    t.h.fake.clearLog();
    const worker = createOutboxWorker({
      store,
      clock: t.h.clock,
      workerId: 'isolation',
      logger: silentLogger,
      handlers: { probe_teams: async (job) => (await t.h.application.deps.directory.clientFor(job.workspaceId)).teams.list() },
    });
    expect(await worker.runOnce()).toBe(1);
    expect(t.h.fake.requests.map((r) => r.workspaceId)).toEqual([t.a.workspaceId]);
    expect((await store.outbox.getByDedupeKey(t.b.workspaceId, 'probe'))?.status).toBe('dead');
    expect((await store.outbox.getByDedupeKey(t.a.workspaceId, 'probe'))?.status).toBe('done');
  });
});
