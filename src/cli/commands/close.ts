import type { Command } from 'commander';
import { type ClosedMonthView, showClosedMonth } from '../../close/closedMonthView.js';
import { monthCloseSteps } from '../../close/closeSteps.js';
import { closeMonth } from '../../close/monthClose.js';
import { Plan12bError } from '../../errors.js';
import {
  CSV_PARTS,
  closedMonthPartCsv,
  closedMonthPartDocument,
  closedMonthPartRows,
} from '../../reports/closedMonthPartCsv.js';
import type { ClassMonthFees } from '../../reports/feesReport.js';
import { JOURNAL_COLUMNS, type Journal } from '../../reports/journal.js';
import type { MonthlyCalculationReport } from '../../reports/monthlyCalculationReport.js';
import type { ServiceFeesReport } from '../../reports/serviceFeesReport.js';
import { closedMonthPartSheet } from '../../reports/xlsxSheets.js';
import { type CliContext, printJson, withDatabase, withReadSnapshot } from '../context.js';
import { toCsv } from '../csvOut.js';
import { printFeesText } from '../feesText.js';
import { printMonthlyCalculationText } from '../monthlyCalculationText.js';
import { monthOrLastClosed, nextMonthToClose } from '../monthOrLastClosed.js';
import { requireDate, requireMonth } from '../options.js';
import { startStepBar } from '../progress.js';
import { printServiceFeesText } from '../serviceFeesText.js';
import { printTable } from '../table.js';
import { writeXlsxOption } from '../tabularOutput.js';

const collect = (value: string, previous: string[]) => [...previous, value];

function showHeader(ctx: CliContext, view: ClosedMonthView, print: (text: string) => void = ctx.out): void {
  print(`${view.month} closed ${view.closedAt} by ${view.closedBy}`);
  print(
    `results hash ${view.resultsHash} — verified (every part, the seal, the close's audit record, the inputs)`,
  );
}

function showFees(ctx: CliContext, view: ClosedMonthView): void {
  const fees = view.parts.fees as { classes: ClassMonthFees[] } | undefined;
  if (fees === undefined) return;
  ctx.out('fees (portfolio, class: distribution fee + service fee = total):');
  for (const f of fees.classes)
    ctx.out(`  ${f.portfolio}, ${f.class}: ${f.distributionFee} + ${f.serviceFee} = ${f.totalFee}`);
}

function showMonthlyCalculation(ctx: CliContext, view: ClosedMonthView): void {
  const mc = view.parts['monthly-calculation'] as MonthlyCalculationReport | undefined;
  if (mc === undefined || (mc.portfolios.length === 0 && (mc.payables?.length ?? 0) === 0)) return;
  ctx.out(`Monthly Calculation (due ${mc.dueDate}):`);
  // SPEC §12: what the journal paid each payee — with the prior-period adjustments routed to it
  if (mc.payables !== undefined)
    for (const p of mc.payables) {
      const adjusted = p.adjustmentTwelveB1 !== '0.00' || p.adjustmentCdsc !== '0.00';
      ctx.out(
        `  ${p.portfolio}: ${p.payee} (${p.role}) ${p.payable}${adjusted ? ` (including prior-period adjustments ${p.adjustmentTwelveB1}${p.adjustmentCdsc === '0.00' ? '' : ` + CDSC ${p.adjustmentCdsc}`})` : ''}`,
      );
    }
  else
    for (const p of mc.portfolios)
      for (const payee of p.payees)
        ctx.out(`  ${p.portfolio}: ${payee.payee} (${payee.role}) ${payee.total}`);
}

function showJournal(ctx: CliContext, view: ClosedMonthView): void {
  const journal = view.parts.journal as Journal | undefined;
  if (journal !== undefined)
    ctx.out(
      `journal: ${journal.lines.length} lines, debits ${journal.totalDebits} = credits ${journal.totalCredits}`,
    );
}

