import type { Command } from 'commander';
import { importNetAssets } from '../../feeds/netAssetsFeed.js';
import { type CliContext, printJson, withDatabase } from '../context.js';
import { counted } from '../counted.js';
import { withFeedProgress } from '../progress.js';
import { readInputFile } from '../readInput.js';
import { restatementNextStep } from '../restatementNextStep.js';

export function registerNetAssetsCommands(program: Command, getContext: () => CliContext): void {
  const netAssets = program
    .command('net-assets')
    .description('daily net assets per class (the accrual base, SPEC §4)');
  netAssets
    .command('import')
    .description('import date,portfolio,class,net_assets rows: all-or-nothing, idempotent')
    .argument('<file>', 'CSV file with header date,portfolio,class,net_assets')
    .option('--restate', 'allow rows that change recorded values; each change is recorded as a restatement')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { restate?: boolean; json?: boolean }) => {
      const ctx = getContext();
      const bytes = readInputFile(file);
      const result = await withFeedProgress(ctx, file, opts.json, (progress) =>
        withDatabase(ctx, (db) =>
          importNetAssets(db, file, bytes, { restate: opts.restate === true, ...progress }),
        ),
      );
      if (opts.json) return printJson(ctx, result);
      ctx.out(
        `${file}: ${counted(result.rows, 'row')}; ${result.inserted} new, ${result.unchanged} unchanged, ${result.restated.length} restated`,
      );
      for (const r of result.restated)
        ctx.out(`  restated ${r.portfolio} class ${r.class} ${r.date}: ${r.old} → ${r.new}`);
      for (const w of result.warnings) ctx.err(`warning: ${w}`);
      const next = restatementNextStep(result.restated.map((r) => r.closedMonth));
      if (next !== null) ctx.err(next);
    });
}
