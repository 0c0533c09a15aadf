import { parseRateMicroPct } from '../money/rate.js';
import { type Approval, approvalCovers, approvalLabel, approvalOutcome } from './approval.js';

/** One schedule version as it bears on one portfolio's class. */
export interface VersionForClass {
  readonly documentId: string;
  readonly fileName: string;
  readonly instrumentKey: string;
  /** the instrument itself (a plan or agreement document), not an amendment of it */
  readonly isInstrument: boolean;
  readonly effectiveDate: string;
}

/** The schedule rates a version gives a class (percent strings; null where none). */
export interface ClassRates {
  readonly distributionFeePct: string | null;
  readonly aggregateFeePct: string | null;
}

export type VersionApproval =
  | {
      readonly status: 'governs';
      /** the first day it governs: its effective date, or its approval if later (Plan §§5–6) */
      readonly from: string;
      readonly why: string;
      readonly approvals: readonly Approval[];
    }
  | { readonly status: 'pending'; readonly reason: string };

function pct(v: string | null): bigint | null {
  return v === null ? null : parseRateMicroPct(v);
}

/**
 * Plan §11: "may not be amended to increase materially the amount of distribution expenses …
 * unless approved in the manner provided in Section 5" (by the class's shareholders). Read as: the
 * new version raises the class's distribution fee or its aggregate fee above the rates that
 * governed the class the day before (any raise counts; materiality is not measured). A class
 * newly added has no rates before it and so no increase.
 */
export function materialIncrease(before: ClassRates | null, after: ClassRates): string | null {
  if (before === null) return null;
  const raised = (what: string, b: string | null, a: string | null) => {
    const bp = pct(b);
    const ap = pct(a);
    return bp !== null && ap !== null && ap > bp ? `raises the ${what} from ${b}% to ${a}%` : null;
  };
  const why = [
    raised('distribution fee', before.distributionFeePct, after.distributionFeePct),
    raised('aggregate fee', before.aggregateFeePct, after.aggregateFeePct),
  ].filter((x): x is string => x !== null);
  return why.length === 0 ? null : why.join(' and ');
}

/** Meeting order, then id: the same approvals in any order give the same answer. */
function byMeeting(a: Approval, b: Approval): number {
  if (a.meetingDate !== b.meetingDate) return a.meetingDate < b.meetingDate ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function earliest(list: readonly Approval[]): Approval | undefined {
  return [...list].sort(byMeeting)[0];
}

/**
 * Whether a schedule version governs a portfolio's class, and from when (Plan §6: an amendment
 * "shall become effective immediately upon the receipt" of the Board's approval, a majority of the
 * trustees and of the Dis-interested Trustees in person; Plan §5: one that needs the class's
 * shareholders "shall become effective as to such Class upon the approval" by a majority of its
 * outstanding voting securities). It governs from its effective date, or from the last approval
 * it needs when that is later; until then it is pending, with the reason.
 * @example
 * // Amendment effective 2005-01-01, Board approval 2005-02-10: governs from 2005-02-10 (approval later)
 */
export function versionApproval(
  v: VersionForClass,
  increase: string | null,
  approvals: readonly Approval[],
  portfolioId: string,
  shareClass: string,
  portfolioName: string,
): VersionApproval {
  const aboutThis = [...approvals]
    .sort(byMeeting)
    .filter(
      (a) =>
        approvalCovers(a, portfolioId, shareClass) &&
        (a.documentId === v.documentId ||
          (v.isInstrument &&
            a.documentId === null &&
            a.subject === 'instrument' &&
            a.instrumentKey === v.instrumentKey)),
    );
  const what = v.isInstrument ? `the instrument (${v.fileName})` : `the amendment (${v.fileName})`;
  const board = aboutThis.filter(
    (a) => a.body === 'board' && (a.subject === 'instrument' || a.subject === 'amendment'),
  );
  const boardYes = earliest(board.filter((a) => approvalOutcome(a.vote).approved));
  if (!boardYes) {
    const failed = board.at(-1);
    return {
      status: 'pending',
      reason: failed
        ? `${what} is pending: ${approvalLabel(failed)} did not approve it (${approvalOutcome(failed.vote).outcome}) (Plan §6)`
        : `${what} is pending: no approval by the Board (a majority of the trustees and of the Dis-interested Trustees, in person) is recorded (Plan §6)`,
    };
  }
  const needed: Approval[] = [boardYes];
  if (increase !== null) {
    const holders = aboutThis.filter(
      (a) =>
        a.body === 'shareholders' &&
        // the vote approves what raises the fee: the amendment, or the instrument itself (a restated plan)
        (a.subject === 'amendment' || (v.isInstrument && a.subject === 'instrument')) &&
        a.portfolioId === portfolioId &&
        a.class !== null &&
        a.class.toLowerCase() === shareClass.toLowerCase(),
    );
    const yes = earliest(holders.filter((a) => approvalOutcome(a.vote).approved));
    if (!yes) {
      const failed = holders.at(-1);
      return {
        status: 'pending',
        reason: `${what} ${increase} for Class ${shareClass} of ${portfolioName}, a material increase (Plan §11): it needs the approval of the Class ${shareClass} shareholders (Plan §5)${failed ? `; ${approvalLabel(failed)} did not give it (${approvalOutcome(failed.vote).outcome})` : ', and none is recorded'}`,
      };
    }
    needed.push(yes);
  }
  const last = needed.reduce((a, b) => (b.meetingDate > a.meetingDate ? b : a));
  if (last.meetingDate > v.effectiveDate)
    return {
      status: 'governs',
      from: last.meetingDate,
      why: `governs from ${last.meetingDate}, the date of ${approvalLabel(last)}, later than its effective date ${v.effectiveDate}: it takes effect upon approval (${approvalClause(v.instrumentKey)})`,
      approvals: needed,
    };
  return {
    status: 'governs',
    from: v.effectiveDate,
    why: `governs from its effective date ${v.effectiveDate}: approved on or before it (${needed.map(approvalLabel).join(', ')})`,
    approvals: needed,
  };
}

/** The clause that makes an instrument (or its amendment) take effect upon approval. */
function approvalClause(instrumentKey: string): string {
  return instrumentKey.startsWith('agreement|') ? 'Agreement FOURTEENTH' : 'Plan §§5–6';
}