function showClassBDetail(ctx: CliContext, view: ClosedMonthView): void {
  const d = view.classBDetail;
  if (d !== null)
    ctx.out(
      d.matches
        ? `Class B redemptions: ${d.redemptions}, recomputed from the month's inputs, hash as sealed (${d.sealedSha256.slice(0, 16)}…)`
        : `Class B redemptions: recomputed now (${d.redemptions}) they hash ${d.recomputedSha256.slice(0, 16)}…, not as sealed (${d.sealedSha256.slice(0, 16)}…): \`plan12b redemptions --from … --to …\` shows today's detail; the sealed totals stand`,
    );
}

function showRestatementsSince(
  ctx: CliContext,
  view: ClosedMonthView,
  print: (text: string) => void = ctx.out,
): void {
  for (const r of view.restatementsSince)
    print(
      `restated since: ${r.feed} ${r.providerId === null ? '' : `${r.providerId} `}${r.portfolio} class ${r.class} ${r.date}: ${r.oldNetAssets} → ${r.newNetAssets} by ${r.restatedBy} (${r.adjustedIn === null ? 'adjustment pending, next close' : `adjusted in ${r.adjustedIn}`})`,
    );
}

function showText(ctx: CliContext, view: ClosedMonthView): void {
  showHeader(ctx, view);
  const c = view.completeness;
  if (c !== null) {
    if (c.startsBooks) ctx.out(`the books start at ${view.month} (--first)`);
    for (const e of c.acceptedAsEnded)
      ctx.out(
        `accepted as ended: ${e.portfolio} class ${e.class} — net assets stop on ${e.lastNetAssets}, ended ${e.endedOn} (accepted in ${e.acceptedIn})`,
      );
  }
  showFees(ctx, view);
  showMonthlyCalculation(ctx, view);
  showJournal(ctx, view);
  showClassBDetail(ctx, view);
  showRestatementsSince(ctx, view);
  ctx.out('sealed parts:');
  for (const p of view.partHashes) ctx.out(`  ${p.part}  ${p.contentHash}`);
}

const ADJUSTMENTS_TEXT_COLUMNS = [
  'restatedMonth',
  'payee',
  'portfolio',
  'class',
  'original',
  'restated',
  'difference',
] as const;

/** The text tables' headings of the CSV columns (`adjustments`, `class-b`). */
const PART_TEXT_HEADERS: Readonly<Record<string, string>> = {
  kind: 'Kind',
  restatedMonth: 'Month restated',
  portfolio: 'Portfolio',
  class: 'Class',
  payee: 'Payee',
  original: 'Original',
  previouslyAdjusted: 'Adjusted before',
  restated: 'Restated',
  difference: 'Difference',
  twelveB1Portion: '12b-1',
  cdscPortion: 'CDSC',
  count: 'Redemptions',
  gross: 'Gross',
  cdsc: 'CDSC',
  cdscWaived: 'CDSC waived',
  redemptionFee: 'Redemption fee',
  net: 'Net',
};

/**
 * `close show --part P` without --csv/--xlsx/--json: the month's header, then that part's text
 * from the sealed results — the fees, the journal, the Monthly Calculation and the service fees as
 * the live `fees`, `journal`, `monthly-calculation` and `service-fees` print them (the sealed
 * figures, whatever was restated since: those restatements are listed after it, SPEC §12), the
 * adjustments and the Class B redemptions as tables of the lines their CSV holds. The part's sealed
 * warnings go to stderr, as the live report's do.
 */
