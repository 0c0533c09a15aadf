import { z } from 'zod';
import { sha256 } from '../audit/auditChain.js';
import type { Problem } from '../errors.js';
import { APPROVAL_SUBJECTS, type Approval, approvalOutcome } from '../governance/approval.js';
import { type BoardVote, impossibleBoardVote } from '../governance/boardVote.js';
import { independentMajorityDoubt } from '../governance/fundGovernanceStandards.js';
import type { GovernanceRecords } from '../governance/governanceRecords.js';
import { impossibleShareholderVote, type ShareholderVote } from '../governance/shareholderVote.js';
import type { DecodedRow } from '../import/csvFeed.js';
import {
  enumField,
  isoDateField,
  nameField,
  optionalField,
  sharesField,
  yesNoField,
} from '../import/feedFields.js';
import { type FeedDefinition, type FeedOptions, runFeedImport } from '../import/feedImport.js';
import type { PlannedChange } from '../import/importPlan.js';
import type { BoardRate } from '../registry/boardRate.js';
import { closedPeriodChange } from '../registry/closedPeriodChange.js';
import { documentListsClass } from '../registry/documentListsClass.js';
import { buildRegistry, type Registry } from '../registry/registry.js';
import type { StoredDocument } from '../registry/storedDocument.js';
import { insertApprovals } from '../store/approvalsRepository.js';
import type { Database } from '../store/database.js';
import { loadGovernance } from '../store/governanceStore.js';
import { loadBoardRates, loadDocuments } from '../store/registryStore.js';
import { todayIso } from '../store/today.js';

/** A count of trustees: a whole number, 0 allowed. */
const countField = () =>
  z.string().transform((s, ctx) => {
    if (/^\d{1,4}$/.test(s)) return Number(s);
    ctx.issues.push({
      code: 'custom',
      message: `${JSON.stringify(s)} is not a whole number of trustees`,
      input: s,
    });
    return z.NEVER;
  });

/**
 * The approvals and votes feed (issue 12 item 1): one row per meeting, body, thing approved and
 * portfolio/class. A board vote gives the trustees for / against / absent and the Dis-interested
 * Trustees for / against (/ absent), in person, at a meeting called for the purpose; a
 * shareholder vote gives the class's shares outstanding, present and for.
 */
export const APPROVALS_FEED_COLUMNS = {
  meeting_date: { type: isoDateField() },
  body: { type: enumField(['board', 'shareholders'] as const) },
  approves: { type: enumField(APPROVAL_SUBJECTS) },
  document: { type: optionalField(nameField('document')), optional: true },
  instrument: { type: optionalField(nameField('instrument')), optional: true },
  portfolio: { type: optionalField(nameField('portfolio')), optional: true },
  class: { type: optionalField(nameField('class')), optional: true },
  trustees_for: { type: optionalField(countField()), optional: true },
  trustees_against: { type: optionalField(countField()), optional: true },
  trustees_absent: { type: optionalField(countField()), optional: true },
  disinterested_for: { type: optionalField(countField()), optional: true },
  disinterested_against: { type: optionalField(countField()), optional: true },
  disinterested_absent: { type: optionalField(countField()), optional: true },
  in_person: { type: optionalField(yesNoField()), optional: true },
  called_for_purpose: { type: optionalField(yesNoField()), optional: true },
  shares_outstanding: { type: optionalField(sharesField()), optional: true },
  shares_present: { type: optionalField(sharesField()), optional: true },
  shares_for: { type: optionalField(sharesField()), optional: true },
} as const;

type Columns = typeof APPROVALS_FEED_COLUMNS;
type Row = DecodedRow<{ readonly [K in keyof Columns]: z.output<Columns[K]['type']> }>;

type ApprovalChange = PlannedChange & { readonly approval: Approval };

interface ApprovalsState {
  readonly documents: readonly StoredDocument[];
  readonly boardRates: readonly BoardRate[];
  readonly governance: GovernanceRecords;
  readonly before: Registry;
  readonly candidates: readonly { line: number; approval: Approval; warning: string | null }[];
  readonly problems: readonly Problem[];
}

export interface ApprovalsImportResult {
  readonly file: string;
  readonly rows: number;
  readonly inserted: number;
  readonly unchanged: number;
  /** of the new ones, how many carried */
  readonly approved: number;
  readonly notApproved: number;
  /** e.g. a meeting dated after today: recorded as stated, most likely a mistyped year */
  readonly warnings: readonly string[];
}

