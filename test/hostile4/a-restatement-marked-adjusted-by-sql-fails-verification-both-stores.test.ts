import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';
import { type ServedQueries, servedQueries } from '../support/servedQueries.js';

/**
 * SPEC §4 (a restatement "flags every closed month it touches for a prior-period adjustment"),
 * §12 (verification finds what was changed outside plan12b), as an adversary with SQL tried it
 * (hostile4). AIM Value Fund C (seed 002) at 36,500,000.00 every business day of January and
 * February 2007; January closed; then January restated to 36,600,000.00 — a prior-period
 * adjustment is due at the February close. By hand, the service fee (0.25%) of each of January's
 * 29 accruing days (the 3rd, the first row, to the 31st) goes from 36,500,000 × 0.25% / 365 =
 * 250.00 to round(36,600,000 × 0.25% / 365 = 250.6849…) = 250.68: 29 × 0.68 = 19.72 more.
 *
 * The restatement's `adjusted_in`, set by SQL to 2006-12 (a month never closed), made the February
 * close report no adjustment at all — the 19.72 (and the distribution fee's difference) never paid
 * — while `audit verify` passed before and after, and `close show` said "adjusted in 2006-12".
 * Now verify checks both marks against the order of imports and closes in the audit log.
 */
describe.skipIf(!seedsAvailable).each(dialects)('a restatement’s marks changed by SQL (%s)', (dialect) => {
  let tdb: TestDatabase;
  let dir: string;
  // the commands as a user's run by default: verify and `close show` on the store kept open for
  // them (the on-demand query server), the writes as the CLI runs them; the SQL on that store
  let served: ServedQueries;
  const cli = (...args: string[]) => served.run(['--actor', 'hostile4', ...args]);
  const rows = (from: string, to: string, value: string) =>
    [
      'date,portfolio,class,net_assets',
      ...businessDaysBetween(from, to).map((d) => `${d},AIM Value Fund,C,${value}`),
    ].join('\n');
  const sql = (statement: string) => served.sql(statement);
  /** The exit code and the findings (`--json`: a report when intact, else an error document listing them). */
  const verify = async () => {
    const r = await cli('audit', 'verify', '--json');
    if (r.code === 0)
      return { code: r.code, findings: r.json<{ findings: { kind: string; reason: string }[] }>().findings };
    const lines = r.json<{ error: { message: string } }>().error.message.split('\n').slice(1);
    return {
      code: r.code,
      findings: lines.map((l) => {
        const m = /^ {2}(\w+): (.*)$/.exec(l)!;
        return { kind: m[1]!, reason: m[2]! };
      }),
    };
  };

  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    served = servedQueries(tdb.target);
    dir = mkdtempSync(join(tmpdir(), 'plan12b-hostile4-restate-'));
    writeFileSync(join(dir, 'na.csv'), rows('2007-01-02', '2007-02-28', '36500000.00'));
    writeFileSync(join(dir, 'restate.csv'), rows('2007-01-02', '2007-01-31', '36600000.00'));
    const exhibit = seedFiles().find((f) => f.includes('002_'))!;
    for (const args of [
      ['exhibit', 'import', exhibit],
      ['net-assets', 'import', join(dir, 'na.csv')],
      ['close', '--month', '2007-01'],
      ['net-assets', 'import', '--restate', join(dir, 'restate.csv')],
    ]) {
      const r = await cli(...args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
  });

  afterAll(async () => {
    await served?.release();
    await tdb?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('pending, as plan12b marked it: verified; marked adjusted in a month never closed: a record finding per row', async () => {
    expect(await verify()).toEqual({ code: 0, findings: [] });
    await sql(`UPDATE net_assets_restatement SET adjusted_in = '2006-12' WHERE date = '2007-01-03'`);
    const tampered = await verify();
    expect(tampered.code).toBe(69);
    expect(tampered.findings).toHaveLength(1);
    expect(tampered.findings[0]!.kind).toBe('record');
    expect(tampered.findings[0]!.reason).toMatch(
      /^net-assets restatement \d+ \(aim-value-fund class C 2007-01-03, import \d+, audit record 4\) is marked as adjusted in 2006-12, but no month was closed after it$/,
    );
    await sql(`UPDATE net_assets_restatement SET adjusted_in = NULL`);
    // the closed month it touches, cleared: no adjustment would ever be due (the sealed inputs,
    // which undo the restatements of the month, found it already; now the mark is named too)
    await sql(`UPDATE net_assets_restatement SET closed_month = NULL WHERE date = '2007-01-04'`);
    expect(
      (await verify()).findings.map((f) => `${f.kind}: ${f.reason.replace(/^net-assets.*\) is /, '')}`),
    ).toEqual([
      'inputs: closed month 2007-01: what governed it differs from what was sealed, and no restatement records the change: net assets',
      'record: marked as touching no closed month, but 2007-01 was closed before it',
    ]);
    await sql(`UPDATE net_assets_restatement SET closed_month = '2007-01'`);
    expect(await verify()).toEqual({ code: 0, findings: [] });
  });

  it('the February close reports the adjustment and marks it; the mark moved by SQL is found', async () => {
    const closed = await cli('close', '--month', '2007-02');
    expect(closed.code, closed.stderr).toBe(0);
    const adjustments = await cli('close', 'show', '--month', '2007-02', '--part', 'adjustments', '--json');
    expect(adjustments.code, adjustments.stderr).toBe(0);
    // 29 days × 0.68 (worked above)
    expect(JSON.stringify(adjustments.json())).toContain('"serviceFee":"19.72"');
    expect(await verify()).toEqual({ code: 0, findings: [] });
    await sql(`UPDATE net_assets_restatement SET adjusted_in = '2007-03' WHERE date = '2007-01-05'`);
    expect((await verify()).findings.map((f) => f.reason.replace(/^.*\) is /, ''))).toEqual([
      'marked as adjusted in 2007-03, but the first close after it was 2007-02',
    ]);
  });
});
