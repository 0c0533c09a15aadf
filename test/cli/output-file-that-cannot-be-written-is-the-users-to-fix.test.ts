import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputFileRefusal } from '../../src/cli/outputFileRefusal.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';

/**
 * A file the user names to be written (`--xlsx`, `--pdf`, `--out`, `--payments-csv`,
 * `--statements`) that cannot be written — its folder missing, a folder given for the file, a file
 * in the way of the statements folder — is the user's to fix: exit 66 with the option, the path,
 * why in words and what to do; under --json the error document. Found by the CLI audit: every one
 * of these was exit 70, "internal error (a bug in plan12b …)", with Node's ENOENT/EISDIR/EEXIST text.
 */
describe('an output file that cannot be written is the user’s to fix (66), not a bug (70)', () => {
  let tdb: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-output-file-'));
  const missing = join(dir, 'no-such-folder');
  const cli = (...args: string[]) => runCliInProcess(['--db', tdb.target, ...args, '--json']);

  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  async function refused(args: string[], option: string, path: string, why: RegExp): Promise<void> {
    const r = await cli(...args);
    expect({ args: args.join(' '), code: r.code }).toEqual({ args: args.join(' '), code: 66 });
    const doc = r.json<{ error: { code: string; exit: number; message: string; hint: string } }>();
    expect(doc.error.code).toBe('NOT_FOUND');
    expect(doc.error.exit).toBe(66);
    expect(doc.error.message.startsWith(`${option} ${path}: cannot write: `)).toBe(true);
    expect(doc.error.message).toMatch(why);
    expect(doc.error.hint).toContain(`the path given to ${option}`);
    expect(r.stderr).not.toMatch(/a bug in plan12b/);
  }

  it('a workbook, a PDF and the payments file into a folder that does not exist', async () => {
    const xlsx = join(missing, 'schedule.xlsx');
    await refused(
      ['schedule', '--as-of', '2025-01-02', '--xlsx', xlsx],
      '--xlsx',
      xlsx,
      /its folder does not exist \(ENOENT\)/,
    );
    const pdf = join(missing, 'mc.pdf');
    await refused(['monthly-calculation', '--month', '2025-01', '--pdf', pdf], '--pdf', pdf, /\(ENOENT\)/);
    const pay = join(missing, 'pay.csv');
    await refused(
      ['service-fees', '--month', '2025-01', '--payments-csv', pay],
      '--payments-csv',
      pay,
      /\(ENOENT\)/,
    );
  });

  it('a folder given where the file goes, and a file in the way of the statements folder', async () => {
    await refused(
      ['journal', '--month', '2025-01', '--xlsx', dir],
      '--xlsx',
      dir,
      /it is a folder, not a file \(EISDIR\)/,
    );
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    await refused(
      ['service-fees', '--month', '2025-01', '--statements', file],
      '--statements',
      file,
      /in the way.*\(EEXIST\)/,
    );
  });

  it('a system error on a path the user did not name stays what it was (a bug, 70)', () => {
    const e = Object.assign(new Error('ENOENT: no such file or directory, open /x/y'), {
      code: 'ENOENT',
      syscall: 'open',
      path: '/x/y',
    });
    expect(outputFileRefusal(e, ['node', 'plan12b', 'schedule', '--xlsx', '/x/z.xlsx'])).toBeUndefined();
    expect(outputFileRefusal(e, ['node', 'plan12b', 'schedule', '--xlsx=/x/y'])?.exitCode).toBe(66);
    expect(outputFileRefusal(new Error('plain'), ['node', 'plan12b', '--xlsx', '/x/y'])).toBeUndefined();
  });
});
