import { formatRatePct, parseRateMicroPct } from '../money/rate.js';
import type { AgreementTermination } from '../service-fees/agreementTermination.js';
import { providerIdentity } from '../service-fees/providerIdentity.js';
import {
  createServiceAgreement,
  type ServiceAgreement,
  terminationEffectiveDate,
} from '../service-fees/serviceAgreement.js';
import type { Queryable } from './database.js';
import { inByteOrder, typed } from './queryBuilder.js';

/**
 * Service providers and their Service Agreements (SPEC §5; Plan §4(b)–(g), §10): the agreement
 * as recorded, and its history of events (the agreement, then its terminations). Nothing here
 * deletes or edits an agreement; a termination is a new event.
 */

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

type EventOf = AgreementEvent & { readonly providerId: string };

async function loadEvents(q: Queryable, providerId?: string): Promise<EventOf[]> {
  let query = typed(q)
    .selectFrom('service_agreement_event')
    .select([
      'provider_id',
      'event',
      'cause',
      'notice_date',
      'effective_date',
      'assigned_to',
      'source',
      'recorded_at',
      'recorded_by',
    ])
    .orderBy(inByteOrder('provider_id'))
    .orderBy('id');
  if (providerId !== undefined) query = query.where('provider_id', '=', providerId);
  return (await query.execute()).map((e) => ({
    providerId: e.provider_id,
    event: e.event as AgreementEvent['event'],
    cause: e.cause as AgreementEvent['cause'],
    noticeDate: e.notice_date,
    effectiveDate: e.effective_date,
    assignedTo: e.assigned_to,
    source: e.source,
    recordedAt: e.recorded_at instanceof Date ? e.recorded_at.toISOString() : String(e.recorded_at),
    recordedBy: e.recorded_by,
  }));
}

async function loadRecords(
  q: Queryable,
  providerId?: string,
): Promise<{ agreements: ServiceAgreement[]; events: EventOf[] }> {
  let query = typed(q)
    .selectFrom('service_provider')
    .select(['id', 'name', 'kind', 'agreement_date', 'own_rate_pct'])
    .orderBy('id');
  if (providerId !== undefined) query = query.where('id', '=', providerId);
  const providers = await query.execute();
  const events = await loadEvents(q, providerId);
  const terminations = new Map<string, AgreementTermination[]>();
  for (const e of events) {
    if (e.event !== 'termination') continue;
    const list = terminations.get(e.providerId) ?? [];
    list.push(
      Object.freeze({
        kind: 'agreementTermination',
        cause: e.cause!,
        effectiveDate: e.effectiveDate,
        noticeDate: e.noticeDate,
        assignedTo: e.assignedTo,
      }),
    );
    terminations.set(e.providerId, list);
  }
  const agreements = providers.map((p) =>
    createServiceAgreement({
      providerId: p.id,
      providerName: p.name,
      providerKind: p.kind,
      agreementDate: p.agreement_date,
      ownRateMicroPct: p.own_rate_pct === null ? null : parseRateMicroPct(p.own_rate_pct),
      terminations: terminations.get(p.id) ?? [],
    }),
  );
  return { agreements, events };
}

/** Every Service Agreement recorded, with its terminations (Plan §10), ordered by provider id. */
export async function loadServiceAgreements(q: Queryable): Promise<ServiceAgreement[]> {
  return (await loadRecords(q)).agreements;
}

/** One recorded Service Agreement, or undefined. */
export async function loadServiceAgreement(
  q: Queryable,
  providerId: string,
): Promise<ServiceAgreement | undefined> {
  return (await loadRecords(q, providerId)).agreements[0];
}

/** The ids of every recorded provider. */
export async function recordedProviderIds(q: Queryable): Promise<Set<string>> {
  return new Set((await typed(q).selectFrom('service_provider').select('id').execute()).map((r) => r.id));
}

