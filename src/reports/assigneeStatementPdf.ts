/**
 * An Assignee's monthly statement (Agreement EIGHTH; SPEC §8) as a printable PDF (pdfkit, built-in
 * Helvetica): per portfolio and Transfer, the portions, the weights they were split by, the
 * DOI-range shares by lot group and the CDSC pieces — what a B-share financier ticks against its
 * own model.
 */
import { createWriteStream } from 'node:fs';
import { groupThousands } from '../money/displayAmount.js';
import type { AssigneeStatement } from '../transfers/assigneeStatement.js';
import type { AssigneeAdjustmentSince, AssigneePendingAdjustments } from './assigneeStatementReport.js';
import { newPdfDocument } from './pdfDocument.js';

export async function writeAssigneeStatementPdf(
  s: AssigneeStatement & {
    readonly basis?: 'open' | 'sealed' | 'recomputed';
    readonly note?: string;
    readonly adjustmentsSince?: readonly unknown[];
    readonly assigneeAdjustmentsSince?: readonly AssigneeAdjustmentSince[];
    readonly pendingAdjustments?: AssigneePendingAdjustments;
  },
  path: string,
  preparedAt: string,
): Promise<void> {
  const doc = await newPdfDocument(
    {
      size: 'LETTER',
      margin: 50,
      info: {
        Title: `Assignee statement ${s.month} — ${s.assignee}`,
        Subject: '12b-1 Portions and CDSC Portions transferred by the Distributor (Agreement EIGHTH)',
        Creator: 'plan12b',
        CreationDate: new Date(preparedAt),
      },
    },
    s,
  );
  const done = new Promise<void>((resolve, reject) => {
    const out = createWriteStream(path);
    out.on('finish', () => resolve());
    out.on('error', reject);
    doc.on('error', reject);
    doc.pipe(out);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const room = (h = 40) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - h) doc.addPage();
  };
  const line = (label: string, amount: string, indent = 0, bold = false) => {
    room(14);
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    doc.text(label, left + indent, y, { width: width - 110 - indent });
    const after = doc.y;
    doc.text(amount === '' ? '' : groupThousands(amount), left + width - 100, y, {
      width: 100,
      align: 'right',
    });
    doc.x = left;
    doc.y = Math.max(after, y + 12) + 1;
  };
  const note = (text: string, indent = 0) => {
    room(14);
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#333')
      .text(text, left + indent, doc.y, { width: width - indent });
    doc.fillColor('#000');
    doc.x = left;
  };

  doc.font('Helvetica-Bold').fontSize(14).text(`Assignee statement — ${s.month}`);
  doc.moveDown(0.3).font('Helvetica').fontSize(10);
  doc.text(`${s.assignee}${s.address ? `, ${s.address}` : ''}`);
  doc.text(`Transferred by ${s.distributor} (Agreement EIGHTH); payment due ${s.dueDate}.`);
  if (s.basis === 'sealed')
    doc.text(
      `${s.month} is closed: as sealed (the portions its Monthly Calculation paid).${(s.adjustmentsSince?.length ?? 0) > 0 ? ` ${s.adjustmentsSince?.length} adjustment(s) since its close reach the payees as prior-period adjustments of a later month.` : ''}`,
    );
  if (s.basis === 'recomputed')
    doc.text(
      `${s.month} is closed: recomputed from today's data (${s.note ?? 'not as sealed'}). What was paid is its sealed Monthly Calculation.`,
    );
  doc.moveDown();
  if (s.lines.length === 0) doc.text('No Transfer to this Assignee was in force in the month.');
  for (const l of s.lines) {
    room(80);
    const range =
      l.doiFrom || l.doiTo ? `, Commission Shares with DOI ${l.doiFrom ?? '…'} – ${l.doiTo ?? '…'}` : '';
    doc.font('Helvetica-Bold').fontSize(11).text(`${l.portfolio} — Transfer ${l.transferId}`, left);
    note(
      `${l.twelveB1PortionPct ?? '0'}% of the Distributor's 12b-1 Share and ${l.cdscPortionPct ?? '0'}% of its Earned CDSC${range}, effective ${l.effectiveDate}.`,
    );
    doc.moveDown(0.3);
    line('Class B Distribution Fees of the month', l.distributionFee);
    line("Distributor's 12b-1 Share", l.distributor12b1Share);
    for (const g of l.segments) {
      line(
        `${g.from} – ${g.to} (${g.days} days): Distributor's 12b-1 Share ${groupThousands(g.distributor12b1Share)} × weight ${g.weightPct}% = ${g.exactPortion}`,
        g.twelveB1Portion,
        12,
      );
      for (const p of g.periods)
        note(
          `${p.from} – ${p.to} (${p.days} days, fees ${groupThousands(p.distributionFee)}): ${
            !p.inForce
              ? 'Transfer not in force'
              : p.countedOn === null
                ? `${l.twelveB1PortionPct}% of all the Distributor's shares`
                : `${l.twelveB1PortionPct}% × ${p.doiRangeShares} / ${p.distributorShares} shares counted ${p.countedOn} (${p.doiRangeFractionPct}%)`
          }`,
          24,
        );
    }
    line('12b-1 Portion', l.twelveB1Portion, 0, true);
    if (l.doiRangeCounts.length > 0) {
      doc.moveDown(0.3);
      doc
        .font('Helvetica-Bold')
        .fontSize(9)
        .text("The Distributor's Commission Shares in the DOI range", left);
      for (const c of l.doiRangeCounts) {
        note(`Counted ${c.countedOn}: ${c.doiRangeShares} of ${c.distributorShares} shares`, 12);
        for (const lot of c.lots)
          note(
            `DOI ${lot.doi}, issued by ${lot.issuingPortfolio}: ${lot.shares} shares${lot.lots === null ? '' : ` in ${lot.lots} lot(s)`}`,
            24,
          );
      }
    }
    doc.moveDown(0.3);
    line("Distributor's Earned CDSC", l.earnedCdsc);
    for (const p of l.cdscPieces)
      line(
        `${p.date} redemption ${p.txnId ?? ''}, lot ${p.lotId ?? ''} (DOI ${p.doi}, issued by ${p.issuingPortfolio}): ${groupThousands(p.earnedCdsc)} × ${p.portionPct}% = ${p.exactPortion}`,
        '',
        12,
      );
    line('CDSC Portion', l.cdscPortion, 0, true);
    line(`Total${l.payTo !== s.assignee ? ` (paid to ${l.payTo})` : ''}`, l.total, 0, true);
    if (l.owedOnToAssignee !== '0.00')
      note(
        `${l.owedOnToAssignee} paid to the Distributor and owed on to the Assignee (notice of Transfer not received by the due date).`,
      );
    doc.moveDown();
  }
  room(60);
  line('12b-1 Portions', s.totals.twelveB1Portion, 0, true);
  line('CDSC Portions', s.totals.cdscPortion, 0, true);
  if (s.priorPeriodAdjustments.length === 0) line(`Total due ${s.dueDate}`, s.totals.total, 0, true);
  else {
    // SPEC §12: the restatements of closed months paid with this month make up what is paid
    line('Total of the month', s.totals.total, 0, true);
    for (const a of s.priorPeriodAdjustments)
      line(
        `Prior-period adjustment of ${a.adjustsMonth}, ${a.portfolio}, Transfer ${a.transferId}${a.payTo !== s.assignee ? ` (paid to ${a.payTo})` : ''}`,
        a.adjustment,
        10,
      );
    line(`Payable ${s.dueDate}`, s.totals.payable, 0, true);
  }
  for (const a of s.assigneeAdjustmentsSince ?? [])
    line(
      `Adjusted since: ${a.portfolio}, Transfer ${a.transferId}, reported in ${a.reportedIn} (paid with it)`,
      a.adjustment,
      10,
    );
  // SPEC §12: an open month after the next to close — pending for that close, not final
  const pending = s.pendingAdjustments;
  if (pending !== undefined) {
    doc.moveDown(0.5);
    note(
      `Pending, not final until ${pending.reportedIn} closes: the prior-period adjustments below are reported in and paid with ${pending.reportedIn}, not with ${s.month}, and are not in the total above.`,
    );
    for (const a of pending.lines)
      line(
        `Pending: adjustment of ${a.adjustsMonth}, ${a.portfolio}, Transfer ${a.transferId}`,
        a.adjustment,
        10,
      );
    line(`Pending for ${pending.reportedIn} (not final)`, pending.total, 0, true);
  }
  doc.moveDown();
  note(
    "Each segment is the days one Exhibit A computation governed; the weight is the sum over its days of the day's fee × portion × DOI-range fraction, over the sum of the days' fees; " +
      'the fraction counted at the latest count date before the day (SPEC §8). The cent amounts are the largest-remainder split of the ' +
      "Distributor's 12b-1 Share and Earned CDSC among the Distributor and the Assignees (SPEC §3), as in the Monthly Calculation.",
  );
  note(`Prepared by plan12b ${preparedAt}`);
  doc.end();
  return done;
}