/** The ignorable key of a name: lower case, whitespace collapsed. */
function nameKeyOf(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A document by its content hash (or a unique prefix of 8+ hex digits) or its stored file name. */
function findDocument(docs: readonly StoredDocument[], ref: string): StoredDocument | string {
  const r = ref.trim().toLowerCase();
  if (/^[0-9a-f]{8,64}$/.test(r)) {
    const hits = docs.filter((d) => d.id.startsWith(r));
    if (hits.length === 1) return hits[0]!;
    if (hits.length > 1) return `${ref} is the start of ${hits.length} documents' hashes; give more of it`;
  }
  const byName = docs.filter((d) => d.fileName.toLowerCase() === r);
  if (byName.length === 1) return byName[0]!;
  return `no imported document has the hash or file name ${JSON.stringify(ref)} (see \`plan12b exhibit list\`)`;
}

function voteOf(row: Row['row']): { vote: BoardVote | ShareholderVote } | { field: string; reason: string } {
  if (row.body === 'board') {
    // Plan §9, §10(a): a vote to terminate needs no in-person meeting called for the purpose, so
    // its row may leave those two empty (recorded as not stated)
    for (const f of [
      'trustees_for',
      'trustees_against',
      'trustees_absent',
      'disinterested_for',
      'disinterested_against',
      'in_person',
      'called_for_purpose',
    ] as const)
      if (
        row[f] === null &&
        !(row.approves === 'termination' && (f === 'in_person' || f === 'called_for_purpose'))
      )
        return { field: f, reason: `a board vote needs ${f}` };
    for (const f of ['shares_outstanding', 'shares_present', 'shares_for'] as const)
      if (row[f] !== null)
        return { field: f, reason: 'a board vote has no shares; leave the shares columns empty' };
    const vote: BoardVote = {
      kind: 'board-vote',
      trusteesInOffice: row.trustees_for! + row.trustees_against! + row.trustees_absent!,
      trusteesFor: row.trustees_for!,
      trusteesAgainst: row.trustees_against!,
      disinterestedInOffice:
        row.disinterested_for! + row.disinterested_against! + (row.disinterested_absent ?? 0),
      disinterestedFor: row.disinterested_for!,
      disinterestedAgainst: row.disinterested_against!,
      inPerson: row.in_person,
      calledForThePurpose: row.called_for_purpose,
    };
    const why = impossibleBoardVote(vote);
    if (why)
      return {
        field: why.includes('absent')
          ? 'disinterested_absent'
          : why.includes('against')
            ? 'disinterested_against'
            : 'disinterested_for',
        reason: why,
      };
    return { vote };
  }
  for (const f of ['shares_outstanding', 'shares_present', 'shares_for'] as const)
    if (row[f] === null) return { field: f, reason: `a shareholder vote needs ${f}` };
  for (const f of [
    'trustees_for',
    'trustees_against',
    'trustees_absent',
    'disinterested_for',
    'disinterested_against',
  ] as const)
    if (row[f] !== null)
      return { field: f, reason: 'a shareholder vote has no trustees; leave the trustee columns empty' };
  const vote: ShareholderVote = {
    kind: 'shareholder-vote',
    outstandingUnits: row.shares_outstanding!,
    presentUnits: row.shares_present!,
    forUnits: row.shares_for!,
  };
  const why = impossibleShareholderVote(vote);
  if (why)
    return {
      field: why.includes('for')
        ? 'shares_for'
        : why.includes('present')
          ? 'shares_present'
          : 'shares_outstanding',
      reason: why,
    };
  return { vote };
}

/** What a Board vote's counts say of the Board itself (Rule 12b-1(c)). */
function boardWarnings(a: Approval): string[] {
  if (a.vote.kind !== 'board-vote') return [];
  const doubt = independentMajorityDoubt(a.meetingDate, a.vote);
  return doubt === null ? [] : [doubt];
}

/** Resolves one row to an approval against the documents and the registry, or its problems. */
function approvalOfRow(
  file: string,
  { line, row }: Row,
  documents: readonly StoredDocument[],
  registry: Registry,
): { approval: Approval; warning: string | null } | Problem[] {
  const problems: Problem[] = [];
  const problem = (field: string, value: string | null, reason: string) =>
    problems.push({ file, line, field, ...(value === null ? {} : { value }), reason });
  let documentId: string | null = null;
  let instrumentKey: string | null = null;
  let approvedName = row.instrument ?? row.document ?? '';
  if (row.document !== null) {
    const d = findDocument(documents, row.document);
    if (typeof d === 'string') problem('document', row.document, d);
    else {
      documentId = d.id;
      approvedName = `${d.doc.title} (${d.fileName})`;
      instrumentKey = registry.instruments.find((i) => i.documentIds.includes(d.id))?.key ?? null;
    }
  }
  if (row.instrument !== null) {
    // by the name it is listed by ("… (Compensation)": twins told apart), else by its title
    const named = registry.instruments.filter((i) => nameKeyOf(i.name) === nameKeyOf(row.instrument!));
    const hits =
      named.length > 0
        ? named
        : registry.instruments.filter((i) => nameKeyOf(i.title) === nameKeyOf(row.instrument!));
    if (hits.length === 1) {
      if (instrumentKey !== null && hits[0]!.key !== instrumentKey)
        problem('instrument', row.instrument, 'the document named is not part of this instrument');
      instrumentKey = hits[0]!.key;
    } else if (hits.length > 1)
      problem(
        'instrument',
        row.instrument,
        `${hits.length} instruments have this title; name one as it is listed (${hits.map((i) => `"${i.name}"`).join(', ')}) or the document by its hash instead`,
      );
    else if (row.approves !== 'related-agreement')
      problem(
        'instrument',
        row.instrument,
        'no imported instrument has this title (see `plan12b exhibit list`); a related agreement not imported is recorded with approves=related-agreement',
      );
  }
  if (row.document === null && row.instrument === null)
    problem(
      'instrument',
      null,
      'name what is approved: a document (its hash or file name) or an instrument (its title)',
    );
  if (row.approves === 'amendment' && row.document === null)
    problem('document', null, "an amendment is identified by its document's hash or file name");
  let portfolioId: string | null = null;
  if (row.portfolio !== null && row.portfolio.toLowerCase() !== 'all') {
    // SPEC §2: the portfolio that bore the name on the meeting date (a name can pass to another)
    const pid = registry.identities.resolveOn(row.portfolio, row.meeting_date);
    if (pid === undefined)
      problem(
        'portfolio',
        row.portfolio,
        'no portfolio has ever had this name; write all, or leave it empty, for every portfolio',
      );
    else portfolioId = pid;
  }
  if (row.body === 'shareholders' && (portfolioId === null || row.class === null))
    problem(
      portfolioId === null ? 'portfolio' : 'class',
      null,
      "a shareholder vote is a vote of one portfolio's class (Rule 12b-1(g); Plan §5): name both",
    );
  // Rule 18f-3 (DOMAIN §4.3, RECALLED): Class B shares convert into Class A (SPEC §6), so the
  // Class B shareholders of a portfolio vote, too, on an increase of its Class A plan: their vote is
  // read as of the Class A the instrument lists for the portfolio (and decides nothing for Class A)
  const purchaseClassVote =
    row.body === 'shareholders' &&
    row.approves === 'amendment' &&
    row.class?.toUpperCase() === 'B' &&
    portfolioId !== null &&
    instrumentKey !== null &&
    registry.instruments.find((i) => i.key === instrumentKey)!.classes.some((c) => c.toUpperCase() === 'A') &&
    registry.classKeys().some((k) => k.portfolioId === portfolioId && k.class.toUpperCase() === 'B');
  if (row.class !== null && instrumentKey !== null && !purchaseClassVote) {
    const inst = registry.instruments.find((i) => i.key === instrumentKey)!;
    if (inst.classes.length > 0 && !inst.classes.some((c) => c.toLowerCase() === row.class!.toLowerCase()))
      problem('class', row.class, `${inst.name} covers Class ${inst.classes.join(', ')} only`);
  }
  // Plan §7: the Board continues a Plan as a whole ("in the manner provided for approval of this
  // Plan in Section 6"); a shareholder vote on a Plan's continuance is recorded, not counted.
  // Agreement FOURTEENTH: continuance is approved "with respect to the Shares of each Portfolio",
  // by the Board or by the Portfolio's shareholders, and by the Dis-interested Trustees: a Board
  // continuance of an Agreement may name one Portfolio (and its class).
  const continuedKind =
    instrumentKey === null ? null : registry.instruments.find((i) => i.key === instrumentKey)!.kind;
  if (
    row.body === 'board' &&
    row.approves === 'continuance' &&
    continuedKind === 'plan' &&
    (portfolioId !== null || row.class !== null)
  )
    problem(
      portfolioId !== null ? 'portfolio' : 'class',
      null,
      "the Board's continuance of a Plan is recorded for the Plan as a whole (Plan §7); leave portfolio and class empty (an Agreement's continuance may name its Portfolio: FOURTEENTH)",
    );
  // Plan §§5–6: an approval speaks for what the instrument covers. A portfolio (class) that no
  // document of the instrument lists cannot be approved under it; one the named document does not
  // list, but another document of the instrument does, is recorded with a warning: the approval
  // of that document decides nothing for it.
  let warning: string | null = null;
  if (portfolioId !== null && instrumentKey !== null) {
    const inst = registry.instruments.find((i) => i.key === instrumentKey)!;
    const docs = documents.filter((d) => inst.documentIds.includes(d.id));
    const listing = docs.filter((d) =>
      documentListsClass(d, registry.identities, portfolioId!, purchaseClassVote ? 'A' : row.class),
    );
    const what = `${row.portfolio}${row.class === null ? '' : ` Class ${row.class}`}`;
    if (listing.length === 0)
      problem(
        'portfolio',
        row.portfolio,
        `${inst.name} lists ${what} in none of its schedules: the approval cannot apply to it (name a portfolio and class the instrument covers, or leave portfolio empty for every one)`,
      );
    else if (
      documentId !== null &&
      (row.approves === 'instrument' || row.approves === 'amendment') &&
      !listing.some((d) => d.id === documentId)
    )
      warning = `${what} is not listed in ${approvedName}, only in ${listing.map((d) => d.fileName).join(', ')}: recorded as stated, but an approval of this document decides nothing for ${row.portfolio} (it speaks only for what the document lists); if another document was meant, record the approval naming it`;
  }
  const v = voteOf(row);
  if ('field' in v) problem(v.field, null, v.reason);
  if (problems.length > 0 || 'field' in v) return problems;
  const cls = row.class === null ? null : row.class;
  const id = sha256(
    JSON.stringify([
      row.meeting_date,
      row.body,
      row.approves,
      documentId ?? instrumentKey ?? nameKeyOf(approvedName),
      portfolioId,
      cls?.toLowerCase() ?? null,
    ]),
  );
  const approval: Approval = Object.freeze({
    kind: 'approval',
    id,
    meetingDate: row.meeting_date,
    body: row.body,
    subject: row.approves,
    documentId,
    instrumentKey,
    instrumentDocumentIds:
      instrumentKey === null ? [] : registry.instruments.find((i) => i.key === instrumentKey)!.documentIds,
    approvedName,
    portfolioId,
    portfolioName: portfolioId === null ? null : registry.identities.nameOn(portfolioId, row.meeting_date),
    class: cls,
    vote: v.vote,
  });
  return { approval, warning };
}

function sameVote(a: Approval, b: Approval): boolean {
  return (
    JSON.stringify(a.vote, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)) ===
    JSON.stringify(b.vote, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))
  );
}

