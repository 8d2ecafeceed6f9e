/**
 * Two installed workspaces in one app, as a public app serving many would
 * have them: A (the demo workspace, whose agent is the signed-in teammate) and
 * B ("Beta Corp", its own token, admins, conversations and a linked ticket).
 * Every test signs requests as A and checks that nothing of B is read,
 * changed or even noticeable.
 */
import type request from 'supertest';
import type { DemoWorkspace } from '../../src/sandbox/fake-intercom';
import { type InstallHarness, installWith, startInstallHarness } from '../services/install/harness';
import { perTest } from '../support/per-test';

export const B_TOKEN = 'tok_beta_0123456789abcdef';
export const B_TICKET = '880001';
export const B_VIP_LABEL = 'Beta platinum desk';

export interface TwoWorkspaces {
  h: InstallHarness;
  a: DemoWorkspace;
  b: DemoWorkspace;
}

/** Both workspaces afresh for each test of the file (see `perTest`); `onStarted` may be async, for the file's own set-up. */
export function useTwoWorkspaces(onStarted: (t: TwoWorkspaces) => void | Promise<void>): void {
  let started: TwoWorkspaces;
  perTest(
    async () => {
      started = await startTwoWorkspaces();
      return started.h;
    },
    () => onStarted(started),
  );
}

export async function startTwoWorkspaces(): Promise<TwoWorkspaces> {
  const h = await startInstallHarness({ mode: 'private' });
  const b = h.fake.seedDemoWorkspace({ id: 'wsbeta01', token: B_TOKEN, name: 'Beta Corp' });
  await installWith(h.application, h.fake, B_TOKEN, h.clock);
  const { store } = h.application;
  const now = h.clock.now();
  await store.tickets.upsert(
    b.workspaceId,
    {
      ticketId: B_TICKET,
      ticketNumber: '#77',
      conversationId: b.conversations.refund,
      contactId: null,
      title: 'Beta secret escalation',
      ticketTypeId: b.backOffice.ticketTypeId,
      stateCategory: 'in_progress',
      stateLabel: null,
      priority: 'P1',
      queue: 'vip',
      teamId: b.teams.vip,
      adminAssigneeId: null,
      ownerName: 'Beta Owner',
      teamName: 'Beta VIP',
      isOpen: true,
      intercomUpdatedAt: now,
    },
    now,
  );
  const settings = (await store.settings.get(b.workspaceId)).settings;
  settings.queues.vip.label = B_VIP_LABEL;
  await store.settings.save(b.workspaceId, { settings, expectedVersion: 0, adminId: b.admins.agent, now });
  h.fake.clearLog();
  return { h, a: h.demo, b };
}

/** Every row of B the app could touch, to compare before and after. */
export async function snapshotOf({ h, b }: TwoWorkspaces) {
  const { store } = h.application;
  return {
    workspace: await store.workspaces.get(b.workspaceId),
    settings: await store.settings.get(b.workspaceId),
    audit: await store.settings.listAudit(b.workspaceId),
    tickets: await store.tickets.listByConversation(b.workspaceId, b.conversations.refund),
    escalations: await store.escalations.listActiveByConversation(b.workspaceId, b.conversations.refund),
    outbox: await store.outbox.listByWorkspace(b.workspaceId),
  };
}

/** A response with the given ids and any idempotency nonces replaced, so two answers can be compared as a teammate sees them. */
export function normalised(res: request.Response, ids: readonly string[]): string {
  let text = JSON.stringify(res.body);
  for (const id of ids) text = text.split(id).join('<id>');
  // Form nonces and settings links are random per render (a link is single-use), so they cannot compare equal.
  return text.replace(/"nonce":"[^"]*"/g, '"nonce":"<nonce>"').replace(/settings\?token=[^"]*/g, 'settings?token=<token>');
}
