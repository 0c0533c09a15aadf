import { monthInputsDigest, sealedPartHash, sealedResultsHash } from '../audit/closeSeal.js';
import { monthEnd, monthStart } from '../calendar/isoDate.js';
import { Plan12bError } from '../errors.js';
import { feesReport } from '../reports/feesReport.js';
import { monthJournal } from '../reports/journal.js';
import { currentActor } from '../store/actor.js';
import { appendAudit, auditHead } from '../store/auditLog.js';
import {
  closedMonthsInOrder,
  insertClosedMonth,
  insertCloseResult,
  loadCloseResult,
  monthInputs,
  sealClosedMonth,
} from '../store/closeRepository.js';
import type { Database, Queryable } from '../store/database.js';
import { faultPoint } from './faultPoint.js';

/** One part of a month close: computes its results inside the close's transaction. */
export interface CloseStep {
  readonly part: string;
  readonly title: string;
  run(tx: Queryable, month: string): Promise<unknown>;
}

export interface CloseResult {
  readonly month: string;
  readonly closedBy: string;
  readonly resultsHash: string;
  readonly parts: Record<string, unknown>;
}

export function previousMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * Months close in order: after the first close, only the month after the latest closed one.
 * Checked under the writer lock, in the close's own transaction, so that no other close can
 * seal a month between the check and this close's seal.
 */
function assertClosable(closed: readonly string[], month: string): void {
  if (closed.includes(month))
    throw new Plan12bError(
      'CONFLICT',
      `${month} is already closed`,
      'a closed month is sealed; corrections become prior-period adjustments in the next open month',
    );
  const latest = closed.at(-1);
  if (latest !== undefined && latest > month)
    throw new Plan12bError(
      'REFUSED',
      `${month} is before ${latest}, which is closed`,
      'months close in order',
    );
  if (latest !== undefined && previousMonth(month) !== latest)
    throw new Plan12bError(
      'REFUSED',
      `${previousMonth(month)} is not closed yet`,
      `close ${previousMonth(month)} first; months close in order`,
    );
}

export const feesStep: CloseStep = {
  part: 'fees',
  title: 'daily accruals (distribution and service fees)',
  run: (tx, month) => feesReport(tx, { from: monthStart(month), to: monthEnd(month) }),
};

export const journalStep: CloseStep = {
  part: 'journal',
  title: 'journal',
  run: (tx, month) => monthJournal(tx, month),
};

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
  onStep: (title: string, index: number, count: number) => void = () => {},
): Promise<CloseResult> {
  const actor = currentActor();
  return db.withWriterLock(() =>
    db.transaction(
      async (tx) => {
        assertClosable(await closedMonthsInOrder(tx), month);
        await faultPoint('close:checked');
        const chain = await auditHead(tx);
        const inputsDigest = monthInputsDigest(
          await monthInputs(tx, month, monthStart(month), monthEnd(month), { asSealed: false }),
        );
        await insertClosedMonth(tx, month, actor);
        const parts: Record<string, unknown> = {};
        const hashes: { part: string; contentHash: string }[] = [];
        for (const [i, step] of steps.entries()) {
          onStep(step.title, i, steps.length);
          // Hashed as stored: the JSON text read back (jsonb keeps no key order), canonically.
          const json = JSON.stringify(await step.run(tx, month));
          const content: unknown = JSON.parse(json);
          const contentHash = sealedPartHash(content);
          await insertCloseResult(tx, { month, part: step.part, json, contentHash });
          parts[step.part] = content;
          hashes.push({ part: step.part, contentHash });
          await faultPoint(`close:${step.part}`);
        }
        const resultsHash = sealedResultsHash({ parts: hashes, chain, inputsDigest });
        const record = await appendAudit(tx, {
          action: 'month.close',
          subject: month,
          contentHash: resultsHash,
          detail: [
            ...hashes.map((h) => `${h.part}:${h.contentHash}`),
            `chain:${chain.seq}:${chain.hash}`,
            `inputs:${inputsDigest}`,
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
