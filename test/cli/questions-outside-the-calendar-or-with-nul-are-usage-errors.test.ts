import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiStore } from '../../src/api/apiStore.js';
import { createApp } from '../../src/api/app.js';
import { Plan12bError } from '../../src/errors.js';
import { runCliInProcess } from '../support/cli.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { payeesComplexWithViewerToken } from '../transfers/payeesComplexFixture.js';

/**
 * A question plan12b cannot answer is the asker's to fix (exit 64, HTTP 400, with what to do),
 * never "a bug in plan12b" (exit 70, HTTP 500) and never a dead process. Found by asking the CLI
 * and a running `plan12b serve` for dates at and beyond the calendar's ends (SPEC §9 knows the
 * NYSE's holidays 1990–2100) and for text holding a NUL:
 * - `fees --to 9999-12-31` on the demo complex grew days × classes arrays until V8 stopped the
 *   process (exit 133); through the API one viewer's request killed the server;
 * - `journal --month 9999-12` and `board-report --quarter 9999Q4` did the same after a minute;
 * - `journal`, `service-fees`, `monthly-calculation`, `transfers statement` of a month past 2100,
 *   `distributor-share --month 9999-12`, `calendar business-day --n 0 / --after 2100-12-31`,
 *   `journal --payment-days 0` and the API's NUL-holding parameters were exit 70 / HTTP 500 (or
 *   503, "the database refused", for a NUL).
 * The store is the small Class B complex of payeesComplexFixture.ts (net assets in January 2025).
 */
