/**
 * `plan12b gross-sales import` (FINRA Rule 2341(d)(2); SPEC §10; issue 12 item 6): new gross sales
 * per portfolio, class and month — excluding shares issued on reinvestment of distributions and
 * exchanges within the complex — with the front-end and deferred sales charges of the month. The
 * FINRA cap ledger of a class exists from its first month in this feed.
 */
import { monthEnd, monthStart } from '../calendar/isoDate.js';
import type { Problem } from '../errors.js';
import { LEDGER_CDSC_CLASS } from '../governance/finraAggregateCap.js';
import { moneyField, monthField, nameField, optionalField } from '../import/feedFields.js';
import { type FeedDefinition, type FeedOptions, runFeedImport } from '../import/feedImport.js';
import { type ImportPlan, keyedImportResult } from '../import/importPlan.js';
import { type KeyedChange, type KeyedRow, planKeyedRows } from '../import/keyedRows.js';
import { formatCents, parseCents } from '../money/cents.js';
import { classResolver } from '../registry/classByName.js';
import { classCoverage, coverageSpans, coveredDuring } from '../registry/classCoverage.js';
import { portfolioOverSpan } from '../registry/nameOverSpan.js';
import type { Database } from '../store/database.js';
import { type GrossSalesRecord, loadGrossSales, upsertGrossSales } from '../store/finraCapRepository.js';
import { loadRegistry } from '../store/registryStore.js';

export const GROSS_SALES_FEED_COLUMNS = {
  month: { type: monthField() },
  portfolio: { type: nameField('portfolio') },
  class: { type: nameField('class') },
  gross_sales: { type: moneyField() },
  front_end_sales_charges: { type: optionalField(moneyField()), optional: true },
  deferred_sales_charges: { type: optionalField(moneyField()), optional: true },
} as const;

interface Value {
  readonly grossSalesCents: bigint;
  readonly frontEndCents: bigint;
  readonly deferredCents: bigint | null;
}
const showValue = (v: Value) =>
  `gross sales ${formatCents(v.grossSalesCents)}, front-end ${formatCents(v.frontEndCents)}, deferred ${v.deferredCents === null ? '(ledger)' : formatCents(v.deferredCents)}`;

interface State {
  readonly rows: readonly (KeyedRow<Value> & { portfolioId: string; class: string; month: string })[];
  readonly problems: readonly Problem[];
  readonly recorded: ReadonlyMap<string, Value>;
}

type Change = KeyedChange<Value>;

export interface GrossSalesImportResult {
  readonly file: string;
  readonly rows: number;
  readonly inserted: number;
  readonly unchanged: number;
  readonly restated: { what: string; old: string; new: string }[];
}

const keyOf = (portfolioId: string, cls: string, month: string) => `${portfolioId}|${cls}|${month}`;

export const grossSalesFeed: FeedDefinition<
  typeof GROSS_SALES_FEED_COLUMNS,
  State,
  Change,
  GrossSalesImportResult
