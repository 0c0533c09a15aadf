/**
 * A vote of the Board (Plan §6; Agreement FOURTEENTH; Rule 12b-1(b)(2)): approval needs a
 * majority of the trustees AND, separately, a majority of the Dis-interested Trustees (those who
 * are not interested persons and have no financial interest in the Plan), cast in person at a
 * meeting called for the purpose of voting on it. "A majority of the trustees" is read as more than
 * half of the trustees in office, not of those present (DOMAIN §1.2 item 3: "a majority of both (i)
 * the board and (ii) the disinterested directors").
 */
export interface BoardVote {
  readonly kind: 'board-vote';
  readonly trusteesInOffice: number;
  readonly trusteesFor: number;
  readonly trusteesAgainst: number;
  readonly disinterestedInOffice: number;
  readonly disinterestedFor: number;
  readonly disinterestedAgainst: number;
  /**
   * null: not stated — only a vote to terminate may leave these out, since Plan §9 / §10(a) ask of
   * it neither an in-person meeting nor one called for the purpose (approval.ts approvalOutcome)
   */
  readonly inPerson: boolean | null;
  readonly calledForThePurpose: boolean | null;
}

export type BoardVoteOutcome =
  | { readonly approved: true }
  | { readonly approved: false; readonly reasons: readonly string[] };

/** Why the numbers of a board vote cannot be right, or null. */
export function impossibleBoardVote(v: BoardVote): string | null {
  const counts = [
    v.trusteesInOffice,
    v.trusteesFor,
    v.trusteesAgainst,
    v.disinterestedInOffice,
    v.disinterestedFor,
    v.disinterestedAgainst,
  ];
  if (counts.some((n) => !Number.isInteger(n) || n < 0)) return 'counts must be whole numbers, not negative';
  if (v.trusteesFor + v.trusteesAgainst > v.trusteesInOffice) return 'more trustees voted than are in office';
  if (v.disinterestedInOffice > v.trusteesInOffice)
    return 'more Dis-interested Trustees than trustees in office';
  if (v.disinterestedFor + v.disinterestedAgainst > v.disinterestedInOffice)
    return 'more Dis-interested Trustees voted than are in office';
  if (v.disinterestedFor > v.trusteesFor) return 'more Dis-interested Trustees for than trustees for';
  if (v.disinterestedAgainst > v.trusteesAgainst)
    return 'more Dis-interested Trustees against than trustees against';
  // Dis-interested Trustees are trustees: those who did not vote are among the trustees who did not
  if (
    v.disinterestedInOffice - v.disinterestedFor - v.disinterestedAgainst >
    v.trusteesInOffice - v.trusteesFor - v.trusteesAgainst
  )
    return 'more Dis-interested Trustees absent than trustees absent';
  return null;
}

/**
 * @example
 * // 9 trustees (6 Dis-interested): 6 for, of whom 3 Dis-interested → fails the Dis-interested majority
 * approvedByTheBoard({ kind: 'board-vote', trusteesInOffice: 9, trusteesFor: 6, trusteesAgainst: 3,
 *   disinterestedInOffice: 6, disinterestedFor: 3, disinterestedAgainst: 3, inPerson: true, calledForThePurpose: true }).approved === false
 */
export function approvedByTheBoard(v: BoardVote): BoardVoteOutcome {
  const impossible = impossibleBoardVote(v);
  if (impossible) return { approved: false, reasons: [impossible] };
  const reasons: string[] = [];
  if (v.trusteesFor * 2 <= v.trusteesInOffice)
    reasons.push(`${v.trusteesFor} of ${v.trusteesInOffice} trustees for is not a majority of the trustees`);
  if (v.disinterestedFor * 2 <= v.disinterestedInOffice)
    reasons.push(
      `${v.disinterestedFor} of ${v.disinterestedInOffice} Dis-interested Trustees for is not a majority of the Dis-interested Trustees`,
    );
  if (v.inPerson === null) reasons.push('whether the votes were cast in person is not stated');
  else if (!v.inPerson) reasons.push('the votes were not cast in person');
  if (v.calledForThePurpose === null)
    reasons.push('whether the meeting was called for the purpose of voting on it is not stated');
  else if (!v.calledForThePurpose) reasons.push('the meeting was not called for the purpose of voting on it');
  return reasons.length === 0 ? { approved: true } : { approved: false, reasons };
}

/**
 * Agreement FOURTEENTH (b): "by vote of a majority of the trustees … who are not parties to this
 * Agreement or 'interested persons' … cast in person at a meeting called for such purpose" — the
 * Dis-interested Trustees' part of a Board vote, which holds even where the whole Board's majority
 * (FOURTEENTH (a)(i)) failed.
 * @example
 * // 9 trustees: 4 for, 5 against; 6 Dis-interested: 4 for → the Board fails, (b) holds
 * disinterestedTrusteesMajority({ kind: 'board-vote', trusteesInOffice: 9, trusteesFor: 4, trusteesAgainst: 5,
 *   disinterestedInOffice: 6, disinterestedFor: 4, disinterestedAgainst: 2, inPerson: true, calledForThePurpose: true }) === true
 */
export function disinterestedTrusteesMajority(v: BoardVote): boolean {
  return (
    impossibleBoardVote(v) === null &&
    v.disinterestedFor * 2 > v.disinterestedInOffice &&
    v.inPerson === true &&
    v.calledForThePurpose === true
  );
}
