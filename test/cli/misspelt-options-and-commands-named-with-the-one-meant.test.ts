import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/cli.js';

/**
 * A misspelt option is refused as such, with the option meant, even when it leaves a required
 * option out: `lots --acount B100000` said only that --account was not specified, and the user
 * had to find the typo. The check comes before the store is opened.
 */
describe('a misspelt option that leaves a required one out', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'plan12b-misspelt-option-')), 'db');
  const cases: { args: string[]; typo: string; meant: string }[] = [
    { args: ['lots', '--acount', 'B100000', '--as-of', '2025-12-31'], typo: '--acount', meant: '--account' },
    { args: ['board-report', '--quater=2025Q4'], typo: '--quater', meant: '--quarter' },
    { args: ['close', 'show', '--mnth', '2025-12'], typo: '--mnth', meant: '--month' },
  ];

  it.each(cases)(
    '$typo is named with $meant suggested, exit 64, as a JSON error document',
    async ({ args, typo, meant }) => {
      const r = await runCliInProcess(['--db', db, ...args, '--json']);
      expect(r.code).toBe(64);
      const doc = r.json<{ error: { code: string; message: string } }>();
      expect(doc.error.code).toBe('USAGE');
      expect(doc.error.message).toContain(`unknown option '${typo}'`);
      expect(doc.error.message).toContain(`Did you mean ${meant}?`);
      expect(r.stderr).toContain(`unknown option '${typo}'`);
    },
  );

  it('a misspelt option written with its value (`--fom=D`) is named without the value, with the one meant', async () => {
    // board-report --quarter is optional since it defaults to the last quarter closed: Commander
    // itself named "--quater=2025Q4" and found no option near it
    for (const [args, typo, meant] of [
      [['fees', '--fom=2025-01-01', '--to', '2025-01-31'], '--fom', '--from'],
      [['board-report', '--quater=2025Q4'], '--quater', '--quarter'],
    ] as const) {
      const r = await runCliInProcess(['--db', db, ...args, '--json']);
      expect(r.code).toBe(64);
      expect(r.json<{ error: { message: string } }>().error.message).toBe(
        `unknown option '${typo}'\n(Did you mean ${meant}?)`,
      );
    }
  });

  it('a required option simply left out is still named as missing', async () => {
    const r = await runCliInProcess(['--db', db, 'lots', '--as-of', '2025-12-31', '--json']);
    expect(r.code).toBe(64);
    expect(r.json<{ error: { message: string } }>().error.message).toBe(
      "required option '--account <account>' not specified",
    );
  });
});

/**
 * A misspelt command is answered with the one meant, where Commander's own suggestion found none:
 * `plan12b monthly-calc` and `plan12b audit-log` said only "unknown command".
 */
describe('a misspelt command', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'plan12b-misspelt-command-')), 'db');
  it.each([
    [['monthly-calc', '--month', '2025-12'], 'monthly-calc', 'monthly-calculation'],
    [['audit-log'], 'audit-log', 'audit log'],
    [['provider', 'list'], 'provider', 'providers'],
    [['audit', 'lg'], 'lg', 'log'],
  ])('%j: exit 64, naming %s and suggesting %s', async (args, typo, meant) => {
    const r = await runCliInProcess(['--db', db, ...args, '--json']);
    expect(r.code).toBe(64);
    expect(r.json<{ error: { message: string } }>().error.message).toBe(
      `unknown command '${typo}'\n(Did you mean ${meant}?)`,
    );
  });

  it('nothing near: no suggestion', async () => {
    const r = await runCliInProcess(['--db', db, 'xyzzy', '--json']);
    expect(r.json<{ error: { message: string } }>().error.message).toBe("unknown command 'xyzzy'");
  });
});
