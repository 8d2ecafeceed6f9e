import { parseEscalateInput } from '../../../src/flows/escalation/input';

const valid = { ticket_type: '11', priority: 'P2', queue: 'billing_legal', reason: '  Charged twice  ' };

describe('parseEscalateInput', () => {
  it('accepts a complete form, trims the reason, reads the checkbox', () => {
    expect(parseEscalateInput({ ...valid, share_with_customer: ['share'] }, ['11', '12'], null)).toEqual({
      ok: true,
      choice: { ticketTypeId: '11', priority: 'P2', queue: 'billing_legal', reason: 'Charged twice', shareWithCustomer: true },
    });
  });

  it.each([[undefined], [[]], [null], ['share'], [['other']], [{ share: true }]])('reads share_with_customer %j', (value) => {
    const parsed = parseEscalateInput({ ...valid, share_with_customer: value }, ['11'], null);
    expect(parsed.ok && parsed.choice.shareWithCustomer).toBe(value === 'share');
  });

  it('treats missing, empty and null as no value, field by field', () => {
    const parsed = parseEscalateInput({ ticket_type: null, priority: '', reason: '   ' }, ['11'], null);
    expect(parsed).toEqual({
      ok: false,
      errors: {
        ticket_type: 'Choose a ticket type.',
        priority: 'Choose a priority.',
        queue: 'Choose a queue.',
        reason: 'Say why you are escalating.',
      },
      raw: { ticketTypeId: null, priority: null, queue: null, reason: '', shareWithCustomer: false },
    });
  });

  it('refuses values the form did not offer and keeps what was typed', () => {
    const parsed = parseEscalateInput({ ...valid, ticket_type: '99', queue: 'sales', reason: 42 }, ['11'], null);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual({
      ticket_type: 'That ticket type is not available any more; choose another.',
      queue: 'Choose one of the listed queues.',
      reason: 'The reason must be text.',
    });
    expect(parsed.raw).toMatchObject({ ticketTypeId: '99', priority: 'P2', queue: 'sales', reason: '' });
  });

  it('uses the type the form showed as text, ignoring any value sent for it', () => {
    const parsed = parseEscalateInput({ ...valid, ticket_type: '12' }, ['11'], '11');
    expect(parsed.ok && parsed.choice.ticketTypeId).toBe('11');
    expect(parseEscalateInput(valid, ['12'], '11').ok).toBe(false);
  });

  it('limits the reason to 2,000 characters', () => {
    expect(parseEscalateInput({ ...valid, reason: 'x'.repeat(2000) }, ['11'], null).ok).toBe(true);
    const long = parseEscalateInput({ ...valid, reason: 'x'.repeat(2001) }, ['11'], null);
    expect(long.ok || long.errors.reason).toBe('Keep the reason under 2,000 characters.');
  });

  it('keeps the offered ticket types apart although schemas are reused (cached by the list of ids)', () => {
    const offers = (ids: [string, ...string[]], id: string) => parseEscalateInput({ ...valid, ticket_type: id }, ids, null).ok;
    expect(offers(['11', '12'], '12')).toBe(true);
    expect(offers(['11'], '12')).toBe(false);
    expect(offers(['11', '12'], '12')).toBe(true);
    // Lists whose ids would run together under a naive key are still different offers.
    expect(offers(['1,2'], '1,2')).toBe(true);
    expect(offers(['1', '2'], '1,2')).toBe(false);
    expect(offers(['1', '2'], '2')).toBe(true);
    // Past the cache's bound (cleared and refilled), answers do not change.
    for (let i = 0; i < 600; i++) expect(offers([`t${i}`], `t${i}`)).toBe(true);
    expect(offers(['11'], '12')).toBe(false);
    expect(offers(['11', '12'], '11')).toBe(true);
  });
});