function recordOf(a: ServiceAgreement, events: readonly EventOf[]): ProviderRecord {
  const end = terminationEffectiveDate(a);
  const governing = end === null ? undefined : a.terminations.find((t) => t.effectiveDate === end);
  return {
    ...providerIdentity(a),
    status: end === null ? 'in force' : 'terminated',
    terminationEffective: end,
    terminationCause: governing?.cause ?? null,
    history: events.filter((e) => e.providerId === a.providerId).map(({ providerId: _, ...e }) => e),
  };
}

/** `plan12b providers list`: every agreement, in force or not, with its history. */
export async function listProviders(q: Queryable): Promise<ProviderRecord[]> {
  const { agreements, events } = await loadRecords(q);
  return agreements.map((a) => recordOf(a, events));
}

/** One provider as `providers list` shows it, or undefined. */
export async function providerRecord(q: Queryable, providerId: string): Promise<ProviderRecord | undefined> {
  const { agreements, events } = await loadRecords(q, providerId);
  return agreements[0] && recordOf(agreements[0], events);
}

/** Who recorded an event, from where (a file's name or a command). */
export interface RecordedBy {
  readonly source: string;
  readonly actor: string;
}

/** Appends one event to an agreement's history: the agreement itself (null) or a termination. */
export async function insertAgreementEvent(
  q: Queryable,
  providerId: string,
  t: AgreementTermination | null,
  effectiveDate: string,
  by: RecordedBy,
): Promise<void> {
  await typed(q)
    .insertInto('service_agreement_event')
    .values({
      provider_id: providerId,
      event: t === null ? 'agreement' : 'termination',
      cause: t?.cause ?? null,
      notice_date: t?.noticeDate ?? null,
      effective_date: effectiveDate,
      assigned_to: t?.assignedTo ?? null,
      source: by.source,
      recorded_by: by.actor,
    })
    .execute();
}

/**
 * Records new agreements, each with its agreement event and, when the file says it ended, its
 * recorded termination (the agreement's own, built by the caller).
 */
export async function insertServiceAgreements(
  q: Queryable,
  agreements: readonly ServiceAgreement[],
  importId: number,
  by: RecordedBy,
): Promise<void> {
  if (agreements.length === 0) return;
  await typed(q)
    .insertInto('service_provider')
    .values(
      agreements.map((a) => ({
        id: a.providerId,
        name: a.providerName,
        kind: a.providerKind,
        agreement_date: a.agreementDate,
        own_rate_pct: a.ownRateMicroPct === null ? null : formatRatePct(a.ownRateMicroPct),
        import_id: importId,
        recorded_by: by.actor,
      })),
    )
    .execute();
  for (const a of agreements) {
    await insertAgreementEvent(q, a.providerId, null, a.agreementDate, by);
    for (const t of a.terminations) await insertAgreementEvent(q, a.providerId, t, t.effectiveDate, by);
  }
}

/**
 * The terminations recorded by `providers terminate` / `providers assign` since the audit log
 * began (migration 5), for `audit verify` (SPEC §12): each has its command's record.
 */
export async function commandTerminationsSinceTheLog(q: Queryable): Promise<
  {
    providerId: string;
    source: string;
    cause: string;
    noticeDate: string | null;
    effectiveDate: string;
    assignedTo: string | null;
  }[]
> {
  const rows = await q.query<{
    provider_id: string;
    source: string;
    cause: string;
    notice_date: string | null;
    effective_date: string;
    assigned_to: string | null;
  }>(
    `SELECT provider_id, source, cause, notice_date, effective_date, assigned_to
       FROM service_agreement_event
      WHERE event = 'termination' AND source IN ('plan12b providers terminate', 'plan12b providers assign')
        AND recorded_at >= coalesce((SELECT applied_at FROM schema_migration WHERE version = 5), '-infinity')
      ORDER BY id`,
  );
  return rows.map((r) => ({
    providerId: r.provider_id,
    source: r.source,
    cause: r.cause,
    noticeDate: r.notice_date,
    effectiveDate: r.effective_date,
    assignedTo: r.assigned_to,
  }));
}
