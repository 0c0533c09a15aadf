import { describe, expect, it } from 'vitest';
import { clippedQuoted, Plan12bError, PROBLEM_TEXT_MAX, withArgumentsClipped } from '../../src/errors.js';
import { visiblyQuoted } from '../../src/import/statedText.js';
import { runCliInProcess } from '../support/cli.js';

/**
 * Hostile run: an argument of 100,000 characters (a date, a month, a portfolio name, an option,
 * a command word, a file name) was echoed whole in the error message — 100 KB on stderr and again
 * in the `--json` document. Every echo now shows its first 200 characters and its length:
 * `"AAAA…" (100,000 characters)`.
 */
const A = 'A'.repeat(100_000);
const shownQuoted = `"${'A'.repeat(PROBLEM_TEXT_MAX)}…" (100,000 characters)`;
const shownBare = `${'A'.repeat(PROBLEM_TEXT_MAX)}… (100,000 characters)`;

describe('an argument of 100,000 characters', () => {
  it('is quoted by its first 200 characters and its length, in a message and by visiblyQuoted', () => {
    expect(clippedQuoted(A)).toBe(shownQuoted);
    expect(visiblyQuoted(A)).toBe(shownQuoted);
    // 200 characters are quoted whole
    expect(visiblyQuoted('B'.repeat(200))).toBe(`"${'B'.repeat(200)}"`);
    const e = new Plan12bError(
      'USAGE',
      `--from ${JSON.stringify(A)} is not a date`,
      `not ${JSON.stringify(A)}`,
    );
    expect(e.message).toBe(`--from ${shownQuoted} is not a date`);
    expect(e.hint).toBe(`not ${shownQuoted}`);
    // clipped again where it is printed, it stays as it is
    expect(withArgumentsClipped(e.message, ['fees', '--from', A])).toBe(e.message);
    // two quotation marks of prose around a long stretch are no JSON string of it: left alone
    const prose = `say "a" ${'x'.repeat(300)} "b"`;
    expect(new Plan12bError('USAGE', prose).message).toBe(prose);
  });

  it('a date: stderr and the --json document echo 200 characters and the length (exit 64)', async () => {
    const text = await runCliInProcess(['fees', '--from', A, '--to', '2006-01-31']);
    expect(text.code).toBe(64);
    expect(text.stderr).toContain(`plan12b: error: --from ${shownQuoted} is not a date`);
    expect(text.stderr.length).toBeLessThan(1_000);
    const json = await runCliInProcess(['fees', `--from=${A}`, '--to', '2006-01-31', '--json']);
    expect(json.code).toBe(64);
    expect(json.json<{ error: { message: string } }>().error.message).toBe(
      `--from ${shownQuoted} is not a date`,
    );
    expect(json.stdout.length + json.stderr.length).toBeLessThan(2_000);
  });

  it('an unknown option or command word, echoed by Commander, and a file name echoed unquoted', async () => {
    const option = await runCliInProcess(['fees', `--${A}`, '--json']);
    expect(option.code).toBe(64);
    // the word as typed, `--` and 100,000 letters: its first 200 characters
    expect(option.stderr).toContain(`error: unknown option '--${'A'.repeat(198)}… (100,002 characters)'`);
    expect(option.json<{ error: { message: string } }>().error.message).toContain('(100,002 characters)');
    expect(option.stdout.length + option.stderr.length).toBeLessThan(2_000);
    const word = await runCliInProcess([A]);
    expect(word.code).toBe(64);
    expect(word.stderr).toContain(`unknown command '${shownBare}'`);
    const file = await runCliInProcess(['exhibit', 'parse', A, '--json']);
    expect(file.code).toBe(66);
    expect(file.stderr).toContain(`plan12b: error: ${shownBare}`);
    expect(file.stdout.length + file.stderr.length).toBeLessThan(2_000);
  });
});
