import type { Command } from 'commander';
import { Plan12bError } from '../../errors.js';
import { didYouMeanPortfolio } from '../../registry/closestPortfolioName.js';
import { portfolioHistorySheets } from '../../reports/xlsxSheets.js';
import { type CliContext, printJson } from '../context.js';
import { registryFor } from '../registryQuery.js';
import { sheetCsv, writeXlsxOption } from '../tabularOutput.js';

export function registerPortfolioCommands(program: Command, getContext: () => CliContext): void {
  const portfolio = program.command('portfolio').description('portfolios: identity across renames and moves');
  portfolio
    .command('history')
    .description('names, registrants, classes covered and rates over time')
    .argument('<name>', 'any name the portfolio ever had')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV: the classes and rates over time')
    .option('--xlsx <file>', 'write an XLSX workbook: the lines of the CSV, then names and registrants')
    .action(async (name: string, opts: { json?: boolean; csv?: boolean; xlsx?: string }) => {
      const ctx = getContext();
      const { registry } = await registryFor(ctx);
      const h = registry.portfolioHistory(name);
      if (!h)
        throw new Plan12bError(
          'NOT_FOUND',
          `no portfolio has ever been named ${JSON.stringify(name)}`,
          `${didYouMeanPortfolio(registry.identities, name)}check the spelling, or import the exhibit that lists it`,
        );
      // DEVELOPERS rule 7: the workbook's first sheet and the CSV are one sheet definition
      const sheets = portfolioHistorySheets(h);
      await writeXlsxOption(ctx, opts.xlsx, sheets);
      if (opts.json) return printJson(ctx, h);
      if (opts.csv) {
        ctx.out(sheetCsv(sheets[0]!));
        for (const w of h.warnings) ctx.err(`warning: ${w}`);
        return;
      }
      const span = (from: string | null, last: string | null) =>
        `${from ?? 'from the start'} … ${last ?? 'now'}`;
      ctx.out(`Portfolio ${h.portfolioId}`);
      ctx.out('Names:');
      for (const n of h.names) ctx.out(`  ${n.name}  (${span(n.from, n.lastDay)})`);
      ctx.out('Registrants:');
      for (const r of h.registrants) ctx.out(`  ${r.registrant ?? '—'}  (${span(r.from, r.lastDay)})`);
      ctx.out('Classes and rates:');
      for (const c of h.classes)
        ctx.out(
          `  Class ${c.class}  ${span(c.from, c.lastDay)}  ABSC ${c.distributionFeePct ?? '—'}%  service ${c.serviceFeePct ?? '—'}%  (${c.schedule}, ${c.instrument}${c.amendmentNumber !== null ? `, Amendment No. ${c.amendmentNumber}` : ''})${c.renamedTo ? `  → Class ${c.renamedTo.class} from ${c.renamedTo.date}` : ''}${c.approvalNote ? `\n      ${c.approvalNote}` : ''}${c.stopped ? `\n      stopped: ${c.stopped}` : ''}`,
        );
      for (const r of h.classRenames)
        ctx.out(
          `Class ${r.from} renamed Class ${r.to} from ${r.date} (${r.document}): its history continues as Class ${r.to}`,
        );
      if (h.pending.length > 0) ctx.out('Pending (waiting for an approval):');
      for (const p of h.pending)
        ctx.out(`  Class ${p.class}  ${p.document} effective ${p.effectiveDate}: ${p.reason}`);
      for (const w of h.warnings) ctx.err(`warning: ${w}`);
    });
}
