import type { Command } from 'commander';
import { exhibitText } from '../../edgar/exhibitBytes.js';
import type { ExhibitDocument } from '../../edgar/exhibitDocument.js';
import { ExhibitParseError } from '../../edgar/exhibitDocument.js';
import { importableDocument } from '../../edgar/importableDocument.js';
import { parseExhibit } from '../../edgar/parseExhibit.js';
import { renderableDocumentProblem } from '../../edgar/renderableDocument.js';
import { renderExhibit } from '../../edgar/renderExhibit.js';
import { Plan12bError } from '../../errors.js';
import { importExhibits } from '../../import/exhibitImport.js';
import { withdrawExhibit } from '../../import/exhibitWithdrawal.js';
import { titleNamesInstrument } from '../../registry/instrumentNameApart.js';
import { documentListRows, listedDocuments } from '../../reports/documentListCsv.js';
import { documentListSheet, exhibitEntriesSheet } from '../../reports/xlsxSheets.js';
import { listDocuments, loadRegistry } from '../../store/registryStore.js';
import { type CliContext, printJson, withDatabase, withReadSnapshot } from '../context.js';
import { counted } from '../counted.js';
import { requireDate } from '../options.js';
import { startProgress } from '../progress.js';
import { readInputFile } from '../readInput.js';
import { registryFor } from '../registryQuery.js';
import { scheduleDocumentAsOf } from '../scheduleDocument.js';
import { printTable } from '../table.js';
import { sheetCsv, writeXlsxOption } from '../tabularOutput.js';

