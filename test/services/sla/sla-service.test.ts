/**
 * The SLA service against a real store (in-memory SQLite): what it writes to `sla_clocks` for each ticket event,
 * with the workspace's default settings (Mon–Fri 09:00–18:00 UTC, business time, pause in waiting_on_customer).
 */
import { parseClockState } from '../../../src/domain/sla';
import type { AccountFacts } from '../../../src/services/sla/sla-service';
import { createSlaService } from '../../../src/services/sla/sla-service';
import { createStore, migrateToLatest, openDatabase, type Store } from '../../../src/store';
import { ManualClock } from '../../../src/util/clock';

const WS = 'ws-sla';
const TICKET = 't-1';
/** Wednesday 18 Nov 2026, 10:00 UTC. */
const START = Date.UTC(2026, 10, 18, 10, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;
const pro: AccountFacts = { tier: 'pro', renewalInDays: null, highRisk: false };

let store: Store;
const clock = new ManualClock(START);
const sla = createSlaService({ clock });

beforeEach(async () => {
  const database = openDatabase({ sqlitePath: ':memory:' });
  await migrateToLatest(database);
  store = createStore(database);
  clock.set(START);
  await store.workspaces.upsert(WS, {
    name: 'SLA test',
    region: 'US',
    apiBaseUrl: 'https://api.intercom.io',
    timezone: 'UTC',
    token: null,
    installMode: 'private',
    installedAt: START,
    installedByAdminId: null,
  });
});
afterEach(() => store.close());

const start = (account: AccountFacts = pro, priority: 'P1' | 'P2' | 'P3' | 'P4' = 'P2') =>
  sla.startClocks(store, WS, { ticketId: TICKET, createdAt: START, priority, account }, START);
const clockOf = async (kind: 'response' | 'resolution') => {
  const row = await store.clocks.get(WS, TICKET, kind);
  if (!row) throw new Error(`no ${kind} clock`);
  return row;
};

describe('createSlaService', () => {
  it('starts both clocks from the matrix with their first ladder step armed (P2 × pro: 2 h / 16 h business)', async () => {
    await start();
    const response = await clockOf('response');
    const resolution = await clockOf('resolution');
    expect(response).toMatchObject({ status: 'running', cycle: 0, nextStep: 'warn', nextFireAt: START + 90 * MIN });
    // 75 % of 16 business hours = 12 h: 8 h on Wednesday (10:00–18:00), then 4 h on Thursday from 09:00.
    expect(resolution).toMatchObject({ status: 'running', nextStep: 'warn', nextFireAt: Date.UTC(2026, 10, 19, 13, 0) });
    expect(parseClockState(resolution.state)).toMatchObject({ kind: 'resolution', baseTargetMs: 960 * MIN, meterMode: 'business' });
    expect((resolution.state as { basis: unknown }).basis).toEqual({ priority: 'P2', tier: 'pro' });
  });

  it('is idempotent per ticket: a second start neither resets history nor changes the target', async () => {
    await start();
    await sla.onTicketState(store, WS, TICKET, 'waiting_on_customer', START + HOUR);
    const before = await clockOf('resolution');
    await sla.startClocks(store, WS, { ticketId: TICKET, createdAt: START, priority: 'P1', account: pro }, START + 2 * HOUR);
    expect((await clockOf('resolution')).state).toEqual(before.state);
  });

  it('tightens both targets near a renewal and records why', async () => {
    await start({ tier: 'pro', renewalInDays: 30, highRisk: false });
    const state = parseClockState((await clockOf('response')).state);
    expect(state.tightening).toEqual({ factor: 0.5, reason: 'renewal in 30 days' });
    expect((await clockOf('response')).nextFireAt).toBe(START + 45 * MIN);
  });

  it('pauses in waiting_on_customer (nothing armed) and re-arms on resume, shifted by the pause', async () => {
    await start();
    await sla.onTicketState(store, WS, TICKET, 'in_progress', START + 10 * MIN);
    await sla.onTicketState(store, WS, TICKET, 'waiting_on_customer', START + HOUR);
    expect(await clockOf('resolution')).toMatchObject({ status: 'paused', nextFireAt: null, nextStep: null });
    await sla.onTicketState(store, WS, TICKET, 'in_progress', START + 3 * HOUR);
    // Two paused hours on Wednesday push the 13:00 Thursday warning to 15:00.
    expect(await clockOf('resolution')).toMatchObject({ status: 'running', nextStep: 'warn', nextFireAt: Date.UTC(2026, 10, 19, 15, 0) });
  });

  it('treats leaving submitted as the first response: the response clock stops and schedules nothing', async () => {
    await start();
    await sla.onTicketState(store, WS, TICKET, 'in_progress', START + 30 * MIN);
    expect(await clockOf('response')).toMatchObject({ status: 'stopped', nextFireAt: null, nextStep: null });
    expect((await clockOf('resolution')).status).toBe('running');
  });

  it('stops the response clock on a first note, and an earlier late-arriving action moves the stop back', async () => {
    await start();
    await sla.onFirstResponse(store, WS, TICKET, START + 50 * MIN);
    await sla.onFirstResponse(store, WS, TICKET, START + 20 * MIN);
    expect(parseClockState((await clockOf('response')).state).stoppedAt).toBe(START + 20 * MIN);
  });

  it('recomputes from time already spent on a priority change, and ignores an older priority event', async () => {
    await start();
    // After 1 h of the P2 response target (2 h), raise to P1 (pro: 1 h): 75 % is already past, due from the change.
    await sla.onPriorityChange(store, WS, TICKET, 'P1', START + HOUR);
    expect(await clockOf('response')).toMatchObject({ nextStep: 'warn', nextFireAt: START + HOUR });
    // Resolution P1 × pro is 8 h: 75 % = 6 h business, 1 h spent → due 6 h after the start.
    expect((await clockOf('resolution')).nextFireAt).toBe(START + 6 * HOUR);
    await sla.onPriorityChange(store, WS, TICKET, 'P4', START + 30 * MIN);
    expect((await clockOf('resolution')).state).toMatchObject({ baseTargetMs: 480 * MIN, basis: { priority: 'P1', tier: 'pro' } });
  });

  it('does nothing for a ticket without clocks', async () => {
    await sla.onTicketState(store, WS, 'unknown', 'resolved', START);
    await sla.onPriorityChange(store, WS, 'unknown', 'P1', START);
    expect(await store.clocks.listByTicket(WS, 'unknown')).toEqual([]);
  });
});