function showPartText(ctx: CliContext, view: ClosedMonthView, part: string): void {
  // the part must be sealed: the 66 of a month without it, as the CSV says
  const { columns, rows } = closedMonthPartRows(view, part);
  // the journal's text is its CSV (a document, as `plan12b journal` prints it): the rest on stderr
  const aside = part === 'journal' ? ctx.err : ctx.out;
  showHeader(ctx, view, aside);
  const sealed = view.parts[part];
  const own: Readonly<Record<string, () => void>> = {
    fees: () => printFeesText(ctx, (sealed as { classes: ClassMonthFees[] }).classes),
    'monthly-calculation': () => printMonthlyCalculationText(ctx, sealed as MonthlyCalculationReport),
    // `plan12b journal` prints its lines as CSV, its text form too
    journal: () => ctx.out(toCsv(JOURNAL_COLUMNS, (sealed as Journal).lines)),
    'service-fees': () => printServiceFeesText(ctx, sealed as ServiceFeesReport),
  };
  const shownAsItsOwn = own[part];
  if (shownAsItsOwn !== undefined) {
    shownAsItsOwn();
    showRestatementsSince(ctx, view, aside);
    const warnings = (sealed as { warnings?: unknown }).warnings;
    if (Array.isArray(warnings)) for (const w of warnings) ctx.err(`warning: ${String(w)}`);
    return;
  }
  if (part === 'class-b') showClassBDetail(ctx, view);
  if (rows.length === 0) {
    ctx.out(`${part}: none`);
    return;
  }
  ctx.out(
    part === 'adjustments' ? 'Prior-period adjustments (restated closed months, per payee):' : `${part}:`,
  );
  // the adjustments as `service-fees` prints its own: what a payee is owed, not how it splits
  const shown = part === 'adjustments' ? ADJUSTMENTS_TEXT_COLUMNS : columns;
  printTable(
    ctx,
    shown.map((c) => PART_TEXT_HEADERS[c] ?? c),
    rows.map((r) => shown.map((c) => String((r as Record<string, unknown>)[c] ?? ''))),
  );
}

