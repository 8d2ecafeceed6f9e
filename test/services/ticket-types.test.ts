import type { IntercomClient } from '../../src/intercom';
import { createDirectoryCache, createWorkspaceCache } from '../../src/services/directory-cache';
import {
  allowsSharing,
  createTicketTypeCache,
  defaultTicketType,
  priorityOfLabel,
  priorityValue,
  queueOfLabel,
  queueValue,
  stateIdFor,
} from '../../src/services/ticket-types';
import { ManualClock } from '../../src/util/clock';
import { rawType, SETTINGS, ticketType } from './escalation/ticket-fixtures';

describe('reading a ticket type', () => {
  it('maps priorities to list items by label, whatever follows the P-number', () => {
    expect(priorityValue(ticketType(), SETTINGS, 'P1')).toEqual({ name: 'Priority', value: '0a1b2c3d-0001' });
    expect(priorityValue(ticketType(), SETTINGS, 'P4')).toEqual({ name: 'Priority', value: '0a1b2c3d-0004' });
    expect(['P2', 'p2 high', 'P2 – High', 'P2)'].map(priorityOfLabel)).toEqual(['P2', 'P2', 'P2', 'P2']);
    expect(['P22', 'P5', 'Priority 2', ''].map(priorityOfLabel)).toEqual([null, null, null, null]);
  });

  it('maps queues by settings label or key, exact before prefix', () => {
    const type = ticketType();
    expect(queueValue(type, SETTINGS, 'technical')).toEqual({ name: 'Queue', value: 'q-tech' });
    expect(queueValue(type, SETTINGS, 'default')).toEqual({ name: 'Queue', value: 'q-gen' });
    expect(queueValue(type, SETTINGS, 'billing_legal')).toEqual({ name: 'Queue', value: 'q-bill' });
    expect(queueOfLabel('Billing / Legal', SETTINGS)).toBe('billing_legal');
    expect(queueOfLabel('ACCOUNT-RISK', SETTINGS)).toBe('account_risk');
    expect(queueOfLabel('General escalations', SETTINGS)).toBe('default');
    expect(queueOfLabel('Gen', SETTINGS)).toBeNull();
    expect(queueOfLabel('Sales', SETTINGS)).toBeNull();
  });

  it('sends nothing for an attribute the type lacks, and a label for a text attribute', () => {
    expect(priorityValue(ticketType(), { priorityAttribute: 'Severity' }, 'P1')).toBeNull();
    expect(priorityValue(ticketType(), { priorityAttribute: null }, 'P1')).toBeNull();
    const text = ticketType({
      ticket_type_attributes: { type: 'list', data: [{ type: 'ticket_type_attribute', id: '9', name: 'queue', data_type: 'string' }] },
    });
    expect(queueValue(text, SETTINGS, 'vip')).toEqual({ name: 'queue', value: 'VIP / High-Tier' });
  });

  it('finds states by category and knows which types may be shared', () => {
    expect(stateIdFor(ticketType(), 'in_progress')).toBe('s2');
    expect(stateIdFor(ticketType(), 'waiting_on_customer')).toBeNull();
    expect(allowsSharing(ticketType())).toBe(true);
    expect(allowsSharing(ticketType({ is_internal: true }))).toBe(false);
    expect(allowsSharing(ticketType({ category: 'Tracker' }))).toBe(false);
  });

  it('prefers the workspace default type while it is still offered', () => {
    const types = [ticketType({ id: 1 }), ticketType({ id: 2 })];
    expect(defaultTicketType(types, { ticketTypeId: '2' })!.id).toBe('2');
    expect(defaultTicketType(types, { ticketTypeId: '9' })!.id).toBe('1');
    expect(defaultTicketType([], { ticketTypeId: null })).toBeNull();
  });
});

describe('the per-workspace caches', () => {
  it('keep a value for the TTL, load once for concurrent callers, and fall back to a stale value', async () => {
    const clock = new ManualClock(0);
    let loads = 0;
    let fail = false;
    const cache = createWorkspaceCache(
      async (ws) => {
        loads += 1;
        if (fail) throw new Error('down');
        return `${ws}:${loads}`;
      },
      clock,
      1000,
    );
    expect(await Promise.all([cache.get('a'), cache.get('a'), cache.get('a')])).toEqual(['a:1', 'a:1', 'a:1']);
    clock.advance(999);
    expect(await cache.get('a')).toBe('a:1');
    clock.advance(1);
    fail = true;
    expect(await cache.get('a')).toBe('a:1');
    await expect(cache.get('b')).rejects.toThrow('down');
    fail = false;
    expect(await cache.get('a')).toBe('a:4');
  });

  it('list only usable Back-office types and reload once for an unknown id', async () => {
    let calls = 0;
    let types = [rawType({ id: 1 }), rawType({ id: 2, archived: true }), rawType({ id: 3, category: 'Customer' })];
    const client = {
      ticketTypes: {
        list: async () => {
          calls += 1;
          return types.map((t) => ticketType(t));
        },
      },
    } as unknown as IntercomClient;
    const cache = createTicketTypeCache({ clientFor: async () => client, clock: new ManualClock(0) });
    expect((await cache.backOffice('ws')).map((t) => t.id)).toEqual(['1']);
    types = [...types, rawType({ id: 4 })];
    expect((await cache.find('ws', '4'))?.id).toBe('4');
    expect(await cache.find('ws', '5')).toBeNull();
    expect(calls).toBe(3);
  });

  it('answer names as null when Intercom cannot be reached', async () => {
    const names = createDirectoryCache({ clientFor: async () => Promise.reject(new Error('down')), clock: new ManualClock(0) });
    const directory = await names.names('ws');
    expect([directory.adminName('1'), directory.teamName('2')]).toEqual([null, null]);
  });
});
