import { describe, expect, it } from 'vitest';
import {
  BadInputError,
  clippedText,
  errorDocument,
  PROBLEM_TEXT_MAX,
  ProblemsError,
} from '../../src/errors.js';
import { NET_ASSETS_FEED_COLUMNS } from '../../src/feeds/netAssetsFeed.js';
import { decodeCsvFeed } from '../../src/import/csvFeed.js';

/**
 * SPEC §12: a bad file gives every problem, never a crash. A file of one 140 MB line (under the
 * 1 GiB input cap) was quoted whole as its header problem's field, value and twice in its reason;
 * the error document, four times the line, was past the longest string V8 makes, and
 * `net-assets import FILE --json` ended "internal error: RangeError: Invalid string length"
 * (exit 70). A problem now quotes at most PROBLEM_TEXT_MAX characters of a long value, saying how
 * long it was; a 5 MB line gave a 26 MB error document, now about 2 KB.
 */
function refusalOf(bytes: Buffer): ProblemsError {
  try {
    decodeCsvFeed('long.csv', bytes, NET_ASSETS_FEED_COLUMNS);
  } catch (e) {
    if (e instanceof BadInputError) return e;
    throw e;
  }
  throw new Error('expected the file to be refused');
}

describe('a problem quoting a long value', () => {
  it('a file of one 1 MB line: its header problems quote 200 characters of it and say its length', () => {
    const line = 'x'.repeat(1024 * 1024);
    const err = refusalOf(Buffer.from(line));
    expect(err.exitCode).toBe(65);
    const notAColumn = err.problems[0]!;
    const shown = `${'x'.repeat(PROBLEM_TEXT_MAX)}… (1,048,576 characters)`;
    expect(notAColumn).toMatchObject({ line: 1, field: shown, value: shown });
    expect(notAColumn.reason).toBe(
      // quoted as visiblyQuoted quotes a long text: its first characters in the quotes, its length after
      `column 1 "${'x'.repeat(PROBLEM_TEXT_MAX)}…" (1,048,576 characters) is not a column of this file (its columns: date,portfolio,class,net_assets); rename or remove it`,
    );
    // the second problem, the missing columns, is kept as it was
    expect(err.problems[1]!.reason).toBe(
      'header lacks column date, portfolio, class, net_assets; expected date,portfolio,class,net_assets',
    );
    expect(JSON.stringify(errorDocument(err)).length).toBeLessThan(4_000);
  });

  it('a 1 MB cell: its value and the reason quoting it are shortened; the field is named', () => {
    const amount = '1'.repeat(1024 * 1024);
    // a cell's problems are returned with the rows; the import throws them as one ProblemsError
    const { problems } = decodeCsvFeed(
      'long.csv',
      Buffer.from(`date,portfolio,class,net_assets\n2025-01-02,Alpha Fund,A,${amount}\n`),
      NET_ASSETS_FEED_COLUMNS,
    );
    const err = new ProblemsError(problems);
    const shown = `${'1'.repeat(PROBLEM_TEXT_MAX)}… (1,048,576 characters)`;
    expect(err.problems).toEqual([
      {
        code: 'BAD_INPUT',
        file: 'long.csv',
        line: 2,
        field: 'net_assets',
        value: shown,
        reason: `${shown} is too large to record (at most 18 digits before the decimal point)`,
      },
    ]);
    expect(err.message).toBe(
      `long.csv:2: net_assets: ${shown} is too large to record (at most 18 digits before the decimal point)`,
    );
  });

  it('a value quoted as JSON quotes it (escaped) is shortened too, and a reason that quotes it otherwise is cut in its middle', () => {
    const value = `"${'q'.repeat(300)}\\`;
    const asJson = new ProblemsError([
      { file: 'f.csv', line: 2, field: 'name', value, reason: `${JSON.stringify(value)} is not a name` },
    ]);
    expect(asJson.problems[0]!.reason).toBe(`${JSON.stringify(clippedText(value))} is not a name`);
    const other = new ProblemsError([
      { file: 'f.csv', line: 2, field: 'name', value: 'v', reason: `starts ${'r'.repeat(50_000)} ends` },
    ]);
    const reason = other.problems[0]!.reason;
    expect(reason.length).toBeLessThan(10_100);
    expect(reason.startsWith('starts r')).toBe(true);
    expect(reason.endsWith('r ends')).toBe(true);
    // 7 + 50,000 + 5 = 50,012 characters, less the 2 × 5,000 kept
    expect(reason).toContain('… (40012 characters left out) …');
  });

  it('a value of 200 characters or fewer is quoted whole; a cut never splits a character', () => {
    expect(clippedText('a'.repeat(PROBLEM_TEXT_MAX))).toBe('a'.repeat(PROBLEM_TEXT_MAX));
    // an emoji (two UTF-16 units) across the cut is left out whole, not halved
    const clipped = clippedText(`${'a'.repeat(PROBLEM_TEXT_MAX - 1)}\u{1F600}${'b'.repeat(10)}`);
    expect(clipped).toBe(`${'a'.repeat(PROBLEM_TEXT_MAX - 1)}… (211 characters)`);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(clipped)).toBe(false); // no lone high surrogate
  });
});