export const approvalsFeed: FeedDefinition<Columns, ApprovalsState, ApprovalChange, ApprovalsImportResult> = {
  name: 'approvals',
  columns: APPROVALS_FEED_COLUMNS,
  // A meeting may be dated in a closed month; what is refused is a change to what governed in one
  // (checked in `plan` against the registry with and without the rows).
  closedMonthRule: 'refuse',

  async load(tx, rows, ctx) {
    const documents = await loadDocuments(tx);
    const boardRates = await loadBoardRates(tx);
    const governance = await loadGovernance(tx);
    const before = buildRegistry(documents, boardRates, governance);
    const problems: Problem[] = [];
    const candidates: { line: number; approval: Approval; warning: string | null }[] = [];
    for (const r of rows as readonly Row[]) {
      const a = approvalOfRow(ctx.file, r, documents, before);
      if (Array.isArray(a)) problems.push(...a);
      else candidates.push({ line: r.line, ...a });
    }
    return { documents, boardRates, governance, before, candidates, problems };
  },

  plan(_rows, state, ctx) {
    const problems: Problem[] = [...state.problems];
    const recorded = new Map(state.governance.approvals.map((a) => [a.id, a]));
    const inFile = new Map<string, number>();
    const changes: ApprovalChange[] = [];
    let unchanged = 0;
    for (const { line, approval } of state.candidates) {
      const earlier = inFile.get(approval.id);
      if (earlier !== undefined) {
        problems.push({
          file: ctx.file,
          line,
          field: 'meeting_date',
          reason: `the same meeting, body, approval, portfolio and class as line ${earlier}`,
        });
        continue;
      }
      inFile.set(approval.id, line);
      const was = recorded.get(approval.id);
      if (was) {
        if (sameVote(was, approval)) unchanged++;
        else
          problems.push({
            code: 'CONFLICT',
            file: ctx.file,
            line,
            field: 'meeting_date',
            reason: `a different vote is already recorded for this meeting (${approvalOutcome(was.vote, was).outcome}); recorded votes are never edited`,
          });
        continue;
      }
      changes.push({ line, datedOn: null, kind: 'new', approval });
    }
    // SPEC §12: an approval that would change what governed in a closed month is refused.
    if (problems.length === 0 && changes.length > 0 && ctx.closed.months.size > 0) {
      const withRows = (list: readonly ApprovalChange[]) =>
        buildRegistry(state.documents, state.boardRates, {
          ...state.governance,
          approvals: [...state.governance.approvals, ...list.map((c) => c.approval)],
        });
      if (closedPeriodChange(state.before, withRows(changes), ctx.closed.months) !== null) {
        for (const c of changes) {
          const hit = closedPeriodChange(state.before, withRows([c]), ctx.closed.months);
          if (hit)
            problems.push({
              code: 'REFUSED',
              file: ctx.file,
              line: c.line,
              field: 'meeting_date',
              value: c.approval.meetingDate,
              reason: `${hit.month} is closed: this approval would change what governed ${hit.portfolio} class ${hit.class} on ${hit.day} (${hit.before} → ${hit.after})`,
            });
        }
        if (!problems.some((p) => p.code === 'REFUSED'))
          problems.push({
            code: 'REFUSED',
            file: ctx.file,
            line: changes[0]!.line,
            field: 'meeting_date',
            reason: 'together, these approvals would change what governed in a closed month',
          });
      }
    }
    // An approval counts from its meeting date; a meeting after today is most likely a mistyped
    // year (2099 for 2009), which would leave what it approves pending until then.
    const today = todayIso();
    const portfolioWarnings = new Map(state.candidates.map((c) => [c.line, c.warning]));
    const warnings = changes.flatMap((c) => [
      ...(c.approval.meetingDate > today
        ? [
            `${ctx.file}:${c.line}: meeting_date ${c.approval.meetingDate} is after today (${today}): recorded as stated, and what it approves counts only from that date; if the date is wrong, record the meeting again with the right date`,
          ]
        : []),
      ...(portfolioWarnings.get(c.line)
        ? [`${ctx.file}:${c.line}: portfolio ${portfolioWarnings.get(c.line)}`]
        : []),
      // Rule 12b-1(c): the board must have an independent majority for the Fund to rely on the Rule
      ...boardWarnings(c.approval).map((w) => `${ctx.file}:${c.line}: ${w}`),
    ]);
    return { changes, unchanged, problems, warnings };
  },

  apply: (tx, plan, _state, ctx) =>
    insertApprovals(
      tx,
      plan.changes.map((c) => c.approval),
      ctx.importId,
      ctx.actor,
    ),

  result(plan, _state, ctx) {
    const approved = plan.changes.filter((c) => approvalOutcome(c.approval.vote, c.approval).approved).length;
    return {
      file: ctx.file,
      rows: ctx.rows,
      inserted: plan.changes.length,
      unchanged: plan.unchanged,
      approved,
      notApproved: plan.changes.length - approved,
      warnings: [...plan.warnings],
    };
  },
  conflictHint: 'a recorded vote is never edited; record a later meeting instead',
  auditDetail: (plan) => {
    // Agreement FOURTEENTH: continuance per Portfolio — the record says which Portfolios' votes came in
    const perPortfolio = plan.changes
      .map((c) => c.approval)
      .filter((a) => a.subject === 'continuance' && a.portfolioName !== null)
      .map((a) => `${a.portfolioName} (${a.body} ${a.meetingDate})`);
    return `${plan.changes.length} approval(s) and vote(s)${
      perPortfolio.length > 0 ? `; continuance votes naming a portfolio: ${perPortfolio.join(', ')}` : ''
    }`;
  },
};

/** `plan12b approvals import`: the approvals feed through the one import pipeline. */
export function importApprovals(
  db: Database,
  file: string,
  bytes: Uint8Array,
  opts: Pick<FeedOptions, 'onProgress'> = {},
): Promise<ApprovalsImportResult> {
  return runFeedImport(
    db,
    approvalsFeed,
    { file, bytes },
    { ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) },
  );
}
