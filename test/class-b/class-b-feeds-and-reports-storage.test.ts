import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runClassBDemo } from '../../src/demo/demoClassB.js';
import { BadInputError } from '../../src/errors.js';
import { importAccounts } from '../../src/feeds/accountsFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import { cdscReport } from '../../src/reports/classBCdscReport.js';
import { lotsReport } from '../../src/reports/classBLotsReport.js';
import { redemptionsReport } from '../../src/reports/classBRedemptionsReport.js';
import type { Database } from '../../src/store/database.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';

const HEADER = 'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver';
const csv = (rows: string[]) => Buffer.from([HEADER, ...rows].join('\n'));

async function counts(db: Database) {
  const out: Record<string, string> = {};
  for (const t of [
    'class_b_account',
    'class_b_transaction',
    'class_b_redemption',
    'class_b_redemption_piece',
    'class_b_distributor_term',
  ])
    out[t] = (await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}`))[0]!.n;
  return out;
}

// One storage suite, run against every dialect (PGlite always; the server when its URL is given).
describe.each(dialects)('class B feeds and reports on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  let demo: Awaited<ReturnType<typeof runClassBDemo>>;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    demo = await runClassBDemo(db, mkdtempSync(join(tmpdir(), 'plan12b-classb-')), '2025-12');
    await importAccounts(db, 'more.csv', Buffer.from('account,omnibus,dealer_of_record\nT1,no,Dealer One\n'));
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('the demo imports a complex, and its month reconciles: pieces add up to the CDSC, gross = net + CDSC + fee', async () => {
    expect(demo.summary.redemptions).toBeGreaterThan(10);
    const r = await redemptionsReport(db, '2025-12-01', '2025-12-31');
    const c = await cdscReport(db, '2025-12');
    expect(c.totalCdsc).toBe(r.totals.cdsc);
    const cents = (s: string) => BigInt(s.replace('.', ''));
    for (const x of r.redemptions) {
      expect(cents(x.gross)).toBe(cents(x.net) + cents(x.cdsc) + cents(x.redemptionFee));
      expect(x.pieces.reduce((s, p) => s + cents(p.cdsc), 0n)).toBe(cents(x.cdsc));
    }
    expect(new Set(c.rows.map((x) => x.distributor))).toContain('Summit Distributors, Inc.');
  });

  it('the same transactions file again changes nothing', async () => {
    const file = (demo.summary.files as { transactions: string }).transactions;
    const before = await counts(db);
    const again = await importTransactions(db, file, readFileSync(file));
    expect(again.inserted).toBe(0);
    expect(await counts(db)).toEqual(before);
  });

  const bad: [string, string[], string][] = [
    [
      'a redemption of more shares than held',
      [
        '2026-01-05,T-1,T1,Summit Capital Growth Fund,B,purchase,10.0000,10.0000,,',
        '2026-01-06,T-2,T1,Summit Capital Growth Fund,B,redeem,10.0001,10.0000,,',
      ],
      'bad.csv:3: shares: redeems 10.0001 shares',
    ],
    [
      'an exchange leg without its pair',
      [
        '2026-01-05,T-1,T1,Summit Capital Growth Fund,B,purchase,10.0000,10.0000,,',
        '2026-01-06,T-2,T1,Summit Capital Growth Fund,B,exchange_out,5.0000,10.0000,X9,',
      ],
      'bad.csv:3: exchange_id: exchange X9 has no exchange_in leg',
    ],
    [
      'a price of zero',
      ['2026-01-05,T-1,T1,Summit Capital Growth Fund,B,purchase,10.0000,0,,'],
      'bad.csv:2: price',
    ],
    [
      'shares with five decimals',
      ['2026-01-05,T-1,T1,Summit Capital Growth Fund,B,purchase,10.00001,10,,'],
      'bad.csv:2: shares: more than 4 decimals',
    ],
    [
      'an unknown account',
      ['2026-01-05,T-1,NOPE,Summit Capital Growth Fund,B,purchase,10,10,,'],
      'bad.csv:2: account: unknown account',
    ],
    [
      'an unknown portfolio',
      ['2026-01-05,T-1,T1,No Such Fund,B,purchase,10,10,,'],
      'bad.csv:2: portfolio: unknown portfolio',
    ],
    [
      'activity in a closed month',
      ['2025-11-05,T-1,T1,Summit Capital Growth Fund,B,purchase,10,10,,'],
      'bad.csv:2: date: 2025-11 is closed; a change dated 2025-11-05 would alter its sealed results',
    ],
  ];
  const REFUSED = new Set(['a redemption of more shares than held', 'activity in a closed month']);
  for (const [name, rows, message] of bad)
    it(`refuses ${name}, naming file, line and field; nothing written`, async () => {
      await db.query(
        "INSERT INTO closed_month (month, closed_by) VALUES ('2025-11', 'test') ON CONFLICT DO NOTHING",
      );
      const before = await counts(db);
      const err = await importTransactions(db, 'bad.csv', csv(rows)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BadInputError);
      expect((err as Error).message).toContain(message);
      // Issue 9: the ledger's refusal and a closed month are refusals by a rule (68), not bad input.
      expect((err as BadInputError).code).toBe(REFUSED.has(name) ? 'REFUSED' : 'BAD_INPUT');
      expect(await counts(db)).toEqual(before);
    });

  it('lots are recomputed from the recorded transactions, as of any date', async () => {
    await importTransactions(
      db,
      'ok.csv',
      csv([
        '2026-01-05,T-10,T1,Summit Capital Growth Fund,B,purchase,100.0000,10.0000,,',
        '2026-01-20,T-11,T1,Summit Capital Growth Fund,B,reinvest,2.0000,11.0000,,',
        '2026-02-02,T-12,T1,Summit Capital Growth Fund,B,redeem,52.0000,12.0000,,',
      ]),
    );
    const before = await lotsReport(db, 'T1', '2026-01-31');
    expect(before.lots.map((l) => [l.lotId, l.kind, l.shares, l.cost, l.cdscRatePct])).toEqual([
      ['T-10', 'commission', '100.0000', '1000.00', '5.00'],
      ['T-11', 'free', '2.0000', '22.00', '0.00'],
    ]);
    const after = await lotsReport(db, 'T1');
    expect(after.lots.map((l) => [l.lotId, l.shares, l.cost, l.conversionDate])).toEqual([
      ['T-10', '50.0000', '500.00', '2034-01-31'],
    ]);
    const r = await redemptionsReport(db, '2026-02-01', '2026-02-28');
    // 2 free + 50 commission; 5% × min(500.00, 600.00) = 25.00; gross 624.00
    expect(r.redemptions.map((x) => [x.txnId, x.gross, x.cdsc, x.net])).toEqual([
      ['T-12', '624.00', '25.00', '599.00'],
    ]);
    expect(r.redemptions[0]!.pieces[1]).toMatchObject({
      earnedBy: 'Summit Distributors, Inc.',
      distributor: 'Summit Distributors, Inc.',
    });
  });
});
