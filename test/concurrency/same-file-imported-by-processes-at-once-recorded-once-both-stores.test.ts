import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { demoExhibits } from '../../src/demo/demoComplex.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { importAccounts } from '../../src/feeds/accountsFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import { withActor } from '../../src/store/actor.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { runCliInProcess } from '../support/cli.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';
import { startWatchedCli, startWatchedInProcess, type WatchedCli } from '../support/watchedCli.js';

/**
 * SPEC §12 and standing rule 3 (one writer at a time; the same file twice changes nothing): the
 * SAME file imported by two processes at once, for a feed of rows (net assets), the Class B feed
 * (transactions) and an exhibit, on both stores. The overlap is made certain without sleeps: the
 * first is held at its fault point after writing its rows, before its audit record and commit
 * (PLAN12B_FAULT=…:hold, src/close/faultPoint.ts), holding the writer lock; the second is started
 * and says that it waits for that lock; then the first is let go. Exactly one import is recorded
 * (one audit record), the second finds everything unchanged (exit 0) — never a second import, a
 * duplicate row, or exit 70. Then three at once, nobody held: still one.
 */

const HEADER = 'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver';
// a waiting command outwaits any held one, however loaded the machine (the test's timeout ends it)
const WAIT = { PLAN12B_LOCK_WAIT_SECONDS: '600' };

