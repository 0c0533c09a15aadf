/**
 * A vote of the shareholders of a class (Plan §5, §9, §11; Agreement FOURTEENTH, FIFTEENTH(A)):
 * "a majority of the outstanding voting securities" as the Investment Company Act §2(a)(42)
 * defines it — the LESSER of (A) 67% or more of the voting securities present at the meeting, if
 * the holders of more than 50% of the outstanding voting securities are present or represented
 * by proxy, or (B) more than 50% of the outstanding voting securities. "The lesser" means either
 * test suffices. Votes are counted exactly, in 1/10,000ths of a share (or of a vote).
 */
export interface ShareholderVote {
  readonly kind: 'shareholder-vote';
  /** voting securities of the class outstanding on the record date */
  readonly outstandingUnits: bigint;
  /** present at the meeting or represented by proxy */
  readonly presentUnits: bigint;
  readonly forUnits: bigint;
}

export type ShareholderVoteOutcome =
  | {
      readonly approved: true;
      readonly by: 'A: 67% of those present, more than 50% present' | 'B: more than 50% of the outstanding';
    }
  | { readonly approved: false; readonly reason: string };

/** Why the numbers of a vote cannot be right, or null (for ≤ present ≤ outstanding). */
export function impossibleShareholderVote(v: ShareholderVote): string | null {
  if (v.outstandingUnits <= 0n) return 'no voting securities outstanding';
  if (v.presentUnits < 0n || v.forUnits < 0n) return 'a negative count';
  if (v.presentUnits > v.outstandingUnits) return 'more present than outstanding';
  if (v.forUnits > v.presentUnits) return 'more votes for than present';
  return null;
}

/**
 * @example
 * // 1,000 outstanding, 600 present, 402 for: 402 ≥ 67% × 600 = 402 → approved by (A)
 * majorityOfOutstandingVotingSecurities({ kind: 'shareholder-vote', outstandingUnits: 1000n, presentUnits: 600n, forUnits: 402n }).approved === true
 */
export function majorityOfOutstandingVotingSecurities(v: ShareholderVote): ShareholderVoteOutcome {
  const impossible = impossibleShareholderVote(v);
  if (impossible) return { approved: false, reason: impossible };
  // (B) more than 50% of the outstanding: for × 2 > outstanding
  if (v.forUnits * 2n > v.outstandingUnits)
    return { approved: true, by: 'B: more than 50% of the outstanding' };
  // (A) needs more than 50% present, then 67% or more of those present: for × 100 ≥ present × 67
  const quorum = v.presentUnits * 2n > v.outstandingUnits;
  if (quorum && v.forUnits * 100n >= v.presentUnits * 67n)
    return { approved: true, by: 'A: 67% of those present, more than 50% present' };
  return {
    approved: false,
    reason: quorum
      ? 'fewer than 67% of the shares present voted for, and not more than 50% of the outstanding'
      : 'not more than 50% of the outstanding voted for, and not more than 50% were present',
  };
}
