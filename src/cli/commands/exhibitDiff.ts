import type { Command } from 'commander';
import { Plan12bError } from '../../errors.js';
import { amendmentDiff } from '../../registry/amendmentDiff.js';
import { buildRegistry } from '../../registry/registry.js';
import { type CliContext, printJson } from '../context.js';
import { toCsv } from '../csvOut.js';
import { registryInputsFor } from '../registryQuery.js';
import { printTable } from '../table.js';

/** `plan12b exhibit diff HASH`: what one imported document changed in the schedule in force. */
export function registerExhibitDiffCommand(program: Command, getContext: () => CliContext): void {
  const exhibit = program.commands.find((c) => c.name() === 'exhibit');
  if (!exhibit) throw new Error('register the exhibit commands first');
  exhibit
    .command('diff')
    .description('what an imported document changed: entries added, removed, renamed, moved, re-rated')
    .argument('<hash>', 'the document id (SHA-256 of its bytes) or a unique prefix of 8 or more characters')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .action(async (hash: string, opts: { json?: boolean; csv?: boolean }) => {
      const ctx = getContext();
      const { documents, rates } = await registryInputsFor(ctx);
      const registry = buildRegistry(documents, rates);
      const wanted = hash.toLowerCase();
      const matches = wanted.length >= 8 ? documents.filter((d) => d.id.startsWith(wanted)) : [];
      if (matches.length !== 1)
        throw new Plan12bError(
          'NOT_FOUND',
          matches.length === 0
            ? `no imported document has the id ${hash}`
            : `${matches.length} documents have ids beginning ${hash}`,
          'see the ids in `plan12b exhibit import` output or the audit log; give at least 8 characters',
        );
      const document = matches[0]!;
      const diff = amendmentDiff(registry, document);
      const answer = {
        document: {
          id: document.id,
          fileName: document.fileName,
          title: document.doc.title,
          amendmentNumber: document.doc.amendmentNumber,
          effectiveDate: document.doc.effectiveDate,
        },
        ...diff,
      };
      if (opts.json) return printJson(ctx, answer);
      if (opts.csv) {
        ctx.out(toCsv(['change', 'portfolio', 'class', 'before', 'after'], diff.changes));
        return;
      }
      ctx.out(`${document.doc.title}, effective ${diff.from ?? '(no date)'}`);
      printTable(
        ctx,
        ['Change', 'Portfolio', 'Class', 'Before', 'After'],
        diff.changes.map((c) => [c.change, c.portfolio, c.class, c.before ?? '—', c.after ?? '—']),
      );
      ctx.out(`${diff.changes.length} changes against the schedule in force on ${diff.before ?? '—'}`);
      for (const w of diff.warnings) ctx.err(`warning: ${w}`);
    });
}
