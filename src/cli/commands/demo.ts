import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { monthEnd, monthStart } from '../../calendar/isoDate.js';
import { demoExhibits } from '../../demo/demoComplex.js';
import { demoNetAssetsCsv } from '../../demo/demoNetAssets.js';
import { runServiceFeesDemo } from '../../demo/demoServiceFees.js';
import { renderExhibit } from '../../edgar/renderExhibit.js';
import { importNetAssets } from '../../feeds/netAssetsFeed.js';
import { formatCents, parseCents } from '../../money/cents.js';
import { feesReport } from '../../reports/feesReport.js';
import { JOURNAL_COLUMNS, monthJournal } from '../../reports/journal.js';
import { importExhibits } from '../../store/exhibitImport.js';
import { loadRegistry } from '../../store/registryStore.js';
import { type CliContext, printJson, withDatabase } from '../context.js';
import { toCsv } from '../csvOut.js';
import { printTable } from '../table.js';

export function registerDemoCommand(program: Command, getContext: () => CliContext): void {
  program
    .command('demo')
    .description(
      'build a synthetic fund complex of its own: render its exhibits, import them, import a year of daily net assets, and print what is in force and a month of fees',
    )
    .option('--out <dir>', 'where to write the demo files (exhibits, net assets, journal)', './plan12b-demo')
    .option('--month <YYYY-MM>', 'the month of 2025 whose fees to show', '2025-12')
    .option('--json', 'print a JSON summary')
    .action(async (opts: { out: string; month: string; json?: boolean }) => {
      const ctx = getContext();
      const out = resolve(opts.out);
      const step = (text: string) => {
        if (!opts.json) ctx.err(`» ${text}`);
      };
      mkdirSync(join(out, 'exhibits'), { recursive: true });
      step(`rendering the demo complex's exhibits into ${join(out, 'exhibits')}`);
      const files = demoExhibits().map(({ fileName, doc }) => {
        const text = renderExhibit(doc);
        const path = join(out, 'exhibits', fileName);
        writeFileSync(path, text);
        return { fileName: path, bytes: Buffer.from(text) };
      });
      const summary = await withDatabase(ctx, async (db) => {
        step(`importing ${files.length} exhibits into ${ctx.dbTarget}`);
        const imported = await importExhibits(db, files);
        const registry = await loadRegistry(db);
        const asOf = `${opts.month}-28`;
        const inForce = registry.scheduleAsOf(asOf);
        step('generating a year of daily net assets (2025) for every covered class');
        const csvPath = join(out, 'net-assets-2025.csv');
        const csv = demoNetAssetsCsv(registry, '2025-01-02', '2025-12-31');
        writeFileSync(csvPath, csv);
        const na = await importNetAssets(db, csvPath, Buffer.from(csv));
        step(`computing fees for ${opts.month} and the month's journal`);
        const fees = await feesReport(db, { from: monthStart(opts.month), to: monthEnd(opts.month) });
        const journal = await monthJournal(db, opts.month);
        const journalPath = join(out, `journal-${opts.month}.csv`);
        writeFileSync(journalPath, `${toCsv(JOURNAL_COLUMNS, journal.lines)}\n`);
        step(`service providers, their customers' assets and ${opts.month}'s service-fee payments`);
        const serviceFees = await runServiceFeesDemo(db, out, opts.month);
        return { imported, registry, inForce, asOf, na, fees, journal, journalPath, csvPath, serviceFees };
      });
      const byClass = new Map<string, number>();
      for (const e of summary.inForce.entries) byClass.set(e.class, (byClass.get(e.class) ?? 0) + 1);
      const totals = summary.fees.classes.reduce(
        (t, c) => ({
          distribution: t.distribution + parseCents(c.distributionFee),
          service: t.service + parseCents(c.serviceFee),
        }),
        { distribution: 0n, service: 0n },
      );
      if (opts.json) {
        return printJson(ctx, {
          database: ctx.dbTarget,
          exhibits: summary.imported,
          inForce: {
            asOf: summary.asOf,
            byClass: Object.fromEntries(byClass),
            entries: summary.inForce.entries.length,
          },
          netAssets: { file: summary.csvPath, rows: summary.na.rows, inserted: summary.na.inserted },
          fees: summary.fees,
          journal: {
            file: summary.journalPath,
            lines: summary.journal.lines.length,
            debits: summary.journal.totalDebits,
            credits: summary.journal.totalCredits,
          },
        });
      }
      ctx.out('');
      ctx.out(
        `In force on ${summary.asOf}: ${summary.inForce.entries.length} schedule entries (${[...byClass].map(([c, n]) => `Class ${c}: ${n}`).join(', ')})`,
      );
      printTable(
        ctx,
        ['Registrant', 'Portfolio', 'Class', 'ABSC %', 'Service %', 'Under'],
        summary.inForce.entries.map((e) => [
          e.registrant ?? '',
          e.portfolio,
          e.class,
          e.assetBasedSalesChargePct ?? '—',
          e.serviceFeePct ?? '—',
          `${e.schedule}, ${e.document.title}`,
        ]),
      );
      const h = summary.registry.portfolioHistory('Harbor Core Equity Fund');
      if (h)
        ctx.out(`\nRenamed: ${h.names.map((n) => `${n.name} (from ${n.from ?? 'the start'})`).join(' → ')}`);
      ctx.out(`\nFees for ${opts.month} (${summary.na.rows} net-asset rows imported):`);
      printTable(
        ctx,
        ['Portfolio', 'Class', 'Days', 'Avg daily net assets', 'Distribution fee', 'Service fee', 'Total'],
        summary.fees.classes.map((c) => [
          c.portfolio,
          c.class,
          String(c.days),
          c.averageDailyNetAssets,
          c.distributionFee,
          c.serviceFee,
          c.totalFee,
        ]),
      );
      ctx.out(
        `Total payable to the Distributor for ${opts.month}: distribution ${formatCents(totals.distribution)} + service ${formatCents(totals.service)} = ${formatCents(totals.distribution + totals.service)}, due ${summary.journal.paymentDate}`,
      );
      ctx.out(
        `Journal: ${summary.journalPath} (${summary.journal.lines.length} lines, debits ${summary.journal.totalDebits} = credits ${summary.journal.totalCredits})`,
      );
      ctx.out('');
      for (const l of summary.serviceFees.lines) ctx.out(l);
      ctx.out(`\nExhibits, feeds, statements: ${out}; database: ${ctx.dbTarget}`);
    });
}