> = {
  name: 'gross-sales',
  columns: GROSS_SALES_FEED_COLUMNS,
  // A month's gross sales change the remaining amount of every later month, hence the ABSC allowed.
  closedMonthRule: 'refuse-through-latest',

  async load(tx, rows, ctx) {
    const registry = await loadRegistry(tx);
    const resolve = classResolver(registry);
    const coverage = classCoverage(registry);
    const problems: Problem[] = [];
    const resolved: State['rows'][number][] = [];
    for (const { line, row } of rows) {
      // SPEC §2: the portfolio that bore the name in the month; a name that changed hands within it is refused
      const span = portfolioOverSpan(
        registry.identities,
        row.portfolio,
        monthStart(row.month),
        monthEnd(row.month),
      );
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
      const c = resolve(row.portfolio, row.class, monthEnd(row.month));
      if (c.kind === 'unknown') {
        problems.push({ file: ctx.file, line, field: c.field, value: row[c.field], reason: c.reason });
        continue;
      }
      // FINRA 2341(d)(2) (DOMAIN §3.5): the remaining amount starts at the inception of the
      // asset-based sales charge. A month no instrument covers the class in has none in the record;
      // its row would start the ledger there (and a recorded month is never removed).
      const runs = coverage.get(`${c.portfolioId}|${c.class}`);
      if (!coveredDuring(runs, monthStart(row.month), monthEnd(row.month))) {
        const spans = coverageSpans(runs);
        problems.push({
          file: ctx.file,
          line,
          field: 'month',
          value: row.month,
          reason: `no instrument covers ${row.portfolio} class ${c.class} in ${row.month}${spans ? ` (the documents cover it ${spans})` : ''}: the FINRA cap ledger counts new gross sales from the inception of the asset-based sales charge, and this row would start it in ${row.month}; correct the month, or import first the instrument that covered the class then`,
        });
        continue;
      }
      if (c.class === LEDGER_CDSC_CLASS && row.deferred_sales_charges !== null) {
        problems.push({
          file: ctx.file,
          line,
          field: 'deferred_sales_charges',
          value: formatCents(row.deferred_sales_charges),
          reason:
            "Class B's deferred sales charges are the CDSCs of plan12b's Class B ledger; leave the cell empty",
        });
        continue;
      }
      resolved.push({
        line,
        portfolioId: c.portfolioId,
        class: c.class,
        month: row.month,
        key: keyOf(c.portfolioId, c.class, row.month),
        label: `${row.portfolio} class ${c.class} ${row.month}`,
        value: {
          grossSalesCents: row.gross_sales,
          frontEndCents: row.front_end_sales_charges ?? 0n,
          deferredCents: row.deferred_sales_charges,
        },
        datedOn: monthStart(row.month),
        dateField: 'month',
      });
    }
    const recorded = new Map(
      (await loadGrossSales(tx)).map((r) => [
        keyOf(r.portfolioId, r.class, r.month),
        {
          grossSalesCents: parseCents(r.grossSales),
          frontEndCents: parseCents(r.frontEndSalesCharges),
          deferredCents: r.deferredSalesCharges === null ? null : parseCents(r.deferredSalesCharges),
        },
      ]),
    );
    return { rows: resolved, problems, recorded };
  },

  plan(_rows, state, ctx): ImportPlan<Change> {
    const planned = planKeyedRows(ctx.file, state.rows, state.recorded, {
      restate: ctx.options.restate === true,
      same: (a, b) =>
        a.grossSalesCents === b.grossSalesCents &&
        a.frontEndCents === b.frontEndCents &&
        a.deferredCents === b.deferredCents,
      show: showValue,
      field: 'gross_sales',
    });
    return { ...planned, problems: [...state.problems, ...planned.problems] };
  },

  async apply(tx, plan, state, ctx) {
    const byLine = new Map(state.rows.map((r) => [r.line, r]));
    const records: GrossSalesRecord[] = plan.changes.map((c) => {
      const r = byLine.get(c.line)!;
      return {
        portfolioId: r.portfolioId,
        class: r.class,
        month: r.month,
        grossSales: formatCents(c.value.grossSalesCents),
        frontEndSalesCharges: formatCents(c.value.frontEndCents),
        deferredSalesCharges: c.value.deferredCents === null ? null : formatCents(c.value.deferredCents),
      };
    });
    await upsertGrossSales(tx, records, ctx.importId, ctx.actor);
  },

  result(plan, _state, ctx) {
    return keyedImportResult(plan, ctx, (c) => ({
      what: c.label,
      old: showValue(c.old!),
      new: showValue(c.value),
    }));
  },
};

export function importGrossSales(
  db: Database,
  file: string,
  bytes: Uint8Array,
  opts: FeedOptions = {},
): Promise<GrossSalesImportResult> {
  return runFeedImport(
    db,
    grossSalesFeed,
    { file, bytes },
    {
      restate: opts.restate === true,
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    },
  );
}
