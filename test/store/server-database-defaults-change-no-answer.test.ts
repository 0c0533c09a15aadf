import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { Plan12bError } from '../../src/errors.js';
import { importAccounts } from '../../src/feeds/accountsFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import { redemptionsReport } from '../../src/reports/classBRedemptionsReport.js';
import { accountsInPortfolios, portfoliosWithClassBActivity } from '../../src/store/classBRepository.js';
import { type Database, openDatabase } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrations.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase, serverUrl, type TestDatabase } from '../support/databases.js';
import { buildPayeesComplex, FUND, FUND2 } from '../transfers/payeesComplexFixture.js';

/**
 * Issue 14: both stores give the same results, whatever the server database's own defaults.
 * - Collation: PGlite sorts text by code point ("C"); a server's database often sorts by a
 *   language's rules (en_US.UTF-8, or ICU's en-US: "b1" before "B2"). Every ORDER BY whose order
 *   reaches a list, a report or a sealed part names byte order itself.
 * - Session settings: a database may print dates as `03/12/2025` (DateStyle 'SQL, DMY'), times in
 *   its own zone, and read a backslash in a quoted string as an escape (standard_conforming_strings
 *   off). Every session plan12b opens sets them as PGlite has them (SERVER_SESSION_SETTINGS).
 * The same complex — account names and txn ids that differ only by case, one with a quote and a
 * backslash, redeemed on one day — lists its accounts, reports its redemptions and seals its close
 * the same on both. Checked against a database of the test server created with ICU's en-US
 * collation and those defaults (skipped where the server has no ICU).
 */
const MIXED = ['b-low', 'B-up', 'a9', 'A8', 'Zed', 'alpha', `q'u"o\\te`];
/** A CSV cell: quoted where it holds a quote or a comma. */
const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const codeUnitOrder = (xs: readonly string[]) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

async function buildMixedCaseComplex(db: Database): Promise<void> {
  await buildPayeesComplex(db);
  await importAccounts(
    db,
    'mixed-accounts.csv',
    Buffer.from(
      [
        'account,omnibus,dealer_of_record',
        ...MIXED.map((a, i) => `${cell(a)},no,Dealer ${i % 2 ? 'One' : 'Two'}`),
      ].join('\n'),
    ),
  );
  // each account buys in 2024 and redeems on 2025-01-15, its txn ids differing only by case
  const rows = MIXED.flatMap((a, i) => [
    `2024-0${(i % 6) + 3}-0${(i % 3) + 4},${cell(`${i % 2 ? 'p' : 'P'}-${a}`)},${cell(a)},${i % 3 === 2 ? FUND2 : FUND},B,purchase,${100 + 10 * i},10,,`,
    `2025-01-15,${cell(`${i % 2 ? 'r' : 'R'}-${a}`)},${cell(a)},${i % 3 === 2 ? FUND2 : FUND},B,redeem,${20 + i},12,,`,
  ]);
  await importTransactions(
    db,
    'mixed-transactions.csv',
    Buffer.from(
      ['date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver', ...rows].join('\n'),
    ),
  );
}

/** What a close sealed, part by part (the results hash also holds the audit chain's head, which is the store's own). */
async function sealedParts(db: Database, month: string): Promise<Record<string, string>> {
  const rows = await db.query<{ part: string; content_hash: string }>(
    'SELECT part, content_hash FROM close_result WHERE month = $1',
    [month],
  );
  return Object.fromEntries(rows.map((r) => [r.part, r.content_hash]));
}

/** A store on a database of the test server that sorts text by ICU's en-US rules, or null without ICU. */
async function enUsServerStore(): Promise<{ db: Database; url: string; drop(): Promise<void> } | null> {
  const database = `plan12b_en_us_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(
      `CREATE DATABASE ${database} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'`,
    );
  } catch (e) {
    await admin.end();
    // a server built without ICU (or before PostgreSQL 15) cannot make one: nothing to compare
    if (/icu|LOCALE_PROVIDER|syntax/i.test((e as Error).message)) return null;
    throw e;
  }
  // what a database's owner may set for every session: plan12b's own sessions set them back
  for (const setting of [
    "datestyle = 'SQL, DMY'",
    "timezone = 'America/New_York'",
    "intervalstyle = 'sql_standard'",
    'standard_conforming_strings = off',
    "statement_timeout = '5s'",
    "idle_in_transaction_session_timeout = '5s'",
  ])
    await admin.query(`ALTER DATABASE ${database} SET ${setting}`);
  await admin.end();
  const u = new URL(serverUrl!);
  u.pathname = `/${database}`;
  const db = await openDatabase(u.toString(), { workload: 'query' });
  await migrate(db);
  return {
    db,
    url: u.toString(),
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await c.end();
    },
  };
}

