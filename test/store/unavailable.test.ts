/**
 * Which failures mean "the database is out of reach" (answered as unavailable, retried by the sender) and which
 * stay plain failures, as each driver reports them; and what the teammate reads for one.
 */
import { describeError, errorCode } from '../../src/http/errors';
import { AppError } from '../../src/util/app-error';
import { isStoreUnavailable } from '../../src/store/unavailable';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

it.each([
  ['a terminated backend', withCode('terminating connection due to administrator command', '57P01')],
  ['a server starting up', withCode('the database system is starting up', '57P03')],
  ['a statement timeout', withCode('canceling statement due to statement timeout', '57014')],
  ['a connection exception class', withCode('connection failure', '08006')],
  ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
  ['a reset socket', withCode('read ECONNRESET', 'ECONNRESET')],
  ['a dropped connection', new Error('Connection terminated unexpectedly')],
  ['a pool wait that ran out', new Error('timeout exceeded when trying to connect')],
  ['a SQLite lock held elsewhere', withCode('database is locked', 'SQLITE_BUSY')],
  ['one wrapped as a cause', new Error('could not load the ticket', { cause: withCode('read ECONNRESET', 'ECONNRESET') })],
])('%s is the store being unavailable', (_name, error) => {
  expect(isStoreUnavailable(error)).toBe(true);
  expect(errorCode(error)).toBe('store_unavailable');
  expect(describeError(error).title).toBe('Handoff cannot reach its data store');
});

it.each([
  ['a constraint violation', withCode('duplicate key value violates unique constraint', '23505')],
  ['a syntax error', withCode('syntax error at or near "selec"', '42601')],
  ['a SQLite constraint', withCode('UNIQUE constraint failed', 'SQLITE_CONSTRAINT_UNIQUE')],
  ['a plain bug', new TypeError('cannot read properties of undefined')],
  ['an Intercom network failure', Object.assign(withCode('read ECONNRESET', 'ECONNRESET'), { name: 'IntercomApiError' })],
  ['not an error at all', 'ECONNRESET'],
])('%s is not', (_name, error) => {
  expect(isStoreUnavailable(error)).toBe(false);
  expect(errorCode(error)).toBe('internal');
});

it('an AppError that says more than "internal" keeps its own code, whatever its cause', () => {
  const error = new AppError('intercom_unavailable', 'Try again.', withCode('read ECONNRESET', 'ECONNRESET'));
  expect(errorCode(error)).toBe('intercom_unavailable');
  expect(errorCode(new AppError('internal', 'x', withCode('x', '57P01')))).toBe('store_unavailable');
});
