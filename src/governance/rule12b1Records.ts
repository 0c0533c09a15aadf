import { addDays } from '../calendar/isoDate.js';
import { type Quarter, quarterOf } from '../calendar/quarter.js';
import { anniversaryOf } from '../class-b/anniversary.js';
import { type Approval, approvalOutcome } from './approval.js';

/**
 * Rule 12b-1(f) (DOMAIN §1.3, §0: CONFIRMED [S2]): the fund preserves copies of the plan, every
 * agreement related to it and every report made under the Rule for at least six years from their
 * date, the first two years in an easily accessible place. This is the record of them as of a
 * date: each instrument document and related agreement with the Board's (and shareholders') votes
 * on it up to that date, and each quarterly report (Plan §8) whose quarter's months were all closed
 * (sealed) by then — what the Board was given and what it approved — with the days each must be
 * kept through. Pure: the caller reads the documents, approvals and closed months.
 */
export type Rule12b1RecordKind =
  | 'plan'
  | 'agreement'
  | 'plan-amendment'
  | 'agreement-amendment'
  | 'related-agreement'
  | 'quarterly-report';

export type RetentionStatus = 'easily accessible' | 'kept' | 'past retention';

export interface RecordVote {
  readonly meetingDate: string;
  readonly body: Approval['body'];
  readonly subject: Approval['subject'];
  readonly carried: boolean;
  readonly outcome: string;
}

export interface Rule12b1Record {
  readonly kind: 'rule12b1Record';
  readonly record: Rule12b1RecordKind;
  /** the document's title, the related agreement's name, or "Quarterly report 2025Q4 (Plan §8)" */
  readonly title: string;
  /** the instrument it belongs to (its listed name), or null */
  readonly instrument: string | null;
  readonly file: string | null;
  /** the document's content hash, or null */
  readonly document: string | null;
  /**
   * the date the six years run from: a document's effective date, a related agreement's first
   * carried Board approval, a report's sealing (the day its quarter's last month was closed)
   */
  readonly dated: string;
  /** the votes on it recorded up to the date, in meeting order (failed ones included) */
  readonly votes: readonly RecordVote[];
  /** a carried Board vote approving it (instrument, amendment, continuance, related agreement) */
  readonly approvedByTheBoard: boolean;
  /** the 2nd and 6th anniversaries of `dated` (a Feb 29 date: Feb 28 of a common year) */
  readonly accessibleThrough: string;
  readonly keptThrough: string;
  readonly retention: RetentionStatus;
}

export interface RecordDocument {
  readonly id: string;
  readonly fileName: string;
  readonly kind: string;
  readonly title: string;
  readonly effectiveDate: string;
  /** the key and listed name of the instrument it belongs to, or null */
  readonly instrumentKey: string | null;
  readonly instrumentName: string | null;
}

export interface Rule12b1RecordsInput {
  readonly asOf: string;
  /** the documents in use (withdrawn ones, imported by mistake, are no record of the fund) */
  readonly documents: readonly RecordDocument[];
  readonly approvals: readonly Approval[];
  /** each closed month and the day it was closed (UTC) */
  readonly closedMonths: readonly { readonly month: string; readonly closedOn: string }[];
}

export interface Rule12b1Records {
  readonly asOf: string;
  readonly records: readonly Rule12b1Record[];
  /** quarters ended by the date whose report is not final yet: one line each */
  readonly warnings: readonly string[];
}

const APPROVING = new Set<Approval['subject']>([
  'instrument',
  'amendment',
  'continuance',
  'related-agreement',
]);
const DOCUMENT_KINDS = new Set<string>(['plan', 'agreement', 'plan-amendment', 'agreement-amendment']);

/**
 * The retention window of a record dated `dated`, and where it stands on `asOf`.
 * @example retentionOf('2004-02-29', '2006-03-01') → accessible through 2006-02-28, kept through
 *   2010-02-28, 'kept'
 */
export function retentionOf(
  dated: string,
  asOf: string,
): { accessibleThrough: string; keptThrough: string; retention: RetentionStatus } {
  const accessibleThrough = anniversaryOf(dated, 2);
  const keptThrough = anniversaryOf(dated, 6);
  const retention: RetentionStatus =
    asOf <= accessibleThrough ? 'easily accessible' : asOf <= keptThrough ? 'kept' : 'past retention';
  return { accessibleThrough, keptThrough, retention };
}

