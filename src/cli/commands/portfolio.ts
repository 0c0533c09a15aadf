import type { Command } from 'commander';
import { Plan12bError } from '../../errors.js';
import { loadRegistry } from '../../store/registryStore.js';
import { type CliContext, printJson, withDatabase } from '../context.js';

export function registerPortfolioCommands(program: Command, getContext: () => CliContext): void {
  const portfolio = program.command('portfolio').description('portfolios: identity across renames and moves');
  portfolio
    .command('history')
    .description('names, registrants, classes covered and rates over time')
    .argument('<name>', 'any name the portfolio ever had')
    .option('--json', 'print JSON')
    .action(async (name: string, opts: { json?: boolean }) => {
      const ctx = getContext();
      const registry = await withDatabase(ctx, (db) => loadRegistry(db));
      const h = registry.portfolioHistory(name);
      if (!h)
        throw new Plan12bError(
          'NOT_FOUND',
          `no portfolio has ever been named ${JSON.stringify(name)}`,
          'check the spelling, or import the exhibit that lists it',
        );
      if (opts.json) return printJson(ctx, h);
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
          `  Class ${c.class}  ${span(c.from, c.lastDay)}  ABSC ${c.distributionFeePct ?? '—'}%  service ${c.serviceFeePct ?? '—'}%  (${c.schedule}, ${c.instrument}${c.amendmentNumber !== null ? `, Amendment No. ${c.amendmentNumber}` : ''})${c.renamedTo ? `  → Class ${c.renamedTo.class} from ${c.renamedTo.date}` : ''}`,
        );
      for (const r of h.classRenames)
        ctx.out(
          `Class ${r.from} renamed Class ${r.to} from ${r.date} (${r.document}): its history continues as Class ${r.to}`,
        );
      for (const w of h.warnings) ctx.err(`warning: ${w}`);
    });
}
