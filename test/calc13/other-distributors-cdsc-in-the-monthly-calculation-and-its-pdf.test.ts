import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { monthlyCalculationEntries } from '../../src/reports/journal.js';
import { writeMonthlyCalculationPdf } from '../../src/reports/monthlyCalculationPdf.js';
import { monthlyCalculation } from '../../src/transfers/monthlyCalculation.js';
import { cdscToFundAdjustment } from '../../src/transfers/priorPeriodPayeeAdjustments.js';
import { baseInput, DISTRIBUTOR, feeDays } from '../transfers/support.js';

const OTHER = 'Other Distributor LLC';

/** The text PDFKit wrote: each content stream inflated, its TJ strings (hex, WinAnsi) joined. */
function pdfText(file: string): string {
  const bytes = readFileSync(file);
  const out: string[] = [];
  const latin = bytes.toString('latin1');
  for (const m of latin.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = latin.indexOf('endstream', start);
    let body: Buffer;
    try {
      body = inflateSync(bytes.subarray(start, end));
    } catch {
      continue;
    }
    for (const tj of body.toString('latin1').matchAll(/\[(.*?)\]\s*TJ/gs))
      out.push(
        [...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)]
          .map((h) => Buffer.from(h[1]!, 'hex').toString('latin1'))
          .join(''),
      );
  }
  return out.join('\n');
}

/**
 * SPEC §6: March 2007, 100.00 a day (3,100.00), the Distributor the only 12b-1 party; its Earned
 * CDSC 45.00. The CDSC on the Other Distributor's shares: 75.00 collected, of which 25.00 came
 * after the FINRA 2341 cap was used up → owed to it 75.00 − 25.00 = 50.00.
 * Journal: debit withheld 45.00 + 75.00 = 120.00 = credit the Distributor's CDSC 45.00 + the fund
 * 25.00 + the Other Distributor's own 50.00 (45.00 + 25.00 + 50.00 = 120.00).
 */
const input = {
  ...baseInput(
    '2007-03',
    feeDays('2007-03', () => 10_000n),
  ),
  shareComputations: [{ date: null, parties: [{ distributor: DISTRIBUTOR, shares: 1n }] }],
  earnedCdsc: [{ date: '2007-03-20', doi: '2006-01-05', cents: 4_500n }],
};
const dir = mkdtempSync(join(tmpdir(), 'plan12b-calc13-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the CDSC on an Other Distributor s shares in the Monthly Calculation, its PDF and journal', () => {
  const mc = monthlyCalculation(
    {
      ...input,
      otherDistributorsCdsc: [{ distributor: OTHER, collectedCents: 7_500n, creditedToFundCents: 2_500n }],
    },
    [],
  );

  it('75.00 collected = 50.00 owed + 25.00 credited, outside the Earned CDSC and the payees', () => {
    expect(mc.otherDistributorsCdsc).toEqual([
      { distributor: OTHER, cdscCollected: '75.00', cdscCreditedToFund: '25.00', cdsc: '50.00' },
    ]);
    expect(mc.earnedCdsc).toBe('45.00');
    expect(mc.payees.map((p) => [p.payee, p.cdsc])).toEqual([[DISTRIBUTOR, '45.00']]);
    // a credited part larger than what was collected is refused
    expect(() =>
      monthlyCalculation(
        {
          ...input,
          otherDistributorsCdsc: [
            { distributor: OTHER, collectedCents: 2_000n, creditedToFundCents: 2_500n },
          ],
        },
        [],
      ),
    ).toThrow(
      /Other Distributor LLC's CDSC credited to the fund \(25\.00\) is not within what was collected \(20\.00\)/,
    );
  });

  it('the journal: 120.00 withheld = 45.00 + 25.00 + 50.00; a sealed figure changed is refused', () => {
    let n = 0;
    const lines = monthlyCalculationEntries([mc], new Map([['p', 310_000n]]), () => ++n).filter((l) =>
      /CDSC/.test(l.account),
    );
    expect(
      lines.filter((l) => l.entry.startsWith('ALC-')).map((l) => [l.account, l.debit, l.credit]),
    ).toEqual([
      ['Class B CDSC withheld from redemption proceeds', '120.00', '0.00'],
      ['Class B CDSC credited to the fund (FINRA 2341(d)(2))', '0.00', '25.00'],
      [`Payable to ${OTHER} — CDSC (Other Distributor, its own shares)`, '0.00', '50.00'],
      [`Payable to ${DISTRIBUTOR} — CDSC (Distributor)`, '0.00', '45.00'],
    ]);
    expect(
      lines
        .filter((l) => l.entry.startsWith('PAY-') && l.account.includes(OTHER))
        .map((l) => [l.date, l.debit]),
    ).toEqual([[mc.dueDate, '50.00']]);
    // 75.00 collected is not 40.00 owed + 25.00 credited
    expect(() =>
      monthlyCalculationEntries(
        [{ ...mc, otherDistributorsCdsc: [{ ...mc.otherDistributorsCdsc![0]!, cdsc: '40.00' }] }],
        new Map([['p', 310_000n]]),
        () => 1,
      ),
    ).toThrow(
      /Other Distributor LLC's CDSC collected 75\.00 is not what it is owed \(40\.00\) plus what is credited to the fund \(25\.00\)/,
    );
  });

  it('the PDF shows it under the Earned CDSC', async () => {
    const file = join(dir, 'other.pdf');
    await writeMonthlyCalculationPdf(
      [mc],
      { month: '2007-03', distributor: DISTRIBUTOR, preparedAt: '2007-04-01T00:00:00Z' },
      file,
    );
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toMatch(/CDSC on Other Distributor LLC's shares \(SPEC §6\), collected 75\.00/);
    expect(text).toMatch(/Owed to Other Distributor LLC 50\.00/);
  });
});

describe('a restated month s change in the CDSC on an Other Distributor s shares', () => {
  const withOther = (creditedToFundCents: bigint) =>
    monthlyCalculation(
      {
        ...input,
        otherDistributorsCdsc: [{ distributor: OTHER, collectedCents: 7_500n, creditedToFundCents }],
      },
      [],
    );

  it('credited 25.00 → 10.00: owed + 15.00, credited − 15.00, collected 0.00', () => {
    // 75.00 − 25.00 = 50.00 owed as sealed; 75.00 − 10.00 = 65.00 restated: + 15.00
    expect(cdscToFundAdjustment(withOther(2_500n), withOther(1_000n))).toEqual({
      month: '2007-03',
      portfolioId: 'p',
      portfolio: input.portfolio,
      cdscCollectedDifference: '0.00',
      cdscCreditedToFundDifference: '0.00',
      otherDistributors: [
        {
          distributor: OTHER,
          cdscCollectedDifference: '0.00',
          cdscCreditedToFundDifference: '-15.00',
          cdscDifference: '15.00',
        },
      ],
    });
  });

  it('a month sealed without the field (before calc13) is not paid its Other Distributor s CDSC by a restatement', () => {
    const sealedBefore = monthlyCalculation(input, []);
    expect('otherDistributorsCdsc' in sealedBefore).toBe(false);
    expect(cdscToFundAdjustment(sealedBefore, withOther(1_000n))).toBeNull();
  });
});
