import { createWriteStream } from 'node:fs';
import { groupThousands } from '../money/displayAmount.js';
import type { BoardReport } from './boardReport.js';
import { newPdfDocument } from './pdfDocument.js';

/**
 * The quarterly report to the board (Plan §8; Rule 12b-1(b)(3)(ii)) as a PDF: the amounts
 * expended under the Plan and their purposes, with the fees, the instruments in force, the FINRA
 * cap status, approvals of the quarter and the continuance deadlines ahead. Tables as text columns,
 * every total beside its parts.
 */
export async function writeBoardReportPdf(
  report: BoardReport,
  meta: { preparedAt: string; fund?: string },
  path: string,
): Promise<void> {
  const doc = await newPdfDocument(
    {
      size: 'LETTER',
      layout: 'portrait',
      margin: 54,
      bufferPages: true,
      info: {
        Title: `Quarterly report to the Board — ${report.quarter}`,
        Subject: 'Amounts expended under the Distribution Plan and their purposes (Plan §8)',
        Creator: 'plan12b',
        CreationDate: new Date(meta.preparedAt),
      },
    },
    [report, meta],
  );
  const done = new Promise<void>((resolve, reject) => {
    const out = createWriteStream(path);
    out.on('finish', () => resolve());
    out.on('error', reject);
    doc.on('error', reject);
    doc.pipe(out);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  const heading = (text: string) => {
    if (doc.y > doc.page.height - 140) doc.addPage();
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).fillColor('#1f3a5f').text(text, left);
    doc
      .moveTo(left, doc.y + 2)
      .lineTo(left + width, doc.y + 2)
      .strokeColor('#1f3a5f')
      .lineWidth(0.7)
      .stroke();
    doc.moveDown(0.5).fillColor('#000');
  };
  /** a table: columns with relative widths; amounts right-aligned */
  const table = (
    cols: readonly { title: string; w: number; right?: boolean }[],
    rows: readonly (readonly string[])[],
    opts: { totals?: readonly string[] } = {},
  ) => {
    const total = cols.reduce((a, c) => a + c.w, 0);
    const xs: number[] = [];
    let x = left;
    for (const c of cols) {
      xs.push(x);
      x += (c.w / total) * width;
    }
    const cw = (i: number) => (cols[i]!.w / total) * width - 6;
    const row = (cells: readonly string[], font: string, fill?: string) => {
      doc.font(font).fontSize(8.5);
      const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: cw(i) }))) + 4;
      if (doc.y + h > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
      const y = doc.y;
      if (fill)
        doc
          .rect(left, y - 1, width, h)
          .fill(fill)
          .fillColor('#000');
      cells.forEach((c, i) => {
        doc.text(c, xs[i]!, y + 1, { width: cw(i), align: cols[i]!.right ? 'right' : 'left' });
      });
      doc.y = y + h;
      doc.x = left;
    };
    row(
      cols.map((c) => c.title),
      'Helvetica-Bold',
      '#dde4ee',
    );
    rows.forEach((r, i) => {
      row(r, 'Helvetica', i % 2 === 1 ? '#f4f6f9' : undefined);
    });
    if (opts.totals) {
      doc
        .moveTo(left, doc.y)
        .lineTo(left + width, doc.y)
        .strokeColor('#333')
        .lineWidth(0.5)
        .stroke();
      doc.y += 2;
      row(opts.totals, 'Helvetica-Bold');
    }
  };
  const note = (text: string) => {
    doc.font('Helvetica-Oblique').fontSize(9).fillColor('#444').text(text, left, doc.y, { width });
    doc.fillColor('#000');
  };
  const money = groupThousands;

  doc.font('Helvetica-Bold').fontSize(16).text('Report to the Board of Trustees', left);
  doc
    .font('Helvetica')
    .fontSize(11)
    .text(`Distribution Plans under Rule 12b-1 — quarter ${report.quarter} (${report.from} to ${report.to})`);
  doc
    .fontSize(9)
    .fillColor('#444')
    .text(
      `${meta.fund ? `${meta.fund}. ` : ''}Written report of the amounts expended under the Plans and the purposes for which they were expended (Plan §8), for the Board's quarterly review.`,
      { width },
    )
    .fillColor('#000');

  heading('1. Instruments in force');
  if (report.instruments.length === 0) note('No instrument in force at quarter end.');
  else
    table(
      [
        { title: 'Instrument', w: 5 },
        { title: 'Schedule', w: 2 },
        { title: 'In force since', w: 1.5 },
        { title: 'Portfolios', w: 1, right: true },
        { title: 'Classes', w: 1, right: true },
      ],
      report.instruments.map((i) => [
        i.instrument,
        i.schedule,
        i.inForceSince,
        String(i.portfolios),
        String(i.classes),
      ]),
    );

  heading('2. Fees paid under the Plans, per portfolio and class');
  if (report.fees.length === 0) note('No fees accrued in the quarter.');
  else
    table(
      [
        { title: 'Portfolio', w: 5 },
        { title: 'Class', w: 1 },
        { title: 'Distribution fee', w: 2, right: true },
        { title: 'Service fee', w: 2, right: true },
        { title: 'Total', w: 2, right: true },
      ],
      report.fees.map((f) => [
        f.portfolio,
        f.class,
        money(f.distributionFee),
        money(f.serviceFee),
        money(f.totalFee),
      ]),
      {
        totals: [
          'Total',
          '',
          money(report.feesTotal.distributionFee),
          money(report.feesTotal.serviceFee),
          money(report.feesTotal.totalFee),
        ],
      },
    );

  // SPEC §12: the restatements of closed months the quarter's closes reported and paid
  if (report.priorPeriodAdjustments.length > 0) {
    doc.moveDown(0.6);
    note('Prior-period adjustments reported and paid with the closes of the quarter (SPEC §12):');
    table(
      [
        { title: 'Portfolio', w: 4 },
        { title: 'Class', w: 1 },
        { title: 'Month', w: 1.3 },
        { title: 'Reported in', w: 1.5 },
        { title: 'Distribution fee', w: 2, right: true },
        { title: 'Service fee', w: 2, right: true },
        { title: 'Total', w: 2, right: true },
      ],
      report.priorPeriodAdjustments.map((a) => [
        a.portfolio,
        a.class,
        a.month,
        a.reportedIn,
        money(a.distributionFee),
        money(a.serviceFee),
        money(a.totalFee),
      ]),
      {
        totals: [
          'Total',
          '',
          '',
          '',
          money(report.priorPeriodAdjustmentsTotal.distributionFee),
          money(report.priorPeriodAdjustmentsTotal.serviceFee),
          money(report.priorPeriodAdjustmentsTotal.totalFee),
        ],
      },
    );
    doc.moveDown(0.6);
    table(
      [
        { title: 'Paid for the quarter', w: 6.3 },
        { title: 'Distribution fee', w: 2, right: true },
        { title: 'Service fee', w: 2, right: true },
        { title: 'Total', w: 2, right: true },
      ],
      [],
      {
        totals: [
          'Fees and adjustments paid',
          money(report.paidTotal.distributionFee),
          money(report.paidTotal.serviceFee),
          money(report.paidTotal.totalFee),
        ],
      },
    );
  }

  heading('3. Amounts expended and their purposes (Plan §3)');
  if (report.expenditures.length === 0) note('No expenditures recorded for the quarter.');
  else {
    table(
      [
        { title: 'Purpose', w: 6 },
        { title: 'Amount', w: 2, right: true },
      ],
      report.expendituresByPurpose.map((p) => [p.purposeLabel, money(p.amount)]),
      { totals: ['Total expended', money(report.expendituresTotal)] },
    );
    doc.moveDown(0.6);
    table(
      [
        { title: 'Portfolio', w: 3 },
        { title: 'Class', w: 0.7 },
        { title: 'Period', w: 1.3 },
        { title: 'Purpose', w: 5.5 },
        { title: 'Amount', w: 1.6, right: true },
      ],
      report.expenditures.map((e) => [
        e.portfolio,
        e.class,
        e.period,
        e.description ? `${e.purposeLabel} — ${e.description}` : e.purposeLabel,
        money(e.amount),
      ]),
      { totals: ['Total', '', '', '', money(report.expendituresTotal)] },
    );
  }

  heading('4. FINRA Rule 2341 aggregate cap');
  if (report.finraCap.length === 0)
    note('No gross sales recorded: no aggregate cap ledger is kept for any class.');
  else
    table(
      [
        { title: 'Portfolio', w: 5 },
        { title: 'Class', w: 1 },
        { title: 'Ledger from', w: 1.5 },
        { title: 'Remaining amount', w: 2, right: true },
        { title: 'Deferred charges after exhaustion', w: 2, right: true },
        { title: 'Status', w: 3 },
      ],
      report.finraCap.map((c) => [
        c.portfolio,
        c.class,
        c.firstMonth,
        money(c.remaining),
        money(c.deferredCreditedToFund),
        c.status,
      ]),
    );

  heading('5. Approvals and votes of the quarter');
  if (report.approvals === null || report.approvals.length === 0) note('No approvals recorded.');
  else
    table(
      [
        { title: 'Date', w: 1.3 },
        { title: 'Body', w: 1.5 },
        { title: 'Approved', w: 4 },
        { title: 'Vote', w: 3 },
        { title: 'Result', w: 1.3 },
      ],
      report.approvals.map((a) => [
        a.date,
        a.body,
        `${a.subject} (${a.scope})`,
        // the Result column says whether it carried: the Vote column gives the counts
        a.vote.replace(/^approved: /, ''),
        a.approved ? 'approved' : 'not approved',
      ]),
    );

  heading('6. Continuance deadlines ahead');
  if (report.continuance === null || report.continuance.length === 0)
    note('No continuance deadlines recorded.');
  else
    table(
      [
        { title: 'Instrument', w: 4 },
        { title: 'Deadline', w: 1.5 },
        { title: 'Status', w: 2 },
        { title: 'Source of the deadline', w: 3.5 },
      ],
      report.continuance.map((c) => [c.instrument, c.deadline, c.status, c.source]),
    );

  if (report.warnings.length > 0) {
    heading('Notes');
    for (const w of report.warnings) note(`• ${w}`);
  }

  // page footers: the report, the page, when it was prepared
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(7.5)
      .fillColor('#666')
      .text(
        `Board report ${report.quarter} — page ${i + 1} of ${range.count} — prepared by plan12b ${meta.preparedAt}`,
        left,
        doc.page.height - 36,
        { width, align: 'center', lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
