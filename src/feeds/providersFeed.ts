/**
 * The service providers' records (SPEC §5; Plan §4(b)–(g), §10): `plan12b providers import`
 * (all-or-nothing, idempotent), the lifecycle steps that end an agreement — termination on
 * written notice (Plan §10(a)) and automatic termination on assignment (Plan §10(b)) — and
 * reading the agreements back with their history. Nothing here deletes or edits an agreement.
 */

import { basename } from 'node:path';
import { isIsoDate, monthOf } from '../calendar/isoDate.js';
import { BadInputError, Plan12bError, type RowProblem } from '../errors.js';
import { formatRatePct, parseRateMicroPct, RateFormatError } from '../money/rate.js';
import {
  type AgreementTermination,
  recordedTermination,
  terminationOnAssignment,
  terminationOnNotice,
} from '../service-fees/agreementTermination.js';
import {
  createServiceAgreement,
  PROVIDER_ID_PATTERN,
  type ServiceAgreement,
  terminationEffectiveDate,
  withTermination,
} from '../service-fees/serviceAgreement.js';
import { ServiceAgreementRefusal } from '../service-fees/serviceAgreementRefusal.js';
import { PLAN_MAXIMUM_SERVICE_FEE_MICRO_PCT } from '../service-fees/serviceFeeRate.js';
import {
  isServiceProviderKind,
  SERVICE_PROVIDER_KIND_NAMES,
  SERVICE_PROVIDER_KINDS,
} from '../service-fees/serviceProviderKind.js';
import { currentActor } from '../store/actor.js';
import type { Database, Queryable } from '../store/database.js';
import { recordFeedImport } from '../store/feedImport.js';
import { readCsvFeed } from './csvRows.js';

export const PROVIDERS_COLUMNS = [
  'id',
  'name',
  'kind',
  'agreement_date',
  'own_rate_pct',
  'terminated_on',
] as const;

export interface ProvidersImportResult {
  readonly file: string;
  readonly rows: number;
  readonly inserted: number;
  readonly unchanged: number;
  readonly warnings: string[];
}

