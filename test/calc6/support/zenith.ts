import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { CliRun } from '../../support/cli.js';
import { type ServedQueries, servedQueries } from '../../support/servedQueries.js';

/**
 * A small complex of our own, written as filed exhibits (plain text, the layout of the seeds'
 * Schedule A tables) so that every test of test/calc6 builds its store through the product's own
 * `exhibit import`:
 *
 * - Master Distribution Plan (Class C Shares), dated and effective 2023-01-03; Schedule A,
 *   ZENITH EQUITY FUNDS: Zenith Growth Fund and Zenith Income Fund, each MAXIMUM ABSC 0.75%,
 *   MAXIMUM service fee 0.25%, MAXIMUM aggregate 1.00%.
 * - Amendment No. 1, effective 2024-02-15 (the amending clause's date), replaces Schedule A
 *   entirely: Zenith Growth Fund 0.50% / 0.25% / 0.75% (a decrease), Zenith Income Fund unchanged.
 */

export const GROWTH = 'Zenith Growth Fund';
export const INCOME = 'Zenith Income Fund';

function row(name: string, absc: string, service: string, aggregate: string): string {
  return `      ${name.padEnd(48)}${absc.padStart(5)}%        ${service.padStart(5)}%        ${aggregate.padStart(5)}%`;
}

function scheduleA(entries: readonly [string, string, string, string][], quote: string): string {
  return `                                 ${quote}SCHEDULE A
                                      TO
                         THE MASTER DISTRIBUTION PLAN

      The Fund shall pay the Distributor as full compensation for all services
rendered and all facilities furnished under the Distribution Plan for each
Portfolio designated below the fees determined by applying the annual rates
set forth below to the average daily net assets of the Portfolio.

      ZENITH EQUITY FUNDS
      -------------------

<TABLE>
<CAPTION>
                                                     MAXIMUM
                                                      ASSET
                                                      BASED        MAXIMUM       MAXIMUM
                                                      SALES        SERVICE      AGGREGATE
      PORTFOLIO - CLASS C SHARES                     CHARGE          FEE           FEE
                                                     -------       -------       -------
<S>                                                    <C>           <C>           <C>
${entries.map((e) => row(...e)).join('\n')}${quote}
</TABLE>
`;
}

export const PLAN_TEXT = `                           MASTER DISTRIBUTION PLAN

                               (CLASS C SHARES)

      SECTION 1. Each registered investment company listed on the schedules to
this Plan (the "Fund") adopts this Plan pursuant to Rule 12b-1 under the
Investment Company Act of 1940 with respect to the Class C Shares of each
Portfolio named on Schedule A.

      This Plan is dated as of January 3, 2023 and shall become effective on
January 3, 2023.

${scheduleA(
  [
    [GROWTH, '0.75', '0.25', '1.00'],
    [INCOME, '0.75', '0.25', '1.00'],
  ],
  '',
)}`;

/**
 * Amendment No. `n` to the Plan, effective `effective` ("February 15, 2024"), replacing Schedule A;
 * `rename` [old, new] changes a portfolio's name ("to change the name of OLD to NEW").
 */
export function planAmendmentText(
  n: number,
  effective: string,
  entries: [string, string, string, string][],
  rename?: [string, string],
): string {
  const whereas = rename
    ? `      WHEREAS, the parties desire to amend the Plan to change the name of
${rename[0]} to ${rename[1]};

      NOW THEREFORE, `
    : '      ';
  return `                               AMENDMENT NO. ${n}
                       TO THE MASTER DISTRIBUTION PLAN

                               (CLASS C SHARES)

      The Master Distribution Plan (the "Plan"), dated as of January 3, 2023,
pursuant to Rule 12b-1, is hereby amended, effective ${effective}, as
follows:

${whereas}Schedule A to the Plan is hereby deleted in its entirety and replaced
with the following:

${scheduleA(entries, '"')}
      All other terms and provisions of the Plan not amended herein shall
remain in full force and effect.

Dated: ${effective}
`;
}

export const AMENDMENT_1_TEXT = planAmendmentText(1, 'February 15, 2024', [
  [GROWTH, '0.50', '0.25', '0.75'],
  [INCOME, '0.75', '0.25', '1.00'],
]);

/** A temporary folder and database path of a test file, and a writer of input files in it. */
export function workArea(prefix: string): {
  dir: string;
  db: string;
  file: (name: string, text: string) => string;
} {
  const dir = mkdtempSync(join(tmpdir(), `plan12b-calc6-${prefix}-`));
  // the stores of the area kept open for their queries (see cli), closed with the describe block
  afterAll(async () => {
    for (const [db, served] of sessions)
      if (db.startsWith(`${dir}/`)) {
        await served.release();
        sessions.delete(db);
      }
  });
  return {
    dir,
    db: join(dir, 'db'),
    file: (name, text) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
  };
}

