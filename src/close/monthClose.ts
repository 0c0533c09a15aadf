import { sealedPartHash, sealedResultsHash } from '../audit/closeSeal.js';
import { LedgerStateRowsDigest } from '../audit/ledgerStateDigest.js';
import { sealingMonthInputsDigest, sealingWithLedgerState } from '../audit/monthInputsDigest.js';
import { monthEnd, monthOf, monthStart } from '../calendar/isoDate.js';
import { requireDateOfNyseCalendar } from '../calendar/nyseCalendar.js';
import type { Registry } from '../registry/registry.js';
import { type FeesReport, feesReport } from '../reports/feesReport.js';
import { monthJournal } from '../reports/journal.js';
import type { MonthlyCalculationReport } from '../reports/monthlyCalculationReport.js';
import { currentActor } from '../store/actor.js';
import { appendAudit, auditHead } from '../store/auditLog.js';
import {
  closedMonthsInOrder,
  firstNetAssetsDate,
  insertClosedMonth,
  insertCloseResult,
  lastNetAssetsDates,
  loadCloseResult,
  sealClosedMonth,
  sealedPartOfEveryMonth,
} from '../store/closeRepository.js';
import type { Database, Queryable } from '../store/database.js';
import { sealLedgerStateWrites } from '../store/ledgerStateRepository.js';
import { loadRegistry } from '../store/registryStore.js';
import { assertClosable } from './closeOrder.js';
import { faultPoint } from './faultPoint.js';
import { refuseHoldingsKeptAhead } from './holdingsKeptAhead.js';
import {
  type CloseCompleteness,
  type EndedClass,
  endedClasses,
  parseNamedClass,
} from './inputCompleteness.js';
import { checkLedgerStateAsThePassReads } from './ledgerStateAsSealed.js';

/**
 * What a close reads once and hands to every step (issue 14 item 4: the close reads each input
 * once): the registry derived once, the month's daily fees accrued once, the Distributor's
 * instructed due date, and the parts computed so far (as they will be sealed).
 */
export interface CloseContext {
  readonly month: string;
  readonly registry: Registry;
  /** the month's fees, every class, with the daily rows */
  readonly fees: FeesReport;
  /** a later payment date the Distributor instructs in writing (SEVENTH(B)), or null */
  readonly instructedDueDate: string | null;
  /** the parts sealed so far in this close, by part, as stored */
  readonly parts: Readonly<Record<string, unknown>>;
}

/** One part of a month close: computes its results inside the close's transaction. */
export interface CloseStep {
  readonly part: string;
  readonly title: string;
  run(tx: Queryable, month: string, context: CloseContext): Promise<unknown>;
}

export interface CloseResult {
  readonly month: string;
  readonly closedBy: string;
  readonly resultsHash: string;
  readonly parts: Record<string, unknown>;
}

export interface CloseOptions {
  /** start the books at this month (`close --month M --first`, SPEC §12) */
  readonly first?: boolean;
  /** classes accepted as ended (`--accept-ended PORTFOLIO:CLASS`, SPEC §12) */
  readonly acceptEnded?: readonly string[];
  /** a later payment date the Distributor instructs in writing (SEVENTH(B)) */
  readonly instructedDueDate?: string | null;
  readonly onStep?: (title: string, index: number, count: number) => void;
}

export { previousMonth } from './closeOrder.js';

/** The sealed part that records what the close accepted about its inputs (SPEC §12). */
export const COMPLETENESS_PART = 'completeness';

export const feesStep: CloseStep = {
  part: 'fees',
  title: 'daily accruals (distribution and service fees)',
  // the month's fees per class, as `plan12b fees` gives them (the daily rows go to the journal)
  run: async (_tx, _month, { fees }) => ({
    from: fees.from,
    to: fees.to,
    classes: fees.classes,
    warnings: fees.warnings,
  }),
};

/**
 * SPEC §12: the journal of a month and its Monthly Calculation agree — each payee's payable and
 * its due date. The journal is given the Monthly Calculation this close sealed (never a second
 * computation) and the month's accrued fees.
 */
export const journalStep: CloseStep = {
  part: 'journal',
  title: 'journal',
  run: (tx, month, ctx) => {
    const mc = ctx.parts['monthly-calculation'] as MonthlyCalculationReport | undefined;
    return monthJournal(tx, month, {
      instructedDueDate: ctx.instructedDueDate,
      fees: ctx.fees,
      ...(mc === undefined ? {} : { monthlyCalculation: mc }),
    });
  },
};

/**
 * SPEC §12: the order and completeness checks of a close, under its lock — months close in order
 * from the first month with daily net assets (or the month `--first` starts the books at), and
 * a covered class whose feed stopped is refused unless accepted as ended.
 */
