import type { Problem } from '../errors.js';
import { formatRatePct } from '../money/rate.js';
import type { Registry } from '../registry/registry.js';
import { createTransfer, type Transfer, type TransferTerms, transferTermProblems } from './transfer.js';
import { describeOverAssignment, overAssignments } from './transferPortions.js';

/**
 * The records of Transfers (Agreement EIGHTH; SPEC §8, §12): a Transfer, or a record that ends
 * one from its effective date (and replaces it, when it gives portions). A recorded Transfer is
 * never edited. Pure: what a record must say, how records become Transfers in force, and which
 * new records the recorded ones refuse.
 */
export interface TransferRecord {
  readonly id: string;
  readonly assignee: string | null;
  readonly address: string | null;
  /** the name the feed gave, or null for all portfolios */
  readonly portfolio_name: string | null;
  readonly twelve_b1_portion_pct: string | null;
  readonly cdsc_portion_pct: string | null;
  readonly doi_from: string | null;
  readonly doi_to: string | null;
  readonly effective_date: string;
  readonly notice_received_date: string | null;
  readonly payment: 'direct' | 'depository';
  readonly depository_agent: string | null;
  /** the Transfer this record ends (and, when it has portions, replaces) from its effective date */
  readonly ends: string | null;
}

export const isEndOnly = (r: TransferRecord) =>
  r.ends !== null && r.twelve_b1_portion_pct === null && r.cdsc_portion_pct === null;

/** A row's terms in the domain's words (the portfolio already resolved). */
export function transferTermsOf(r: TransferRecord, portfolioId: string | null): TransferTerms {
  return {
    id: r.id,
    assignee: r.assignee,
    address: r.address,
    portfolioId,
    twelveB1PortionPct: r.twelve_b1_portion_pct,
    cdscPortionPct: r.cdsc_portion_pct,
    doiFrom: r.doi_from,
    doiTo: r.doi_to,
    effectiveDate: r.effective_date,
    noticeReceivedDate: r.notice_received_date,
    payment: r.payment,
    depositoryAgent: r.depository_agent,
  };
}

/**
 * Recorded rows as Transfers in force from their effective dates until a later record ends
 * them; portfolios resolved through the registry (any name a portfolio ever had).
 */
export function transfersOf(rows: readonly TransferRecord[], registry: Registry): Transfer[] {
  const endsOn = new Map(rows.flatMap((r) => (r.ends === null ? [] : [[r.ends, r.effective_date] as const])));
  // the portfolio that bore the name on the record's effective date (SPEC §2: a name can pass on)
  const pid = (name: string | null, date: string) =>
    name === null ? null : (registry.identities.resolveOn(name, date) ?? name);
  return rows
    .filter((r) => !isEndOnly(r))
    .map((r) =>
      createTransfer({
        ...transferTermsOf(r, pid(r.portfolio_name, r.effective_date)),
        assignee: r.assignee!,
        address: r.address!,
        endsOn: endsOn.get(r.id) ?? null,
      }),
    );
}

/** The same terms; a row without the notice that `transfers notice` recorded later is no difference. */
export function sameTransferTerms(a: TransferRecord, b: TransferRecord, registry: Registry): boolean {
  const pid = (r: TransferRecord) =>
    r.portfolio_name === null
      ? null
      : (registry.identities.resolveOn(r.portfolio_name, r.effective_date) ?? r.portfolio_name);
  return (Object.keys(a) as (keyof TransferRecord)[]).every((k) =>
    k === 'portfolio_name'
      ? pid(a) === pid(b)
      : a[k] === b[k] || (k === 'notice_received_date' && a[k] === null),
  );
}

