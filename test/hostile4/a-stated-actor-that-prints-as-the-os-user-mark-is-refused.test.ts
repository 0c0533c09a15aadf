import { describe, expect, it } from 'vitest';
import { checkActor } from '../../src/store/actor.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase } from '../support/databases.js';

/**
 * SPEC §12: the audit log records the actor the user states, else the OS user, "marked as such".
 * A stated name ending with the mark ` (OS user)` was refused, but one that only prints as it was
 * recorded: `--actor "root (OS user) "` (a trailing space) and `--actor $'root\u00a0(OS user)'` (a
 * no-break space) each made a record that `audit log` printed as `root (OS user)`, the same line
 * as the OS user's own records — a name nobody stated, forged (hostile4). The mark is looked for
 * in the name as it prints: compatibility forms folded, white space as single spaces.
 */
describe('a stated actor that prints as the OS-user mark', () => {
  const forged = [
    'root (OS user) ',
    'root\u00a0(OS user)',
    'root (OS\u00a0user)',
    'root\u3000(OS user)',
    'root  (OS user)',
    'root \uff08OS user\uff09', // full-width parentheses
    'root (OS user)\u00a0',
  ];
  const names = [
    'Jane Doe (OS team)',
    'root (OS user) review',
    'O\u2019Brien (OS) user',
    'Zo\u00eb\u00a0\u00c5ngstr\u00f6m',
  ];

  it.each(forged)('refuses %j (64)', (actor) => {
    expect(() => checkActor(actor)).toThrow(expect.objectContaining({ exitCode: 64 }));
  });

  it.each(names)('accepts %j', (actor) => {
    expect(() => checkActor(actor)).not.toThrow();
  });

  it('through the CLI, from --actor or PLAN12B_ACTOR: exit 64 and nothing recorded', async () => {
    const tdb = await freshDatabase('pglite');
    try {
      const set = (args: string[], env: Record<string, string> = {}) =>
        runCliInProcess(['--db', tdb.target, ...args, 'settings', 'set', 'approvals.enforce', 'true'], env);
      const byFlag = await set(['--actor', 'root\u00a0(OS user)']);
      expect(byFlag.code, byFlag.stderr).toBe(64);
      expect(byFlag.stderr).toContain('the mark of an actor nobody stated');
      const byEnv = await set([], { PLAN12B_ACTOR: 'root (OS user) ' });
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
