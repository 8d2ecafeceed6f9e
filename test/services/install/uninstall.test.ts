import { defaultSettings } from '../../../src/domain/settings';
import { signBody } from '../../../src/http/signature';
import { initializeBody } from '../../../src/sandbox/canvas-kit-body';
import { assertValidCanvasResponse } from '../../support/canvas-schema';
import { CLIENT_SECRET, type InstallHarness, installWith, useInstallHarness } from './harness';

let h: InstallHarness;
useInstallHarness(
  (started) => {
    h = started;
  },
  { mode: 'private' },
);

const ws = () => h.demo.workspaceId;
/** Intercom revokes the app's tokens, then notifies us. */
const uninstallInIntercom = () => h.fake.seed.uninstallApp(ws());

async function seedWork() {
  const { store } = h.application;
  const now = h.clock.now();
  await store.tickets.upsert(
    ws(),
    {
      ticketId: '801',
      ticketNumber: '#801',
      conversationId: h.demo.conversations.refund,
      contactId: null,
      title: 'Refund',
      ticketTypeId: h.demo.backOffice.ticketTypeId,
      stateCategory: 'submitted',
      stateLabel: null,
      priority: 'P2',
      queue: 'billing_legal',
      teamId: null,
      adminAssigneeId: null,
      ownerName: null,
      teamName: null,
      isOpen: true,
      intercomUpdatedAt: now,
    },
    now,
  );
  await store.outbox.enqueue(ws(), { kind: 'post_note', dedupeKey: 'note-801', payload: { ticketId: '801' }, now });
}

async function setRetention(retention: 'keep' | 'purge') {
  const settings = { ...defaultSettings(), retentionOnUninstall: retention };
  await h.application.store.settings.save(ws(), { settings, expectedVersion: 0, adminId: h.demo.admins.agent, now: h.clock.now() });
}

describe('POST /intercom/uninstall', () => {
  it('drops the token, stops the jobs, keeps the data by default, and the sidebar says it is not installed', async () => {
    await seedWork();
    // Warm the directory's client cache: the uninstall must forget it.
    await h.application.deps.directory.clientFor(ws());
    uninstallInIntercom();
    const res = await h.postSigned('/intercom/uninstall', { app_id: ws() });
    expect(res.status).toBe(200);
    const workspace = await h.application.store.workspaces.get(ws());
    expect(workspace).toMatchObject({ token: null, uninstalledAt: h.clock.now() });
    expect((await h.application.store.outbox.getByDedupeKey(ws(), 'note-801'))?.status).toBe('dead');
    expect(await h.application.store.tickets.listByConversation(ws(), h.demo.conversations.refund)).toHaveLength(1);
    await expect(h.application.deps.directory.clientFor(ws())).rejects.toMatchObject({ code: 'not_installed' });

    const context = { workspaceId: ws(), conversationId: h.demo.conversations.refund, adminId: h.demo.admins.agent };
    const sidebar = await h.postSigned('/intercom/initialize', initializeBody(h.fake, context));
    assertValidCanvasResponse(sidebar.body, 'initialize');
    expect(JSON.stringify(sidebar.body)).toContain('not connected to this workspace');
    expect(await h.application.deps.settingsUrlFor(ws(), { id: h.demo.admins.agent, raw: {} })).toBeNull();
    // The one call: GET /me, which Intercom refused (the token is revoked), so the notification is current.
    expect(h.fake.requests.map((r) => [r.method, r.path, r.status])).toEqual([['GET', '/me', 401]]);
  });

  it('purges every row of the workspace when its retention setting says so, keeping a token-less tombstone', async () => {
    await seedWork();
    await setRetention('purge');
    uninstallInIntercom();
    expect((await h.postSigned('/intercom/uninstall', { app_id: ws() })).status).toBe(200);
    const { store } = h.application;
    expect(await store.tickets.listByConversation(ws(), h.demo.conversations.refund)).toEqual([]);
    expect(await store.outbox.getByDedupeKey(ws(), 'note-801')).toBeNull();
    expect(await store.settings.listAudit(ws())).toEqual([]);
    expect((await store.settings.get(ws())).version).toBe(0);
    expect(await store.workspaces.get(ws())).toMatchObject({ token: null });
  });

  it('is idempotent: a repeated notification changes nothing', async () => {
    uninstallInIntercom();
    await h.postSigned('/intercom/uninstall', { app_id: ws() });
    const first = await h.application.store.workspaces.get(ws());
    h.clock.advance(60_000);
    expect((await h.postSigned('/intercom/uninstall', { app_id: ws() })).status).toBe(200);
    expect(await h.application.store.workspaces.get(ws())).toEqual(first);
  });

  it('answers an unknown workspace exactly like a known one', async () => {
    uninstallInIntercom();
    const known = await h.postSigned('/intercom/uninstall', { app_id: ws() });
    const unknown = await h.postSigned('/intercom/uninstall', { app_id: 'never-installed' });
    expect([unknown.status, unknown.body]).toEqual([known.status, known.body]);
    expect(await h.application.store.workspaces.get('never-installed')).toBeNull();
  });

  it.each([
    ['missing', null],
    ['wrong', 'f'.repeat(64)],
    ['signed with another secret', 'other-secret'],
    ['a webhook (sha1=) signature', 'sha1'],
  ])('refuses a %s signature with 401 and changes nothing', async (_name, kind) => {
    await seedWork();
    const raw = JSON.stringify({ app_id: ws() });
    const signature =
      kind === 'other-secret'
        ? signBody('canvas', raw, 'not-the-secret')
        : kind === 'sha1'
          ? signBody('webhook', raw, CLIENT_SECRET)
          : kind;
    const req = h.http().post('/intercom/uninstall').set('Content-Type', 'application/json');
    const res = await (signature ? req.set('X-Body-Signature', signature) : req).send(raw);
    expect(res.status).toBe(401);
    expect(await h.application.store.workspaces.get(ws())).toMatchObject({ uninstalledAt: null, token: expect.anything() });
    expect((await h.application.store.outbox.getByDedupeKey(ws(), 'note-801'))?.status).toBe('pending');
  });

  it('ignores a replayed notification after a reinstall: the current token still works, so nothing is dropped or purged', async () => {
    await seedWork();
    await setRetention('purge');
    const captured = JSON.stringify({ app_id: ws() });
    const signature = signBody('canvas', captured, CLIENT_SECRET);
    const replay = () =>
      h.http().post('/intercom/uninstall').set('Content-Type', 'application/json').set('X-Body-Signature', signature).send(captured);
    uninstallInIntercom();
    expect((await replay()).status).toBe(200);
    expect(await h.application.store.workspaces.get(ws())).toMatchObject({ token: null });

    h.clock.advance(86_400_000);
    h.fake.seed.token(ws(), 'tok_second_install');
    await installWith(h.application, h.fake, 'tok_second_install', h.clock);
    await seedWork();
    const answer = await replay();
    expect([answer.status, answer.body]).toEqual([200, { ok: true }]);
    const workspace = await h.application.store.workspaces.get(ws());
    expect(workspace).toMatchObject({ uninstalledAt: null, token: expect.anything() });
    expect((await h.application.store.outbox.getByDedupeKey(ws(), 'note-801'))?.status).toBe('pending');
    expect(await h.application.store.tickets.listByConversation(ws(), h.demo.conversations.refund)).toHaveLength(1);
  });

  it('refuses a signed body without an app_id with 400', async () => {
    expect((await h.postSigned('/intercom/uninstall', { workspace_id: ws() })).status).toBe(400);
    expect((await h.application.store.workspaces.get(ws()))?.uninstalledAt).toBeNull();
  });
});
