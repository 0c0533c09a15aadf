/**
 * `plan12b expenditures import` (Plan §3, §8; SPEC §10; issue 12 item 7): the amounts spent under
 * the Plan per portfolio and class, per quarter (`2025Q4`) or on a date, by purpose (the Plan §3
 * categories, src/governance/expenditurePurpose.ts). They are what the Distributor reports to the
 * board each quarter; they do not enter any fee or sealed result, so closed months do not bar them.
 */
import { z } from 'zod';
import { isIsoDate } from '../calendar/isoDate.js';
import { parseQuarter } from '../calendar/quarter.js';
import type { Problem } from '../errors.js';
import { EXPENDITURE_PURPOSES } from '../governance/expenditurePurpose.js';
import {
  enumField,
  isoDateField,
  moneyField,
  nameField,
  optionalField,
  textField,
} from '../import/feedFields.js';
import { type FeedDefinition, type FeedOptions, runFeedImport } from '../import/feedImport.js';
import { type ImportPlan, keyedImportResult } from '../import/importPlan.js';
import { type KeyedChange, type KeyedRow, planKeyedRows } from '../import/keyedRows.js';
import { formatCents, parseCents } from '../money/cents.js';
import { classResolver } from '../registry/classByName.js';
import { classCoverage, coverageSpans, coveredDuring } from '../registry/classCoverage.js';
import { portfolioOverSpan } from '../registry/nameOverSpan.js';
import type { Database } from '../store/database.js';
import {
  type ExpenditureRecord,
  loadExpenditures,
  upsertExpenditures,
} from '../store/expendituresRepository.js';
import { loadRegistry } from '../store/registryStore.js';

/** A quarter (`2025Q4`) or a date (`2025-11-14`) → the period's first and last days. */
export const periodField = () =>
  z.string().transform((s, ctx) => {
    const q = parseQuarter(s);
    if (q !== null && isoDateField().safeParse(q.first).success)
      return { period: q.label, start: q.first, end: q.last };
    if (isIsoDate(s) && isoDateField().safeParse(s).success) return { period: s, start: s, end: s };
    ctx.issues.push({
      code: 'custom',
      input: s,
      message: `${JSON.stringify(s)} is neither a quarter (YYYYQn, e.g. 2025Q4) nor a date (YYYY-MM-DD)`,
    });
    return z.NEVER;
  });

export const EXPENDITURES_FEED_COLUMNS = {
  portfolio: { type: nameField('portfolio') },
  class: { type: nameField('class') },
  period: { type: periodField() },
  purpose: { type: enumField(EXPENDITURE_PURPOSES) },
  amount: { type: moneyField() },
  description: { type: optionalField(textField()), optional: true },
} as const;

type Resolved = KeyedRow<bigint> & Omit<ExpenditureRecord, 'amount'>;

interface State {
  readonly rows: readonly Resolved[];
  readonly recorded: ReadonlyMap<string, bigint>;
  readonly problems: readonly Problem[];
}

export interface ExpendituresImportResult {
  readonly file: string;
  readonly rows: number;
  readonly inserted: number;
  readonly unchanged: number;
  readonly restated: { what: string; old: string; new: string }[];
}

const keyOf = (r: Omit<ExpenditureRecord, 'amount' | 'periodStart' | 'periodEnd'>) =>
  [r.portfolioId, r.class, r.period, r.purpose, r.description].join('\u0000');

export const expendituresFeed: FeedDefinition<
  typeof EXPENDITURES_FEED_COLUMNS,
  State,
  KeyedChange<bigint>,
  ExpendituresImportResult
> = {
  name: 'expenditures',
  columns: EXPENDITURES_FEED_COLUMNS,
  closedMonthRule: 'refuse',

  async load(tx, rows, ctx) {
    const registry = await loadRegistry(tx);
    const resolve = classResolver(registry);
    const coverage = classCoverage(registry);
    const problems: Problem[] = [];
    const resolved: Resolved[] = [];
    for (const { line, row } of rows) {
      // SPEC §2: the portfolio that bore the name in the period; a name that changed hands within it is refused
      const { start, end } = row.period;
      const span = portfolioOverSpan(registry.identities, row.portfolio, start, end);
      if (span.ambiguity !== null) {
        problems.push({
          file: ctx.file,
          line,
          field: 'portfolio',
          value: row.portfolio,
          reason: span.ambiguity,
        });
        continue;
      }
      const c = resolve(row.portfolio, row.class, end);
      if (c.kind === 'unknown') {
        problems.push({ file: ctx.file, line, field: c.field, value: row[c.field], reason: c.reason });
        continue;
      }
      // Plan §3, §8: an amount spent under the Plan falls in a period an instrument covers the
      // class in (on one day of it at least: a quarter the coverage starts or ends in is accepted)
      const runs = coverage.get(`${c.portfolioId}|${c.class}`);
      if (!coveredDuring(runs, start, end)) {
        const spans = coverageSpans(runs);
        problems.push({
          file: ctx.file,
          line,
          field: 'period',
          value: row.period.period,
          reason: `no instrument covers ${row.portfolio} class ${c.class} in ${row.period.period}${spans ? ` (the documents cover it ${spans})` : ''}: nothing is spent under a Plan for a class it does not cover; correct the period or the class, or import first the instrument that covered the class then`,
        });
        continue;
      }
      const rec = {
        portfolioId: c.portfolioId,
        class: c.class,
        period: row.period.period,
        periodStart: row.period.start,
        periodEnd: row.period.end,
        purpose: row.purpose,
        description: row.description ?? '',
      };
      resolved.push({
        ...rec,
        line,
        key: keyOf(rec),
        label: `${row.portfolio} class ${c.class} ${rec.period} ${rec.purpose}${rec.description ? ` (${rec.description})` : ''}`,
        value: row.amount,
        // not a fee, nor in any sealed result: no closed month bars it
        datedOn: null,
      });
    }
    const recorded = new Map((await loadExpenditures(tx)).map((r) => [keyOf(r), parseCents(r.amount)]));
    return { rows: resolved, recorded, problems };
  },

  plan(_rows, state, ctx): ImportPlan<KeyedChange<bigint>> {
    const planned = planKeyedRows(ctx.file, state.rows, state.recorded, {
      restate: ctx.options.restate === true,
      same: (a, b) => a === b,
      show: formatCents,
      field: 'amount',
    });
    return { ...planned, problems: [...state.problems, ...planned.problems] };
  },

  async apply(tx, plan, state, ctx) {
    const byLine = new Map(state.rows.map((r) => [r.line, r]));
    await upsertExpenditures(
      tx,
      plan.changes.map((c) => {
        const r = byLine.get(c.line)!;
        return {
          portfolioId: r.portfolioId,
          class: r.class,
          period: r.period,
          periodStart: r.periodStart,
          periodEnd: r.periodEnd,
          purpose: r.purpose,
          description: r.description,
          amount: formatCents(c.value),
        };
      }),
      ctx.importId,
      ctx.actor,
    );
  },

  result(plan, _state, ctx) {
    return keyedImportResult(plan, ctx, (c) => ({
      what: c.label,
      old: formatCents(c.old!),
      new: formatCents(c.value),
    }));
  },
};

export function importExpenditures(
  db: Database,
  file: string,
  bytes: Uint8Array,
  opts: FeedOptions = {},
): Promise<ExpendituresImportResult> {
  return runFeedImport(
    db,
    expendituresFeed,
    { file, bytes },
    {
      restate: opts.restate === true,
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    },
  );
}
