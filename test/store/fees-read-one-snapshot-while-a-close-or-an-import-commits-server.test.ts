import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { main } from '../../src/cli/main.js';
import { monthCloseSteps } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import { withActor } from '../../src/store/actor.js';
import type { Database } from '../../src/store/database.js';
import { freshDatabase, serverUrl, type TestDatabase } from '../support/databases.js';
import { holdAfterFirstStatement } from '../support/holdAfterFirstStatement.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';

/**
 * SPEC §11–§12 (concurrent users), `fees` and `monthly-calculation` on a PostgreSQL server: a close
 * or an import another connection commits between the query's statements is seen whole or not at
 * all — the answer is the one given before it, never a month read as open beside rows from its
 * seal, nor some of an import's days. (test/store/queries-read-one-snapshot-while-an-import-
 * commits-server.test.ts shows it for the Class B queries and a `transactions import`.)
 *
 * The store: the AIM plan (seed 002) and AIM Value Fund C at 36,500,000.00 on every business day
 * of January and February 2007: 36,500,000.00 × (0.75% + 0.25%) / 365 = 1,000.00 a day, from 3
 * January (the first business day: the NYSE closed on the 2nd for President Ford) — January
 * 29,000.00, February 28,000.00.
 */

function netAssets(portfolio: string, from: string, to: string): Buffer {
  return Buffer.from(
    [
      'date,portfolio,class,net_assets',
      ...businessDaysBetween(from, to).map((d) => `${d},${portfolio},C,36500000.00`),
    ].join('\n'),
  );
}

describe.skipIf(!seedsAvailable || !serverUrl)(
  'fees read one snapshot while a write commits (server)',
  () => {
    let tdb: TestDatabase;
    let reader: Database;
    let writer: Database;

    beforeAll(async () => {
      tdb = await freshDatabase('postgres');
      writer = await tdb.open();
      reader = await tdb.open();
      await withActor('test setup', async () => {
        const exhibit = seedFiles().find((f) => f.includes('002_'))!;
        await importExhibits(writer, [{ fileName: exhibit, bytes: readFileSync(exhibit) }]);
        await importNetAssets(writer, 'value.csv', netAssets('AIM Value Fund', '2007-01-02', '2007-02-28'));
      });
    });
    afterAll(async () => {
      await reader?.close();
      await writer?.close();
      await tdb?.drop();
    });

    /** The command on the reader's connection, with `write` (if any) committed after its first statement. */
    async function run(args: readonly string[], write?: () => Promise<void>): Promise<unknown> {
      let stdout = '';
      let stderr = '';
      let wrote = false;
      const lent = write
        ? holdAfterFirstStatement(reader, async () => {
            await withActor('concurrent writer', write);
            wrote = true;
          })
        : reader;
      const code = await main(['--db', tdb.target, ...args, '--json'], {
        output: { out: (t) => (stdout += t), err: (t) => (stderr += t) },
        database: (fn) => fn(lent),
      });
      expect(code, stderr).toBe(0);
      if (write) expect(wrote, 'the write ran between the query’s statements').toBe(true);
      return JSON.parse(stdout);
    }

    type Fees = {
      classes: { portfolio: string; month: string; totalFee: string }[];
      closedMonths?: { month: string }[];
    };
    const summary = (r: unknown) => {
      const f = r as Fees;
      return {
        classes: f.classes.map((c) => [c.portfolio, c.month, c.totalFee]),
        closed: (f.closedMonths ?? []).map((m) => m.month),
      };
    };

    it('fees while AIM Balanced Fund C’s February is imported: without it; asked again, with it', async () => {
      const args = ['fees', '--from', '2007-02-01', '--to', '2007-02-28'];
      const during = await run(args, async () => {
        await importNetAssets(
          writer,
          'balanced.csv',
          netAssets('AIM Balanced Fund', '2007-02-01', '2007-02-28'),
        );
      });
      expect(summary(during)).toEqual({ classes: [['AIM Value Fund', '2007-02', '28000.00']], closed: [] });
      expect(summary(await run(args))).toEqual({
        classes: [
          ['AIM Balanced Fund', '2007-02', '28000.00'],
          ['AIM Value Fund', '2007-02', '28000.00'],
        ],
        closed: [],
      });
    });

    it('fees and the Monthly Calculation while January is closed: January open; asked again, sealed', async () => {
      const feesArgs = ['fees', '--from', '2007-01-01', '--to', '2007-01-31'];
      const open = await run(feesArgs);
      expect(summary(open)).toEqual({ classes: [['AIM Value Fund', '2007-01', '29000.00']], closed: [] });
      const calcArgs = ['monthly-calculation', '--month', '2007-01'];
      const calcOpen = await run(calcArgs);

      const during = await run(feesArgs, async () => {
        await closeMonth(writer, '2007-01', monthCloseSteps());
      });
      expect(during).toEqual(open);
      const after = await run(feesArgs);
      expect(summary(after)).toEqual({
        classes: [['AIM Value Fund', '2007-01', '29000.00']],
        closed: ['2007-01'],
      });
      // the Monthly Calculation asked while AIM Value Fund C's March is imported reads January as sealed
      const calcAfter = await run(calcArgs, async () => {
        const march = await importNetAssets(
          writer,
          'value-march.csv',
          netAssets('AIM Value Fund', '2007-03-01', '2007-03-30'),
        );
        expect(march.inserted).toBe(22);
      });
      expect(JSON.stringify(calcAfter)).not.toEqual(JSON.stringify(calcOpen));
      expect(calcAfter).toEqual(await run(calcArgs));
    });
  },
);
