import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/cli.js';

/**
 * An option that takes a value, given an empty one, is the command line's fault (exit 64, with
 * what to do), in --json too — never read as if the option were left out. Found by probing:
 * `fees --from … --to … --portfolio ""` answered for every portfolio (exit 0), and
 * `providers assign --to ""` would have recorded the assignment with no assignee. The check comes
 * before the store is opened, so the folder here need not hold one.
 */
describe('an option given an empty value', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'plan12b-empty-option-')), 'db');
  const cases: { args: string[]; option: string }[] = [
    {
      args: ['fees', '--from', '2025-01-01', '--to', '2025-01-31', '--portfolio', ''],
      option: '--portfolio',
    },
    { args: ['fees', '--from', '2025-01-01', '--to', '2025-01-31', '--class='], option: '--class' },
    {
      args: ['providers', 'assign', '--provider', 'DLR-1', '--date', '2025-01-02', '--to', ''],
      option: '--to',
    },
    { args: ['--actor', '', 'schedule', '--as-of', '2025-01-02'], option: '--actor' },
  ];

  it.each(cases)(
    '$option in $args.0 is exit 64 naming the option, with a JSON error document',
    async ({ args, option }) => {
      const r = await runCliInProcess(['--db', db, ...args, '--json']);
      expect(r.code).toBe(64);
      const doc = r.json<{
        error: { code: string; exit: number; message: string; hint: string; problems: unknown[] };
      }>();
      expect(doc.error).toMatchObject({
        code: 'USAGE',
        exit: 64,
        message: `${option} is empty`,
        problems: [],
      });
      expect(doc.error.hint).toContain('leave the option out');
      expect(r.stderr).not.toMatch(/a bug in plan12b/);
    },
  );

  it('a value that is not empty goes on to the command (here: no store at the folder, 66)', async () => {
    const r = await runCliInProcess([
      '--db',
      db,
      'fees',
      '--from',
      '2025-01-01',
      '--to',
      '2025-01-31',
      '--portfolio',
      'X',
      '--json',
    ]);
    expect(r.code).toBe(66);
  });
});
