import type { z } from 'zod';
import { sha256 } from '../audit/auditChain.js';
import { monthOf } from '../calendar/isoDate.js';
import { Plan12bError, type Problem } from '../errors.js';
import type { DecodedRow, FeedRowOf } from '../import/csvFeed.js';
import {
  enumField,
  isoDateField,
  nameField,
  optionalField,
  percentField,
  textField,
} from '../import/feedFields.js';
import { type FeedDefinition, runFeedImport } from '../import/feedImport.js';
import type { PlannedChange } from '../import/importPlan.js';
import { runStateChange } from '../import/stateChange.js';
import { formatRatePct } from '../money/rate.js';
import type { Registry } from '../registry/registry.js';
import type { Database } from '../store/database.js';
import { loadRegistry } from '../store/registryStore.js';
import * as repo from '../store/transfersRepository.js';
import { transferTermProblems } from '../transfers/transfer.js';
import { describeOverAssignment, overAssignments } from '../transfers/transferPortions.js';

const optional = <T>(type: z.ZodType<T, string>) => ({ type: optionalField(type) });

/** Agreement EIGHTH: one Transfer, or a record ending one, per row (docs/FORMATS.md). */
export const TRANSFER_FEED_COLUMNS = {
  id: { type: nameField('Transfer id') },
  assignee: optional(nameField('assignee')),
  address: optional(textField()),
  portfolio: optional(nameField('portfolio')),
  twelve_b1_portion_pct: optional(percentField()),
  cdsc_portion_pct: optional(percentField()),
  doi_from: optional(isoDateField()),
  doi_to: optional(isoDateField()),
  effective_date: { type: isoDateField() },
  notice_received_date: optional(isoDateField()),
  payment: optional(enumField(['direct', 'depository'])),
  depository_agent: optional(nameField('depository agent')),
  ends: { ...optional(nameField('Transfer id')), optional: true },
} as const;

type Row = DecodedRow<FeedRowOf<typeof TRANSFER_FEED_COLUMNS>>;
type Change = PlannedChange & { readonly record: repo.TransferRecord };
type State = { registry: Registry; recorded: Map<string, repo.TransferRecord> };
export type TransferImportResult = { readonly inserted: number; readonly unchanged: number };
type Definition = FeedDefinition<typeof TRANSFER_FEED_COLUMNS, State, Change, TransferImportResult>;

const NEVER_EDITED = 'is recorded with other terms; Transfers are never edited: a later record ends it';
const records = (changes: readonly Change[]) => changes.map((c) => c.record);

function recordOf({ row }: Row): repo.TransferRecord {
  const { portfolio: p, twelve_b1_portion_pct: p12, cdsc_portion_pct: pc, payment, ...rest } = row;
  const pct = (micro: bigint | null) => (micro === null ? null : formatRatePct(micro));
  const portfolio_name = p === null || p.toLowerCase() === 'all' ? null : p;
  return {
    ...rest,
    portfolio_name,
    twelve_b1_portion_pct: pct(p12),
    cdsc_portion_pct: pct(pc),
    payment: payment ?? 'direct',
  };
}

/** The same terms; a row without the notice that `transfers notice` recorded later is no difference. */
function sameTerms(a: repo.TransferRecord, b: repo.TransferRecord, registry: Registry): boolean {
  const pid = (n: string | null) => (n === null ? null : (registry.identities.resolve(n) ?? n));
  return (Object.keys(a) as (keyof repo.TransferRecord)[]).every((k) =>
    k === 'portfolio_name'
      ? pid(a[k]) === pid(b[k])
      : a[k] === b[k] || (k === 'notice_received_date' && a[k] === null),
  );
}

/** The terms EIGHTH(A)–(D) require of each row, and each id once per file (pure). */
function fileRules(rows: readonly Row[], file: string): Problem[] {
  const problems: Problem[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, row: r } of rows) {
    const bad = (field: string, reason: string) => problems.push({ file, line, field, reason });
    const first = firstLine.get(r.id);
    if (first !== undefined) bad('id', `duplicate id ${r.id} (first on line ${first})`);
    firstLine.set(r.id, first ?? line);
    if (r.ends === r.id) bad('ends', 'a record cannot end itself; name the earlier Transfer it ends');
    if (r.ends !== null && r.twelve_b1_portion_pct === null && r.cdsc_portion_pct === null) continue;
    // The domain names each term as the Transfer does (doiTo); the file's column is doi_to.
    for (const p of transferTermProblems(repo.transferTermsOf(recordOf({ line, row: r }), null)))
      bad(
        p.term.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
        p.reason,
      );
  }
  return problems;
}

