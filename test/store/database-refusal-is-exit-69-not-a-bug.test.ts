import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/errors.js';
import { databaseRefusal } from '../../src/store/databaseRefusal.js';

/**
 * What the database refuses or fails to do is the database's condition, exit 69 (DATABASE, HTTP
 * 503) with what to do next — not a bug of plan12b (exit 70), not bad input. By SQLSTATE, as the
 * server and PGlite give it, and by Node's socket codes; everything else stays a bug.
 */
const pgError = (code: string, message = 'refused') => Object.assign(new Error(message), { code });

describe('the database’s refusals against plan12b’s bugs', () => {
  it.each([
    ['25006', 'cannot execute INSERT in a read-only transaction', /accepts no writes/],
    ['42501', 'permission denied for table net_assets', /lacks a privilege/],
    ['53100', 'could not extend file: No space left on device', /ran out of a resource/],
    ['53300', 'too many connections', /ran out of a resource/],
    ['57014', 'canceling statement due to statement timeout', /stopped the command/],
    ['57P01', 'terminating connection due to administrator command', /stopped the command/],
    ['08006', 'connection failure', /stopped the command/],
    ['55P03', 'canceling statement due to lock timeout', /lock_timeout/],
    ['58030', 'could not read block', /system error or corruption/],
    ['XX001', 'invalid page in block', /system error or corruption/],
  ])('SQLSTATE %s is the database’s (exit 69)', (code, message, hint) => {
    const e = databaseRefusal(pgError(code, message));
    expect(e?.code).toBe('DATABASE');
    expect(e?.exitCode).toBe(ERROR_CODES.DATABASE.exit);
    expect(e?.message).toContain(message);
    expect(e?.message).toContain(code);
    expect(e?.hint).toMatch(hint);
    expect(e?.hint).toMatch(/nothing was written/);
  });

  it.each(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT'])(
    'a socket’s %s is a lost connection',
    (code) => {
      const e = databaseRefusal(pgError(code, `read ${code}`));
      expect(e?.code).toBe('DATABASE');
      expect(e?.message).toMatch(/connection to the database was lost/);
      expect(e?.hint).toMatch(/audit log/);
    },
  );

  it('node-postgres’s “Connection terminated unexpectedly” is a lost connection', () => {
    expect(databaseRefusal(new Error('Connection terminated unexpectedly'))?.code).toBe('DATABASE');
  });

  it.each([
    ['23505', 'duplicate key value violates unique constraint'],
    ['23503', 'insert or update violates foreign key constraint'],
    ['42P01', 'relation "x" does not exist'],
    ['42601', 'syntax error at or near'],
    ['22003', 'numeric field overflow'],
    ['25P02', 'current transaction is aborted'],
    ['ERR_INVALID_ARG_TYPE', 'The "path" argument must be of type string'],
  ])('SQLSTATE or code %s stays a bug of plan12b (exit 70)', (code, message) => {
    expect(databaseRefusal(pgError(code, message))).toBeUndefined();
  });

  it('an error without a code, or no error object, stays a bug', () => {
    expect(databaseRefusal(new Error('x is undefined'))).toBeUndefined();
    expect(databaseRefusal('a string')).toBeUndefined();
    expect(databaseRefusal(null)).toBeUndefined();
    expect(databaseRefusal({ code: 25006 })).toBeUndefined();
  });
});
