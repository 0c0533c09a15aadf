import { describe, expect, it } from 'vitest';
import { tokenActor } from '../../src/api/roles.js';
import { checkActor, currentActor, withActor } from '../../src/store/actor.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase } from '../support/databases.js';

/**
 * SPEC §12: the audit log records "who changed what" with the actor the user states. A change made
 * through the API is recorded as its token's actor, `token:NAME (ROLE)` (src/api/roles.ts), a name
 * only the server gives. A stated actor could take that form: `plan12b --actor "token:jane
 * (admin)" settings set …` made a record that `audit log` printed, and `audit log --actor`
 * filtered, exactly as the admin token jane's own (hostile7) — a change by whoever runs the CLI
 * laid at another's door. The form is the API's, as the ` (OS user)` mark is the OS user's
 * (hostile4): a stated name that prints as it (compatibility forms folded, white space single,
 * any case) is refused, exit 64, nothing recorded; the API's own actor is still recorded.
 */
describe('a stated actor in the form of an API token', () => {
  const forged = [
    'token:jane (admin)',
    'token:jane',
    'Token:jane (admin)',
    ' token:jane (admin)',
    'token :jane (admin)',
    'token\uff1ajane (admin)', // full-width colon
    '\uff54oken:jane (admin)', // full-width t
    'token:\u00a0jane (admin)',
  ];
  const names = ['Jane Doe, token custodian', 'tokens: Jane', 'jane (admin)', 'Re: token:jane'];

  it.each(forged)('refuses %j (64)', (actor) => {
    expect(() => checkActor(actor)).toThrow(expect.objectContaining({ exitCode: 64 }));
  });

  it.each(names)('accepts %j', (actor) => {
    expect(() => checkActor(actor)).not.toThrow();
  });

  it('records the API token actor itself, from the server', async () => {
    const actor = tokenActor('jane', 'admin');
    expect(actor).toBe('token:jane (admin)');
    expect(await withActor(actor, async () => currentActor())).toBe('token:jane (admin)');
  });

  it('through the CLI, from --actor or PLAN12B_ACTOR: exit 64 and nothing recorded', async () => {
    const tdb = await freshDatabase('pglite');
    try {
      const set = (args: string[], env: Record<string, string> = {}) =>
        runCliInProcess(['--db', tdb.target, ...args, 'settings', 'set', 'approvals.enforce', 'true'], env);
      const byFlag = await set(['--actor', 'token:jane (admin)']);
      expect(byFlag.code, byFlag.stderr).toBe(64);
      expect(byFlag.stderr).toContain('the form of an API token');
      const byEnv = await set([], { PLAN12B_ACTOR: 'token:jane (admin)' });
      expect(byEnv.code, byEnv.stderr).toBe(64);
      const db = await tdb.open();
      try {
        expect(await loadAuditLog(db)).toEqual([]);
      } finally {
        await db.close();
      }
    } finally {
      await tdb.drop();
    }
  });
});
