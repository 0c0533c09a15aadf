import { toDayNumber } from '../calendar/isoDate.js';
import { type Approval, approvalCovers, approvalOutcome } from './approval.js';

/**
 * Rule 12b-1(b)(1) (DOMAIN §1.2(2); SPEC §10; Plan §5): a plan adopted AFTER any public offering
 * of a class's voting securities (or their sale to persons other than affiliates or promoters) must
 * be approved by a vote of at least a majority of the class's outstanding voting securities; since
 * the 1996 technical amendment (Release IC-22201) a plan adopted BEFORE the class's first sale
 * needs no shareholder vote — its investors "vote with their dollars". plan12b reads the class's
 * first sale as its first recorded day of net assets or its first Class B purchase, whichever is
 * earlier (the shell finds it); the plan takes effect for the class on the first day it governs it.
 * The rule lets a fund pay under the plan only once the plan "has been approved": a vote after the
 * plan took effect approves it from that vote on, and the days before it on which fees ran under
 * the plan are told — with `approvals.enforce` on, from the Board approval that let it govern, not
 * from its schedule's effective date, and without the days a lapse or termination stopped them.
 */

/** A plan as it takes effect for one portfolio's class. */
export interface PlanForClass {
  readonly instrumentKey: string;
  /** the plan as the lines name it */
  readonly instrument: string;
  readonly portfolioId: string;
  readonly portfolio: string;
  readonly class: string;
  /** the first day the plan governs the class: its fees begin */
  readonly takesEffect: string;
  /**
   * the days on which the plan's fees ran for the class (its governing runs, less those a lapse or
   * a termination stopped), in order, `to` null while in force; left out: every day from
   * `takesEffect` on
   */
  readonly feeRuns?: readonly { readonly from: string; readonly to: string | null }[];
  /**
   * the document (plan or amendment) whose schedule first listed the class: a vote of the class's
   * shareholders approving that amendment approves the plan as extended to the class
   */
  readonly documentId?: string;
}

/** The days from `plan.takesEffect` to the day before `vote` on which the plan's fees ran. */
function feeDaysBefore(plan: PlanForClass, vote: string): number {
  const start = toDayNumber(plan.takesEffect);
  const end = toDayNumber(vote); // exclusive: from the vote on, the plan is approved
  if (plan.feeRuns === undefined) return end - start;
  let days = 0;
  for (const run of plan.feeRuns) {
    const from = Math.max(start, toDayNumber(run.from));
    const to = run.to === null ? end : Math.min(end, toDayNumber(run.to) + 1);
    if (to > from) days += to - from;
  }
  return days;
}

/** Meeting order, then id: the same approvals in any order give the same answer. */
function byMeeting(a: Approval, b: Approval): number {
  if (a.meetingDate !== b.meetingDate) return a.meetingDate < b.meetingDate ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Why the plan lacks, as of `asOf`, the class's shareholder approval Rule 12b-1(b)(1) requires
 * before it is implemented, or null: null when the class had no sale before the plan took effect
 * for it (none needed), or when a shareholder vote of the class approving the plan (subject
 * `instrument`, or `amendment` of the amendment that extended the plan to the class), carried by a
 * majority of the outstanding voting securities, was held on or before
 * the day it took effect. A vote that carried later (on or before `asOf`) is told with the days
 * the plan was in effect without it (from the day it took effect to the day before the vote); a
 * vote after `asOf` is not yet held.
 * @example
 * // class first sold 2024-02-01, the plan governs it from 2024-06-01, no vote of its shareholders → a warning
 * planShareholderApprovalMissing({ instrumentKey: 'plan|x|b|', instrument: 'Plan', portfolioId: 'p', portfolio: 'Fund', class: 'B', takesEffect: '2024-06-01' }, '2024-02-01', [], '2024-12-31') !== null
 * // the plan governs from the class's first day of sales: adopted before any sale → null
 * planShareholderApprovalMissing({ instrumentKey: 'plan|x|b|', instrument: 'Plan', portfolioId: 'p', portfolio: 'Fund', class: 'B', takesEffect: '2024-02-01' }, '2024-02-01', [], '2024-12-31') === null
 */
export function planShareholderApprovalMissing(
  plan: PlanForClass,
  firstSale: string | null,
  approvals: readonly Approval[],
  asOf: string,
): string | null {
  // adopted before any share of the class was sold (a sale on the day it takes effect is under it)
  if (firstSale === null || firstSale >= plan.takesEffect) return null;
  const votes = approvals
    .filter(
      (a) =>
        a.body === 'shareholders' &&
        ((a.subject === 'instrument' && a.instrumentKey === plan.instrumentKey) ||
          (a.subject === 'amendment' && plan.documentId !== undefined && a.documentId === plan.documentId)) &&
        a.portfolioId === plan.portfolioId &&
        a.class !== null &&
        a.meetingDate <= asOf &&
        approvalCovers(a, plan.portfolioId, plan.class),
    )
    .sort(byMeeting);
  const carried = votes.find((a) => approvalOutcome(a.vote).approved);
  const after = `${plan.instrument} took effect for ${plan.portfolio} Class ${plan.class} on ${plan.takesEffect}, after the class's shares were first sold (${firstSale})`;
  if (carried !== undefined) {
    // approved on or before the day it took effect: before it was implemented
    if (carried.meetingDate <= plan.takesEffect) return null;
    const span = toDayNumber(carried.meetingDate) - toDayNumber(plan.takesEffect);
    const days = feeDaysBefore(plan, carried.meetingDate);
    const stopped = span - days;
    return `${after}, but the Class ${plan.class} shareholders approved it only on ${carried.meetingDate}: Rule 12b-1(b)(1) requires its approval by a majority of the class's outstanding voting securities before it is implemented, and it was in effect without that approval for ${days} day${days === 1 ? '' : 's'}, from ${plan.takesEffect} to ${carried.meetingDate}${stopped > 0 ? ` (its fees stopped on ${stopped} day${stopped === 1 ? '' : 's'} between)` : ''}`;
  }
  const failed = votes.at(-1);
  return `${after}: Rule 12b-1(b)(1) requires its approval by a majority of the class's outstanding voting securities, and ${failed ? `the vote of ${failed.meetingDate} did not approve it (${approvalOutcome(failed.vote).outcome})` : 'no vote of its shareholders approving the plan is recorded'} — record the vote with \`plan12b approvals import\` (body shareholders, subject instrument)`;
}
