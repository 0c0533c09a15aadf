import { describe, expect, it } from 'vitest';
import { lockHolderOfSession, serverSessionName } from '../../src/store/serverSessionName.js';

/**
 * On the PostgreSQL server the writer lock's holder is found by its session; the session's backend
 * id is the server's process, not plan12b's. A waiting command must name the plan12b process a
 * user can stop — its own id, and its host when it runs on another machine.
 */
describe('a server session names its plan12b process', () => {
  it('carries the command’s own process id and host, and reads them back', () => {
    const name = serverSessionName(4242, 'ledger-1', 'plan12b close');
    expect(name).toBe('plan12b 4242@ledger-1: plan12b close');
    expect(lockHolderOfSession(99001, name, 'ledger-1')).toEqual({ pid: 4242, what: 'plan12b close' });
  });

  it('says which host when the holder runs on another machine', () => {
    const name = serverSessionName(17, 'batch-7', 'plan12b transactions import');
    expect(lockHolderOfSession(99001, name, 'ledger-1')).toEqual({
      pid: 17,
      what: 'plan12b transactions import on host batch-7',
    });
  });

  it('keeps within the 63 bytes PostgreSQL keeps, cutting the words, never the id', () => {
    // a long host keeps its first 24 characters: a head of 42 bytes, 21 left for the words
    const host = 'a-rather-long-host-name-of-a-cluster-node';
    const cut = serverSessionName(1234567, host, 'plan12b net-assets import');
    expect(cut).toBe('plan12b 1234567@a-rather-long-host-name-: plan12b net-assets im');
    expect(Buffer.byteLength(cut, 'utf8')).toBe(63);
    expect(lockHolderOfSession(5, cut, host)).toEqual({ pid: 1234567, what: 'plan12b net-assets im' });
    // two-byte letters are cut whole: a head of 19 bytes, 26 of words, nine é (18 bytes)
    const accents = serverSessionName(1234567, 'h', `plan12b net-assets import ${'é'.repeat(40)}`);
    expect(accents).toBe(`plan12b 1234567@h: plan12b net-assets import ${'é'.repeat(9)}`);
    expect(Buffer.byteLength(accents, 'utf8')).toBe(63);
  });

  it('names a session that is not plan12b’s by its backend and its own name', () => {
    expect(lockHolderOfSession(3131, 'psql', 'ledger-1')).toEqual({ pid: 3131, what: 'psql' });
    expect(lockHolderOfSession(3131, null, 'ledger-1')).toEqual({ pid: 3131, what: '' });
    // the old form (a plan12b before this one) is not mistaken for a process id
    expect(lockHolderOfSession(3131, 'plan12b: plan12b close', 'ledger-1')).toEqual({
      pid: 3131,
      what: 'plan12b: plan12b close',
    });
  });
});
