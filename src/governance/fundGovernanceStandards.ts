import type { BoardVote } from './boardVote.js';

/**
 * Rule 12b-1(c): a fund may rely on Rule 12b-1 only if its board meets the "fund governance
 * standards" of Rule 0-1(a)(7) — among them, directors who are not interested persons of the fund
 * are a majority of the board (Release IC-24816, 2 January 2001; DOMAIN §1.3). A Board vote
 * records the trustees in office and the Dis-interested Trustees among them; Dis-interested
 * Trustees are not interested persons (and have no financial interest in the Plan besides), so
 * when they are a majority the standard holds. When they are not, plan12b cannot tell whether
 * other independent trustees make it up: the vote is recorded as counted and the doubt is told.
 */

/** The date of Release IC-24816, which added paragraph (c); meetings before it are not checked. */
export const FUND_GOVERNANCE_STANDARDS_FROM = '2001-01-02';

/**
 * Why the Board of a vote may not meet Rule 12b-1(c)'s independent majority, or null.
 * @example
 * // 9 trustees in office, 4 of them Dis-interested: 4 × 2 = 8 ≤ 9, not a majority → a doubt
 * independentMajorityDoubt('2005-06-09', { kind: 'board-vote', trusteesInOffice: 9, trusteesFor: 9, trusteesAgainst: 0,
 *   disinterestedInOffice: 4, disinterestedFor: 4, disinterestedAgainst: 0, inPerson: true, calledForThePurpose: true }) !== null
 */
export function independentMajorityDoubt(meetingDate: string, v: BoardVote): string | null {
  if (meetingDate < FUND_GOVERNANCE_STANDARDS_FROM) return null;
  if (v.trusteesInOffice <= 0) return null;
  if (v.disinterestedInOffice * 2 > v.trusteesInOffice) return null;
  return `the Board's vote of ${meetingDate}: ${v.disinterestedInOffice} of the ${v.trusteesInOffice} trustees in office are Dis-interested Trustees, not a majority of the Board; the Fund may rely on Rule 12b-1 only while trustees who are not interested persons are a majority of its board (Rule 12b-1(c), Rule 0-1(a)(7)): recorded as counted — confirm that independent trustees not counted as Dis-interested make up the majority`;
}
