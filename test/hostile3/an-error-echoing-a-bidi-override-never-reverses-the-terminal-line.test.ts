import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writtenVisibly } from '../../src/import/statedText.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase } from '../support/databases.js';

/**
 * A message quotes what it refuses with JSON.stringify, which writes a control character out
 * ("\u001b") but keeps a right-to-left override (U+202E) as it is: `fees --from "2025\u202e-01-01"`
 * printed the override raw, and the terminal showed the rest of the line reversed. Every line the
 * CLI writes to stderr writes such a character out.
 */

const INVISIBLE = /[\u202e\u2066\u200b\u2028\uffff]/;

describe('a message as a terminal shows it', () => {
  it.each([
    ['Evil\u202eFund', 'Evil\\u202eFund'],
    ['a\u2066b\u200bc', 'a\\u2066b\\u200bc'],
    ['line\u2028break', 'line\\u2028break'],
    ['no \uffff char', 'no \\uffff char'],
    // what prints as itself is kept: a zero-width joiner in an emoji, an accent, a tab
    ['\u{1F468}\u200d\u{1F4BB} Caf\u00e9\tx', '\u{1F468}\u200d\u{1F4BB} Caf\u00e9\tx'],
  ])('%j is written %j', (text, shown) => {
    expect(writtenVisibly(text)).toBe(shown);
  });

  it('a refused option and a refused cell are echoed with the override written out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan12b-hostile3-bidi-'));
    // a copy of the run's migrated store, not an initdb of its own (how a new folder is created is
    // two-inits-of-a-new-store…'s subject)
    await freshDatabase('pglite', dir);
    const date = await runCliInProcess([
      '--db',
      join(dir, 'db'),
      'fees',
      '--from',
      '2025\u202e-01-01',
      '--to',
      '2025-01-31',
    ]);
    expect(date.code).toBe(64);
    expect(date.stderr).toContain('--from "2025\\u202e-01-01" is not a date');
    expect(date.stderr).not.toMatch(INVISIBLE);

    const file = join(dir, 'prime-rate.csv');
    writeFileSync(file, 'effective_date,prime_rate,source\n2025-01-02,7.50,WSJ\u202e\n', 'utf8');
    const cell = await runCliInProcess(['--db', join(dir, 'db'), 'prime-rate', 'import', file]);
    expect(cell.code).toBe(65);
    expect(cell.stderr).toContain('\\u202e');
    expect(cell.stderr).not.toMatch(INVISIBLE);
  });
});
