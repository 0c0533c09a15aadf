import type { z } from 'zod';
import { transferNoticeContentHash } from '../audit/commandRecords.js';
import { monthOf } from '../calendar/isoDate.js';
import { requireDateOfNyseCalendar } from '../calendar/nyseCalendar.js';
import { didYouMean } from '../closestName.js';
import { Plan12bError } from '../errors.js';
import type { DecodedRow, FeedRowOf } from '../import/csvFeed.js';
import {
  enumField,
  isoDateField,
  nameField,
  optionalField,
  percentField,
  textField,
} from '../import/feedFields.js';
import { type FeedDefinition, type FeedOptions, runFeedImport } from '../import/feedImport.js';
import type { PlannedChange } from '../import/importPlan.js';
import { runStateChange } from '../import/stateChange.js';
import { formatRatePct } from '../money/rate.js';
import { spellingVariantProblems } from '../registry/nameSpelling.js';
import type { Registry } from '../registry/registry.js';
import type { Database } from '../store/database.js';
import { loadRegistry } from '../store/registryStore.js';
import { todayIso } from '../store/today.js';
import * as repo from '../store/transfersRepository.js';
import {
  isEndOnly,
  planTransferRecords,
  type TransferRecord,
  transferRecordProblems,
} from '../transfers/transferRecord.js';

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
type Change = PlannedChange & { readonly record: TransferRecord };
type State = { registry: Registry; recorded: Map<string, TransferRecord> };
export type TransferImportResult = { readonly inserted: number; readonly unchanged: number };
type Definition = FeedDefinition<typeof TRANSFER_FEED_COLUMNS, State, Change, TransferImportResult>;

const records = (changes: readonly Change[]) => changes.map((c) => c.record);

function recordOf({ row }: Row): TransferRecord {
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
const recordsOf = (rows: readonly Row[]) => rows.map((r) => ({ line: r.line, record: recordOf(r) }));

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
  fileRules: (rows, file) => transferRecordProblems(recordsOf(rows), file),

  load: async (tx) => ({
    registry: await loadRegistry(tx),
    recorded: new Map((await repo.loadTransferRows(tx)).map((r) => [r.id, r])),
  }),

  plan(rows, { registry, recorded }, ctx) {
    const planned = planTransferRecords(ctx.file, recordsOf(rows), recorded, registry, ctx.incomplete);
    // an Assignee is known by its name, compared exactly: "ACME CAPITAL" beside a recorded "Acme
    // Capital" would be a second Assignee, with its own statement and payments
    planned.problems.push(
      ...spellingVariantProblems(
        rows.flatMap(({ line, row }) =>
          row.assignee === null ? [] : [{ line, field: 'assignee', name: row.assignee }],
        ),
        [...recorded.values()].flatMap((r) => (r.assignee === null ? [] : [r.assignee])),
        'Assignee',
        ctx.file,
      ),
    );
    const today = todayIso();
    for (const { line, record } of planned.added) {
      const future =
        record.notice_received_date && noticeAfterTodayReason(record.notice_received_date, today);
      if (future)
        planned.problems.push({ file: ctx.file, line, field: 'notice_received_date', reason: future });
    }
    const changes = planned.added.map(({ line, record }): Change => {
      return { line, datedOn: record.effective_date, dateField: 'effective_date', kind: 'new', record };
    });
    return { changes, unchanged: rows.length - changes.length, problems: planned.problems, warnings: [] };
  },

  apply: (tx, plan, _state, ctx) => repo.insertTransfers(tx, records(plan.changes), ctx.importId, ctx.actor),
  result: (plan) => ({ inserted: plan.changes.length, unchanged: plan.unchanged }),
  auditDetail: (plan) =>
    records(plan.changes)
      .map((r) => (isEndOnly(r) ? `${r.id} ends ${r.ends}` : `${r.id} → ${r.assignee}`))
      .join('; '),
};

/** `plan12b transfers import`: the transfers feed through the one import pipeline. */
export const importTransfers = (
  db: Database,
  file: string,
  bytes: Uint8Array,
  opts: Pick<FeedOptions, 'onProgress'> = {},
) =>
  runFeedImport(db, transfersFeed, { file, bytes }, opts.onProgress ? { onProgress: opts.onProgress } : {});

/**
 * EIGHTH(C): the Fund pays the Assignee "following receipt … of notice of Transfer" — a receipt is a
 * fact of the past. A notice dated after today (2099 for 2009) would, once recorded, keep the Assignee
 * unpaid until then, and a notice is recorded once: refused, like any other impossible input.
 * A notice received before the Transfer's effective date is possible (given ahead) and accepted.
 */
export function noticeAfterTodayReason(received: string, today: string): string | null {
  return received > today
    ? `a notice received on ${received} is after today (${today}): the Fund cannot have received it yet`
    : null;
}

/**
 * `plan12b transfers notice` (EIGHTH(B)): records, once, the date the Fund received the notice of
 * Transfer. It decides whom the Fund pays from then on, so it may not be dated in or before a closed
 * month, nor after today.
 */
export async function recordTransferNotice(
  db: Database,
  id: string,
  date: string,
): Promise<{ recorded: boolean }> {
  // a date outside the calendar is the question's fault (64) before it is a notice not yet received
  requireDateOfNyseCalendar(date);
  const future = noticeAfterTodayReason(date, todayIso());
  if (future !== null)
    throw new Plan12bError(
      'BAD_INPUT',
      future,
      'record the notice once the Fund has received it; nothing was written',
    );
  return runStateChange<{ recorded: boolean }>(db, 'transfers.notice', async (tx, closed) => {
    const rows = (await repo.loadTransferRows(tx)).filter((r) => !isEndOnly(r));
    const row = rows.find((r) => r.id === id);
    const was = row?.notice_received_date;
    if (row === undefined)
      throw new Plan12bError(
        'NOT_FOUND',
        `no Transfer ${id}`,
        `${didYouMean(
          rows.map((r) => ({ name: r.id })),
          id,
        )}see \`plan12b transfers list\``,
      );
    if (was === date) return { result: { recorded: false }, audit: null };
    if (was)
      throw new Plan12bError(
        'CONFLICT',
        `the notice of Transfer ${id} was recorded as received on ${was}`,
        'a notice is received once; nothing was written (`plan12b transfers list` shows it)',
      );
    if (closed.latest !== null && monthOf(date) <= closed.latest)
      throw new Plan12bError(
        'REFUSED',
        `${closed.latest} is closed; a notice dated ${date} would alter it`,
        `a closed month is never edited; nothing was written (give a date after ${closed.latest})`,
      );
    await repo.setTransferNotice(tx, id, date);
    const audit = {
      subject: id,
      contentHash: transferNoticeContentHash(id, date),
      detail: `notice received ${date}`,
    };
    return { result: { recorded: true }, audit };
  });
}