async function checkCloseable(
  tx: Queryable,
  month: string,
  registry: Registry,
  opts: CloseOptions,
): Promise<CloseCompleteness> {
  const firstDate = await firstNetAssetsDate(tx);
  const firstNetAssetsMonth = firstDate === null ? null : monthOf(firstDate);
  assertClosable(month, {
    closed: await closedMonthsInOrder(tx),
    firstNetAssetsMonth,
    first: opts.first === true,
  });
  const earlier = (await sealedPartOfEveryMonth(tx, COMPLETENESS_PART)).flatMap(
    (p) => (p.content as CloseCompleteness).acceptedAsEnded,
  );
  const acceptedAsEnded: EndedClass[] = endedClasses(
    month,
    registry,
    await lastNetAssetsDates(tx, monthEnd(month)),
    (opts.acceptEnded ?? []).map((text) => parseNamedClass(registry, text, monthEnd(month))),
    earlier,
  );
  return {
    month,
    startsBooks: opts.first === true,
    firstMonthWithNetAssets: firstNetAssetsMonth,
    acceptedAsEnded,
  };
}

/**
 * `plan12b close --month` (SPEC §12), through the door: the writer lock is held for the whole
 * close, and every step runs in ONE transaction opened after the lock is taken (on a server at
 * REPEATABLE READ, so the close's reads and its seal see one snapshot). A crash or kill at any
 * point leaves the month open and the database as it was. The seal covers every part, the audit
 * chain head (so a deleted newest record is found) and a digest of the month's inputs; the
 * close's audit record carries the seal and the actor, and the month names that record.
 */
export async function closeMonth(
  db: Database,
  month: string,
  steps: readonly CloseStep[],
  opts: CloseOptions = {},
): Promise<CloseResult> {
  // SEVENTH(B): a later date the Distributor instructs — sealed as the payment date, so within the
  // calendar's years like every date plan12b records (64 otherwise, before the lock is taken)
  if (opts.instructedDueDate != null) requireDateOfNyseCalendar(opts.instructedDueDate);
  const actor = currentActor();
  const onStep = opts.onStep ?? (() => {});
  return db.withWriterLock(() =>
    db.transaction(
      async (tx) => {
        // The close's inputs, read once: the registry derived once, the month's fees accrued once.
        const registry = await loadRegistry(tx);
        const completeness = await checkCloseable(tx, month, registry, opts);
        await faultPoint('close:checked');
        const chain = await auditHead(tx);
        const inputs = await sealingMonthInputsDigest(tx, month, registry);
        // v4: the Class B ledger the steps write, as written
        const ledger = new LedgerStateRowsDigest();
        await refuseHoldingsKeptAhead(tx, month);
        // before the close's writes are sealed: the first close's check replays on a savepoint; the
        // bounded check hashes the month pass's reads and is answered after the steps (month9)
        const startCheck = await checkLedgerStateAsThePassReads(tx, month);
        sealLedgerStateWrites(tx, ledger);
        await insertClosedMonth(tx, month, actor);
        const parts: Record<string, unknown> = {};
        const hashes: { part: string; contentHash: string }[] = [];
        const seal = async (part: string, result: unknown) => {
          // Hashed as stored: the JSON text read back (jsonb keeps no key order), canonically.
          const json = JSON.stringify(result);
          const content: unknown = JSON.parse(json);
          const contentHash = sealedPartHash(content);
          await insertCloseResult(tx, { month, part, json, contentHash });
          parts[part] = content;
          hashes.push({ part, contentHash });
        };
        await seal(COMPLETENESS_PART, completeness);
        const fees = await feesReport(
          tx,
          { from: monthStart(month), to: monthEnd(month), daily: true },
          { registry },
        );
        const context: CloseContext = {
          month,
          registry,
          fees,
          instructedDueDate: opts.instructedDueDate ?? null,
          parts,
        };
        try {
          for (const [i, step] of steps.entries()) {
            onStep(step.title, i, steps.length);
            await seal(step.part, await step.run(tx, month, context));
            await faultPoint(`close:${step.part}`);
          }
        } catch (e) {
          await startCheck.failed(e);
        }
        sealLedgerStateWrites(tx, null);
        const startsFrom = (await startCheck.settle()).startsFrom;
        const inputsDigest = await sealingWithLedgerState(tx, month, inputs, ledger, startsFrom);
        const resultsHash = sealedResultsHash({ parts: hashes, chain, inputsDigest });
        const record = await appendAudit(tx, {
          action: 'month.close',
          subject: month,
          contentHash: resultsHash,
          detail: [
            ...hashes.map((h) => `${h.part}:${h.contentHash}`),
            `chain:${chain.seq}:${chain.hash}`,
            `inputs:${inputsDigest}`,
            ...(completeness.startsBooks ? ['first:books-start-here'] : []),
            ...completeness.acceptedAsEnded.map(
              (e) => `accepted-ended:${e.portfolioId}|${e.class}|last=${e.lastNetAssets}|in=${e.acceptedIn}`,
            ),
          ].join(' '),
        });
        await sealClosedMonth(tx, { month, resultsHash, chain, inputsDigest, auditSeq: record.seq });
        await faultPoint('close:sealed');
        onStep('sealed', steps.length, steps.length);
        return { month, closedBy: actor, resultsHash, parts };
      },
      { isolation: 'repeatable read' },
    ),
  );
}

/** One sealed part of a closed month (the repository's, re-exported for the reports). */
export { loadCloseResult };
