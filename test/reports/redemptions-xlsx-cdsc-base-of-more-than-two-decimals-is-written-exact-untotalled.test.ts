import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { RedemptionsReport } from '../../src/reports/classBRedemptionsReport.js';
import { MONEY_FORMAT, xlsxBytes } from '../../src/reports/xlsxOut.js';
import { redemptionsSheets } from '../../src/reports/xlsxSheets.js';

/**
 * SPEC §6: a piece's CDSC = round_half_up(rate × min(cost given up, shares × price), 2); the base,
 * min(…), is exact — shares (4 places) × price (4 places) has up to 8 decimals. `redemptions
 * --xlsx` totalled the base as cents and stopped on such a base as a bug (exit 70: "637.69066263" is
 * not an amount of money), on the demo complex's December 2025. The base is written exact, shown to
 * the cent, and not totalled (a sum of bases is no figure of the Agreement); the pieces' cost and
 * CDSC are totalled as before.
 */
describe('redemptions --xlsx: a CDSC base of more than two decimals', () => {
  // 45.2318 shares at 14.0983, by hand: 45.2318 × 14 = 633.2452; 45.2318 × 0.0983 = 4.52318 −
  // 0.07689406 = 4.44628594; 633.2452 + 4.44628594 = 637.69148594
  // (the cost given up, 700.00, is more, so the base is the value at the redemption price)
  const base = '637.69148594';
  // CDSC at 5%: 637.69148594 × 0.05 = 31.884574297 → 31.88 (half-up)
  const report: RedemptionsReport = {
    from: '2025-12-01',
    to: '2025-12-31',
    redemptions: [
      {
        txnId: 'T1',
        date: '2025-12-10',
        account: 'B1',
        portfolio: 'Summit Energy Fund',
        shares: '45.2318',
        price: '14.0983',
        waiver: null,
        // gross = round_half_up(637.69148594, 2) = 637.69; net = 637.69 − 31.88 = 605.81
        gross: '637.69',
        cdsc: '31.88',
        cdscWaived: '0.00',
        redemptionFee: '0.00',
        net: '605.81',
        pieces: [
          {
            lotId: 'B1-0',
            kind: 'commission',
            dateOfOriginalIssuance: '2025-03-03',
            issuingPortfolio: 'Summit Energy Fund',
            shares: '45.2318',
            cost: '700.00',
            ratePct: '5.00',
            base,
            cdsc: '31.88',
            cdscWaived: '0.00',
            distributor: 'Summit Distributors, Inc.',
            earnedBy: 'Summit Distributors, Inc.',
          },
        ],
      },
    ],
    totals: { gross: '637.69', cdsc: '31.88', cdscWaived: '0.00', redemptionFee: '0.00', net: '605.81' },
    warnings: [],
  };

  it('writes the workbook; the base cell holds the exact base shown to the cent, no total beneath it', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsxBytes(redemptionsSheets(report))) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Lot pieces')!;
    const header = (ws.getRow(2).values as unknown[]).slice(1);
    const col = (key: string) => header.indexOf(key) + 1;
    // row 3: the one piece; row 4: the totals
    expect([ws.getRow(3).getCell(col('base')).value, ws.getRow(3).getCell(col('base')).numFmt]).toEqual([
      637.69148594,
      MONEY_FORMAT,
    ]);
    expect(ws.getRow(4).getCell(col('base')).value).toBeNull();
    // the piece's cost and CDSC still totalled: 700.00 and 31.88
    expect(ws.getRow(4).getCell(col('piece_cost')).value).toMatchObject({ result: 700 });
    expect(ws.getRow(4).getCell(col('piece_cdsc')).value).toMatchObject({ result: 31.88 });
  });
});
