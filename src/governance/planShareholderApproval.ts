import { type Approval, approvalCovers, approvalOutcome } from './approval.js';

/**
 * Rule 12b-1(b)(1) (DOMAIN §1.2(2); SPEC §10; Plan §5): a plan adopted AFTER any public offering
 * of a class's voting securities (or their sale to persons other than affiliates or promoters) must
 * be approved by a vote of at least a majority of the class's outstanding voting securities; since
 * the 1996 technical amendment (Release IC-22201) a plan adopted BEFORE the class's first sale
 * needs no shareholder vote — its investors "vote with their dollars". plan12b reads the class's
 * first sale as its first recorded day of net assets or its first Class B purchase, whichever is
 * earlier (the shell finds it); the plan takes effect for the class on the first day it governs it.
 */

/** A plan as it takes effect for one portfolio's class. */
export interface PlanForClass {
  readonly instrumentKey: string;
  /** the plan as the lines name it */
  readonly instrument: string;
  readonly portfolioId: string;
  readonly portfolio: string;
  readonly class: string;
  /** the first day the plan governs the class */
  readonly takesEffect: string;
}

/**
 * Why the plan lacks the class's shareholder approval Rule 12b-1(b)(1) requires, or null: null when
 * the class had no sale before the plan took effect for it (none needed), or when a shareholder
 * vote of the class approving the plan (subject `instrument`, carried by a majority of the
 * outstanding voting securities) is recorded.
 * @example
 * // class first sold 2024-02-01, the plan governs it from 2024-06-01, no vote of its shareholders → a warning
 * planShareholderApprovalMissing({ instrumentKey: 'plan|x|b|', instrument: 'Plan', portfolioId: 'p', portfolio: 'Fund', class: 'B', takesEffect: '2024-06-01' }, '2024-02-01', []) !== null
 * // the plan governs from the class's first day of sales: adopted before any sale → null
 * planShareholderApprovalMissing({ instrumentKey: 'plan|x|b|', instrument: 'Plan', portfolioId: 'p', portfolio: 'Fund', class: 'B', takesEffect: '2024-02-01' }, '2024-02-01', []) === null
 */
export function planShareholderApprovalMissing(
  plan: PlanForClass,
  firstSale: string | null,
  approvals: readonly Approval[],
): string | null {
  // adopted before any share of the class was sold (a sale on the day it takes effect is under it)
  if (firstSale === null || firstSale >= plan.takesEffect) return null;
  const votes = approvals.filter(
    (a) =>
      a.body === 'shareholders' &&
      a.subject === 'instrument' &&
      a.instrumentKey === plan.instrumentKey &&
      a.portfolioId === plan.portfolioId &&
      a.class !== null &&
      approvalCovers(a, plan.portfolioId, plan.class),
  );
  if (votes.some((a) => approvalOutcome(a.vote).approved)) return null;
  const failed = votes.at(-1);
  return `${plan.instrument} took effect for ${plan.portfolio} Class ${plan.class} on ${plan.takesEffect}, after the class's shares were first sold (${firstSale}): Rule 12b-1(b)(1) requires its approval by a majority of the class's outstanding voting securities, and ${failed ? `the vote of ${failed.meetingDate} did not approve it (${approvalOutcome(failed.vote).outcome})` : 'no vote of its shareholders approving the plan is recorded'} — record the vote with \`plan12b approvals import\` (body shareholders, subject instrument)`;
}
