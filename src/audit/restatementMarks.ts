import type { AuditFinding } from './auditVerification.js';

/** A restatement's marks as stored, with the audit record of the import that recorded it. */
export interface RestatementMarks {
  readonly feed: 'net-assets' | 'provider-assets' | 'exhibit-withdrawal';
  readonly id: number;
  /** portfolio id and class (and the provider for provider assets), or the withdrawn document's id */
  readonly what: string;
  /** the restated day; null for a withdrawal (its closed month is any closed before it) */
  readonly date: string | null;
  readonly closedMonth: string | null;
  readonly adjustedIn: string | null;
  /** what recorded it: `import N`, or `exhibit.withdraw` */
  readonly recordedBy: string;
  /** the audit record of what recorded it */
  readonly auditSeq: number;
}

/** A closed month as `audit verify` orders closes: by the audit record that sealed it. */
export interface CloseOrder {
  readonly month: string;
  readonly auditSeq: number | null;
}

/**
 * SPEC §4, §12: a restatement in a closed month "flags every closed month it touches for a
 * prior-period adjustment", reported by the next close. Both marks are plan12b's to write and
 * follow from the audit log: `closed_month` is the restated day's month when that month's close
 * came before the import (by their audit records), and `adjusted_in` the first month closed after
 * the import (every close reports every pending restatement), or none yet. A mark changed by SQL
 * made the adjustment vanish — `adjusted_in` set to a month never closed, and no later close
 * reported the difference — while `audit verify` passed (hostile4). An exhibit withdrawal's
 * restatements name the closed months it could have governed, each closed before the withdrawal
 * (its `exhibit.withdraw` record), and are reported the same way. Pure.
 *
 * @example
 * restatementMarkFindings(
 *   [{ feed: 'net-assets', id: 1, what: 'f class C', date: '2007-01-03', closedMonth: '2007-01',
 *      adjustedIn: '2006-12', recordedBy: 'import 2', auditSeq: 4 }],
 *   [{ month: '2007-01', auditSeq: 3 }, { month: '2007-02', auditSeq: 5 }],
 * ) // one finding: marked adjusted in 2006-12, but the first close after it was 2007-02
 */
export function restatementMarkFindings(
  restatements: readonly RestatementMarks[],
  closes: readonly CloseOrder[],
): AuditFinding[] {
  // a close sealed before schema 14 names no audit record: the order of closes cannot be told
  if (closes.some((c) => c.auditSeq === null)) return [];
  const bySeq = [...closes].sort((a, b) => a.auditSeq! - b.auditSeq!);
  const findings: AuditFinding[] = [];
  for (const r of restatements) {
    // a withdrawal names the closed month itself: any month closed before the withdrawal
    const month = r.date?.slice(0, 7) ?? r.closedMonth;
    const closedBefore = bySeq.some((c) => c.month === month && c.auditSeq! < r.auditSeq);
    const expectedClosedMonth = closedBefore ? month : null;
    const expectedAdjustedIn =
      expectedClosedMonth === null ? null : (bySeq.find((c) => c.auditSeq! > r.auditSeq)?.month ?? null);
    const which = `${r.feed} restatement ${r.id} (${r.what}${r.date === null ? '' : ` ${r.date}`}, ${r.recordedBy}, audit record ${r.auditSeq})`;
    if (r.closedMonth !== expectedClosedMonth)
      findings.push({
        kind: 'record',
        reason: `${which} is marked ${r.closedMonth === null ? 'as touching no closed month' : `as touching closed month ${r.closedMonth}`}, but ${expectedClosedMonth === null ? `${month ?? 'no month'} was not closed before it` : `${month} was closed before it`}`,
      });
    else if (r.adjustedIn !== expectedAdjustedIn)
      findings.push({
        kind: 'record',
        reason: `${which} is marked ${r.adjustedIn === null ? 'as not yet adjusted' : `as adjusted in ${r.adjustedIn}`}, but ${expectedAdjustedIn === null ? 'no month was closed after it' : `the first close after it was ${expectedAdjustedIn}`}`,
      });
  }
  return findings;
}
