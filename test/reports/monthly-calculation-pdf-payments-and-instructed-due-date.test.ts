import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { writeMonthlyCalculationPdf } from '../../src/reports/monthlyCalculationPdf.js';
import { monthlyCalculation } from '../../src/transfers/monthlyCalculation.js';
import { monthPayables } from '../../src/transfers/monthPayables.js';
import type { PayeeAdjustment } from '../../src/transfers/priorPeriodPayeeAdjustments.js';
import { baseInput, DISTRIBUTOR, feeDays, transfer } from '../transfers/support.js';

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
 * April 2007, 100.00 a day: 3,000.00. Assignee A takes 20%: 600.00; the Distributor keeps 2,400.00.
 * March 2007 (closed) was restated: +5.00 to the Distributor, +1.25 to A. The 10th NYSE business
 * day after April 30 is May 14 (May 1–4, 7–11, 14); the Distributor instructed May 21.
 * Payments due: the Distributor 2,405.00 (including 5.00), A 601.25 (including 1.25).
 */
const dir = mkdtempSync(join(tmpdir(), 'plan12b-mc-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const calc = (dueDate: string) =>
  monthlyCalculation(
    {
      ...baseInput(
        '2007-04',
        feeDays('2007-04', () => 10_000n),
      ),
      dueDate,
    },
    [transfer({ id: 'A', twelveB1PortionPct: '20', effectiveDate: '2007-01-01' })],
  );
const adj = (role: PayeeAdjustment['role'], payee: string, transferId: string | null, d: string) => ({
  month: '2007-03',
  portfolioId: 'p',
  portfolio: 'AIM Example Fund',
  role,
  payee,
  transferId,
  original: '0.00',
  previouslyAdjusted: '0.00',
  restated: d,
  difference: d,
  twelveB1Difference: d,
  cdscDifference: '0.00',
});

describe('the Monthly Calculation PDF (EIGHTH(C), SPEC §12)', () => {
  it('lists each payment with its prior-period adjustments, and names an instructed due date as such', async () => {
    const mc = calc('2007-05-21');
    const adjustments = [
      adj('Distributor', DISTRIBUTOR, null, '5.00'),
      adj('Assignee', 'Assignee A', 'A', '1.25'),
    ];
    const file = join(dir, 'instructed.pdf');
    await writeMonthlyCalculationPdf(
      [mc],
      {
        month: '2007-04',
        distributor: DISTRIBUTOR,
        preparedAt: '2007-05-01T00:00:00Z',
        priorPeriodAdjustments: adjustments,
        payables: monthPayables([mc], adjustments, mc.dueDate),
      },
      file,
    );
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain('payment due 2007-05-21 (a later date the Distributor instructed in writing');
    expect(text).not.toContain('10th NYSE business day');
    expect(text).toMatch(
      /Payments due 2007-05-21 A I M Distributors \(Distributor\), including prior-period adjustments 5\.00 2,405\.00/,
    );
    expect(text).toMatch(/Assignee A \(Assignee\), including prior-period adjustments 1\.25 601\.25/);
  });

  it('gives a portfolio with prior-period adjustments but no Class B fees this month its own page', async () => {
    // Portfolio q had no Class B fees in April 2007, but its March was restated: +7.50 to the
    // Distributor, −2.50 recovered from Assignee A. Paid on April's due date, 2007-05-14:
    // the Distributor 0.00 + 7.50 = 7.50; A 0.00 − 2.50 = −2.50 — the payables the JSON and CSV carry.
    const mc = calc('2007-05-14');
    const onQ = (a: PayeeAdjustment) => ({ ...a, portfolioId: 'q', portfolio: 'Quartz Income Fund' });
    const adjustments = [
      onQ(adj('Distributor', DISTRIBUTOR, null, '7.50')),
      onQ(adj('Assignee', 'Assignee A', 'A', '-2.50')),
    ];
    const payables = monthPayables([mc], adjustments, mc.dueDate);
    expect(payables.filter((p) => p.portfolioId === 'q').map((p) => [p.payee, p.payable])).toEqual([
      [DISTRIBUTOR, '7.50'],
      ['Assignee A', '-2.50'],
    ]);
    const file = join(dir, 'adjusted-only.pdf');
    await writeMonthlyCalculationPdf(
      [mc],
      {
        month: '2007-04',
        distributor: DISTRIBUTOR,
        preparedAt: '2007-05-01T00:00:00Z',
        priorPeriodAdjustments: adjustments,
        payables,
      },
      file,
    );
    const text = pdfText(file).replace(/\s+/g, ' ');
    const page = text.slice(text.indexOf('Quartz Income Fund'));
    expect(text).toMatch(/Quartz Income Fund .{0,3}Class B Shares/); // the dash is WinAnsi in the PDF
    expect(page).toMatch(
      /Payments due 2007-05-14 A I M Distributors \(Distributor\), including prior-period adjustments 7\.50 7\.50/,
    );
    expect(page).toMatch(/Assignee A \(Assignee\), including prior-period adjustments -2\.50 -2\.50/);
    expect(page).toMatch(/Prior-period adjustments 2007-03 A I M Distributors \(Distributor\): .* 7\.50/);
    expect(page).toMatch(/2007-03 Assignee A \(Assignee, Transfer A\): .* -2\.50/);
  });

  it('says the 10th NYSE business day when that is the due date', async () => {
    const mc = calc('2007-05-14');
    const file = join(dir, 'tenth.pdf');
    await writeMonthlyCalculationPdf(
      [mc],
      { month: '2007-04', distributor: DISTRIBUTOR, preparedAt: '2007-05-01T00:00:00Z' },
      file,
    );
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain('payment due 2007-05-14 (10th NYSE business day after month end, SEVENTH(B))');
    expect(text).toMatch(/A I M Distributors \(Distributor\) 2,400\.00/);
  });
});
