import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastQuarterClosed } from '../../src/cli/monthOrLastClosed.js';
import type { Database } from '../../src/store/database.js';
import { runCliInProcess, runCliOnOpenStore } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { markMonthClosed } from '../support/storeSnapshot.js';

type ErrorJson = { error: { code: string; exit: number; message: string; hint: string | null } };

/**
 * Standing rule 7: errors say what to do next, in the options the command takes, and a month or a
 * quarter defaults to the last one closed where a person asks "the latest". `fees`, `redemptions`
 * (--from/--to) and `finra-cap` (--through) were told "give the month: --month YYYY-MM", an option
 * they do not have; `close show` and `board-report` refused a missing --month/--quarter (64) where
 * every other month query answers for the last month closed; `close` without --month did not say
 * which month is next; a few usage errors named no next step at all (`"hint": null`).
 */
describe('defaults and next steps', () => {
  let tdb: TestDatabase;
  let db: Database;
  const run = (args: string[]) => runCliOnOpenStore(db, ['--db', tdb.target, ...args, '--json']);
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('no month closed: each command asks for the options it takes', async () => {
    const hints: Record<string, string> = {};
    for (const args of [['fees'], ['redemptions'], ['finra-cap', '--class', 'B'], ['cdsc'], ['journal']]) {
      const r = await run(args);
      expect(r.code).toBe(64);
      hints[args[0]!] = r.json<ErrorJson>().error.hint ?? '';
    }
    expect(hints).toEqual({
      fees: 'give the days: --from YYYY-MM-DD --to YYYY-MM-DD',
      redemptions: 'give the days: --from YYYY-MM-DD --to YYYY-MM-DD',
      'finra-cap': 'give the last month: --through YYYY-MM',
      cdsc: 'give the month: --month YYYY-MM, or the days: --from YYYY-MM-DD --to YYYY-MM-DD',
      journal: 'give the month: --month YYYY-MM',
    });
    const report = await run(['board-report']);
    expect([report.code, report.json<ErrorJson>().error.hint]).toEqual([
      64,
      'give the quarter: --quarter YYYYQn',
    ]);
    const show = await run(['close', 'show']);
    expect([show.code, show.json<ErrorJson>().error.hint]).toEqual([64, 'give the month: --month YYYY-MM']);
    // closing is never defaulted: with no net assets there is no next month, and the hint says how to begin
    const close = await run(['close']);
    expect(close.code).toBe(64);
    expect(close.json<ErrorJson>().error).toMatchObject({
      message: 'give the month to close: --month YYYY-MM',
      hint: expect.stringContaining('`plan12b net-assets import FILE.csv`'),
    });
  });

  it('months closed: close names the next month as a command; close show and board-report answer for the last closed', async () => {
    await markMonthClosed(db, '2025-11');
    await markMonthClosed(db, '2025-12');
    const close = await run(['close']);
    expect(close.code).toBe(64);
    // 2025-12 is the last closed: 2026-01 is next
    expect(close.json<ErrorJson>().error.hint).toBe(
      'the next month to close is 2026-01: `plan12b close --month 2026-01`',
    );
    // the month shown is the last closed, 2025-12 (a month marked closed without its parts fails its
    // verification, naming the month — not a usage error for the missing --month)
    const show = await run(['close', 'show']);
    expect(show.code).not.toBe(64);
    expect(show.stdout).toContain('2025-12');
    // 2025-12 ends 2025Q4
    const report = await run(['board-report']);
    expect(report.code).toBe(0);
    expect(report.json<{ quarter: string; from: string; to: string }>()).toMatchObject({
      quarter: '2025Q4',
      from: '2025-10-01',
      to: '2025-12-31',
    });
  });

  it('a usage error without its own next step names the command help; a bad role lists what each does', async () => {
    const by = await run(['terminate', '--portfolio', 'all', '--date', '2026-01-01', '--by', 'me']);
    expect([by.code, by.json<ErrorJson>().error.hint]).toEqual([64, 'see `plan12b terminate --help`']);
    const role = await run(['tokens', 'create', '--name', 'x', '--role', 'god']);
    expect(role.code).toBe(64);
    expect(role.json<ErrorJson>().error.hint).toMatch(/^viewer reads; operator also imports and closes/);
  });
});

describe('the last quarter closed (Plan §8: a quarter is reported after its end)', () => {
  const months = (from: number, to: number, year = 2025) =>
    Array.from({ length: to - from + 1 }, (_, i) => `${year}-${String(from + i).padStart(2, '0')}`);
  it.each([
    // January to November closed: Q4 is not over, Q3 (July–September) is the last closed
    [months(1, 11), '2025Q3'],
    [months(1, 12), '2025Q4'],
    // the books began in February: Q1 ends with March, closed
    [months(2, 3), '2025Q1'],
    // across a year end: 2024-11 … 2025-02 closed, 2024Q4 is the last to end
    [['2024-11', '2024-12', '2025-01', '2025-02'], '2024Q4'],
  ])('%j → %s', (closed, quarter) => {
    expect(lastQuarterClosed(closed)?.label).toBe(quarter);
  });
  it('none closed, or no quarter ended since the books began: none', () => {
    expect(lastQuarterClosed([])).toBeNull();
    // 2025-01 alone: the quarter before it (2024Q4) ends before the books start
    expect(lastQuarterClosed(['2025-01'])).toBeNull();
    expect(lastQuarterClosed(months(1, 2))).toBeNull();
  });
});

describe('a command group named without its command, under --json', () => {
  it('names the commands it has, not "unknown option --json"; a misspelt one is still named with the one meant', async () => {
    const r = await runCliInProcess(['audit', '--json']);
    expect(r.code).toBe(64);
    expect(r.json<ErrorJson>().error).toMatchObject({
      code: 'USAGE',
      message: '`plan12b audit` needs one of its commands: verify, anchor, log',
      hint: 'see `plan12b audit --help`; e.g. `plan12b audit verify --help`',
    });
    const typo = await runCliInProcess(['audit', 'verfy', '--json']);
    expect(typo.code).toBe(64);
    expect(typo.json<ErrorJson>().error.message).toMatch(/Did you mean verify\?/);
  });
});