/**
 * The transfers feed (Agreement EIGHTH; SPEC §8, §12): all-or-nothing, idempotent by id. A recorded
 * Transfer is never edited (a changed row is a conflict): a later record `ends` it from a date, and
 * replaces it when it gives portions. A Transfer governs every day from its effective date, so none
 * may start or end in or before a closed month; those in force may never add up to more than 100%.
 */
export const transfersFeed: Definition = {
  name: 'transfers',
  columns: TRANSFER_FEED_COLUMNS,
  closedMonthRule: 'refuse-through-latest',
  conflictHint:
    'nothing was written; a recorded Transfer is never edited: end it with a later record (column ends)',
  fileRules,

  load: async (tx) => ({
    registry: await loadRegistry(tx),
    recorded: new Map((await repo.loadTransferRows(tx)).map((r) => [r.id, r])),
  }),

  plan(rows, { registry, recorded }, ctx) {
    const problems: Problem[] = [];
    const changes: Change[] = [];
    const inFile = new Map(rows.map((r) => [r.row.id, recordOf(r)]));
    const endedBy = new Map([...recorded.values()].flatMap((r) => (r.ends ? [[r.ends, r] as const] : [])));
    for (const row of rows) {
      const r = recordOf(row);
      const bad = (field: string, reason: string, code?: Problem['code']) =>
        problems.push({ code, file: ctx.file, line: row.line, field, reason });
      const old = recorded.get(r.id);
      if (old !== undefined) {
        if (!sameTerms(r, old, registry))
          bad('id', `Transfer ${r.id} ${NEVER_EDITED} (column ends)`, 'CONFLICT');
        continue;
      }
      const p = r.portfolio_name;
      if (p !== null && !registry.identities.resolve(p))
        bad('portfolio', `unknown portfolio ${JSON.stringify(p)}: give a name it ever had, or all`);
      if (r.ends !== null && r.ends !== r.id) {
        const [ended, other] = [recorded.get(r.ends) ?? inFile.get(r.ends), endedBy.get(r.ends)];
        if (ended === undefined || repo.isEndOnly(ended)) bad('ends', `no Transfer ${r.ends} to end`);
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
      changes.push({ line: row.line, datedOn: r.effective_date, kind: 'new', record: r });
    }
    if (problems.length === 0 && !ctx.incomplete)
      problems.push(...overAssignedProblems(ctx.file, changes, recorded, registry));
    return { changes, unchanged: rows.length - changes.length, problems, warnings: [] };
  },

  apply: (tx, plan, _state, ctx) => repo.insertTransfers(tx, records(plan.changes), ctx.importId, ctx.actor),
  result: (plan) => ({ inserted: plan.changes.length, unchanged: plan.unchanged }),
  auditDetail: (plan) =>
    records(plan.changes)
      .map((r) => (repo.isEndOnly(r) ? `${r.id} ends ${r.ends}` : `${r.id} → ${r.assignee}`))
      .join('; '),
};

/** Issue 10 item 12: Transfers in force adding up to more than 100% are refused, with the sum and dates. */
function overAssignedProblems(
  file: string,
  changes: readonly Change[],
  recorded: Map<string, repo.TransferRecord>,
  registry: Registry,
): Problem[] {
  const lineOf = new Map(changes.map((c) => [c.record.id, c.line]));
  const all = repo.transfersOf([...recorded.values(), ...records(changes)], registry);
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

/** `plan12b transfers import`: the transfers feed through the one import pipeline. */
export const importTransfers = (db: Database, file: string, bytes: Uint8Array) =>
  runFeedImport(db, transfersFeed, { file, bytes }, {});

/**
 * `plan12b transfers notice` (EIGHTH(B)): records, once, the date the Fund received the notice of
 * Transfer. It decides whom the Fund pays from then on, so it may not be dated in or before a closed month.
 */
export function recordTransferNotice(db: Database, id: string, date: string): Promise<{ recorded: boolean }> {
  return runStateChange<{ recorded: boolean }>(db, 'transfers.notice', async (tx, closed) => {
    const row = (await repo.loadTransferRows(tx)).find((r) => r.id === id && !repo.isEndOnly(r));
    const was = row?.notice_received_date;
    if (row === undefined)
      throw new Plan12bError('NOT_FOUND', `no Transfer ${id}`, 'see `plan12b transfers list`');
    if (was === date) return { result: { recorded: false }, audit: null };
    if (was)
      throw new Plan12bError('CONFLICT', `the notice of Transfer ${id} was recorded as received on ${was}`);
    if (closed.latest !== null && monthOf(date) <= closed.latest)
      throw new Plan12bError('REFUSED', `${closed.latest} is closed; a notice dated ${date} would alter it`);
    await repo.setTransferNotice(tx, id, date);
    const audit = { subject: id, contentHash: sha256(`${id}|${date}`), detail: `notice received ${date}` };
    return { result: { recorded: true }, audit };
  });
}
