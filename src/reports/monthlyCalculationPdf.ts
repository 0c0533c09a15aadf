import { createWriteStream } from 'node:fs';
import { formatCents, parseCents } from '../money/cents.js';
import { groupThousands } from '../money/displayAmount.js';
import { distributorSharePcts, type MonthlyCalculation } from '../transfers/monthlyCalculation.js';
import type { MonthPayable } from '../transfers/monthPayables.js';
import { paymentDueDate } from '../transfers/paymentDueDate.js';
import type { PayeeAdjustment } from '../transfers/priorPeriodPayeeAdjustments.js';
import type { ServiceFeeAdjustment } from '../transfers/serviceFeeAdjustmentsByDistributor.js';
import type { ClassBVintageMonth } from './classBVintageFees.js';
import { newPdfDocument } from './pdfDocument.js';

/**
 * The Monthly Calculation (Agreement EIGHTH(C)) as a printable PDF: one page per portfolio that a
 * fund treasurer can check and sign, with every part and the whole it adds up to.
 */
export async function writeMonthlyCalculationPdf(
  calculations: readonly MonthlyCalculation[],
  meta: {
    month: string;
    distributor: string;
    preparedAt: string;
    /** SPEC §12: restatements of closed months reported this month, per portfolio and payee */
    priorPeriodAdjustments?: readonly PayeeAdjustment[];
    /** Agreement TENTH, SPEC §12: the restated Class B service fee by the distributor of each restated day */
    priorPeriodServiceFeeAdjustments?: readonly ServiceFeeAdjustment[];
    /** SPEC §12: each payee's payable on the due date, prior-period adjustments included */
    payables?: readonly MonthPayable[];
    /** Agreement EIGHTH(E): the portfolios accrued by share vintage */
    vintages?: readonly ClassBVintageMonth[];
  },
  path: string,
): Promise<void> {
  const doc = await newPdfDocument(
    {
      size: 'LETTER',
      margin: 56,
      autoFirstPage: false,
      info: {
        Title: `Monthly Calculation ${meta.month}`,
        Subject: "Distributor's 12b-1 Share, Earned CDSC and Assignees' Portions (Agreement EIGHTH(C))",
        Creator: 'plan12b',
        CreationDate: new Date(meta.preparedAt),
      },
    },
    [calculations, meta],
  );
  const done = new Promise<void>((resolve, reject) => {
    const out = createWriteStream(path);
    out.on('finish', () => resolve());
    out.on('error', reject);
    doc.on('error', reject);
    doc.pipe(out);
  });
  const line = (label: string, amount: string, indent = 0, bold = false) => {
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    doc.text(label, doc.page.margins.left + indent, y, { width: 330 - indent });
    // a label that wraps pushes the next line down (its amount stays on the label's first line)
    const below = doc.y;
    doc.text(groupThousands(amount), doc.page.margins.left + 340, y, { width: 150, align: 'right' });
    doc.y = Math.max(doc.y, below);
    doc.moveDown(0.35);
    doc.x = doc.page.margins.left;
  };
  const payableLines = (payables: readonly MonthPayable[]) => {
    for (const p of payables) {
      const adjusted = parseCents(p.adjustmentTwelveB1) + parseCents(p.adjustmentCdsc);
      line(
        `${p.payee} (${p.role})${adjusted !== 0n ? `, including prior-period adjustments ${groupThousands(formatCents(adjusted))}` : ''}${p.owedOn !== '0.00' ? `, of which ${groupThousands(p.owedOn)} owed on to Assignees` : ''}`,
        p.payable,
        12,
      );
    }
  };
  // SPEC §12: restatements of closed months, split among the same parties as the original amounts
  const adjustmentLines = (portfolioId: string) => {
    const adjustments = (meta.priorPeriodAdjustments ?? []).filter((a) => a.portfolioId === portfolioId);
    if (adjustments.length === 0) return;
    doc.moveDown();
    doc.font('Helvetica-Bold').text('Prior-period adjustments');
    doc.font('Helvetica');
    for (const a of adjustments)
      line(
        `${a.month} ${a.payee} (${a.role}${a.transferId ? `, Transfer ${a.transferId}` : ''}): original ${groupThousands(a.original)}${a.previouslyAdjusted === '0.00' ? '' : ` + adjusted ${groupThousands(a.previouslyAdjusted)}`}, restated ${groupThousands(a.restated)}`,
        a.difference,
        12,
      );
  };
  // Agreement TENTH: the restated service fee goes to the distributor serving each restated day
  const serviceFeeAdjustmentLines = (portfolioId: string) => {
    const adjustments = (meta.priorPeriodServiceFeeAdjustments ?? []).filter(
      (a) => a.portfolioId === portfolioId,
    );
    if (adjustments.length === 0) return;
    doc.moveDown();
    doc.font('Helvetica-Bold').text('Service fee, prior-period adjustments (Agreement TENTH)');
    doc.font('Helvetica');
    for (const a of adjustments)
      line(
        `${a.month} ${a.distributor} (${a.role}): original ${groupThousands(a.original)}${a.previouslyAdjusted === '0.00' ? '' : ` + adjusted ${groupThousands(a.previouslyAdjusted)}`}, restated ${groupThousands(a.restated)}`,
        a.difference,
        12,
      );
  };
  const signature = () => {
    doc.moveDown();
    doc.text('Every part above adds up to its whole to the cent (largest-remainder splits, SPEC §3).');
    doc.moveDown(3);
    doc.text('______________________________          ______________________________');
    doc.text('Treasurer, on behalf of the Fund                       Date');
    doc
      .moveDown(0.3)
      .fontSize(8)
      .fillColor('#555')
      .text(`Prepared by plan12b ${meta.preparedAt}`)
      .fillColor('#000');
  };
  for (const mc of calculations.length > 0 ? calculations : []) {
    doc.addPage();
    doc.font('Helvetica-Bold').fontSize(14).text(`Monthly Calculation — ${mc.month}`);
    doc.font('Helvetica').fontSize(10).moveDown(0.3);
    doc.text(`${mc.portfolio} — Class B Shares`);
    doc.text(
      `Distributor: ${meta.distributor} — payment due ${mc.dueDate} (${
        // SEVENTH(B): within 10 business days, unless the Distributor instructs a later date
        mc.dueDate === paymentDueDate(mc.month)
          ? '10th NYSE business day after month end'
          : 'a later date the Distributor instructed in writing'
      }, SEVENTH(B)).`,
    );
    doc.moveDown();
    line('Distribution Fees (0.75% asset-based sales charge, SEVENTH(B))', mc.distributionFee, 0, true);
    // EIGHTH(E): after a reduction, each vintage at its own rate; the vintages add up to the days' fees.
    for (const v of meta.vintages?.filter((x) => x.portfolioId === mc.portfolioId) ?? []) {
      const reductions = v.reductions.map((r) => `${r.fromPct}% → ${r.toPct}% on ${r.date}`).join(', ');
      doc
        .font('Helvetica')
        .fontSize(9)
        .text(`EIGHTH(E): ${reductions} applies only to shares issued on or after it.`);
      doc.moveDown(0.2);
      for (const r of v.runs) {
        line(
          `${r.from} – ${r.to} (${r.days} days), shares ${r.countedOn === null ? 'all issued before' : `counted ${r.countedOn}`}`,
          r.distributionFee,
          12,
        );
        for (const x of r.vintages)
          line(
            `${x.issuedFrom === null ? `issued before ${x.issuedBefore}` : `issued from ${x.issuedFrom}${x.issuedBefore ? ` to before ${x.issuedBefore}` : ''}`}: ${x.shares} sh, ${x.weightPct}%, at ${x.distributionFeePct}%`,
            x.distributionFee,
            24,
          );
      }
      doc.moveDown(0.3);
    }
    // SPEC §7: every computation that governed days of the month, with its days, percentage and
    // dollars; each percentage × the fees of its days gives the dollars beside it.
    for (const c of mc.computations) {
      line(
        `${c.from} – ${c.to} (${c.days} days): ${c.computedOn === null ? 'Distributor exclusive' : `Exhibit A computation of ${c.computedOn}`}`,
        c.distributionFee,
        12,
      );
      for (const p of c.parties) line(`${p.distributor}: ${p.sharePct}%`, p.twelveB1Share, 24);
      // EIGHTH(E): each vintage's fee split by the parties' shares in it
      for (const v of c.vintages ?? []) {
        line(
          v.issuedFrom === null
            ? `issued before ${v.issuedBefore}`
            : `issued on or after ${v.issuedFrom}${v.issuedBefore ? ` to before ${v.issuedBefore}` : ''}`,
          v.distributionFee,
          24,
        );
        for (const p of v.parties) line(`${p.distributor}: ${p.sharePct}%`, p.twelveB1Share, 36);
      }
    }
    doc.moveDown(0.5);
    line(`Distributor's 12b-1 Share (${distributorSharePcts(mc)}%, Exhibit A)`, mc.distributor12b1Share, 12);
    for (const o of mc.otherDistributors) line(`${o.distributor} (Other Distributor)`, o.twelveB1Share, 12);
    doc.moveDown(0.5);
    line("Distributor's 12b-1 Share", mc.distributor12b1Share, 0, true);
    for (const a of mc.assignees)
      line(`${a.assignee} — 12b-1 Portion (Transfer ${a.transferId})`, a.twelveB1Portion, 12);
    line("Distributor's 12b-1 Portion", mc.distributor12b1Portion, 12);
    doc.moveDown(0.5);
    line("Distributor's Earned CDSC (FOURTH(D))", mc.earnedCdsc, 0, true);
    for (const a of mc.assignees)
      line(`${a.assignee} — CDSC Portion (Transfer ${a.transferId})`, a.cdscPortion, 12);
    line("Distributor's Earned CDSC Portion", mc.distributorEarnedCdscPortion, 12);
    // FINRA 2341(d)(2): the CDSC collected after the cap was used up is the fund's, not earned
    if (mc.cdscCollected !== undefined && mc.cdscCreditedToFund !== undefined) {
      line('CDSC collected from redemption proceeds', mc.cdscCollected, 12);
      line('Credited to the fund (FINRA 2341(d)(2), the cap used up)', mc.cdscCreditedToFund, 12);
    }
    // SPEC §6: the CDSC on an Other Distributor's shares — not Earned CDSC, owed to it
    for (const o of mc.otherDistributorsCdsc ?? []) {
      doc.moveDown(0.5);
      line(`CDSC on ${o.distributor}'s shares (SPEC §6), collected`, o.cdscCollected, 0, true);
      line('Credited to the fund (FINRA 2341(d)(2), the cap used up)', o.cdscCreditedToFund, 12);
      line(`Owed to ${o.distributor}`, o.cdsc, 12);
    }
    doc.moveDown(0.5);
    line('Service fees (0.25%, TENTH)', mc.serviceFee, 0, true);
    // TENTH does not survive the term's end (FIFTEENTH(B)): each distributor's days, once it changed
    if ((mc.serviceFees?.length ?? 0) > 1 || mc.serviceFees?.some((p) => p.role !== 'Distributor'))
      for (const p of mc.serviceFees ?? [])
        line(`${p.distributor} (${p.role}), ${p.from}–${p.to}, ${p.days} days`, p.serviceFee, 12);
    doc.moveDown();
    // SPEC §12: the payees and what each is paid on the due date (the journal posts the same).
    doc.font('Helvetica-Bold').text(`Payments due ${mc.dueDate}`);
    doc.font('Helvetica');
    // with the prior-period adjustments routed to each payee (the report's payables), when given
    const payables = meta.payables?.filter((p) => p.portfolioId === mc.portfolioId);
    if (payables === undefined)
      for (const p of mc.payees)
        line(
          `${p.payee} (${p.role})${p.owedOn !== '0.00' ? `, of which ${p.owedOn} owed on to Assignees` : ''}`,
          p.total,
          12,
        );
    else payableLines(payables);
    for (const a of mc.assignees) if (a.note) doc.text(`${a.assignee}, ${a.address}: ${a.note}`);
    adjustmentLines(mc.portfolioId);
    serviceFeeAdjustmentLines(mc.portfolioId);
    signature();
  }
  // SPEC §12: a portfolio with no Class B fees this month whose closed months were restated is
  // still paid (or recovers) its prior-period adjustments on the due date: its page carries them
  // and the payables, so the PDF has every figure the report's JSON and CSV have.
  const calculated = new Set(calculations.map((mc) => mc.portfolioId));
  const adjustedOnly = new Map<string, string>();
  for (const x of [
    ...(meta.priorPeriodAdjustments ?? []),
    ...(meta.payables ?? []),
    ...(meta.priorPeriodServiceFeeAdjustments ?? []),
  ])
    if (!calculated.has(x.portfolioId) && !adjustedOnly.has(x.portfolioId))
      adjustedOnly.set(x.portfolioId, x.portfolio);
  for (const [portfolioId, portfolio] of adjustedOnly) {
    const payables = (meta.payables ?? []).filter((p) => p.portfolioId === portfolioId);
    const dueDate = payables[0]?.dueDate ?? paymentDueDate(meta.month);
    doc.addPage();
    doc.font('Helvetica-Bold').fontSize(14).text(`Monthly Calculation — ${meta.month}`);
    doc.font('Helvetica').fontSize(10).moveDown(0.3);
    doc.text(`${portfolio} — Class B Shares`);
    doc.text(`Distributor: ${meta.distributor} — payment due ${dueDate} (SEVENTH(B)).`);
    doc.moveDown();
    doc.text('No Class B Distribution Fees this month: only prior-period adjustments are paid (SPEC §12).');
    doc.moveDown();
    doc.font('Helvetica-Bold').text(`Payments due ${dueDate}`);
    doc.font('Helvetica');
    payableLines(payables);
    adjustmentLines(portfolioId);
    serviceFeeAdjustmentLines(portfolioId);
    signature();
  }
  if (calculations.length === 0 && adjustedOnly.size === 0) {
    doc.addPage();
    doc
      .font('Helvetica')
      .fontSize(12)
      .text(`Monthly Calculation — ${meta.month}: no Class B Distribution Fees this month.`);
  }
  doc.end();
  return done;
}