export function registerCloseCommand(program: Command, getContext: () => CliContext): void {
  program
    .command('close')
    .description(
      'close a month end to end (accruals, service fees, Class B, the Monthly Calculation, the journal, prior-period adjustments) in one transaction, and seal it; `close show --month M` prints a closed month after verifying its seal (exit 69 if it does not verify)',
    )
    .argument('[show]', "`show`: print the month's sealed results instead of closing it")
    .option(
      '--month <YYYY-MM>',
      'the month to close (required: months close in order from the first month with daily net assets); with show, the month to print (default: the last month closed)',
    )
    .option(
      '--first',
      'start the books at this month (only before any month is closed; recorded and audited)',
    )
    .option(
      '--accept-ended <PORTFOLIO:CLASS>',
      'a class whose net-assets feed stopped before the month end, accepted as ended (repeat for each; recorded and audited)',
      collect,
      [] as string[],
    )
    .option('--due-date <date>', 'a later payment date the Distributor instructs in writing (SEVENTH(B))')
    .option('--json', 'print the sealed results as JSON (with show --part: that part as sealed)')
    .option('--csv', 'with show: print one sealed part as CSV (see --part)')
    .option(
      '--xlsx <file>',
      'with show: write one sealed part as an XLSX workbook, the lines of its CSV (see --part)',
    )
    .option(
      '--part <part>',
      `with show: the sealed part to print — ${CSV_PARTS.join(', ')}; alone its text as the live report of that name prints it (fees, journal, monthly-calculation, service-fees), with --csv or --xlsx its lines, with --json the part as sealed`,
      'fees',
    )
    .action(
      async (
        what: string | undefined,
        opts: {
          month?: string;
          first?: boolean;
          acceptEnded: string[];
          dueDate?: string;
          json?: boolean;
          csv?: boolean;
          xlsx?: string;
          part: string;
        },
        command: Command,
      ) => {
        const ctx = getContext();
        // checked before anything is read; named in the hints below (YYYY-MM where it is not given)
        const given = opts.month === undefined ? undefined : requireMonth(opts.month, '--month');
        const month = given ?? 'YYYY-MM';
        if (what !== undefined && what !== 'show')
          throw new Plan12bError(
            'USAGE',
            `close ${JSON.stringify(what)}: the only action is \`show\``,
            `close a month with \`plan12b close --month ${month}\`, or print it with \`plan12b close show --month ${month}\``,
          );
        // --csv, --xlsx and --part print a closed month's sealed part: they go with `close show`.
        // Closing prints its own answer (text or --json), so any of them without `show` is the
        // command line's mistake (64), said before any month is closed — never silently dropped.
        if (what !== 'show') {
          const partGiven = command.getOptionValueSource('part') === 'cli';
          const misplaced =
            opts.xlsx !== undefined ? '--xlsx' : opts.csv ? '--csv' : partGiven ? '--part' : undefined;
          if (misplaced !== undefined)
            throw new Plan12bError(
              'USAGE',
              `${misplaced} prints a closed month's sealed part: it goes with \`close show\`, not with closing the month`,
              `\`plan12b close show --month ${month} --part ${opts.part} ${opts.xlsx !== undefined ? `--xlsx ${opts.xlsx}` : '--csv'}\`; close the month with \`plan12b close --month ${month}\``,
            );
        }
        if (what === 'show') {
          // a part CSV cannot print is the command line's fault (64, the API's 400), said before
          // the store is opened, not "the month has no such part" (66) after
          if (!(CSV_PARTS as readonly string[]).includes(opts.part))
            throw new Plan12bError(
              'USAGE',
              `--part ${JSON.stringify(opts.part)} is not one of ${CSV_PARTS.join(', ')}`,
              `give --part one of them; \`plan12b close show --month ${month} --json\` prints every sealed part`,
            );
          // a closed month's results, as every month query: by default the last month closed
          const shown = given ?? (await monthOrLastClosed(ctx, undefined));
          const view = await withReadSnapshot(ctx, (q) => showClosedMonth(q, shown));
          if (opts.xlsx !== undefined)
            await writeXlsxOption(ctx, opts.xlsx, [closedMonthPartSheet(view, opts.part)]);
          const partGiven = command.getOptionValueSource('part') === 'cli';
          // --part P --json: that part as sealed (its hash, the restatements since beside it); without
          // --part, the whole month
          if (opts.json) return printJson(ctx, partGiven ? closedMonthPartDocument(view, opts.part) : view);
          if (opts.csv) return ctx.out(closedMonthPartCsv(view, opts.part));
          // as --pdf elsewhere: the file is the answer asked for
          if (opts.xlsx !== undefined) return;
          // --part alone: that part's text, not the whole month's
          if (partGiven) return showPartText(ctx, view, opts.part);
          return showText(ctx, view);
        }
        // closing changes the books: the month is the user's to name, the next one to close offered
        if (given === undefined) {
          const next = await withReadSnapshot(ctx, nextMonthToClose);
          throw new Plan12bError(
            'USAGE',
            'give the month to close: --month YYYY-MM',
            next === null
              ? 'no daily net assets are recorded yet: import them first (`plan12b net-assets import FILE.csv`), or start the books at a month with `plan12b close --month YYYY-MM --first`'
              : `the next month to close is ${next}: \`plan12b close --month ${next}\``,
          );
        }
        const instructedDueDate = opts.dueDate === undefined ? null : requireDate(opts.dueDate, '--due-date');
        const steps = monthCloseSteps();
        // SPEC §11: a bar on a terminal, quiet when piped (and under --json)
        const bar = startStepBar(ctx, `close ${given}`, steps.length, opts.json);
        const result = await withDatabase(ctx, (db) =>
          closeMonth(db, given, steps, {
            first: opts.first === true,
            acceptEnded: opts.acceptEnded,
            instructedDueDate,
            onStep: (title, i, n) => {
              if (i < n) bar.step(title);
            },
          }),
        ).finally(() => bar.stop());
        if (opts.json) return printJson(ctx, result);
        ctx.out(`${month} closed and sealed by ${result.closedBy}; results hash ${result.resultsHash}`);
      },
    );
}