describe.skipIf(!serverUrl)(
  "a server database with a language's collation and defaults of its own, against the embedded store",
  () => {
    let embedded: TestDatabase;
    let local: Database;
    let server: { db: Database; url: string; drop(): Promise<void> } | null = null;
    beforeAll(async () => {
      embedded = await freshDatabase('pglite');
      local = await embedded.open();
      server = await enUsServerStore();
      await buildMixedCaseComplex(local);
      if (server) await buildMixedCaseComplex(server.db);
    });
    afterAll(async () => {
      await local?.close();
      await embedded?.drop();
      await server?.drop();
    });

    it('the server database does sort otherwise than by code point (else this file proves nothing)', async (ctx) => {
      if (!server) return ctx.skip();
      const [row] = await server.db.query<{ lower_first: boolean }>(
        `SELECT 'b1'::text < 'B2'::text AS lower_first`,
      );
      expect(row!.lower_first).toBe(true);
      expect('b1' < 'B2').toBe(false);
    });

    it("the database's own defaults print dates otherwise and take backslashes as escapes (else this file proves nothing)", async (ctx) => {
      if (!server) return ctx.skip();
      // a plain session of the database, without plan12b's settings
      const raw = new pg.Client({ connectionString: server.url });
      await raw.connect();
      try {
        const { rows } = await raw.query(
          "SELECT '2025-12-03'::date::text AS day, current_setting('standard_conforming_strings') AS scs, current_setting('statement_timeout') AS statement",
        );
        expect(rows[0]).toEqual({ day: '03/12/2025', scs: 'off', statement: '5s' });
      } finally {
        await raw.end();
      }
      // plan12b's session of it
      const [mine] = await server.db.query<{ day: string; scs: string }>(
        "SELECT '2025-12-03'::date::text AS day, current_setting('standard_conforming_strings') AS scs",
      );
      expect(mine).toEqual({ day: '2025-12-03', scs: 'on' });
      // and no time limit of the database's stops a long close half-way
      const [limits] = await server.db.query<{ statement: string; idle: string }>(
        "SELECT current_setting('statement_timeout') AS statement, current_setting('idle_in_transaction_session_timeout') AS idle",
      );
      expect(limits).toEqual({ statement: '0', idle: '0' });
    });

    it('lists the accounts and portfolios in code point order on both', async (ctx) => {
      if (!server) return ctx.skip();
      for (const db of [local, server.db]) {
        const accounts = await accountsInPortfolios(db, null);
        expect(accounts).toEqual(codeUnitOrder(accounts));
        expect(accounts).toEqual(expect.arrayContaining(MIXED));
        const portfolios = await portfoliosWithClassBActivity(db);
        expect(portfolios).toEqual(codeUnitOrder(portfolios));
      }
    });

    it("reports one day's redemptions in the order of their accounts' names, the same on both", async (ctx) => {
      if (!server) return ctx.skip();
      const onDay = async (db: Database) =>
        (await redemptionsReport(db, '2025-01-15', '2025-01-15')).redemptions.map(
          (r) => `${r.account} ${r.txnId}`,
        );
      const embeddedOrder = await onDay(local);
      expect(embeddedOrder.map((x) => x.split(' ')[0]!)).toEqual(
        codeUnitOrder(embeddedOrder.map((x) => x.split(' ')[0]!)),
      );
      expect(embeddedOrder).toHaveLength(MIXED.length + 1);
      expect(await onDay(server.db)).toEqual(embeddedOrder);
    });

    it('seals January the same, part by part', async (ctx) => {
      if (!server) return ctx.skip();
      await closeMonth(local, '2025-01', MONTH_CLOSE_STEPS);
      await closeMonth(server.db, '2025-01', MONTH_CLOSE_STEPS);
      const embeddedParts = await sealedParts(local, '2025-01');
      expect(Object.keys(embeddedParts)).toContain('class-b');
      expect(await sealedParts(server.db, '2025-01')).toEqual(embeddedParts);
    });

    it('a database its owner made read-only refuses an import as the database (exit 69), not as a bug, and nothing is written', async (ctx) => {
      if (!server) return ctx.skip();
      const count = async () =>
        Number((await server!.db.query<{ n: string }>('SELECT count(*) AS n FROM net_assets'))[0]!.n);
      const before = await count();
      const file = join(mkdtempSync(join(tmpdir(), 'plan12b-readonly-')), 'na-2025-02.csv');
      writeFileSync(file, `date,portfolio,class,net_assets\n2025-02-03,${FUND},B,36500000.00\n`);
      const database = new URL(server.url).pathname.slice(1);
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`ALTER DATABASE ${database} SET default_transaction_read_only = on`);
      try {
        const run = await runCliInProcess(['--db', server.url, 'net-assets', 'import', file, '--json']);
        expect(run.code).toBe(69);
        const doc = run.json<{ error: { code: string; message: string; hint: string } }>();
        expect(doc.error.code).toBe('DATABASE');
        expect(doc.error.message).toMatch(/read-only transaction/);
        expect(doc.error.hint).toMatch(/accepts no writes/);
      } finally {
        await admin.query(`ALTER DATABASE ${database} RESET default_transaction_read_only`);
        await admin.end();
      }
      expect(await count()).toBe(before);
    });
  },
);

describe.skipIf(!serverUrl)('a server database that cannot hold every name', () => {
  it('a LATIN1 database is refused on opening (exit 69, what to do next), before anything is written', async () => {
    const database = `plan12b_latin1_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(
      `CREATE DATABASE ${database} TEMPLATE template0 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C'`,
    );
    try {
      const u = new URL(serverUrl!);
      u.pathname = `/${database}`;
      const err = await openDatabase(u.toString()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Plan12bError);
      expect((err as Plan12bError).code).toBe('DATABASE');
      expect((err as Error).message).toMatch(/encoded LATIN1.*needs a UTF8 database/);
      expect((err as Plan12bError).hint).toMatch(/ENCODING 'UTF8'/);
      const run = await runCliInProcess([
        '--db',
        u.toString(),
        'schedule',
        '--as-of',
        '2006-06-30',
        '--json',
      ]);
      expect(run.code).toBe(69);
      // no migration ran: not one table of plan12b's in it
      const probe = new pg.Client({ connectionString: u.toString() });
      await probe.connect();
      const { rows } = await probe.query(
        "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')",
      );
      await probe.end();
      expect(rows[0]).toEqual({ n: 0 });
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    }
  });
});
