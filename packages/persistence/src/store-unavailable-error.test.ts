import { describe, expect, it } from 'vitest';
import { isConnectionError, StoreUnavailableError, toStoreError } from './store-unavailable-error.ts';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isConnectionError', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a reset socket', withCode('ECONNRESET')],
    ['SQLSTATE 08006 connection failure', withCode('08006')],
    ['SQLSTATE 57P01 admin shutdown (pg_terminate_backend, a restart)', withCode('57P01')],
    ['SQLSTATE 53300 too many connections', withCode('53300')],
    ['pg losing its socket mid-query', new Error('Connection terminated unexpectedly')],
    ['pg giving up connecting', new Error('timeout exceeded when trying to connect')],
    ['a refusal on every address of a name', new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')])],
    ['SQLite locked past the busy timeout', withCode('SQLITE_BUSY')],
  ])('recognises %s', (_name, error) => {
    expect(isConnectionError(error)).toBe(true);
  });

  it.each([
    ['a missing table', withCode('42P01', 'relation "users" does not exist')],
    ['a unique violation', withCode('23505')],
    ['a SQLite constraint', withCode('SQLITE_CONSTRAINT_UNIQUE')],
    ['a plain bug', new TypeError('cannot read properties of undefined')],
    ['not an error', 'ECONNREFUSED'],
  ])('leaves %s alone', (_name, error) => {
    expect(isConnectionError(error)).toBe(false);
    expect(toStoreError(error)).toBe(error);
  });

  it('wraps a connection error once, keeping it as the cause and naming its code', () => {
    const cause = withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432');
    const wrapped = toStoreError(cause);
    expect(wrapped).toBeInstanceOf(StoreUnavailableError);
    expect((wrapped as StoreUnavailableError).cause).toBe(cause);
    expect((wrapped as Error).message).toBe('the database is unavailable: connect ECONNREFUSED 127.0.0.1:5432');
    expect(toStoreError(wrapped)).toBe(wrapped);
  });
});
