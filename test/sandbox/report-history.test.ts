import { QUEUE_KEYS } from '../../src/domain/model';
import { defaultSettings } from '../../src/domain/settings';
import { clockStateSchema } from '../../src/domain/sla';
import { buildHistory } from '../../src/sandbox/report-history';

const NOW = Date.UTC(2026, 10, 18, 10);
const policy = defaultSettings('Europe/Berlin').sla;
const teams = Object.fromEntries(QUEUE_KEYS.map((q, i) => [q, { id: String(i), name: q }])) as never;

describe('the reports history', () => {
  const rows = buildHistory({ workspaceId: 'w', now: NOW, days: 90, tickets: 600, policy, teams, closedOnly: true, feedback: false });

  it('writes clocks the SLA module reads back, whole-ms instants, and only closed tickets when asked', () => {
    expect(rows.sla_clocks.every((c) => clockStateSchema.safeParse(JSON.parse(c.state_json)).success)).toBe(true);
    expect(rows.ticket_links.every((t) => Number.isInteger(t.created_at) && t.is_open === 0)).toBe(true);
    expect(rows.triage_feedback).toEqual([]);
    expect(rows.ticket_links.length).toBeGreaterThan(400);
  });

  it('is deterministic', () => {
    const again = buildHistory({ workspaceId: 'w', now: NOW, days: 90, tickets: 600, policy, teams, closedOnly: true, feedback: false });
    expect(again).toEqual(rows);
  });
});

it('leaves open tickets and fired ladder steps in a history that is not closed-only', () => {
  const all = buildHistory({ workspaceId: 'w', now: NOW, days: 200, tickets: 1000, policy, teams });
  expect(all.ticket_links.some((t) => t.is_open === 1)).toBe(true);
  expect(all.ladder_firings.length).toBeGreaterThan(0);
  expect(all.triage_feedback).toHaveLength(all.ticket_links.length);
});
