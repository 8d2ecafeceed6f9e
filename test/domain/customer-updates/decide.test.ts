import { allowedOn, planUpdate, type UpdateFacts } from '../../../src/domain/customer-updates/decide';

const T = 1_700_000_000_000;
const facts = (over: Partial<UpdateFacts> = {}): UpdateFacts => ({
  state: 'in_progress',
  enteredAt: T,
  latest: { state: 'in_progress', changedAt: T },
  lastToldState: 'submitted',
  lastSentAt: null,
  enabled: true,
  intervalMs: 30 * 60_000,
  now: T + 5 * 60_000,
  ...over,
});

describe('planUpdate', () => {
  it('goes on to the conversation check when the state still holds and is news', () => {
    expect(planUpdate(facts())).toEqual({ kind: 'check_conversation' });
    expect(planUpdate(facts({ lastToldState: null }))).toEqual({ kind: 'check_conversation' });
  });

  it('skips when the queue no longer posts updates', () => {
    expect(planUpdate(facts({ enabled: false }))).toEqual({ kind: 'skip', outcome: 'disabled' });
  });

  it('is superseded by a later transition, to another state or to the same one again', () => {
    expect(planUpdate(facts({ latest: { state: 'waiting_on_customer', changedAt: T + 1 } }))).toEqual({
      kind: 'skip',
      outcome: 'superseded',
    });
    expect(planUpdate(facts({ latest: { state: 'in_progress', changedAt: T + 1 } }))).toEqual({ kind: 'skip', outcome: 'superseded' });
  });

  it('says nothing when the customer already knows this state', () => {
    expect(planUpdate(facts({ lastToldState: 'in_progress' }))).toEqual({ kind: 'skip', outcome: 'unchanged' });
  });

  it('waits out the interval since the conversation’s last update, to the millisecond', () => {
    const lastSentAt = T - 10 * 60_000;
    expect(planUpdate(facts({ lastSentAt }))).toEqual({ kind: 'wait', until: lastSentAt + 30 * 60_000 });
    expect(planUpdate(facts({ lastSentAt, now: lastSentAt + 30 * 60_000 }))).toEqual({ kind: 'check_conversation' });
    expect(planUpdate(facts({ lastSentAt, now: lastSentAt + 30 * 60_000 - 1 })).kind).toBe('wait');
  });
});

describe('allowedOn', () => {
  it('allows open and snoozed conversations', () => {
    expect(allowedOn('open', 'in_progress', 'note_only')).toBe(true);
    expect(allowedOn('snoozed', 'waiting_on_customer', 'note_only')).toBe(true);
  });

  it('allows a closed conversation only for the resolution, and only when resolving reopens it', () => {
    expect(allowedOn('closed', 'in_progress', 'reopen')).toBe(false);
    expect(allowedOn('closed', 'resolved', 'reopen')).toBe(true);
    expect(allowedOn('closed', 'resolved', 'unsnooze')).toBe(false);
    expect(allowedOn('closed', 'resolved', 'note_only')).toBe(false);
  });
});
