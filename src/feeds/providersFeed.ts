/**
 * `plan12b providers import` (SPEC §5; Plan §4(b)–(g), §10): the service providers and their
 * Service Agreements, declared as a feed. A recorded agreement is never changed by a file: a row
 * for a recorded provider must say what is recorded (an empty terminated_on claims nothing).
 */
import { basename } from 'node:path';
import type { Problem } from '../errors.js';
import type { DecodedRow, FeedRowOf } from '../import/csvFeed.js';
import { enumField, isoDateField, nameField, optionalField, percentField } from '../import/feedFields.js';
import { type FeedDefinition, type FeedOptions, runFeedImport } from '../import/feedImport.js';
import type { ImportPlan, PlannedChange } from '../import/importPlan.js';
import { formatRatePct } from '../money/rate.js';
import { recordedTermination } from '../service-fees/agreementTermination.js';
import {
  createServiceAgreement,
  PROVIDER_ID_PATTERN,
  type ServiceAgreement,
  terminationEffectiveDate,
} from '../service-fees/serviceAgreement.js';
import { PLAN_MAXIMUM_SERVICE_FEE_MICRO_PCT } from '../service-fees/serviceFeeRate.js';
import { SERVICE_PROVIDER_KIND_NAMES } from '../service-fees/serviceProviderKind.js';
import type { Database } from '../store/database.js';
import { insertServiceAgreements, loadServiceAgreements } from '../store/serviceProvidersRepository.js';

export { terminateOnAssignment, terminateOnNotice } from '../import/providerTerminations.js';
export { listProviders, loadServiceAgreements } from '../store/serviceProvidersRepository.js';

/** A provider id: printable, letters, digits, ".", "_", "-", at most 64 (it names files and payments). */
export const providerIdField = () =>
  nameField('provider id').refine((s) => PROVIDER_ID_PATTERN.test(s), {
    error: (i) =>
      `${JSON.stringify(i.input)} is not a provider id (letters, digits, ".", "_", "-"; at most 64)`,
  });

export const PROVIDERS_FEED_COLUMNS = {
  id: { type: providerIdField() },
  name: { type: nameField('provider name on the agreement') },
  kind: { type: enumField(SERVICE_PROVIDER_KIND_NAMES) },
  agreement_date: { type: isoDateField() },
  own_rate_pct: { type: optionalField(percentField()), optional: true },
  terminated_on: { type: optionalField(isoDateField()), optional: true },
} as const;

type Row = DecodedRow<FeedRowOf<typeof PROVIDERS_FEED_COLUMNS>>;

interface NewAgreement extends PlannedChange {
  readonly agreement: ServiceAgreement;
}

export interface ProvidersImportResult {
  readonly file: string;
  readonly rows: number;
  readonly inserted: number;
  readonly unchanged: number;
  readonly warnings: string[];
}

/** The rules of a row and across rows: one row per provider; an agreement cannot end before it began. */
function providerFileRules(rows: readonly Row[], file: string): Problem[] {
  const seen = new Map<string, number>();
  const problems: Problem[] = [];
  for (const { line, row } of rows) {
    const broken = (field: string, value: string, reason: string) =>
      problems.push({ file, line, field, value, reason });
    const first = seen.get(row.id);
    if (first === undefined) seen.set(row.id, line);
    else broken('id', row.id, `provider ${row.id} appears twice (first on line ${first})`);
    if (row.own_rate_pct === 0n)
      broken('own_rate_pct', '0', 'zero; leave it empty when the agreement states no rate of its own');
    const end = row.terminated_on;
    if (end !== null && end < row.agreement_date)
      broken(
        'terminated_on',
        end,
        `terminated on ${end}, which precedes the agreement date ${row.agreement_date}`,
      );
  }
  return problems;
}

