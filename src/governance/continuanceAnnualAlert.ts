import { oneYearAfter } from './continuance.js';

/**
 * Rule 12b-1(b)(3)(i): an instrument continues "only so long as such continuance is specifically
 * approved at least annually"; DOMAIN §9: "last annual continuance date → alert if > 1 year". Year
 * by year (Plan §7; the Agreement's FOURTEENTH "from year to year thereafter"; `continuance.basis`)
 * a deadline can fall up to two years less a day after the vote before it, so beside the deadline
 * plan12b keeps the day a year after the last continuance vote: the vote is due by then.
 * @example annualVote([{ metBy: { meetingDate: '2005-06-15' } }, { metBy: null }]) → { lastVote: '2005-06-15', voteBy: '2006-06-15' }
 */
export function annualVote(periods: readonly { readonly metBy: { readonly meetingDate: string } | null }[]): {
  lastVote: string | null;
  voteBy: string | null;
} {
  const last = periods.findLast((p) => p.metBy !== null)?.metBy?.meetingDate ?? null;
  return { lastVote: last, voteBy: last === null ? null : oneYearAfter(last) };
}