/** The terms EIGHTH(A)–(D) require of each record, and each id once among the new records. */
export function transferRecordProblems(
  records: readonly { line: number; record: TransferRecord }[],
  file: string,
) {
  const problems: Problem[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, record: r } of records) {
    const bad = (field: string, reason: string) => problems.push({ file, line, field, reason });
    const first = firstLine.get(r.id);
    if (first !== undefined) bad('id', `duplicate id ${r.id} (first on line ${first})`);
    firstLine.set(r.id, first ?? line);
    if (r.ends === r.id) bad('ends', 'a record cannot end itself; name the earlier Transfer it ends');
    if (isEndOnly(r)) continue;
    // The domain names each term as the Transfer does (doiTo); the record's is doi_to.
    for (const p of transferTermProblems(transferTermsOf(r, null)))
      bad(
        p.term.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
        p.reason,
      );
  }
  return problems;
}

const NEVER_EDITED = 'is recorded with other terms; Transfers are never edited: a later record ends it';

/**
 * The new records against the recorded ones: a recorded id with other terms is a conflict; a
 * record ends a Transfer that exists, is not yet ended, and after it took effect; Transfers in
 * force may never add up to more than 100% of a portfolio's 12b-1 Share or Earned CDSC (issue 10
 * item 12).
 */
export function planTransferRecords(
  file: string,
  records: readonly { line: number; record: TransferRecord }[],
  recorded: ReadonlyMap<string, TransferRecord>,
  registry: Registry,
  incomplete: boolean,
): { added: { line: number; record: TransferRecord }[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const added: { line: number; record: TransferRecord }[] = [];
  const inFile = new Map(records.map((r) => [r.record.id, r.record]));
  const endedBy = new Map([...recorded.values()].flatMap((r) => (r.ends ? [[r.ends, r] as const] : [])));
  for (const { line, record: r } of records) {
    const bad = (field: string, reason: string, code?: Problem['code']) =>
      problems.push({ code, file, line, field, reason });
    const old = recorded.get(r.id);
    if (old !== undefined) {
      if (!sameTransferTerms(r, old, registry))
        bad('id', `Transfer ${r.id} ${NEVER_EDITED} (column ends)`, 'CONFLICT');
      continue;
    }
    const p = r.portfolio_name;
    if (p !== null && !registry.identities.resolveOn(p, r.effective_date))
      bad('portfolio', `unknown portfolio ${JSON.stringify(p)}: give a name it ever had, or all`);
    if (r.ends !== null && r.ends !== r.id) {
      const [ended, other] = [recorded.get(r.ends) ?? inFile.get(r.ends), endedBy.get(r.ends)];
      if (ended === undefined || isEndOnly(ended)) bad('ends', `no Transfer ${r.ends} to end`);
      else if (other !== undefined)
        bad(
          'ends',
          `${r.ends} is already ended by ${other.id}`,
          recorded.has(other.id) ? 'CONFLICT' : undefined,
        );
      else if (r.effective_date <= ended.effective_date)
        bad('effective_date', `${r.ends} takes effect on ${ended.effective_date}; end it after that`);
      endedBy.set(r.ends, r);
    }
    added.push({ line, record: r });
  }
  if (problems.length === 0 && !incomplete)
    problems.push(...overAssignedProblems(file, added, recorded, registry));
  return { added, problems };
}

/** Transfers in force adding up to more than 100% are refused, with the sum and dates. */
function overAssignedProblems(
  file: string,
  added: readonly { line: number; record: TransferRecord }[],
  recorded: ReadonlyMap<string, TransferRecord>,
  registry: Registry,
): Problem[] {
  const lineOf = new Map(added.map((c) => [c.record.id, c.line]));
  const all = transfersOf([...recorded.values(), ...added.map((a) => a.record)], registry);
  return overAssignments(all).flatMap((o) => {
    // On the line of the file's last Transfer among them; none: all recorded before this rule.
    const lines = o.transferIds.flatMap((id) => lineOf.get(id) ?? []);
    if (lines.length === 0) return [];
    const line = Math.max(...lines);
    const field = o.portion === 'twelveB1' ? 'twelve_b1_portion_pct' : 'cdsc_portion_pct';
    const name = o.portfolioId === null ? null : registry.identities.nameOn(o.portfolioId, o.from);
    const reason = describeOverAssignment(o, name);
    return [{ code: 'REFUSED' as const, file, line, field, value: formatRatePct(o.totalMicroPct), reason }];
  });
}