/** One event of an agreement's history, as `providers list` shows it. */
export interface AgreementEvent {
  readonly event: 'agreement' | 'termination';
  readonly cause: AgreementTermination['cause'] | null;
  readonly noticeDate: string | null;
  readonly effectiveDate: string;
  readonly assignedTo: string | null;
  readonly source: string;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

export interface ProviderRecord {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly exhibit: string;
  readonly agreement: string;
  readonly agreementDate: string;
  readonly ownRatePct: string | null;
  readonly status: 'in force' | 'terminated';
  readonly terminationEffective: string | null;
  readonly terminationCause: AgreementTermination['cause'] | null;
  readonly history: AgreementEvent[];
}

interface EventRow {
  provider_id: string;
  event: 'agreement' | 'termination';
  cause: AgreementTermination['cause'] | null;
  notice_date: string | null;
  effective_date: string;
  assigned_to: string | null;
  source: string;
  recorded_at: string | Date;
  recorded_by: string;
}

async function loadRecords(q: Queryable): Promise<{ agreements: ServiceAgreement[]; events: EventRow[] }> {
  const providers = await q.query<{
    id: string;
    name: string;
    kind: string;
    agreement_date: string;
    own_rate_pct: string | null;
  }>('SELECT id, name, kind, agreement_date, own_rate_pct FROM service_provider ORDER BY id');
  const events = await q.query<EventRow>(
    `SELECT provider_id, event, cause, notice_date, effective_date, assigned_to, source, recorded_at, recorded_by
       FROM service_agreement_event ORDER BY provider_id, id`,
  );
  const byProvider = new Map<string, AgreementTermination[]>();
  for (const e of events) {
    if (e.event !== 'termination') continue;
    const list = byProvider.get(e.provider_id) ?? [];
    list.push(
      Object.freeze({
        kind: 'agreementTermination',
        cause: e.cause!,
        effectiveDate: e.effective_date,
        noticeDate: e.notice_date,
        assignedTo: e.assigned_to,
      }),
    );
    byProvider.set(e.provider_id, list);
  }
  const agreements = providers.map((p) =>
    createServiceAgreement({
      providerId: p.id,
      providerName: p.name,
      providerKind: p.kind,
      agreementDate: p.agreement_date,
      ownRateMicroPct: p.own_rate_pct === null ? null : parseRateMicroPct(p.own_rate_pct),
      terminations: byProvider.get(p.id) ?? [],
    }),
  );
  return { agreements, events };
}

/** Every Service Agreement recorded, with its terminations (Plan §10), ordered by provider id. */
export async function loadServiceAgreements(q: Queryable): Promise<ServiceAgreement[]> {
  return (await loadRecords(q)).agreements;
}

function recordOf(a: ServiceAgreement, events: readonly EventRow[]): ProviderRecord {
  const end = terminationEffectiveDate(a);
  const governing = end === null ? undefined : a.terminations.find((t) => t.effectiveDate === end);
  const kind = SERVICE_PROVIDER_KINDS[a.providerKind];
  return {
    id: a.providerId,
    name: a.providerName,
    kind: a.providerKind,
    exhibit: kind.exhibit,
    agreement: kind.agreement,
    agreementDate: a.agreementDate,
    ownRatePct: a.ownRateMicroPct === null ? null : formatRatePct(a.ownRateMicroPct),
    status: end === null ? 'in force' : 'terminated',
    terminationEffective: end,
    terminationCause: governing?.cause ?? null,
    history: events
      .filter((e) => e.provider_id === a.providerId)
      .map((e) => ({
        event: e.event,
        cause: e.cause,
        noticeDate: e.notice_date,
        effectiveDate: e.effective_date,
        assignedTo: e.assigned_to,
        source: e.source,
        recordedAt: e.recorded_at instanceof Date ? e.recorded_at.toISOString() : String(e.recorded_at),
        recordedBy: e.recorded_by,
      })),
  };
}

/** `plan12b providers list`: every agreement, in force or not, with its history. */
export async function listProviders(q: Queryable): Promise<ProviderRecord[]> {
  const { agreements, events } = await loadRecords(q);
  return agreements.map((a) => recordOf(a, events));
}

interface ProviderRowIn {
  readonly line: number;
  readonly agreement: ServiceAgreement;
  readonly terminatedOn: string | null;
}

/** Reads and checks every row; all problems are collected, none written. */
export function validateProviderRows(
  file: string,
  bytes: Uint8Array,
): { rows: ProviderRowIn[]; problems: RowProblem[]; warnings: string[] } {
  const csv = readCsvFeed(file, bytes, PROVIDERS_COLUMNS);
  const problems: RowProblem[] = [];
  const warnings: string[] = [];
  const rows: ProviderRowIn[] = [];
  const seen = new Map<string, number>();
  for (const { line, values } of csv) {
    const bad = (field: string, reason: string) => problems.push({ file, line, field, reason });
    const v = values as Record<(typeof PROVIDERS_COLUMNS)[number], string>;
    if (!PROVIDER_ID_PATTERN.test(v.id)) {
      bad('id', `${JSON.stringify(v.id)} is not a provider id (letters, digits, ".", "_", "-"; at most 64)`);
      continue;
    }
    const dup = seen.get(v.id);
    if (dup !== undefined) {
      bad('id', `provider ${v.id} appears twice (first on line ${dup})`);
      continue;
    }
    seen.set(v.id, line);
    if (v.name === '') {
      bad('name', 'empty; give the provider name on the agreement');
      continue;
    }
    if (!isServiceProviderKind(v.kind)) {
      bad('kind', `${JSON.stringify(v.kind)} is not one of ${SERVICE_PROVIDER_KIND_NAMES.join(', ')}`);
      continue;
    }
    if (!isIsoDate(v.agreement_date)) {
      bad('agreement_date', `${JSON.stringify(v.agreement_date)} is not a date (YYYY-MM-DD)`);
      continue;
    }
    let own: bigint | null = null;
    if (v.own_rate_pct !== '') {
      try {
        own = parseRateMicroPct(v.own_rate_pct);
      } catch (e) {
        if (!(e instanceof RateFormatError)) throw e;
        bad('own_rate_pct', `${JSON.stringify(v.own_rate_pct)} is not a rate in percent (e.g. 0.15)`);
        continue;
      }
      if (own === 0n) {
        bad('own_rate_pct', 'zero; leave it empty when the agreement states no rate of its own');
        continue;
      }
      if (own > PLAN_MAXIMUM_SERVICE_FEE_MICRO_PCT)
        warnings.push(
          `${file}:${line}: provider ${v.id}'s own rate ${formatRatePct(own)}% is above the Plan §4(a) maximum of 0.25%; 0.25% applies`,
        );
    }
    const terminatedOn = v.terminated_on === '' ? null : v.terminated_on;
    if (terminatedOn !== null && !isIsoDate(terminatedOn)) {
      bad('terminated_on', `${JSON.stringify(terminatedOn)} is not a date (YYYY-MM-DD)`);
      continue;
    }
    try {
      const agreement = createServiceAgreement({
        providerId: v.id,
        providerName: v.name,
        providerKind: v.kind,
        agreementDate: v.agreement_date,
        ownRateMicroPct: own,
        terminations: terminatedOn === null ? [] : [recordedTermination(v.id, terminatedOn)],
      });
      rows.push({ line, agreement, terminatedOn });
    } catch (e) {
      if (!(e instanceof ServiceAgreementRefusal)) throw e;
      bad(
        terminatedOn !== null ? 'terminated_on' : 'id',
        `${e.message.replace(/^service agreement with [^:]+: /, '')}`,
      );
    }
  }
  return { rows, problems, warnings };
}

/** What in a file's row differs from the recorded agreement, or null when the row says the same. */
function differenceFromRecorded(
  row: ProviderRowIn,
  recorded: ServiceAgreement,
): { field: string; reason: string } | null {
  const a = row.agreement;
  const fields: [string, string, string][] = [
    ['name', a.providerName, recorded.providerName],
    ['kind', a.providerKind, recorded.providerKind],
    ['agreement_date', a.agreementDate, recorded.agreementDate],
    [
      'own_rate_pct',
      a.ownRateMicroPct === null ? '(none)' : formatRatePct(a.ownRateMicroPct),
      recorded.ownRateMicroPct === null ? '(none)' : formatRatePct(recorded.ownRateMicroPct),
    ],
  ];
  for (const [field, given, was] of fields)
    if (given !== was)
      return {
        field,
        reason: `provider ${a.providerId} is recorded with ${field} ${was}, this row says ${given}; a recorded agreement is never changed — a new agreement needs a new provider id`,
      };
  const end = terminationEffectiveDate(recorded);
  if (row.terminatedOn !== null && row.terminatedOn !== end)
    return {
      field: 'terminated_on',
      reason:
        end === null
          ? `provider ${a.providerId} is recorded as in force, this row says terminated on ${row.terminatedOn}; record the end with \`plan12b providers terminate\` (written notice) or \`plan12b providers assign\` (assignment)`
          : `provider ${a.providerId} is recorded as terminated effective ${end}, this row says ${row.terminatedOn}; an agreement ends once`,
    };
  return null;
}

/**
 * `plan12b providers import`: all-or-nothing and idempotent. A row for a recorded provider must
 * say what is recorded (an empty terminated_on claims nothing); one that differs is refused.
 */
export async function importProviders(
  db: Database,
  file: string,
  bytes: Uint8Array,
): Promise<ProvidersImportResult> {
  const actor = currentActor();
  return db.transaction(async (tx) => {
    const { rows, problems, warnings } = validateProviderRows(file, bytes);
    if (problems.length > 0) throw new BadInputError(problems);
    const recorded = new Map((await loadServiceAgreements(tx)).map((a) => [a.providerId, a]));
    const fresh: ProviderRowIn[] = [];
    const conflicts: RowProblem[] = [];
    for (const row of rows) {
      const was = recorded.get(row.agreement.providerId);
      if (!was) {
        fresh.push(row);
        continue;
      }
      const diff = differenceFromRecorded(row, was);
      if (diff) conflicts.push({ file, line: row.line, ...diff });
    }
    if (conflicts.length > 0) throw new BadInputError(conflicts);
    if (fresh.length > 0) {
      const importId = await recordFeedImport(tx, {
        feed: 'providers',
        file,
        bytes,
        rows: rows.length,
        inserted: fresh.length,
      });
      const source = basename(file);
      for (const { agreement: a, terminatedOn } of fresh) {
        await tx.query(
          `INSERT INTO service_provider (id, name, kind, agreement_date, own_rate_pct, import_id, recorded_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            a.providerId,
            a.providerName,
            a.providerKind,
            a.agreementDate,
            a.ownRateMicroPct === null ? null : formatRatePct(a.ownRateMicroPct),
            importId,
            actor,
          ],
        );
        await insertEvent(tx, a.providerId, null, a.agreementDate, source, actor);
        if (terminatedOn !== null)
          await insertEvent(
            tx,
            a.providerId,
            recordedTermination(a.providerId, terminatedOn),
            terminatedOn,
            source,
            actor,
          );
      }
    }
    return {
      file,
      rows: rows.length,
      inserted: fresh.length,
      unchanged: rows.length - fresh.length,
      warnings,
    };
  });
}

async function insertEvent(
  q: Queryable,
  providerId: string,
  t: AgreementTermination | null,
  effectiveDate: string,
  source: string,
  actor: string,
): Promise<void> {
  await q.query(
    `INSERT INTO service_agreement_event (provider_id, event, cause, notice_date, effective_date, assigned_to, source, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      providerId,
      t === null ? 'agreement' : 'termination',
      t?.cause ?? null,
      t?.noticeDate ?? null,
      effectiveDate,
      t?.assignedTo ?? null,
      source,
      actor,
    ],
  );
}

export interface TerminationResult {
  readonly provider: ProviderRecord;
  /** false when the same termination was already recorded (nothing written). */
  readonly changed: boolean;
}

async function recordTermination(
  db: Database,
  providerId: string,
  make: () => AgreementTermination,
  source: string,
): Promise<TerminationResult> {
  const actor = currentActor();
  return db.transaction(async (tx) => {
    const { agreements } = await loadRecords(tx);
    const agreement = agreements.find((a) => a.providerId === providerId);
    if (!agreement)
      throw new Plan12bError(
        'NOT_FOUND',
        `no service provider ${JSON.stringify(providerId)} is recorded`,
        'check the id with `plan12b providers list`, or import it with `plan12b providers import FILE.csv`',
      );
    let changed: boolean;
    let termination: AgreementTermination;
    try {
      termination = make();
      changed = withTermination(agreement, termination).changed;
    } catch (e) {
      if (e instanceof ServiceAgreementRefusal) throw new Plan12bError('REFUSED', e.message, e.hint);
      throw e;
    }
    if (changed) {
      const closed = await tx.query<{ month: string }>(
        'SELECT month FROM closed_month WHERE month >= $1 ORDER BY month LIMIT 1',
        [monthOf(termination.effectiveDate)],
      );
      if (closed.length > 0)
        throw new Plan12bError(
          'REFUSED',
          `service agreement with ${providerId}: a termination effective ${termination.effectiveDate} would change the service fees of closed month ${closed[0]!.month}`,
          'a closed month is never edited; record the termination as a prior-period adjustment',
        );
      await insertEvent(tx, providerId, termination, termination.effectiveDate, source, actor);
    }
    const records = await loadRecords(tx);
    const updated = records.agreements.find((a) => a.providerId === providerId)!;
    return { provider: recordOf(updated, records.events), changed };
  });
}

/**
 * Plan §10(a): termination on written notice, effective on `effectiveDate` (default: the notice
 * date + 60 days); refused when later than 60 days after the notice.
 */
export function terminateOnNotice(
  db: Database,
  opts: { providerId: string; noticeDate: string; effectiveDate?: string },
): Promise<TerminationResult> {
  return recordTermination(
    db,
    opts.providerId,
    () => terminationOnNotice(opts.providerId, opts.noticeDate, opts.effectiveDate),
    'plan12b providers terminate',
  );
}

/** Plan §10(b): the agreement terminates automatically on its assignment, effective that date. */
export function terminateOnAssignment(
  db: Database,
  opts: { providerId: string; date: string; assignedTo?: string },
): Promise<TerminationResult> {
  return recordTermination(
    db,
    opts.providerId,
    () => terminationOnAssignment(opts.providerId, opts.date, opts.assignedTo ?? null),
    'plan12b providers assign',
  );
}