describe('questions outside the calendar, or with a NUL, are usage errors', () => {
  let tdb: TestDatabase;
  let store: ApiStore;
  let app: ReturnType<typeof createApp>['app'];
  let token = '';
  const cli = (...args: string[]) => runCliInProcess(['--db', tdb.target, ...args]);
  const get = (path: string, params: Record<string, string>) =>
    app.request(`${path}?${new URLSearchParams(params)}`, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    token = await payeesComplexWithViewerToken(tdb);
  });
  afterAll(async () => {
    await store?.close();
    await tdb?.drop();
  });

  /** Exit 64 with a USAGE error document whose message matches, and nothing said of a bug. */
  async function usage(args: string[], message: RegExp): Promise<void> {
    const r = await cli(...args, '--json');
    expect({ args: args.join(' '), code: r.code }).toEqual({ args: args.join(' '), code: 64 });
    const doc = r.json<{ error: { code: string; message: string; hint: string | null } }>();
    expect(doc.error.code).toBe('USAGE');
    expect(doc.error.message).toMatch(message);
    expect(doc.error.hint, 'says what to do next').toBeTruthy();
    expect(r.stderr).not.toMatch(/a bug in plan12b/);
  }

  it('refuses an accrual, a report or a board quarter that reaches past 2100-12-31', async () => {
    // the same range inside the calendar is answered (its months without net assets are warned of)
    const inside = await cli('fees', '--from', '2025-01-01', '--to', '2100-12-31', '--json');
    expect(inside.code, inside.stderr).toBe(0);
    await usage(
      ['fees', '--from', '2025-01-01', '--to', '9999-12-31'],
      /9999-12-31 is outside the NYSE calendar/,
    );
    await usage(['fees', '--from', '2025-01-01', '--to', '2101-01-01', '--daily'], /2101-01-01 is outside/);
    await usage(
      ['board-report', '--quarter', '2101Q1'],
      /--quarter 2101Q1 is outside the years plan12b keeps \(1990–2100\)/,
    );
  });

  it('refuses a month outside 1990–2100 before it opens the store', async () => {
    for (const [command, option, month] of [
      ['journal', '--month', '9999-12'],
      ['monthly-calculation', '--month', '2101-01'],
      ['service-fees', '--month', '1989-12'],
      ['distributor-share', '--month', '9999-12'],
      ['close', '--month', '2101-01'],
      ['finra-cap', '--through', '9999-12'],
    ] as const) {
      const args =
        command === 'finra-cap' ? [command, '--class', 'B', option, month] : [command, option, month];
      await usage(args, new RegExp(`${option} ${month} is outside the years plan12b keeps \\(1990–2100\\)`));
    }
  });

  it('says so when a month inside the calendar asks for a day past it: December 2100 is due in 2101', async () => {
    await usage(['monthly-calculation', '--month', '2100-12'], /2101-01-\d\d is outside the NYSE calendar/);
  });

  it('counts business days from 1 to 10,000 after a date inside the calendar', async () => {
    const due = await cli('calendar', 'business-day', '--after', '2006-12-31', '--n', '10', '--json');
    expect(due.json()).toEqual({ date: '2007-01-17' }); // SPEC §9's example
    for (const n of ['0', '1e3', '0x10', '10001'])
      await usage(
        ['calendar', 'business-day', '--after', '2006-12-31', '--n', n],
        /is not a whole number of business days from 1 to 10000/,
      );
    // an empty value is refused as such for every option (src/cli/main.ts)
    await usage(['calendar', 'business-day', '--after', '2006-12-31', '--n', ''], /^--n is empty$/);
    await usage(
      ['calendar', 'business-day', '--after', '2100-12-31'],
      /2101-01-01 is outside the NYSE calendar/,
    );
    await usage(['calendar', 'is-business-day', '2101-01-01'], /2101-01-01 is outside the NYSE calendar/);
  });

  it('takes --payment-days from 1 to 60', async () => {
    const tenth = await cli('journal', '--month', '2025-01', '--payment-days', '10', '--json');
    expect(tenth.code, tenth.stderr).toBe(0);
    for (const days of ['0', '61', '-1', '1.5'])
      await usage(['journal', '--month', '2025-01', '--payment-days', days], /from 1 to 60/);
  });

  it('answers the same questions through the API with 400, never 500, and keeps serving', async () => {
    store = await ApiStore.open(tdb.target, { connections: 2 });
    app = createApp(store, { rateLimit: { perSecond: 0, burst: 0 } }).app;
    const cases: [string, Record<string, string>, RegExp][] = [
      ['/api/fees', { from: '2025-01-01', to: '9999-12-31' }, /9999-12-31 is outside the NYSE calendar/],
      ['/api/monthly-calculation', { month: '2100-12' }, /2101-01-\d\d is outside the NYSE calendar/],
      ['/api/journal', { month: '9999-12' }, /outside the years plan12b keeps/],
      ['/api/journal', { month: '2025-01', paymentDays: '0' }, /./],
      ['/api/calendar/business-day', { after: '2006-12-31', n: '0' }, /./],
      ['/api/calendar/business-day', { after: '2100-12-31' }, /2101-01-01 is outside the NYSE calendar/],
      [
        '/api/fees',
        { from: '2025-01-01', to: '2025-01-31', class: 'B\u0000' },
        /query parameter "class" holds a NUL/,
      ],
      ['/api/class-b/lots', { account: '\u0000' }, /query parameter "account" holds a NUL/],
    ];
    for (const [path, params, message] of cases) {
      const res = await get(path, params);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect({ path, params, status: res.status, code: body.error.code }).toEqual({
        path,
        params,
        status: 400,
        code: 'USAGE',
      });
      expect(body.error.message).toMatch(message);
    }
    const fine = await get('/api/fees', { from: '2025-01-01', to: '2025-01-31' });
    expect(fine.status).toBe(200);
  });
});

/**
 * The store's own door: a statement or a parameter holding a NUL is refused as the question's
 * fault before it reaches PostgreSQL (which says "invalid byte sequence" or breaks its protocol),
 * on both stores, and the connection goes on answering.
 */
describe.each(dialects)('a NUL in text given to the %s store', (dialect) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it('is a usage error, and the store still answers', async () => {
    const db = await tdb.open();
    try {
      for (const [sql, params] of [
        ['SELECT $1::text AS t', ['a\u0000b']],
        ["SELECT 'a\u0000b' AS t", []],
      ] as const) {
        const e = await db.query(sql, params).then(
          () => undefined,
          (err: unknown) => err,
        );
        expect(e).toBeInstanceOf(Plan12bError);
        expect((e as Plan12bError).code).toBe('USAGE');
        expect((e as Plan12bError).message).toMatch(/holds a NUL character/);
      }
      expect(await db.query<{ t: string }>('SELECT $1::text AS t', ['a b'])).toEqual([{ t: 'a b' }]);
    } finally {
      await db.close();
    }
  });
});