function voteOf(a: Approval): RecordVote {
  const o = approvalOutcome(a.vote, a);
  return {
    meetingDate: a.meetingDate,
    body: a.body,
    subject: a.subject,
    carried: o.approved,
    outcome: o.outcome,
  };
}

const approves = (votes: readonly RecordVote[]) =>
  votes.some((v) => v.body === 'board' && v.carried && APPROVING.has(v.subject));

/**
 * The records as of `asOf`, documents and related agreements first (by date, then title), then
 * the quarterly reports (by quarter).
 */
export function rule12b1Records(input: Rule12b1RecordsInput): Rule12b1Records {
  const { asOf } = input;
  const approvals = input.approvals
    .filter((a) => a.meetingDate <= asOf)
    .sort((a, b) => (a.meetingDate < b.meetingDate ? -1 : a.meetingDate > b.meetingDate ? 1 : 0));
  const records: Rule12b1Record[] = [];
  for (const d of input.documents) {
    if (d.effectiveDate > asOf || !DOCUMENT_KINDS.has(d.kind)) continue;
    // a vote naming the document; one naming only its instrument (a continuance, an approval of the
    // instrument as amended) speaks for each of its documents in effect by the meeting
    const votes = approvals
      .filter(
        (a) =>
          a.documentId === d.id ||
          (a.documentId === null &&
            d.instrumentKey !== null &&
            a.instrumentKey === d.instrumentKey &&
            d.effectiveDate <= a.meetingDate),
      )
      .map(voteOf);
    records.push({
      kind: 'rule12b1Record',
      record: d.kind as Rule12b1RecordKind,
      title: d.title,
      instrument: d.instrumentName,
      file: d.fileName,
      document: d.id,
      dated: d.effectiveDate,
      votes,
      approvedByTheBoard: approves(votes),
      ...retentionOf(d.effectiveDate, asOf),
    });
  }
  // a related agreement not imported (approves=related-agreement): known by its name only
  const related = new Map<string, Approval[]>();
  for (const a of approvals)
    if (a.subject === 'related-agreement' && a.documentId === null && a.instrumentKey === null)
      related.set(a.approvedName, [...(related.get(a.approvedName) ?? []), a]);
  for (const [name, list] of related) {
    const votes = list.map(voteOf);
    const first = votes.find((v) => v.body === 'board' && v.carried) ?? votes[0]!;
    records.push({
      kind: 'rule12b1Record',
      record: 'related-agreement',
      title: name,
      instrument: null,
      file: null,
      document: null,
      dated: first.meetingDate,
      votes,
      approvedByTheBoard: approves(votes),
      ...retentionOf(first.meetingDate, asOf),
    });
  }
  records.sort((a, b) => (a.dated < b.dated ? -1 : a.dated > b.dated ? 1 : a.title < b.title ? -1 : 1));

  const warnings: string[] = [];
  const closedOn = new Map(
    input.closedMonths.filter((m) => m.closedOn <= asOf).map((m) => [m.month, m.closedOn]),
  );
  const first = [...input.closedMonths].map((m) => m.month).sort()[0];
  if (first !== undefined) {
    // SPEC §12: the books start at the first month closed; a quarter holds its months from there
    for (let q: Quarter = quarterOf(`${first}-01`); q.last <= asOf; q = quarterOf(addDays(q.last, 1))) {
      const months = q.months.filter((m) => m >= first);
      const open = months.filter((m) => !closedOn.has(m));
      if (open.length > 0) {
        warnings.push(
          `the quarterly report for ${q.label} (Plan §8) is not final on ${asOf}: ${open.join(', ')} not closed by then; close the months (\`plan12b close --month ${open[0]}\`), then give the Board \`plan12b board-report --quarter ${q.label}\``,
        );
        continue;
      }
      const sealed = months.map((m) => closedOn.get(m)!).sort();
      const dated = sealed[sealed.length - 1]!;
      records.push({
        kind: 'rule12b1Record',
        record: 'quarterly-report',
        title: `Quarterly report ${q.label} (Plan §8)`,
        instrument: null,
        file: null,
        document: null,
        dated,
        votes: [],
        approvedByTheBoard: false,
        ...retentionOf(dated, asOf),
      });
    }
  }
  return { asOf, records, warnings };
}
