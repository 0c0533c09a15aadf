import { formatShareUnits, parseShareUnits } from '../class-b/shareUnits.js';
import {
  type Approval,
  type ApprovalBody,
  type ApprovalSubject,
  approvalOutcome,
} from '../governance/approval.js';
import type { BoardVote } from '../governance/boardVote.js';
import type { ShareholderVote } from '../governance/shareholderVote.js';
import type { Queryable } from './database.js';
import { typed } from './queryBuilder.js';

/** Approvals and votes (issue 12): recorded once, never edited; a failed vote is recorded too. */

export async function loadApprovals(q: Queryable): Promise<Approval[]> {
  const rows = await typed(q)
    .selectFrom('approval')
    .selectAll()
    .orderBy('meeting_date')
    .orderBy('id')
    .execute();
  return rows.map((r): Approval => {
    const vote: BoardVote | ShareholderVote =
      r.body === 'board'
        ? {
            kind: 'board-vote',
            trusteesInOffice: r.trustees_for! + r.trustees_against! + r.trustees_absent!,
            trusteesFor: r.trustees_for!,
            trusteesAgainst: r.trustees_against!,
            disinterestedInOffice: r.disinterested_for! + r.disinterested_against! + r.disinterested_absent!,
            disinterestedFor: r.disinterested_for!,
            disinterestedAgainst: r.disinterested_against!,
            inPerson: r.in_person,
            calledForThePurpose: r.called_for_purpose,
          }
        : {
            kind: 'shareholder-vote',
            outstandingUnits: parseShareUnits(r.shares_outstanding!),
            presentUnits: parseShareUnits(r.shares_present!),
            forUnits: parseShareUnits(r.shares_for!),
          };
    return Object.freeze({
      kind: 'approval',
      id: r.id,
      meetingDate: r.meeting_date,
      body: r.body as ApprovalBody,
      subject: r.subject as ApprovalSubject,
      documentId: r.document_id,
      instrumentKey: r.instrument_key,
      instrumentDocumentIds: r.instrument_document_ids ?? [],
      approvedName: r.approved_name,
      portfolioId: r.portfolio_id,
      portfolioName: r.portfolio_name,
      class: r.class,
      vote,
    });
  });
}

/** Whether any approval is recorded at all. */
export async function hasApprovals(q: Queryable): Promise<boolean> {
  const row = await typed(q).selectFrom('approval').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function insertApprovals(
  q: Queryable,
  approvals: readonly Approval[],
  importId: number,
  recordedBy: string,
): Promise<void> {
  for (const a of approvals) {
    const o = approvalOutcome(a.vote, a);
    const v = a.vote;
    await typed(q)
      .insertInto('approval')
      .values({
        id: a.id,
        meeting_date: a.meetingDate,
        body: a.body,
        subject: a.subject,
        document_id: a.documentId,
        instrument_key: a.instrumentKey,
        instrument_document_ids: [...(a.instrumentDocumentIds ?? [])],
        approved_name: a.approvedName,
        portfolio_id: a.portfolioId,
        portfolio_name: a.portfolioName,
        class: a.class,
        ...(v.kind === 'board-vote'
          ? {
              trustees_for: v.trusteesFor,
              trustees_against: v.trusteesAgainst,
              trustees_absent: v.trusteesInOffice - v.trusteesFor - v.trusteesAgainst,
              disinterested_for: v.disinterestedFor,
              disinterested_against: v.disinterestedAgainst,
              disinterested_absent: v.disinterestedInOffice - v.disinterestedFor - v.disinterestedAgainst,
              in_person: v.inPerson,
              called_for_purpose: v.calledForThePurpose,
            }
          : {
              shares_outstanding: formatShareUnits(v.outstandingUnits),
              shares_present: formatShareUnits(v.presentUnits),
              shares_for: formatShareUnits(v.forUnits),
            }),
        approved: o.approved,
        outcome: o.outcome,
        import_id: importId,
        recorded_by: recordedBy,
      })
      .execute();
  }
}
