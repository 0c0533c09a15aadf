import type { ServiceFeesReport } from '../reports/serviceFeesReport.js';
import type { CliContext } from './context.js';
import { printTable } from './table.js';

/**
 * The text of a month's service fees (Plan §4): each provider's fee per class, each class's fee
 * split between the providers and what the Distributor keeps, and the prior-period adjustments it
 * carries — as `plan12b service-fees` and `close show --part service-fees` print it.
 */
export function printServiceFeesText(ctx: CliContext, report: ServiceFeesReport): void {
  ctx.out(`Service fees for ${report.month}, payable ${report.paymentDate}:`);
  printTable(
    ctx,
    ['Provider', 'Name', 'Portfolio', 'Class', 'Days', 'ADNA', 'Rate %', 'Amount'],
    report.providers.flatMap((p) =>
      p.classes.map((c) => [
        p.id,
        p.name,
        c.portfolio,
        c.class,
        String(c.days),
        c.averageDailyNetAssets,
        c.ratePct,
        c.amount,
      ]),
    ),
  );
  ctx.out('');
  printTable(
    ctx,
    ['Portfolio', 'Class', 'Service fee', 'To providers', 'Distributor keeps'],
    report.classes.map((c) => [c.portfolio, c.class, c.serviceFee, c.providerFees, c.distributorRetained]),
  );
  ctx.out(
    `Total: service fee ${report.totals.serviceFee} = providers ${report.totals.providerFees} + Distributor ${report.totals.distributorRetained}`,
  );
  // Agreement TENTH: a Class B remainder after the term end E is kept by the distributor then serving
  for (const c of report.classes)
    if (c.retainedBy?.some((r) => r.role === 'Other Distributor'))
      ctx.out(
        `${c.portfolio} class ${c.class}: ${c.retainedBy
          .map((r) => `${r.distributor} (${r.role}) keeps ${r.amount} (${r.from}–${r.to}, ${r.days} days)`)
          .join('; ')} (Agreement TENTH)`,
      );
  // SPEC §12: restatements of closed months, per payee and class
  const ppa = report.priorPeriodAdjustments;
  if (ppa && ppa.providers.length + ppa.distributor.length > 0) {
    ctx.out('');
    ctx.out('Prior-period adjustments (restated closed months, per payee):');
    printTable(
      ctx,
      ['Month restated', 'Payee', 'Portfolio', 'Class', 'Original', 'Restated', 'Difference'],
      [
        ...ppa.providers.map((a) => [
          a.month,
          `${a.providerId} ${a.name}`,
          a.portfolio,
          a.class,
          a.original,
          a.restated,
          a.difference,
        ]),
        ...ppa.distributor.map((a) => [
          a.month,
          // Agreement TENTH: a Class B remainder after E is kept by the distributor then serving
          a.keptBy?.some((k) => k.role === 'Other Distributor')
            ? `${a.keptBy.map((k) => `${k.distributor} (${k.role}) ${k.difference}`).join('; ')} (keeps)`
            : 'Distributor (keeps)',
          a.portfolio,
          a.class,
          a.original,
          a.restated,
          a.difference,
        ]),
      ],
    );
  }
}
