import { QUEUE_KEYS, type QueueKey } from '../../src/domain/model';
import { defaultSettings } from '../../src/domain/settings';
import { clockStateSchema } from '../../src/domain/sla';
import { buildHistory } from '../../src/sandbox/report-history';

const NOW = Date.UTC(2026, 10, 18, 10);
const DAY = 86_400_000;
const policy = defaultSettings('Europe/Berlin').sla;
const teams = Object.fromEntries(QUEUE_KEYS.map((q, i) => [q, { id: String(i), name: q }])) as Record<
  QueueKey,
  { id: string; name: string }
>;

describe('the reports history', () => {
  const options = { workspaceId: 'w', now: NOW, days: 90, tickets: 600, policy, teams, lingering: 0.04, feedback: false } as const;
  const rows = buildHistory(options);

  it('writes clocks the SLA module reads back, whole-ms instants, and no triage rows when asked', () => {
    expect(rows.sla_clocks.every((c) => clockStateSchema.safeParse(JSON.parse(c.state_json)).success)).toBe(true);
    expect(rows.ticket_links.every((t) => Number.isInteger(t.created_at))).toBe(true);
    expect(rows.triage_feedback).toEqual([]);
    expect(rows.ticket_links.length).toBeGreaterThan(400);
  });

  it('is deterministic', () => {
    expect(buildHistory(options)).toEqual(rows);
  });

  it('leaves a lingering tail open beyond openFrom, waiting on the customer (paused) or stuck (breached)', () => {
    const openFrom = NOW - 5 * DAY;
    const old = rows.ticket_links.filter((t) => t.is_open === 1 && t.created_at < openFrom);
    expect(old.length).toBeGreaterThan(3);
    expect(old.some((t) => t.created_at < NOW - 30 * DAY)).toBe(true);
    const resolution = (id: string) => rows.sla_clocks.find((c) => c.ticket_id === id && c.kind === 'resolution')!;
    expect(old.filter((t) => t.state_category === 'waiting_on_customer').every((t) => resolution(t.ticket_id).status === 'paused')).toBe(
      true,
    );
    // A month in progress is past every target of the default policy.
    const stuck = old.filter((t) => t.state_category === 'in_progress' && t.created_at < NOW - 30 * DAY);
    expect(stuck.length).toBeGreaterThan(0);
    for (const t of stuck)
      expect(rows.ladder_firings).toContainEqual(expect.objectContaining({ ticket_id: t.ticket_id, kind: 'resolution', step: 'breach' }));
    const without = buildHistory({ ...options, lingering: undefined }).ticket_links.filter(
      (t) => t.is_open === 1 && t.created_at < openFrom,
    );
    expect(old.length).toBeGreaterThan(without.length + 3);
  });

  it('arms each running clock for its next ladder step, and never a stopped or paused one', () => {
    for (const clock of rows.sla_clocks) {
      if (clock.status !== 'running') expect(clock.next_fire_at).toBeNull();
      if (clock.next_fire_at !== null) expect(clock.next_fire_at).toBeGreaterThan(NOW);
    }
    expect(rows.sla_clocks.some((c) => c.next_fire_at !== null)).toBe(true);
  });

  it('hands a ticket to the lead at the escalate step and to the breach team and manager at the breach step', () => {
    const owners = { lead: { id: 'L', name: 'Lead' }, manager: { id: 'M', name: 'Manager' }, breachTeam: { id: 'B', name: 'Breach' } };
    const owned = buildHistory({ ...options, ladderOwners: owners });
    for (const t of owned.ticket_links) {
      const steps = new Set(owned.ladder_firings.filter((f) => f.ticket_id === t.ticket_id).map((f) => f.step));
      const expected = steps.has('breach') ? ['B', 'M'] : [teams[t.queue as keyof typeof teams].id, steps.has('escalate') ? 'L' : null];
      expect([t.team_id, t.admin_assignee_id]).toEqual(expected);
    }
    expect(owned.ticket_links.some((t) => t.team_id === 'B')).toBe(true);
  });
});

it('leaves open tickets and fired ladder steps in a history that is not closed-only', () => {
  const all = buildHistory({ workspaceId: 'w', now: NOW, days: 200, tickets: 1000, policy, teams });
  expect(all.ticket_links.some((t) => t.is_open === 1)).toBe(true);
  expect(all.ladder_firings.length).toBeGreaterThan(0);
  expect(all.triage_feedback).toHaveLength(all.ticket_links.length);
});