export function registerExhibitCommands(program: Command, getContext: () => CliContext): void {
  const exhibit = program
    .command('exhibit')
    .description('read, import and render EDGAR exhibits (plans, agreements, amendments)');

  exhibit
    .command('parse')
    .description('read one exhibit as filed and print what it says (SPEC §2.1); writes nothing')
    .argument('<file>', 'the exhibit as filed on EDGAR: plain text or HTML')
    .option('--json', 'print JSON (the default output is a summary)')
    .option('--csv', 'print the schedule entries as CSV, one line each, as the document states them')
    .option('--xlsx <file>', 'write an XLSX workbook of the same lines as the CSV')
    .action(async (file: string, opts: { json?: boolean; csv?: boolean; xlsx?: string }) => {
      const ctx = getContext();
      const doc = parseExhibit(exhibitText(readInputFile(file)), file);
      // standing rule 7: the entries a person checks against the filing, in a spreadsheet
      const sheet = exhibitEntriesSheet(doc);
      await writeXlsxOption(ctx, opts.xlsx, [sheet]);
      const answered = opts.json === true || opts.csv === true;
      if (opts.json) printJson(ctx, doc);
      else if (opts.csv) {
        ctx.out(sheetCsv(sheet));
        for (const w of doc.warnings) ctx.err(`warning: ${w}`);
      } else {
        ctx.out(`${doc.title}${doc.exhibit ? ` (Exhibit ${doc.exhibit})` : ''}`);
        ctx.out(
          `  kind ${doc.kind}; effective ${doc.effectiveDate ?? '— (not stated)'}; instrument dated as of ${doc.instrument.datedAsOf ?? '—'}`,
        );
        for (const s of doc.schedules)
          ctx.out(
            `  ${s.name}${s.replacesEntirely ? ' (replaces the previous version)' : ''}: ${s.entries.length} entries`,
          );
        for (const r of doc.renames) ctx.out(`  rename: ${r.from} → ${r.to}`);
        for (const r of doc.renameRules) ctx.out(`  rename rule: replace "${r.replace}" with "${r.with}"`);
        for (const w of doc.warnings) ctx.err(`warning: ${w}`);
      }
      // SPEC §2.1: parse fails (exit 65) wherever import would refuse the document; its JSON
      // answer stands printed, the refusal goes to stderr
      try {
        importableDocument(doc, file);
      } catch (e) {
        if (!(e instanceof ExhibitParseError)) throw e;
        throw new Plan12bError(
          'BAD_INPUT',
          e.message,
          'the document as printed is what plan12b reads; import would refuse it for the reason above',
          answered,
        );
      }
    });

  exhibit
    .command('import')
    .description(
      'import exhibits into the registry: one transaction, idempotent (same bytes twice change nothing)',
    )
    .argument('<files...>', 'exhibit files')
    .option('--json', 'print the result as JSON')
    .option(
      '--effective-date <date>',
      'the date it takes effect, where the document leaves it blank (a draft or form)',
    )
    .option('--class <class>', 'the share class, where the document does not state it ("A", "Investor")')
    .option('--registrant <name>', 'the Registrant, where the document does not name it')
    .option(
      '--amends <title>',
      'the instrument an amendment amends, where its title fits two of one date (as the warning lists it: "Fifth Amended and Restated Distribution and Service Plan (Compensation)"); recorded as stated, also for an amendment imported before',
    )
    .action(
      async (
        files: string[],
        opts: {
          json?: boolean;
          effectiveDate?: string;
          class?: string;
          registrant?: string;
          amends?: string;
        },
      ) => {
        const ctx = getContext();
        const inputs = files.map((f) => ({ fileName: f, bytes: readInputFile(f) }));
        // SPEC §2.1: what the user states is recorded as stated by the user
        const stated = {
          ...(opts.effectiveDate !== undefined
            ? { effectiveDate: requireDate(opts.effectiveDate, '--effective-date') }
            : {}),
          ...(opts.class !== undefined ? { class: opts.class } : {}),
          ...(opts.registrant !== undefined ? { registrant: opts.registrant } : {}),
          ...(opts.amends !== undefined ? { amends: opts.amends } : {}),
        };
        const progress = startProgress(
          ctx,
          opts.json ? '' : 'reading exhibits',
          opts.json ? 0 : inputs.length,
        );
        const result = await withDatabase(ctx, (db) =>
          importExhibits(db, inputs, () => progress.tick(), stated),
        ).finally(() => progress.stop());
        if (opts.json) return printJson(ctx, result);
        for (const i of result.imported)
          ctx.out(`imported ${i.file}: ${i.title}, effective ${i.effectiveDate}`);
        for (const u of result.unchanged)
          if (!result.stated.some((s) => s.id === u.id)) ctx.out(`unchanged ${u.file}: already imported`);
        for (const s of result.stated)
          ctx.out(
            `stated ${s.file}: ${s.title} amends "${s.amends}"${s.replaces === undefined ? '' : ` (was stated to amend "${s.replaces}")`}`,
          );
        for (const w of result.warnings) ctx.err(`warning: ${w}`);
      },
    );

  exhibit
    .command('list')
    .description('every imported exhibit with its hash; a withdrawn one with its reason, actor and date')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .option('--xlsx <file>', 'write an XLSX workbook of the same lines as the CSV')
    .action(async (opts: { json?: boolean; csv?: boolean; xlsx?: string }) => {
      const ctx = getContext();
      // Plan §7, FOURTEENTH: a document of a lapsed instrument is listed as lapsed, never in force
      const documents = await withReadSnapshot(ctx, async (q) =>
        listedDocuments(await listDocuments(q), await loadRegistry(q)),
      );
      // DEVELOPERS rule 7: the workbook and the CSV are one sheet definition
      const sheet = documentListSheet(documents);
      await writeXlsxOption(ctx, opts.xlsx, [sheet]);
      if (opts.json) return printJson(ctx, { count: documents.length, documents });
      if (opts.csv) return ctx.out(sheetCsv(sheet));
      const rows = documentListRows(documents);
      printTable(
        ctx,
        ['Hash', 'File', 'Effective', 'Title', 'Status'],
        rows.map((r) => [
          r.id.slice(0, 16),
          r.file,
          r.effectiveDate,
          // a title that does not name its instrument (two of one date told apart) is listed with it
          r.instrument === null || titleNamesInstrument(r.title, r.instrument)
            ? r.title
            : `${r.title} (of ${r.instrument})`,
          r.status === 'withdrawn'
            ? `WITHDRAWN ${r.withdrawnAt} by ${r.withdrawnBy}: ${r.withdrawalReason}`
            : r.statusText || r.status,
        ]),
      );
      ctx.out(`${documents.length} documents`);
      // a store of documents only records no approval: every instrument shows a lapse, and a new
      // user is told where the deadlines are and how the Board's votes are recorded
      const lapsed = documents.filter((d) => d.lapse !== null).length;
      if (lapsed > 0)
        ctx.err(
          `next: ${counted(lapsed, 'document is', 'documents are')} of an instrument whose annual continuance (Plan §7; Agreement FOURTEENTH) has no approval recorded by its deadline: \`plan12b continuance\` lists the deadlines; record the Board's votes with \`plan12b approvals import FILE.csv\``,
        );
    });

  exhibit
    .command('withdraw')
    .description(
      'withdraw a document imported by mistake: it stops governing from now on; closed months stay sealed and the next close reports the difference as a prior-period adjustment',
    )
    .argument('<hash>', "the document's hash, or its first 8+ digits (`plan12b exhibit list`)")
    .requiredOption('--reason <text>', 'why it is withdrawn (recorded with the actor in the audit log)')
    .option('--json', 'print the result as JSON')
    .action(async (hash: string, opts: { reason: string; json?: boolean }) => {
      const ctx = getContext();
      const result = await withDatabase(ctx, (db) => withdrawExhibit(db, hash, opts.reason));
      if (opts.json) return printJson(ctx, result);
      ctx.out(
        `withdrawn ${result.file} (${result.id.slice(0, 16)}): ${result.title}, effective ${result.effectiveDate}; by ${result.withdrawnBy}: ${result.reason}`,
      );
      if (result.closedMonthsToAdjust.length > 0)
        ctx.out(
          `closed months ${result.closedMonthsToAdjust.join(', ')} stay as sealed; the next close reports what they would now say as prior-period adjustments`,
        );
      for (const w of result.warnings) ctx.err(`warning: ${w}`);
    });

  exhibit
    .command('render')
    .description(
      'write a schedule in the exhibit layout: a parsed exhibit (JSON) or the schedule in force on a date',
    )
    .argument('[parsed-json]', 'a file printed by `plan12b exhibit parse --json`')
    .option('--as-of <date>', 'render the entries in force on this date from the registry instead')
    .option('--class <class>', 'with --as-of: only this class')
    .option('--json', 'print the rendered text inside JSON ({ "text": … })')
    .action(async (file: string | undefined, opts: { asOf?: string; class?: string; json?: boolean }) => {
      const ctx = getContext();
      let doc: ExhibitDocument;
      // the registry's warnings of the day rendered (none for a parsed file: parse printed its own)
      let warnings: string[] | undefined;
      if (file !== undefined) {
        // a file that is missing or unreadable is that (66, 65), not "not JSON"
        const text = readInputFile(file).toString('utf8');
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch (e) {
          throw new Plan12bError(
            'BAD_INPUT',
            // the parser quotes the file's text: no control character of it reaches the terminal
            `${file}: not JSON: ${(e as Error).message.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')}`,
            'give the output of `plan12b exhibit parse FILE --json`',
          );
        }
        const problem = renderableDocumentProblem(parsed);
        if (problem !== null)
          throw new Plan12bError(
            'BAD_INPUT',
            `${file}: not a parsed exhibit: ${problem}`,
            'give the output of `plan12b exhibit parse FILE --json`',
          );
        doc = parsed as ExhibitDocument;
      } else if (opts.asOf !== undefined) {
        const asOf = requireDate(opts.asOf, '--as-of');
        const { registry } = await registryFor(ctx);
        ({ document: doc, warnings } = scheduleDocumentAsOf(registry, asOf, opts.class));
      } else {
        throw new Plan12bError(
          'USAGE',
          'give a parsed exhibit (JSON file) or --as-of DATE',
          'see `plan12b exhibit render --help`',
        );
      }
      const text = renderExhibit(doc);
      if (opts.json) return printJson(ctx, warnings === undefined ? { text } : { text, warnings });
      ctx.out(text);
      for (const w of warnings ?? []) ctx.err(`warning: ${w}`);
    });
}
