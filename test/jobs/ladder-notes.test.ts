/** The ladder's note text: pure, so every branch (late, tightened, missing staff, resolved, escaping) is cheap to pin. */
import { type LadderNoteInput, ladderNote } from '../../src/services/ladder/ladder-notes';
import type { LadderPayload } from '../../src/services/ladder/ladder-payload';

const DUE = Date.UTC(2026, 10, 18, 13, 0);

function input(overrides: Partial<LadderPayload> = {}, rest: Partial<LadderNoteInput> = {}): LadderNoteInput {
  return {
    payload: {
      v: 1,
      ticketId: '42',
      kind: 'resolution',
      cycle: 0,
      step: 'warn',
      dueAt: DUE,
      firedAt: DUE + 5_000,
      deadlineAt: DUE + 3_600_000,
      fraction: 0.75,
      targetMs: 4 * 3_600_000,
      meterMode: 'business',
      basis: { priority: 'P1', tier: 'enterprise' },
      tightenedReason: null,
      ...overrides,
    },
    zone: 'Europe/Berlin',
    owner: 'Alex Agent',
    lead: 'Lee Lead',
    manager: 'Morgan Manager',
    breachTeam: 'SLA Breach',
    escalateAction: 'assign',
    resolved: false,
    ...rest,
  };
}

describe('ladderNote', () => {
  it('states the clock, the step, the due time in the workspace zone and ends with the retry marker', () => {
    const html = ladderNote(input());
    expect(html).toBe(
      '<p><b>SLA warning: resolution clock at 75 %</b></p>' +
        '<p>For Alex Agent: 75 % of the resolution target is used. It runs out Nov 18, 2026, 3:00 PM GMT+1.</p>' +
        '<p>Clock: resolution, target 4h of business time (P1, enterprise tier).</p>' +
        '<p>Step due Nov 18, 2026, 2:00 PM GMT+1.</p>' +
        '<p>ref: handoff-sla:resolution:0:warn</p>',
    );
  });

  it('says when a step fired late (downtime) and keeps its original due time', () => {
    const html = ladderNote(input({ firedAt: DUE + 6 * 3_600_000 }));
    expect(html).toContain(
      'Step due Nov 18, 2026, 2:00 PM GMT+1. Fired late, at Nov 18, 2026, 8:00 PM GMT+1, the first time Handoff checked the clock',
    );
  });

  it('names the tightening and escapes names that reach the HTML', () => {
    const html = ladderNote(input({ tightenedReason: 'renewal in 30 days' }, { owner: '<script>x</script>' }));
    expect(html).toContain('; tightened: renewal in 30 days.');
    expect(html).toContain('For &lt;script&gt;x&lt;/script&gt;:');
    expect(html).not.toContain('<script>');
  });

  it('warns an unowned ticket without inventing an owner', () => {
    expect(ladderNote(input({}, { owner: null }))).toContain('For the ticket owner (nobody is assigned yet): 75 %');
  });

  it('escalate: mention mode, and a missing lead named as a setting to configure', () => {
    const escalate = { step: 'escalate' as const, fraction: 0.9 };
    expect(ladderNote(input(escalate, { escalateAction: 'mention' }))).toContain('@Lee Lead (team lead): 90 %');
    const missing = ladderNote(input(escalate, { lead: null, escalateAction: 'mention' }));
    expect(missing).toContain("No team lead is configured in Handoff's settings (SLA ladder → team lead), so nobody was mentioned.");
  });

  it('breach on a ticket resolved meanwhile: no reassignment claimed', () => {
    const html = ladderNote(input({ step: 'breach', fraction: 1, deadlineAt: DUE }, { resolved: true }));
    expect(html).toContain('already resolved when this step ran');
    expect(html).not.toContain('Reassigned');
  });

  it('a response clock on calendar time without a recorded basis', () => {
    const html = ladderNote(input({ kind: 'response', meterMode: 'calendar', basis: null, targetMs: 30 * 60_000 }));
    expect(html).toContain('<p>Clock: response, target 30m of calendar time.</p>');
    expect(html).toContain('ref: handoff-sla:response:0:warn');
  });
});
