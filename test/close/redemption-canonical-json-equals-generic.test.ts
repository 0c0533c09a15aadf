import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonReference } from '../../src/audit/closeSeal.js';
import { redemptionCanonicalJson } from '../../src/close/sealedRedemptions.js';
import type { RedemptionPieceReport, RedemptionReport } from '../../src/reports/classBRedemptionsReport.js';

/** Any text a feed or a registry could hand over, lone surrogates and control characters included. */
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('', '"', '\\', '\u2028', '\ud800'),
);
const orNull = fc.option(text, { nil: null });

const piece: fc.Arbitrary<RedemptionPieceReport> = fc.record({
  lotId: text,
  kind: fc.constantFrom('commission' as const, 'free' as const),
  dateOfOriginalIssuance: text,
  issuingPortfolio: text,
  shares: text,
  cost: text,
  ratePct: text,
  base: text,
  cdsc: text,
  cdscWaived: text,
  distributor: orNull,
  earnedBy: orNull,
});

/** Redemptions built with their keys in report()'s order (not sorted), as the close hashes them. */
const redemption: fc.Arbitrary<RedemptionReport> = fc.record({
  txnId: text,
  date: text,
  account: text,
  portfolio: text,
  shares: text,
  price: text,
  waiver: orNull,
  gross: text,
  cdsc: text,
  cdscWaived: text,
  redemptionFee: text,
  net: text,
  pieces: fc.array(piece, { maxLength: 4 }),
});

/** What a later change to RedemptionReport, or a bug, could hand the hash instead. */
const reshaped: fc.Arbitrary<unknown> = fc.tuple(redemption, fc.nat(9), text).map(([r, how, extra]) => {
  const o: Record<string, unknown> = { ...r, pieces: r.pieces.map((p) => ({ ...p })) };
  const p = (o.pieces as Record<string, unknown>[])[0];
  switch (how) {
    case 0:
      o.settlementDate = extra; // a field added
      break;
    case 1:
      delete o.waiver; // a field gone
      break;
    case 2:
      o.gross = 12.5; // a number, not a decimal string
      break;
    case 3:
      o.net = undefined; // canonicalJson leaves it out
      break;
    case 4:
      o.waiver = { code: extra }; // an object where a string was
      break;
    case 5:
      if (p) p.extra = extra;
      else o.pieces = [null];
      break;
    case 6:
      if (p) delete p.earnedBy;
      else o.pieces = [[extra]];
      break;
    case 7:
      if (p)
        p.cost = 100n.toString().length; // a number
      else o.pieces = 'none';
      break;
    case 8:
      o.account = null;
      break;
    default:
      o.pieces = new Array(2); // holes
  }
  return o;
});

describe("a redemption's canonical text, written field by field (issue 14)", () => {
  it("is canonicalJson's for every redemption report()'s shape, with any text in its fields", () => {
    fc.assert(
      fc.property(redemption, (r) => {
        const fast = redemptionCanonicalJson(r);
        expect(fast).toBe(canonicalJson(r));
        expect(fast).toBe(canonicalJsonReference(r));
      }),
      { numRuns: 2000 },
    );
  });

  it('falls back to canonicalJson for any other shape, so no field is ever left out of the hash', () => {
    fc.assert(
      fc.property(reshaped, (r) => {
        expect(redemptionCanonicalJson(r as RedemptionReport)).toBe(canonicalJsonReference(r));
      }),
      { numRuns: 2000 },
    );
  });

  it('a worked example: keys in code-unit order, nulls written, pieces in their order', () => {
    const r: RedemptionReport = {
      txnId: 'T"1',
      date: '2025-12-02',
      account: 'A1',
      portfolio: 'Summit Fund',
      shares: '10.0000',
      price: '12.3400',
      waiver: null,
      gross: '123.40',
      cdsc: '4.94',
      cdscWaived: '0.00',
      redemptionFee: '0.00',
      net: '118.46',
      pieces: [
        {
          lotId: 'L1',
          kind: 'commission',
          dateOfOriginalIssuance: '2021-03-04',
          issuingPortfolio: 'Summit Fund',
          shares: '10.0000',
          cost: '100.00',
          ratePct: '4',
          base: '100.00',
          cdsc: '4.94',
          cdscWaived: '0.00',
          distributor: 'ADI',
          earnedBy: null,
        },
      ],
    };
    expect(redemptionCanonicalJson(r)).toBe(
      '{"account":"A1","cdsc":"4.94","cdscWaived":"0.00","date":"2025-12-02","gross":"123.40","net":"118.46",' +
        '"pieces":[{"base":"100.00","cdsc":"4.94","cdscWaived":"0.00","cost":"100.00","dateOfOriginalIssuance":"2021-03-04",' +
        '"distributor":"ADI","earnedBy":null,"issuingPortfolio":"Summit Fund","kind":"commission","lotId":"L1","ratePct":"4",' +
        '"shares":"10.0000"}],"portfolio":"Summit Fund","price":"12.3400","redemptionFee":"0.00","shares":"10.0000",' +
        '"txnId":"T\\"1","waiver":null}',
    );
  });
});