const sessions = new Map<string, ServedQueries>();

/**
 * Runs `plan12b --db <db> ...args` as a user's command runs by default: a query on an embedded
 * store answered on the store kept open from the query before (the on-demand query server, test/support/servedQueries.ts),
 * anything else as the CLI runs it. What these files check is what the commands print and write,
 * worked by hand; how the CLI opens a store is other files'.
 */
export function cli(db: string, args: readonly string[]): Promise<CliRun> {
  let served = sessions.get(db);
  if (served === undefined) {
    served = servedQueries(db);
    sessions.set(db, served);
  }
  return served.run(args);
}

/** Runs a command on the store ({@link cli}) and fails loudly (with its stderr) unless it exits 0. */
export async function ok(db: string, args: readonly string[]): Promise<Json> {
  const res = await cli(db, ['--actor', 'calc6', ...args]);
  if (res.code !== 0) throw new Error(`plan12b ${args.join(' ')} → ${res.code}\n${res.stderr}${res.stdout}`);
  return args.includes('--json') ? res.json() : res.stdout;
}

/**
 * NYSE holidays and closures from 2023-12 to 2025-01, listed by hand (SPEC §9), not taken from
 * plan12b's calendar: a day plan12b counts as a business day that this list skips makes the
 * import fail (a missing business day), so the two calendars are checked against each other.
 */
export const HOLIDAYS = new Set([
  '2023-12-25', // Christmas (Monday)
  '2024-01-01', // New Year's Day (Monday)
  '2024-01-15', // Martin Luther King Day
  '2024-02-19', // Presidents' Day
  '2024-03-29', // Good Friday
  '2024-05-27', // Memorial Day
  '2024-06-19', // Juneteenth (Wednesday)
  '2024-07-04', // Independence Day
  '2024-09-02', // Labor Day
  '2024-11-28', // Thanksgiving
  '2024-12-25', // Christmas (Wednesday)
  '2025-01-01', // New Year's Day (Wednesday)
  '2025-01-09', // closed: national day of mourning for President Carter
  '2025-01-20', // Martin Luther King Day
]);

/** Weekdays from `from` to `to` (inclusive) that are not in {@link HOLIDAYS}. */
export function businessDays(from: string, to: string): string[] {
  if (from < '2023-12-01' || to > '2025-01-31') throw new Error('HOLIDAYS covers 2023-12 … 2025-01 only');
  const out: string[] = [];
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d.toISOString().slice(0, 10) <= to;
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    const iso = d.toISOString().slice(0, 10);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6 && !HOLIDAYS.has(iso)) out.push(iso);
  }
  return out;
}

/**
 * Net-assets CSV rows for one class: a row on every business day from `from` to `to`, the figure
 * `base(day)` unless `special` names the day.
 */
export function netAssetsRows(
  portfolio: string,
  from: string,
  to: string,
  base: (day: string) => string,
  special: Record<string, string> = {},
  shareClass = 'C',
): string[] {
  return businessDays(from, to).map((d) => `${d},${portfolio},${shareClass},${special[d] ?? base(d)}`);
}

export const csv = (header: string, rows: readonly string[]) => `${[header, ...rows].join('\n')}\n`;

/**
 * Master Distribution Agreement (Class B Shares), dated and effective 2023-01-03: asset-based
 * sales charge 0.75% (SEVENTH(B)), service fee 0.25% (TENTH); Schedule A-1 lists both portfolios.
 */
export const AGREEMENT_TEXT = `                        MASTER DISTRIBUTION AGREEMENT

                               (CLASS B SHARES)

      SECTION 1. Each registered investment company listed on the schedules to
this Agreement (the "Fund") adopts this Agreement pursuant to Rule 12b-1 under
the Investment Company Act of 1940 with respect to the Class B Shares of each
Portfolio named on Schedule A-1.

      This Agreement is dated as of January 3, 2023 and shall become effective
on January 3, 2023.

      The Fund shall pay to the Distributor an asset-based sales charge in an
amount equal to 0.75% per annum of the average daily net asset value of the
Shares.

      The Distributor may receive and use a service fee in the amount of 0.25%
of the average daily net assets of the Shares.

                                 SCHEDULE A-1
                                      TO
                      THE MASTER DISTRIBUTION AGREEMENT

      ZENITH EQUITY FUNDS
      -------------------

      PORTFOLIOS

      ${GROWTH}
      ${INCOME}
`;

/** A command's `--json` answer, read field by field by the tests (as `ok` returns it). */
// biome-ignore lint/suspicious/noExplicitAny: parsed JSON, checked by the assertions that read it
export type Json = any;
