import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classBStep } from '../../src/close/closeSteps.js';
import { redemptionsDetailHash, sealedRedemptionsTally } from '../../src/close/sealedRedemptions.js';
import { runClassBDemo } from '../../src/demo/demoClassB.js';
import { formatCents, parseCents } from '../../src/money/cents.js';
import { cdscReport } from '../../src/reports/classBCdscReport.js';
import { type RedemptionReport, redemptionsReport } from '../../src/reports/classBRedemptionsReport.js';
import { redemptionsBetween, storedRedemptionsInOrder } from '../../src/store/classBRepository.js';
import type { Database } from '../../src/store/database.js';
import { loadRegistry } from '../../src/store/registryStore.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';

/**
 * Issue 14 (bounded memory): the close's Class B step reads the month's stored redemptions a
 * chunk at a time and seals their totals and the hash of their detail as it goes. What it seals
 * must be what the whole read sealed: the detail hash is the hash of the canonical JSON of the
 * whole array, the totals the exact sums.
 */
const cents = fc.bigInt({ min: 0n, max: 10n ** 9n }).map(formatCents);
const redemption: fc.Arbitrary<RedemptionReport> = fc.record({
  txnId: fc.string({ minLength: 1, maxLength: 6 }),
  date: fc.constantFrom('2025-12-01', '2025-12-15'),
  account: fc.constantFrom('A1', 'A2', 'é"\\'),
  portfolio: fc.constantFrom('Fund One', 'Fund Two', 'Fund Three'),
  shares: fc.constantFrom('1.0000', '12.5000'),
  price: fc.constantFrom('10.0000', '9.9900'),
  waiver: fc.constantFrom(null, 'death'),
  gross: cents,
  cdsc: cents,
  cdscWaived: cents,
  redemptionFee: cents,
  net: cents,
  pieces: fc.array(
    fc.record({
      lotId: fc.string({ maxLength: 4 }),
      kind: fc.constantFrom('commission' as const, 'free' as const),
      dateOfOriginalIssuance: fc.constant('2020-01-02'),
      issuingPortfolio: fc.constant('Fund One'),
      shares: fc.constant('1.0000'),
      cost: cents,
      ratePct: fc.constant('4.00'),
      base: fc.constant('1.00'),
      cdsc: cents,
      cdscWaived: cents,
      distributor: fc.constantFrom(null, 'D'),
      earnedBy: fc.constantFrom(null, 'D'),
    }),
    { maxLength: 3 },
  ),
});

describe('the sealed redemptions, added a chunk at a time', () => {
  it('seal what the whole array seals: the one-string detail hash and the exact sums', () => {
    fc.assert(
      fc.property(
        fc.array(redemption, { maxLength: 30 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 5 }),
        (all, cuts) => {
          const tally = sealedRedemptionsTally();
          let at = 0;
          for (let c = 0; at < all.length; c++) {
            const n = cuts[c % cuts.length]!;
            tally.add([]); // an empty chunk changes nothing
            tally.add(all.slice(at, at + n));
            at += n;
          }
          const sealed = tally.result('2025-12-01', '2025-12-31', ['w']);
          expect(sealed.detailSha256).toBe(redemptionsDetailHash(all));
          expect(sealed.count).toBe(all.length);
          const sum = (rs: readonly RedemptionReport[], k: 'gross' | 'net') =>
            formatCents(rs.reduce((s, r) => s + parseCents(r[k]), 0n));
          expect(sealed.totals.gross).toBe(sum(all, 'gross'));
          expect(sealed.totals.net).toBe(sum(all, 'net'));
          for (const p of sealed.byPortfolio) {
            const mine = all.filter((r) => r.portfolio === p.portfolio);
            expect([p.count, p.gross]).toEqual([mine.length, sum(mine, 'gross')]);
          }
          expect(sealed.byPortfolio.reduce((n, p) => n + p.count, 0)).toBe(all.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe.each(dialects)('the stored redemptions read in chunks on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  const from = '2025-12-01';
  const to = '2025-12-31';
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await runClassBDemo(db, mkdtempSync(join(tmpdir(), 'plan12b-classb-chunks-')), '2025-12');
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('are the heads and pieces of the whole read, in its order, at any chunk size', async () => {
    const { heads, pieces } = await redemptionsBetween(db, from, to);
    expect(heads.length).toBeGreaterThan(10);
    // the demo's month has redemptions taking more than one lot
    expect(pieces.length).toBeGreaterThan(heads.length);
    const whole = heads.map((head) => ({ head, pieces: pieces.filter((p) => p.txn_id === head.txn_id) }));
    for (const size of [undefined, { rows: 1, bytes: 1 }, { rows: 3, bytes: 200 }]) {
      const chunks = await db.transaction(async (tx) => {
        const out = [];
        for await (const c of storedRedemptionsInOrder(tx, from, to, size)) out.push(c);
        return out;
      });
      if (size) expect(chunks.length).toBeGreaterThan(1);
      // a redemption is never split between chunks
      expect(chunks.flat()).toEqual(whole);
    }
  });

  it('the Class B step seals what the whole report sealed', async () => {
    const registry = await loadRegistry(db);
    const whole = await redemptionsReport(db, from, to);
    const part = (await db.transaction((tx) =>
      classBStep.run(tx, '2025-12', { registry } as Parameters<typeof classBStep.run>[2]),
    )) as { redemptions: Record<string, unknown>; earnedCdsc: unknown };
    expect(part.redemptions).toMatchObject({
      from,
      to,
      count: whole.redemptions.length,
      totals: whole.totals,
    });
    expect(part.redemptions.detailSha256).toBe(redemptionsDetailHash(whole.redemptions));
    expect(part.redemptions.warnings).toEqual(whole.warnings);
    expect(part.earnedCdsc).toEqual(await cdscReport(db, '2025-12', whole));
  });
});
