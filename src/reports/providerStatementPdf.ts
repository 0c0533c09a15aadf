/**
 * A service provider's monthly statement as a printable PDF (pdfkit, built-in Helvetica): the same
 * figures as its CSV, laid out for a dealer's back office to tick against its own records.
 */
import { createWriteStream } from 'node:fs';
import { groupThousands } from '../money/displayAmount.js';
import { newPdfDocument } from './pdfDocument.js';
import { providerAmountDue } from './providerStatement.js';
import { providerAdjustmentsOf } from './providerStatementAdjustments.js';
import type { ProviderMonth, ServiceFeesReport } from './serviceFeesReport.js';

const COLUMNS = [
  { title: 'Portfolio', width: 190, align: 'left' },
  { title: 'Class', width: 45, align: 'left' },
  { title: 'Days', width: 35, align: 'right' },
  { title: 'Avg daily net assets', width: 110, align: 'right' },
  { title: 'Rate %', width: 45, align: 'right' },
  { title: 'Amount', width: 85, align: 'right' },
] as const;

/** SPEC §12: the prior-period adjustments section, per restated month and class. */
const ADJUSTMENT_COLUMNS = [
  { title: 'Month restated', width: 75, align: 'left' },
  { title: 'Portfolio', width: 175, align: 'left' },
  { title: 'Class', width: 40, align: 'left' },
  { title: 'Original', width: 60, align: 'right' },
  { title: 'Restated', width: 60, align: 'right' },
  { title: 'Difference', width: 100, align: 'right' },
] as const;

type Column = { readonly title: string; readonly width: number; readonly align: 'left' | 'right' };

/** Writes the statement to `path`; resolves once the file is complete. */
export async function writeProviderStatementPdf(
  report: Pick<ServiceFeesReport, 'month' | 'paymentDate' | 'priorPeriodAdjustments'>,
  p: ProviderMonth,
  path: string,
): Promise<void> {
  const doc = await newPdfDocument(
    {
      size: 'LETTER',
      margin: 50,
      info: {
        Title: `Service fee statement ${report.month} — ${p.name}`,
        Subject: 'Rule 12b-1 service fees (Plan §4)',
        Creator: 'plan12b',
        CreationDate: new Date(`${report.paymentDate}T00:00:00Z`),
      },
    },
    [report, p],
  );
  const done = new Promise<void>((resolve, reject) => {
    const out = createWriteStream(path);
    out.on('finish', () => resolve());
    out.on('error', reject);
    doc.on('error', reject);
    doc.pipe(out);
  });
  doc.font('Helvetica-Bold').fontSize(15).text(`Service fee statement — ${report.month}`);
  doc.moveDown(0.4).font('Helvetica').fontSize(10);
  doc.text(`${p.name} (provider ${p.id})`);
  doc.text(`${p.agreement}, Exhibit ${p.exhibit} to the Plan, dated ${p.agreementDate}`);
  if (p.ownRatePct !== null) doc.text(`Rate stated in the agreement: ${p.ownRatePct}% per annum`);
  if (p.terminationEffective !== null) doc.text(`Agreement terminated effective ${p.terminationEffective}`);
  doc.text(`Payment date: ${report.paymentDate}`);
  doc.moveDown();

  const left = doc.page.margins.left;
  const row = (cells: readonly string[], bold = false, columns: readonly Column[] = COLUMNS) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 30) doc.addPage();
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    let x = left;
    columns.forEach((c, i) => {
      doc.text(cells[i] ?? '', x, y, {
        width: c.width - 6,
        align: c.align,
        lineBreak: false,
        ellipsis: true,
      });
      x += c.width;
    });
    doc.x = left;
    doc.y = y + 14;
  };
  const rule = () => {
    const width = COLUMNS.reduce((w, c) => w + c.width, 0);
    doc
      .moveTo(left, doc.y - 2)
      .lineTo(left + width, doc.y - 2)
      .lineWidth(0.5)
      .stroke();
    doc.y += 2;
  };
  row(
    COLUMNS.map((c) => c.title),
    true,
  );
  rule();
  for (const c of p.classes)
    row([
      c.portfolio,
      c.class,
      String(c.days),
      groupThousands(c.averageDailyNetAssets),
      c.ratePct,
      groupThousands(c.amount),
    ]);
  if (p.classes.length === 0) row(['No service fee earned this month', '', '', '', '', '0.00']);
  rule();
  row(['Total', '', '', '', '', groupThousands(p.amount)], true);
  const adjustments = providerAdjustmentsOf(report.priorPeriodAdjustments, p.id);
  if (adjustments.length > 0) {
    doc.moveDown(1).font('Helvetica-Bold').fontSize(10).text('Prior-period adjustments', left, doc.y);
    doc.moveDown(0.3);
    row(
      ADJUSTMENT_COLUMNS.map((c) => c.title),
      true,
      ADJUSTMENT_COLUMNS,
    );
    rule();
    for (const a of adjustments)
      row(
        [
          a.month,
          a.portfolio,
          a.class,
          groupThousands(a.original),
          groupThousands(a.restated),
          groupThousands(a.difference),
        ],
        false,
        ADJUSTMENT_COLUMNS,
      );
    rule();
    row(['Total due', '', '', '', '', groupThousands(providerAmountDue(report, p))], true);
  }
  doc.moveDown(1.5).font('Helvetica').fontSize(8);
  doc.text(
    "Each amount is the sum over the days shown of round_half_up(customers' assets x rate / 100 / days in the year, 2), " +
      "the assets carried forward over weekends and holidays; the rate is the lowest of 0.25% (Plan Section 4(a)), the class's " +
      "service fee rate in force and the agreement's own rate. Days count only while the agreement is in force (Plan Section 10).",
    left,
    doc.y,
    { width: COLUMNS.reduce((w, c) => w + c.width, 0) },
  );
  doc.end();
  return done;
}
