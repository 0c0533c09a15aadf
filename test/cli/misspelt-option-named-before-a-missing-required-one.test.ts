import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/cli.js';

/**
 * A misspelt option is refused as such, with the option meant, even when it leaves a required
 * option out: `fees --form 2025-01-01 --to 2025-01-31` said only that --from was not specified,
 * and the user had to find the typo. The check comes before the store is opened.
 */
describe('a misspelt option that leaves a required one out', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'plan12b-misspelt-option-')), 'db');
  const cases: { args: string[]; typo: string; meant: string }[] = [
    { args: ['fees', '--form', '2025-01-01', '--to', '2025-01-31'], typo: '--form', meant: '--from' },
    { args: ['schedule', '--as-off=2025-06-30'], typo: '--as-off', meant: '--as-of' },
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

  it('a required option simply left out is still named as missing', async () => {
    const r = await runCliInProcess(['--db', db, 'fees', '--to', '2025-01-31', '--json']);
    expect(r.code).toBe(64);
    expect(r.json<{ error: { message: string } }>().error.message).toBe(
      "required option '--from <date>' not specified",
    );
  });
});