describe.skipIf(!seedsAvailable).each(dialects)(
  'the same file imported by processes at once (%s)',
  (dialect) => {
    let tdb: TestDatabase;
    const dir = mkdtempSync(join(tmpdir(), 'plan12b-conc-same-'));
    const file = (name: string, lines: readonly string[]) => {
      const path = join(dir, name);
      writeFileSync(path, `${lines.join('\n')}\n`);
      return path;
    };

    beforeAll(async () => {
      tdb = await freshDatabase(dialect);
      const db = await tdb.open();
      try {
        await withActor('test setup', async () => {
          const aim = seedFiles().find((f) => f.includes('002_'))!;
          await importExhibits(db, [
            ...demoExhibits().map(({ fileName, doc }) => ({
              fileName,
              bytes: Buffer.from(renderExhibit(doc, { marked: false })),
            })),
            { fileName: basename(aim), bytes: readFileSync(aim) },
          ]);
          await importAccounts(
            db,
            'accounts.csv',
            Buffer.from('account,omnibus,dealer_of_record\nR1,no,D\n'),
          );
          await importTransactions(
            db,
            'buy.csv',
            Buffer.from(
              `${HEADER}\n2026-01-05,R1-1,R1,Summit Capital Growth Fund,B,purchase,100.0000,10.0000,,\n`,
            ),
          );
        });
      } finally {
        await db.close();
      }
    });
    afterAll(async () => {
      await tdb.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    const auditRecords = async () =>
      (await runCliInProcess(['--db', tdb.target, 'audit', 'log', '--json'])).json<{
        records: { action: string; subject: string }[];
      }>().records;

    /**
     * The first held at `fault` after its writes; the second waiting for it; the first let go. The
     * first is a process of its own (held at its fault point, let go by SIGUSR2); the second runs the
     * same command in the test's process (runCliInProcess): another process than the first, as the
     * lock sees it, without a Node start of its own.
     */
    async function heldThenSecond(args: readonly string[], fault: string) {
      const first = startWatchedCli(args, { ...WAIT, PLAN12B_FAULT: `${fault}:hold` });
      await first.saw(`fault point ${fault} reached`);
      const second = startWatchedInProcess(args, WAIT);
      await second.saw('waiting up to 600 s for the database');
      first.child.kill('SIGUSR2');
      const [a, b] = await Promise.all([first.done, second.done]);
      expect(a.code, a.stderr).toBe(0);
      expect(b.code, b.stderr).toBe(0);
      return [JSON.parse(a.stdout), JSON.parse(b.stdout)] as const;
    }

    it('net assets: the first records its rows, the second finds them all unchanged; one audit record', async () => {
      const days = businessDaysBetween('2007-01-02', '2007-01-31');
      const path = file('value-january.csv', [
        'date,portfolio,class,net_assets',
        ...days.map((d) => `${d},AIM Value Fund,C,36500000.00`),
      ]);
      const [a, b] = await heldThenSecond(
        ['--db', tdb.target, 'net-assets', 'import', path, '--json'],
        'import:net-assets',
      );
      expect([a.inserted, a.unchanged]).toEqual([days.length, 0]);
      expect([b.inserted, b.unchanged]).toEqual([0, days.length]);
      const records = (await auditRecords()).filter((r) => r.subject === 'value-january.csv');
      expect(records.map((r) => r.action)).toEqual(['net-assets.import']);
      // one row a business day, not two
      const db = await tdb.open();
      try {
        const [row] = await db.query<{ n: string }>(
          `SELECT count(*) AS n FROM net_assets WHERE date BETWEEN '2007-01-01' AND '2007-01-31'`,
        );
        expect(Number(row!.n)).toBe(days.length);
      } finally {
        await db.close();
      }
    });

    it('Class B transactions: the first records them, the second finds them unchanged; one audit record', async () => {
      const path = file('february.csv', [
        HEADER,
        '2026-02-02,R1-2,R1,Summit Capital Growth Fund,B,purchase,50.0000,11.0000,,',
        '2026-02-03,R1-3,R1,Summit Capital Growth Fund,B,redeem,30.0000,11.0000,,',
      ]);
      const [a, b] = await heldThenSecond(
        ['--db', tdb.target, 'transactions', 'import', path, '--json'],
        'import:transactions',
      );
      expect([a.inserted, a.unchanged]).toEqual([2, 0]);
      expect([b.inserted, b.unchanged]).toEqual([0, 2]);
      const records = (await auditRecords()).filter((r) => r.subject === 'february.csv');
      expect(records.map((r) => r.action)).toEqual(['transactions.import']);
      // The redemption once: 30 of the first lot's 100 shares (FIFO), the 50 bought on 02-02 whole.
      const lots = await runCliInProcess(['--db', tdb.target, 'lots', '--account', 'R1', '--json']);
      expect(lots.code, lots.stderr).toBe(0);
      expect(
        lots.json<{ lots: { lotId: string; shares: string }[] }>().lots.map((l) => [l.lotId, l.shares]),
      ).toEqual([
        ['R1-1', '70.0000'],
        ['R1-2', '50.0000'],
      ]);
    });

    it('an exhibit: the first imports it, the second finds it unchanged; one audit record', async () => {
      const exhibit = seedFiles().find((f) => f.includes('000_'))!;
      const [a, b] = await heldThenSecond(
        ['--db', tdb.target, 'exhibit', 'import', exhibit, '--json'],
        'change:exhibit.import',
      );
      expect(a.imported).toHaveLength(1);
      expect(b.imported).toEqual([]);
      expect(b.unchanged.map((u: { file: string }) => u.file)).toEqual([exhibit]);
      const records = (await auditRecords()).filter((r) => r.subject === basename(exhibit));
      expect(records.map((r) => r.action)).toEqual(['exhibit.import']);
    });

    it('three at once, nobody held: one records the rows, the others find them unchanged; verified', async () => {
      const days = businessDaysBetween('2007-02-01', '2007-02-28');
      const path = file('value-february.csv', [
        'date,portfolio,class,net_assets',
        ...days.map((d) => `${d},AIM Value Fund,C,36500000.00`),
      ]);
      const runs: WatchedCli[] = [0, 1, 2].map(() =>
        startWatchedCli(['--db', tdb.target, 'net-assets', 'import', path, '--json'], WAIT),
      );
      const done = await Promise.all(runs.map((r) => r.done));
      for (const d of done) expect(d.code, d.stderr).toBe(0);
      const inserted = done.map((d) => JSON.parse(d.stdout).inserted as number).sort((x, y) => x - y);
      expect(inserted).toEqual([0, 0, days.length]);
      const records = (await auditRecords()).filter((r) => r.subject === 'value-february.csv');
      expect(records.map((r) => r.action)).toEqual(['net-assets.import']);
      expect((await runCliInProcess(['--db', tdb.target, 'audit', 'verify'])).code).toBe(0);
    });
  },
);
