import { describe, expect, it } from 'vitest';
import { checkActor, OS_USER_MARK } from '../../src/store/actor.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase } from '../support/databases.js';

/**
 * SPEC §12: the audit log records the actor the user states (--actor / PLAN12B_ACTOR), else the OS
 * user, marked as such. A stated name that the log would show as another name is refused (64)
 * and the command writes nothing: a right-to-left override ("\u202Eevil" shows as "live"), a
 * zero-width space, a line separator, a lone surrogate — all accepted before, as was a stated name
 * carrying the OS-user mark ("root (OS user)"), which the log then showed as if nobody had stated
 * one. Names in any script, with emoji and the zero-width joiner they are written with, pass.
 */
describe('a stated actor', () => {
  const refused = [
    '',
    '   ',
    'a\tb',
    'a\nb',
    'x'.repeat(201),
    '\u202Eevil',
    'a\u200Bb',
    'a\u2028b',
    'a\u2029b',
    '\u2066Mallory\u2069',
    'a\u00ADb',
    '\uD800',
    `root${OS_USER_MARK}`,
  ];
  const accepted = [
    'x'.repeat(200),
    'Zoë Ångström',
    '李雷',
    'محمد',
    'Jane Doe, Fund Treasurer 🙂',
    'मनोज\u200Dकुमार',
    "O'Brien — (OS) user",
  ];

  it.each(refused)('refuses %j', (actor) => {
    expect(() => checkActor(actor)).toThrow(expect.objectContaining({ exitCode: 64 }));
  });

  it.each(accepted)('accepts %j', (actor) => {
    expect(() => checkActor(actor)).not.toThrow();
  });

  it('through the CLI: a refused actor exits 64 and records nothing; an accepted one is recorded as stated', async () => {
    const tdb = await freshDatabase('pglite');
    const set = (actor: string, value: string, env: Record<string, string> = {}) =>
      runCliInProcess(
        ['--db', tdb.target, '--actor', actor, 'settings', 'set', 'approvals.enforce', value],
        env,
      );
    for (const actor of ['\u202Eevil', `root${OS_USER_MARK}`, 'a\u2028b']) {
      const run = await set(actor, 'true');
      expect(run.code, run.stderr).toBe(64);
    }
    // the same from the environment
    const fromEnv = await runCliInProcess(
      ['--db', tdb.target, 'settings', 'set', 'approvals.enforce', 'true'],
      {
        PLAN12B_ACTOR: 'a\u200Bb',
      },
    );
    expect(fromEnv.code, fromEnv.stderr).toBe(64);
    let db = await tdb.open();
    expect(await loadAuditLog(db)).toEqual([]);
    await db.close();

    const ok = await set('Zoë Ångström 李雷 🙂', 'true');
    expect(ok.code, ok.stderr).toBe(0);
    // a command that fails writes nothing either: an unknown value, then a value already set
    expect((await set('Zoë', 'maybe')).code).toBe(65);
    expect((await set('Zoë', 'true')).code).toBe(0);
    // where nothing is recorded, --actor filters the log: by the OS user so marked, too
    const filtered = await runCliInProcess([
      '--db',
      tdb.target,
      '--actor',
      `root${OS_USER_MARK}`,
      'audit',
      'log',
    ]);
    expect(filtered.code, filtered.stderr).toBe(0);
    db = await tdb.open();
    expect((await loadAuditLog(db)).map((r) => [r.seq, r.actor, r.action])).toEqual([
      [1, 'Zoë Ångström 李雷 🙂', 'settings.set'],
    ]);
    await db.close();
    await tdb.drop();
  });
});
