import { formatShareUnits } from '../class-b/shareUnits.js';
import { approvedByTheBoard, type BoardVote, impossibleBoardVote } from './boardVote.js';
import { majorityOfOutstandingVotingSecurities, type ShareholderVote } from './shareholderVote.js';

/** Who voted: the Board of Trustees (Plan §6) or the shareholders of a class (Plan §5). */
export type ApprovalBody = 'board' | 'shareholders';

/** What was approved (Plan §§5–7, §9–11; Agreement FOURTEENTH, FIFTEENTH). */
export const APPROVAL_SUBJECTS = [
  'instrument',
  'amendment',
  'continuance',
  'termination',
  'related-agreement',
] as const;
export type ApprovalSubject = (typeof APPROVAL_SUBJECTS)[number];

/**
 * One recorded approval or vote: a meeting, the body that voted, what it voted on, for which
 * portfolio and class (null: every one the instrument covers), and the vote as counted. A vote
 * that failed is recorded too: it is part of the record a board reviews.
 */
export interface Approval {
  readonly kind: 'approval';
  /** SHA-256 of the approval's key (meeting, body, subject, what, portfolio, class) */
  readonly id: string;
  readonly meetingDate: string;
  readonly body: ApprovalBody;
  readonly subject: ApprovalSubject;
  /** the exhibit approved (content hash), or null when the approval names only an instrument */
  readonly documentId: string | null;
  /**
   * the registry's key of the instrument approved, or null (a related agreement not imported; in
   * the registry's approvals, also an instrument none of whose documents is imported now)
   */
  readonly instrumentKey: string | null;
  /**
   * The documents of the instrument approved when the approval was recorded: which instrument it
   * is, whatever is imported later (SPEC §2; registry/approvalInstrument.ts). Absent or empty: the
   * one of `instrumentKey`.
   */
  readonly instrumentDocumentIds?: readonly string[];
  /** what the feed named: a document hash, an instrument's title or a related agreement */
  readonly approvedName: string;
  readonly portfolioId: string | null;
  readonly portfolioName: string | null;
  readonly class: string | null;
  readonly vote: BoardVote | ShareholderVote;
}

export interface ApprovalOutcome {
  readonly approved: boolean;
  /** e.g. "approved: 8 of 10 trustees, 5 of 7 Dis-interested Trustees, in person" */
  readonly outcome: string;
}

/**
 * Whether the vote carried (Plan §6 for the Board, §2(a)(42) for shareholders), and why. A Board
 * vote to terminate (`of.subject` 'termination') needs neither an in-person meeting called for the
 * purpose nor, for a Plan, the whole Board's majority, which §6 asks of approvals: Plan §9
 * "terminated … at any time by vote of a majority of the Dis-interested Trustees", §10(a) the same
 * for related agreements (Rule 12b-1(b)(3)(iii)–(iv); DOMAIN §1.2 4(iii)–(iv)). The Class B
 * Agreement (an instrument key of kind `agreement`) may also be terminated "by vote of the Board"
 * (FIFTEENTH(A)): a majority of the trustees in office carries it too.
 */
export function approvalOutcome(
  vote: BoardVote | ShareholderVote,
  of?: { readonly subject: ApprovalSubject; readonly instrumentKey: string | null },
): ApprovalOutcome {
  if (vote.kind === 'board-vote' && of?.subject === 'termination') {
    const impossible = impossibleBoardVote(vote);
    if (impossible) return { approved: false, outcome: `not approved: ${impossible}` };
    const counts = `${vote.trusteesFor} of ${vote.trusteesInOffice} trustees, ${vote.disinterestedFor} of ${vote.disinterestedInOffice} Dis-interested Trustees`;
    if (vote.disinterestedFor * 2 > vote.disinterestedInOffice)
      return {
        approved: true,
        outcome: `approved: ${counts}, a majority of the Dis-interested Trustees (Plan §9, §10(a))`,
      };
    const agreement = of.instrumentKey?.startsWith('agreement|') === true;
    if (agreement && vote.trusteesFor * 2 > vote.trusteesInOffice)
      return { approved: true, outcome: `approved: ${counts}, a vote of the Board (Agreement FIFTEENTH(A))` };
    return {
      approved: false,
      outcome: `not approved: ${counts}: not a majority of the Dis-interested Trustees (Plan §9, §10(a))${agreement ? ' nor of the Board (FIFTEENTH(A))' : ''}`,
    };
  }
  if (vote.kind === 'board-vote') {
    const o = approvedByTheBoard(vote);
    const counts = `${vote.trusteesFor} of ${vote.trusteesInOffice} trustees, ${vote.disinterestedFor} of ${vote.disinterestedInOffice} Dis-interested Trustees`;
    return o.approved
      ? { approved: true, outcome: `approved: ${counts}, in person at a meeting called for the purpose` }
      : { approved: false, outcome: `not approved: ${o.reasons.join('; ')}` };
  }
  const o = majorityOfOutstandingVotingSecurities(vote);
  const counts = `${formatShareUnits(vote.forUnits)} for, ${formatShareUnits(vote.presentUnits)} present, ${formatShareUnits(vote.outstandingUnits)} outstanding`;
  return o.approved
    ? { approved: true, outcome: `approved (${o.by}): ${counts}` }
    : { approved: false, outcome: `not approved: ${o.reason} (${counts})` };
}

/** Whether an approval speaks for a portfolio's class (null portfolio or class: every one). */
export function approvalCovers(a: Approval, portfolioId: string, shareClass: string): boolean {
  return (
    (a.portfolioId === null || a.portfolioId === portfolioId) &&
    (a.class === null || a.class.toLowerCase() === shareClass.toLowerCase())
  );
}

/** How an approval is named in the registry's answers and reports. */
export interface ApprovalRef {
  readonly id: string;
  readonly meetingDate: string;
  readonly body: ApprovalBody;
  readonly subject: ApprovalSubject;
  readonly approved: string;
  readonly portfolio: string | null;
  readonly class: string | null;
  readonly outcome: string;
}

export function approvalRef(a: Approval): ApprovalRef {
  return {
    id: a.id,
    meetingDate: a.meetingDate,
    body: a.body,
    subject: a.subject,
    approved: a.approvedName,
    portfolio: a.portfolioName,
    class: a.class,
    outcome: approvalOutcome(a.vote, a).outcome,
  };
}

/** "board 2004-09-20" / "Class B shareholders of AIM X Fund 2004-11-02": for reasons in prose. */
export function approvalLabel(a: Approval): string {
  return a.body === 'board'
    ? `the Board's vote of ${a.meetingDate}`
    : `the Class ${a.class ?? '?'} shareholders' vote${a.portfolioName ? ` of ${a.portfolioName}` : ''} of ${a.meetingDate}`;
}
