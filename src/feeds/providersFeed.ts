/**
 * `plan12b providers import` (SPEC §5; Plan §4(b)–(g), §10): the service providers and their
 * Service Agreements, declared as a feed. A recorded agreement is never changed by a file: a row
 * for a recorded provider must say what is recorded (an empty terminated_on claims nothing).
 */
import { basename } from 'node:path';
import { enumField, isoDateField, nameField, optionalField, percentField } from '../import/feedFields.js';
import { type FeedDefinition, type FeedOptions, runFeedImport } from '../import/feedImport.js';
import type { ImportPlan, PlannedChange } from '../import/importPlan.js';
import { PROVIDER_ID_PATTERN, type ServiceAgreement } from '../service-fees/serviceAgreement.js';
import {
  planServiceAgreements,
  serviceAgreementStatementProblems,
} from '../service-fees/serviceAgreementRecords.js';
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
  fileRules: serviceAgreementStatementProblems,

  async load(tx) {
    return new Map((await loadServiceAgreements(tx)).map((a) => [a.providerId, a]));
  },

  plan(rows, recorded, ctx): ImportPlan<NewAgreement> {
    const { added, ...planned } = planServiceAgreements(ctx.file, rows, recorded);
    // SPEC §12: a write dated in a closed month is refused, an agreement as much as any other
    const changes = added.map(
      (a): NewAgreement => ({
        ...a,
        datedOn: a.agreement.agreementDate,
        dateField: 'agreement_date',
        kind: 'new',
      }),
    );
    return { changes, ...planned };
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
