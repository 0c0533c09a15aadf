import { resolve } from 'node:path';
import type { Command } from 'commander';
import { distributorSharePcts } from '../../transfers/monthlyCalculation.js';
import { type CliContext, printJson, withDatabase } from '../context.js';
import { startStepBar } from '../progress.js';
import { printTable } from '../table.js';

export function registerDemoCommand(program: Command, getContext: () => CliContext): void {
  program
    .command('demo')
    .description(
      'the whole story on a synthetic complex of its own: exhibits, net assets, service providers, Class B activity with a change of distributor, two Assignees, approvals and votes, a termination, gross sales and expenditures; every month of 2025 closed; the Monthly Calculation and 2025Q4 board report PDFs',
    )
    .option(
      '--out <dir>',
      'where to write the demo files (exhibits, feeds, statements, PDF)',
      './plan12b-demo',
    )
    .option('--json', 'print a JSON summary')
    .action(async (opts: { out: string; json?: boolean }) => {
      const ctx = getContext();
      const out = resolve(opts.out);
      // Loaded here, not at start-up: the demo brings the PDF library and every writer with it.
      const { DEMO_MONTHS, DEMO_STEPS_AT_MOST, runDemo } = await import('../../demo/runDemo.js');
      // SPEC §11: a bar on a terminal, quiet when piped (and under --json)
      const bar = startStepBar(ctx, 'demo', DEMO_STEPS_AT_MOST, opts.json);
      const summary = await withDatabase(ctx, (db) => runDemo(db, out, (text) => bar.step(text))).finally(
        () => bar.stop(),
      );
      if (opts.json) return printJson(ctx, { database: ctx.dbTarget, ...summary });
      ctx.out('');
      for (const l of summary.lines) ctx.out(l);
      ctx.out(`\nThe year ${DEMO_MONTHS[0]} … ${DEMO_MONTHS.at(-1)}, closed month by month (Class B):`);
      printTable(
        ctx,
        [
          'Month',
          'Distribution fees',
          "Distributor's 12b-1 Share",
          'Earned CDSC',
          'To Assignees',
          'Service fees',
          'Due',
        ],
        summary.year.map((y) => [
          y.month,
          y.distributionFees,
          y.distributor12b1Share,
          y.earnedCdsc,
          y.assignees,
          y.serviceFees,
          y.dueDate,
        ]),
      );
      const last = summary.last;
      ctx.out(`\nMonthly Calculation ${last.month} (Agreement EIGHTH(C)), due ${last.dueDate}:`);
      printTable(
        ctx,
        [
          'Portfolio',
          'Fees',
          'Share %',
          "Distributor's share",
          'Earned CDSC',
          'Payee',
          '12b-1 Portion',
          'CDSC Portion',
        ],
        last.portfolios.flatMap((p) => [
          [
            p.portfolio,
            p.distributionFee,
            distributorSharePcts(p),
            p.distributor12b1Share,
            p.earnedCdsc,
            last.distributor,
            p.distributor12b1Portion,
            p.distributorEarnedCdscPortion,
          ],
          ...p.assignees.map((a) => ['', '', '', '', '', a.assignee, a.twelveB1Portion, a.cdscPortion]),
        ]),
      );
      ctx.out('\nEvery split above adds up to its whole to the cent (asserted when computed).');
      ctx.out(
        `Months closed now: ${summary.closed.length === 0 ? 'none (already closed)' : summary.closed.map((c) => c.month).join(', ')}`,
      );
      ctx.out(`Monthly Calculation PDF: ${summary.pdf}`);
      ctx.out(`Board report PDF: ${summary.boardReport.pdf}`);
      ctx.out(`Files: ${summary.out}; database: ${ctx.dbTarget}`);
    });
}