/** What in a row differs from the recorded agreement, or null when the row says the same. */
function differenceFromRecorded(
  row: Row['row'],
  recorded: ServiceAgreement,
): Omit<Problem, 'file' | 'line'> | null {
  const rate = (r: bigint | null) => (r === null ? '(none)' : formatRatePct(r));
  const fields: [string, string, string][] = [
    ['name', row.name, recorded.providerName],
    ['kind', row.kind, recorded.providerKind],
    ['agreement_date', row.agreement_date, recorded.agreementDate],
    ['own_rate_pct', rate(row.own_rate_pct), rate(recorded.ownRateMicroPct)],
  ];
  for (const [field, given, was] of fields)
    if (given !== was)
      return {
        code: 'CONFLICT',
        field,
        value: given,
        reason: `provider ${row.id} is recorded with ${field} ${was}, this row says ${given}; a recorded agreement is never changed — a new agreement needs a new provider id`,
      };
  const end = terminationEffectiveDate(recorded);
  if (row.terminated_on !== null && row.terminated_on !== end)
    return {
      code: 'CONFLICT',
      field: 'terminated_on',
      value: row.terminated_on,
      reason:
        end === null
          ? `provider ${row.id} is recorded as in force, this row says terminated on ${row.terminated_on}; record the end with \`plan12b providers terminate\` (written notice) or \`plan12b providers assign\` (assignment)`
          : `provider ${row.id} is recorded as terminated effective ${end}, this row says ${row.terminated_on}; an agreement ends once`,
    };
  return null;
}

/**
 * The providers feed. A new agreement is undated master data for closed months: nothing sealed
 * can change with it, since a provider has no assets before it is recorded (and assets dated in
 * a closed month are refused by the provider-assets feed).
 */
export const providersFeed: FeedDefinition<
  typeof PROVIDERS_FEED_COLUMNS,
  ReadonlyMap<string, ServiceAgreement>,
  NewAgreement,
  ProvidersImportResult
> = {
  name: 'providers',
  columns: PROVIDERS_FEED_COLUMNS,
  closedMonthRule: 'refuse',
  conflictHint:
    'nothing was written; a recorded agreement is changed only by `plan12b providers terminate` or `plan12b providers assign` — correct the row to say what is recorded, or give a new agreement a new provider id',
  fileRules: providerFileRules,

  async load(tx) {
    return new Map((await loadServiceAgreements(tx)).map((a) => [a.providerId, a]));
  },

  plan(rows, recorded, ctx): ImportPlan<NewAgreement> {
    // Rows that break a rule are reported by the rules; the rest are planned.
    const broken = new Set(providerFileRules(rows, ctx.file).map((p) => p.line));
    const changes: NewAgreement[] = [];
    const problems: Problem[] = [];
    const warnings: string[] = [];
    let unchanged = 0;
    for (const { line, row } of rows) {
      if (row.own_rate_pct !== null && row.own_rate_pct > PLAN_MAXIMUM_SERVICE_FEE_MICRO_PCT)
        warnings.push(
          `${ctx.file}:${line}: provider ${row.id}'s own rate ${formatRatePct(row.own_rate_pct)}% is above the Plan §4(a) maximum of 0.25%; 0.25% applies`,
        );
      const was = recorded.get(row.id);
      if (was) {
        const diff = differenceFromRecorded(row, was);
        if (diff) problems.push({ file: ctx.file, line, ...diff });
        else unchanged++;
        continue;
      }
      if (broken.has(line)) continue;
      const agreement = createServiceAgreement({
        providerId: row.id,
        providerName: row.name,
        providerKind: row.kind,
        agreementDate: row.agreement_date,
        ownRateMicroPct: row.own_rate_pct,
        terminations: row.terminated_on === null ? [] : [recordedTermination(row.id, row.terminated_on)],
      });
      changes.push({ line, datedOn: null, kind: 'new', agreement });
    }
    return { changes, unchanged, problems, warnings };
  },

  async apply(tx, plan, _recorded, ctx) {
    const by = { source: basename(ctx.file), actor: ctx.actor };
    const agreements = plan.changes.map((c) => c.agreement);
    await insertServiceAgreements(tx, agreements, ctx.importId, by);
  },

  result(plan, _recorded, ctx) {
    return {
      file: ctx.file,
      rows: ctx.rows,
      inserted: plan.changes.length,
      unchanged: plan.unchanged,
      warnings: [...plan.warnings],
    };
  },
};

/** `plan12b providers import`: the providers feed through the one import pipeline. */
export function importProviders(
  db: Database,
  file: string,
  bytes: Uint8Array,
  options: FeedOptions = {},
): Promise<ProvidersImportResult> {
  return runFeedImport(db, providersFeed, { file, bytes }, options);
}
