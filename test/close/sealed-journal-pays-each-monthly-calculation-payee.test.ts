import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importTransfers } from '../../src/feeds/transfersFeed.js';
import { formatCents, parseCents } from '../../src/money/cents.js';
import type { Journal } from '../../src/reports/journal.js';
import type { MonthlyCalculationReport } from '../../src/reports/monthlyCalculationReport.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

const TRANSFERS_HEADER =
  'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent,ends';

// SPEC §12: the journal of a month and its Monthly Calculation agree — each payee's payable and its
// due date. Inside one close the Monthly Calculation is computed once, before the journal, and the
// journal pays what it says, on the date the Distributor instructed.
describe.skipIf(!seedsAvailable).each(dialects)(
  'the sealed journal and Monthly Calculation on %s',
  (dialect) => {
    let tdb: TestDatabase;
    let db: Database;
    beforeAll(async () => {
      tdb = await freshDatabase(dialect);
      db = await tdb.open();
      await importExhibits(
        db,
        seedExhibitFiles().filter((f) => f.fileName.includes('003_')),
      );
      const na = businessDaysBetween('2004-01-02', '2004-01-30').map(
        (d) => `${d},AIM Blue Chip Fund,B,36600000.00`,
      );
      await importNetAssets(db, 'na.csv', Buffer.from(['date,portfolio,class,net_assets', ...na].join('\n')));
      await importTransfers(
        db,
        'tr.csv',
        Buffer.from(
          [
            TRANSFERS_HEADER,
            // notice received: the Fund pays Delta directly
            'T8,Delta Capital LLC,"8 Elm Street, Boston MA",AIM Blue Chip Fund,10,,,,2004-01-02,2004-01-05,direct,,',
            // no notice: the Fund pays Gamma's portion to the Distributor, which owes it on
            'T9,Gamma Funding LLC,"3 Pine Street, New York NY",AIM Blue Chip Fund,20,,,,2004-01-10,,direct,,',
          ].join('\n'),
        ),
      );
    });
    afterAll(async () => {
      await db.close();
      await tdb.drop();
    });

    it('each payee is credited and paid in the journal what the Monthly Calculation allocates, on its due date', async () => {
      // Due the 10th NYSE business day after 2004-01-31 = Fri 2004-02-13; the Distributor instructs Fri 02-20.
      const close = await closeMonth(db, '2004-01', MONTH_CLOSE_STEPS, { instructedDueDate: '2004-02-20' });
      const mc = close.parts['monthly-calculation'] as MonthlyCalculationReport;
      const journal = close.parts.journal as Journal;

      // By hand. 2004 is a leap year: 36,600,000.00 × 0.75% / 366 = 750.00 a day, Jan 2 … Jan 31
      // (Sat 31 carries Fri 30) = 30 days = 22,500.00, all the Distributor's 12b-1 Share (no term end).
      // Delta (T8, 10% from Jan 2): 30 × 75.00 = 2,250.00, paid directly.
      // Gamma (T9, 20% from Jan 10, Jan 10 … 31 = 22 days): 22 × 150.00 = 3,300.00, paid to the Distributor.
      // The Distributor's own: Jan 2 … 9 (8 days) × 90% × 750.00 = 5,400.00 and Jan 10 … 31 (22 days)
      // × 70% × 750.00 = 11,550.00: 16,950.00; paid 16,950.00 + 3,300.00 owed on = 20,250.00.
      const expected = new Map([
        ['Distributor', '20250.00'],
        ['Delta Capital LLC', '2250.00'],
      ]);
      expect(mc.dueDate).toBe('2004-02-20');
      const [blueChip] = mc.portfolios;
      expect(blueChip!.distributionFee).toBe('22500.00');
      expect(new Map(blueChip!.payees.map((p) => [p.payee, p.total]))).toEqual(expected);
      expect(blueChip!.payees.find((p) => p.payee === 'Distributor')!.owedOn).toBe('3300.00');

      // The journal, summed on its own: credits to each payee's payable at month end, and the debits
      // that pay them, with the date of each payment.
      const credited = new Map<string, bigint>();
      const paid = new Map<string, { cents: bigint; dates: Set<string> }>();
      for (const l of journal.lines) {
        const m = /^Payable to (.+) — 12b-1 \((Distributor|Other Distributor|Assignee|Depository)\)$/.exec(
          l.account,
        );
        if (m === null) continue;
        const payee = m[1]!;
        credited.set(payee, (credited.get(payee) ?? 0n) + parseCents(l.credit));
        if (parseCents(l.debit) > 0n) {
          const p = paid.get(payee) ?? { cents: 0n, dates: new Set<string>() };
          p.cents += parseCents(l.debit);
          p.dates.add(l.date);
          paid.set(payee, p);
        }
      }
      const asText = (m: Map<string, bigint>) => new Map([...m].map(([k, v]) => [k, formatCents(v)]));
      expect(asText(credited)).toEqual(expected);
      expect(asText(new Map([...paid].map(([k, v]) => [k, v.cents])))).toEqual(expected);
      for (const p of paid.values()) expect([...p.dates]).toEqual(['2004-02-20']);
      // No Class B Distribution Fee goes to the lumped "Payable to Distributor — distribution fee"
      // (named "Payable to <the Distributor> — distribution fee (Distributor)" since calc12).
      expect(
        journal.lines.filter(
          (l) => l.class === 'B' && /— distribution fee( \(Distributor\))?$/.test(l.account),
        ),
      ).toEqual([]);
    });
  },
);
