import { AppError } from '../../../src/util/app-error';
import { IntercomApiError } from '../../../src/intercom';
import { BudgetExceededError, classify, ticketDescription, withBudget } from '../../../src/services/escalation';
import { carriesTicketReference } from '../../../src/services/escalation/markers';
import { ticket } from './ticket-fixtures';

const apiError = (status: number, extra: Partial<ConstructorParameters<typeof IntercomApiError>[0]> = {}) =>
  new IntercomApiError({ status, code: 'x', message: `HTTP ${status}`, retryable: status === 429 || status >= 500, ...extra });

describe('ticket references', () => {
  it('end the description and identify exactly one escalation', () => {
    const id = '511fb466-acae-48dc-8ded-a5cb69d4393c';
    const description = ticketDescription('## Summary\nline', id);
    expect(description.split('\n').at(-1)).toBe(`Handoff escalation ref: ${id}`);
    expect(carriesTicketReference(ticket({ ticket_attributes: { _default_description_: description } }), id)).toBe(true);
    expect(carriesTicketReference(ticket({ ticket_attributes: { _default_description_: description } }), id.replace('5', '6'))).toBe(false);
    expect(carriesTicketReference(ticket({ ticket_attributes: {} }), id)).toBe(false);
  });
});

describe('classify', () => {
  it('treats only a 4xx other than 429/408 (and a lost install) as final', () => {
    expect(classify(apiError(400))).toEqual({ kind: 'rejected', message: 'HTTP 400' });
    expect(classify(apiError(404))?.kind).toBe('rejected');
    expect(classify(new AppError('not_installed', 'Not installed.'))?.kind).toBe('rejected');
    for (const status of [0, 408, 500, 502, 503]) expect(classify(apiError(status))?.kind).toBe('transient');
    expect(classify(apiError(429, { rateLimitResetAt: 1234 }))).toMatchObject({ kind: 'transient', retryAt: 1234 });
    expect(classify(new BudgetExceededError('slow'))?.kind).toBe('transient');
    expect(classify(new TypeError('bug'))).toBeNull();
  });
});

describe('withBudget', () => {
  it('answers with the work when it is in time, and gives up on it (without an unhandled rejection) when not', async () => {
    await expect(withBudget(Promise.resolve(7), 50, 'quick')).resolves.toBe(7);
    let reject!: (error: Error) => void;
    const slow = new Promise<number>((_, r) => {
      reject = r;
    });
    await expect(withBudget(slow, 5, 'slow work')).rejects.toThrow('slow work took longer than 5 ms');
    reject(new Error('late failure nobody awaits'));
    await new Promise((resolve) => setImmediate(resolve));
  });
});
