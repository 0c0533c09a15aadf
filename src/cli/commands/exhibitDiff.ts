import type { Command } from 'commander';
import { Plan12bError } from '../../errors.js';
import { amendmentDiffAnswer } from '../../registry/amendmentDiffAnswer.js';
import { amendmentDiffSheet } from '../../reports/xlsxSheets.js';
import { registryOfInputs } from '../../store/registryInputs.js';
import { type CliContext, printJson, withReadSnapshot } from '../context.js';
import { registryInputsFor } from '../registryQuery.js';
import { printTable } from '../table.js';
import { sheetCsv, writeXlsxOption } from '../tabularOutput.js';

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
    .option('--xlsx <file>', 'write an XLSX workbook of the same lines as the CSV')
    .action(async (hash: string, opts: { json?: boolean; csv?: boolean; xlsx?: string }) => {
      const ctx = getContext();
      const inputs = await registryInputsFor(ctx);
      const { documents } = inputs;
      const wanted = hash.toLowerCase();
      const matches = wanted.length >= 8 ? documents.filter((d) => d.id.startsWith(wanted)) : [];
      // a withdrawn document stays listed (`exhibit list`): what it changed is history, answered
      const withdrawn =
        matches.length === 0 && wanted.length >= 8
          ? await withReadSnapshot(ctx, async (q) => {
              const { withdrawnDocumentRegistries } = await import(
                '../../store/withdrawnDocumentRegistry.js'
              );
              return withdrawnDocumentRegistries(q, (id) => id.startsWith(wanted));
            })
          : [];
      const found = matches.length + withdrawn.length;
      if (found !== 1)
        throw new Plan12bError(
          'NOT_FOUND',
          found === 0
            ? `no imported document has the id ${hash}`
            : `${found} documents have ids beginning ${hash}`,
          'see the ids in `plan12b exhibit list`; give at least 8 characters',
        );
      const gone = withdrawn[0];
      // the one derivation (registryOfInputs), approvals and terminations included, as the API's
      const diff =
        gone === undefined
          ? amendmentDiffAnswer(registryOfInputs(inputs).registry, matches[0]!, null)
          : amendmentDiffAnswer(gone.registry, gone.document, gone.withdrawal);
      const sheet = amendmentDiffSheet(diff);
      await writeXlsxOption(ctx, opts.xlsx, [sheet]);
      if (opts.json) return printJson(ctx, diff);
      if (opts.csv) {
        ctx.out(sheetCsv(sheet));
        return;
      }
      ctx.out(`${diff.document.title}, effective ${diff.from ?? '(no date)'}`);
      printTable(
        ctx,
        ['Change', 'Portfolio', 'Class', 'Before', 'After'],
        diff.changes.map((c) => [c.change, c.portfolio, c.class, c.before ?? '—', c.after ?? '—']),
      );
      ctx.out(`${diff.changes.length} changes against the schedule in force on ${diff.before ?? '—'}`);
      for (const w of diff.warnings) ctx.err(`warning: ${w}`);
    });
}
