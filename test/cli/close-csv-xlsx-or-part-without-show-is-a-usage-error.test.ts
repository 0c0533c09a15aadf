import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';

/**
 * `--csv`, `--xlsx FILE` and `--part P` print one sealed part of a closed month: they belong to
 * `close show`. Closing a month prints its own answer (a line, or `--json`), so `close --month M
 * --csv` was silently the close while `close --month M --xlsx F` was exit 64: the two now agree —
 * each without `show` is the command line’s fault (64, USAGE) naming `close show`, said before any
 * month is closed (the store still has no closed month afterwards).
 */
describe('close --csv, --xlsx or --part without show', () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  const close = (...args: string[]) =>
    runCliInProcess(['--db', tdb.target, 'close', '--month', '2025-01', ...args]);

  it.each([
    ['--csv', ['--csv']],
    ['--xlsx', ['--xlsx', 'no.xlsx']],
    ['--part', ['--part', 'journal']],
  ])('%s: exit 64, the hint names the close show command that prints it', async (flag, args) => {
    const r = await close(...args, '--json');
    expect({ code: r.code, stderr: r.stderr }).toMatchObject({ code: 64 });
    const doc = r.json<{ error: { code: string; message: string; hint: string } }>();
    expect(doc.error.code).toBe('USAGE');
    expect(doc.error.message.startsWith(`${flag} prints a closed month's sealed part`)).toBe(true);
    expect(doc.error.message).toContain('`close show`');
    expect(doc.error.hint).toMatch(/^`plan12b close show --month 2025-01 --part /);
  });

  it('no month was closed by any of them: close show of the month is still 66', async () => {
    await close('--csv');
    const show = await runCliInProcess(['--db', tdb.target, 'close', 'show', '--month', '2025-01', '--json']);
    expect(show.code).toBe(66);
  });
});
