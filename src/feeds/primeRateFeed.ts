/**
 * `plan12b prime-rate import` (FINRA Rule 2341(d)(2); SPEC §10): the prime rate, effective-dated.
 * The cap's remaining amount earns interest at prime + 1% a year; each month uses the rate in
 * force on its first day.
 */
import { isoDateField, nameField, optionalField, percentField } from '../import/feedFields.js';
import { type FeedDefinition, type FeedOptions, runFeedImport } from '../import/feedImport.js';
import { type ImportPlan, keyedImportResult } from '../import/importPlan.js';
import { type KeyedChange, type KeyedRow, planKeyedRows } from '../import/keyedRows.js';
import { formatRatePct, parseRateMicroPct } from '../money/rate.js';
import type { Database } from '../store/database.js';
import { loadPrimeRates, upsertPrimeRates } from '../store/finraCapRepository.js';

export const PRIME_RATE_FEED_COLUMNS = {
  effective_date: { type: isoDateField() },
  prime_rate: { type: percentField({ maxPct: 50 }) },
  /** where the rate was published (optional; kept, not compared) */
  source: { type: optionalField(nameField('source')), optional: true },
} as const;

interface State {
  readonly rows: readonly (KeyedRow<bigint> & { readonly source: string | null })[];
  readonly recorded: ReadonlyMap<string, bigint>;
}

export interface PrimeRateImportResult {
  readonly file: string;
  readonly rows: number;
  readonly inserted: number;
  readonly unchanged: number;
  readonly restated: { effectiveDate: string; old: string; new: string }[];
}

export const primeRateFeed: FeedDefinition<
  typeof PRIME_RATE_FEED_COLUMNS,
  State,
  KeyedChange<bigint>,
  PrimeRateImportResult
> = {
  name: 'prime-rate',
  columns: PRIME_RATE_FEED_COLUMNS,
  // The rate governs from its date on: interest of every later month depends on it.
  closedMonthRule: 'refuse-through-latest',

  async load(tx, rows) {
    const recorded = new Map(
      (await loadPrimeRates(tx)).map((r) => [r.effectiveDate, parseRateMicroPct(r.ratePct)]),
    );
    return {
      recorded,
      rows: rows.map(({ line, row }) => ({
        source: row.source,
        line,
        key: row.effective_date,
        label: `the prime rate from ${row.effective_date}`,
        value: row.prime_rate,
        datedOn: row.effective_date,
        dateField: 'effective_date',
      })),
    };
  },

  plan(_rows, state, ctx): ImportPlan<KeyedChange<bigint>> {
    return planKeyedRows(ctx.file, state.rows, state.recorded, {
      restate: ctx.options.restate === true,
      same: (a, b) => a === b,
      show: (v) => `${formatRatePct(v)}%`,
      field: 'prime_rate',
    });
  },

  async apply(tx, plan, state, ctx) {
    const source = new Map(state.rows.map((r) => [r.line, r.source]));
    await upsertPrimeRates(
      tx,
      plan.changes.map((c) => ({
        effectiveDate: c.datedOn!,
        ratePct: formatRatePct(c.value),
        source: source.get(c.line) ?? null,
      })),
      ctx.importId,
      ctx.actor,
    );
  },

  result(plan, _state, ctx) {
    return {
      ...keyedImportResult(plan, ctx, (c) => ({
        effectiveDate: c.datedOn!,
        old: formatRatePct(c.old!),
        new: formatRatePct(c.value),
      })),
    };
  },
};

export function importPrimeRate(
  db: Database,
  file: string,
  bytes: Uint8Array,
  opts: FeedOptions = {},
): Promise<PrimeRateImportResult> {
  return runFeedImport(
    db,
    primeRateFeed,
    { file, bytes },
    {
      restate: opts.restate === true,
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    },
  );
}
