import { sha256 } from '../audit/auditChain.js';
import { monthEnd, monthStart } from '../calendar/isoDate.js';
import { Plan12bError } from '../errors.js';
import { feesReport } from '../reports/feesReport.js';
import { monthJournal } from '../reports/journal.js';
import { currentActor } from '../store/actor.js';
import { appendAudit } from '../store/auditLog.js';
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

/** Months close in order: after the first close, only the month after the latest closed one. */
async function assertClosable(tx: Queryable, month: string): Promise<void> {
  const closed = (await tx.query<{ month: string }>('SELECT month FROM closed_month ORDER BY month')).map(
    (r) => r.month,
  );
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
 * `plan12b close --month`: runs every step in ONE transaction, then seals the month — so a crash
 * or kill at any point leaves the month open and the database as it was. The results are stored
 * with their hashes and the close is recorded in the audit log.
 */
export async function closeMonth(
  db: Database,
  month: string,
  steps: readonly CloseStep[],
  onStep: (title: string, index: number, count: number) => void = () => {},
): Promise<CloseResult> {
  const actor = currentActor();
  return db.transaction(async (tx) => {
    await tx.query('LOCK TABLE closed_month IN EXCLUSIVE MODE');
    await assertClosable(tx, month);
    const parts: Record<string, unknown> = {};
    const hashes: string[] = [];
    await tx.query('INSERT INTO closed_month (month, closed_by) VALUES ($1, $2)', [month, actor]);
    for (const [i, step] of steps.entries()) {
      onStep(step.title, i, steps.length);
      const content = await step.run(tx, month);
      const json = JSON.stringify(content);
      const hash = sha256(json);
      await tx.query(
        'INSERT INTO close_result (month, part, content, content_hash) VALUES ($1, $2, $3, $4)',
        [month, step.part, json, hash],
      );
      parts[step.part] = content;
      hashes.push(`${step.part}:${hash}`);
      await faultPoint(`close:${step.part}`);
    }
    const resultsHash = sha256(hashes.join('\n'));
    await tx.query('UPDATE closed_month SET results_hash = $2 WHERE month = $1', [month, resultsHash]);
    await appendAudit(tx, {
      action: 'month.close',
      subject: month,
      contentHash: resultsHash,
      detail: hashes.join(' '),
    });
    onStep('sealed', steps.length, steps.length);
    return { month, closedBy: actor, resultsHash, parts };
  });
}

export async function loadCloseResult(
  q: Queryable,
  month: string,
  part: string,
): Promise<unknown | undefined> {
  const [row] = await q.query<{ content: unknown }>(
    'SELECT content FROM close_result WHERE month = $1 AND part = $2',
    [month, part],
  );
  if (!row) return undefined;
  return typeof row.content === 'string' ? JSON.parse(row.content) : row.content;
}
