import type { AuditRecord } from './auditChain.js';
import type { RecordFinding } from './importedRecords.js';

/**
 * Board-set rates (SPEC §2) checked against the `rates.set` records that wrote them (`audit
 * verify`; SPEC §12: every command that changes state is recorded, and verification detects a
 * deleted record, including the newest). `rates set` anchors nothing but the head kept beside the
 * log (`audit_head`), so deleting its record and moving that head back left a shorter chain that
 * verified, with the rate still governing every later close: the stored rate itself is the
 * evidence, as a setting is for `settings.set`. Pure.
 */

/** What a `rates.set` record says of the rate it recorded (its detail), one form for writer and verifier. */
export function boardRateRecordDetail(rate: {
  readonly distributionFeePct: string | null;
  readonly serviceFeePct: string | null;
  readonly reason: string | null;
}): string {
  return `distribution ${rate.distributionFeePct ?? '—'}%, service ${rate.serviceFeePct ?? '—'}%${rate.reason ? `: ${rate.reason}` : ''}`;
}

/** What a `rates.set` record's subject names: `PORTFOLIO class CLASS from DATE`. */
export function boardRateRecordSubject(portfolio: string, klass: string, effectiveDate: string): string {
  return `${portfolio} class ${klass} from ${effectiveDate}`;
}

/** The portfolio, class and date a `rates.set` subject names; null for any other form. */
export function parseBoardRateRecordSubject(
  subject: string,
): { portfolio: string; class: string; effectiveDate: string } | null {
  const m = /^(.*) class (.*) from (\d{4}-\d{2}-\d{2})$/s.exec(subject);
  return m ? { portfolio: m[1]!, class: m[2]!, effectiveDate: m[3]! } : null;
}

/** A stored Board-set rate, its portfolio resolved, with the detail its record must carry. */
export interface StoredBoardRate {
  /** the name stored (the portfolio's name on the effective date) */
  readonly portfolio: string;
  readonly portfolioId: string | null;
  readonly class: string;
  readonly effectiveDate: string;
  /** {@link boardRateRecordDetail} of the stored percentages (canonical form) and reason */
  readonly detail: string;
}

/** A `rates.set` record's subject with its stated portfolio name resolved on the rate's date. */
export interface BoardRateWrite {
  readonly seq: number;
  readonly portfolioId: string | null;
  readonly class: string;
  readonly effectiveDate: string;
  readonly detail: string;
}

/**
 * Each stored rate has a `rates.set` record for the same portfolio, class and effective date with
 * the same percentages and reason. (A rate is never edited nor deleted, so a record without its
 * rate is not looked for: the chain and the head find a record inserted.)
 * @example
 * boardRateFindings([], [{ portfolio: 'P', portfolioId: 'p', class: 'A', effectiveDate: '2026-03-02',
 *   detail: 'distribution 0.05%, service —%' }])
 * // [{ kind: 'record', reason: 'Board-set rate for P class A from 2026-03-02 (distribution 0.05%, service —%) is stored, but no rates.set record in the audit log wrote it' }]
 */
export function boardRateFindings(
  writes: readonly BoardRateWrite[],
  stored: readonly StoredBoardRate[],
): RecordFinding[] {
  const key = (pid: string | null, klass: string, date: string, detail: string) =>
    JSON.stringify([pid, klass, date, detail]);
  const written = new Set(writes.map((w) => key(w.portfolioId, w.class, w.effectiveDate, w.detail)));
  return stored
    .filter((r) => !written.has(key(r.portfolioId, r.class, r.effectiveDate, r.detail)))
    .map((r) => ({
      kind: 'record' as const,
      reason: `Board-set rate for ${r.portfolio} class ${r.class} from ${r.effectiveDate} (${r.detail}) is stored, but no rates.set record in the audit log wrote it`,
    }));
}

/** The `rates.set` records of the log with their subjects read (those of another form are left out). */
export function boardRateWrites(
  records: readonly AuditRecord[],
  resolve: (name: string, date: string) => string | null,
): BoardRateWrite[] {
  const out: BoardRateWrite[] = [];
  for (const r of records) {
    if (r.action !== 'rates.set') continue;
    const s = parseBoardRateRecordSubject(r.subject);
    if (s === null) continue;
    out.push({
      seq: r.seq,
      portfolioId: resolve(s.portfolio, s.effectiveDate),
      class: s.class,
      effectiveDate: s.effectiveDate,
      detail: r.detail,
    });
  }
  return out;
}
