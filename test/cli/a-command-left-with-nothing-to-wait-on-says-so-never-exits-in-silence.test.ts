import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';

/**
 * `plan12b settings list --json` once exited 1 with nothing printed. Exit 1 is no code of plan12b's
 * (src/errors.ts): it is the status PGlite leaves in process.exitCode when its PostgreSQL exits
 * under it (Emscripten's `quit_` sets it and throws into a promise no one then settles), and Node
 * ends a process whose event loop has emptied with that status — `main` never answered, so
 * bin/plan12b.js never set its own. The fault point `query:read:stall` puts a query in exactly that
 * state (exit status 1 set, nothing left to wait on), after the store is open. Spawned: what is
 * checked is how the real process ends. It now says so: exit 70, the error on stderr and, under
 * --json, the error document on stdout.
 */
describe('a command left with nothing to wait on', () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    // the store made and migrated, then closed: the spawned query opens it itself
    await (await tdb.open()).close();
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it('exits 70 with an error document under --json, never 1 in silence', async () => {
    const r = await runCliAsync(['--db', tdb.target, 'settings', 'list', '--json'], {
      PLAN12B_FAULT: 'query:read:stall',
      PLAN12B_AUTO_SERVE: 'off',
    });
    expect(r.code).toBe(70);
    const doc = r.json<{ error: { code: string; exit: number; message: string; hint: string } }>();
    expect(doc.error.code).toBe('INTERNAL');
    expect(doc.error.exit).toBe(70);
    expect(doc.error.message).toContain(
      'the command stopped before it answered, with nothing left to wait on (the embedded database had stopped, exit status 1)',
    );
    expect(doc.error.hint).toContain('run it again');
    expect(r.stderr).toContain('plan12b: error: internal error (a bug in plan12b');
  });
});
