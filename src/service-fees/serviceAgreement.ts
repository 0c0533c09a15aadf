/**
 * A Service Agreement between the Distributor and one service provider (Plan §4(b)–(g)), in
 * writing, in force from its agreement date until the earliest effective date of its
 * terminations (Plan §10). It is never deleted: every termination stays in its history.
 */
import { isIsoDate } from '../calendar/isoDate.js';
import { type AgreementTermination, sameTermination } from './agreementTermination.js';
import { ServiceAgreementRefusal } from './serviceAgreementRefusal.js';
import { isServiceProviderKind, type ServiceProviderKind } from './serviceProviderKind.js';

export interface ServiceAgreement {
  readonly kind: 'serviceAgreement';
  readonly providerId: string;
  readonly providerName: string;
  readonly providerKind: ServiceProviderKind;
  /** First day in force. */
  readonly agreementDate: string;
  /** The agreement's own service fee rate, % per annum × 10^6, if it states one below the Plan's. */
  readonly ownRateMicroPct: bigint | null;
  /** In the order recorded; the earliest effective date governs. */
  readonly terminations: readonly AgreementTermination[];
}

export const PROVIDER_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface ServiceAgreementFields {
  readonly providerId: string;
  readonly providerName: string;
  readonly providerKind: string;
  readonly agreementDate: string;
  readonly ownRateMicroPct?: bigint | null;
  readonly terminations?: readonly AgreementTermination[];
}

/** Validates once at the edge; returns a frozen record. Throws {@link ServiceAgreementRefusal}. */
export function createServiceAgreement(fields: ServiceAgreementFields): ServiceAgreement {
  const id = fields.providerId;
  if (!PROVIDER_ID_PATTERN.test(id))
    throw new ServiceAgreementRefusal(
      id,
      'the provider id must be letters, digits, ".", "_" or "-" (at most 64)',
      'choose an id such as DLR-0001',
    );
  if (fields.providerName.trim() === '')
    throw new ServiceAgreementRefusal(id, 'the provider has no name', 'give the name on the agreement');
  if (!isServiceProviderKind(fields.providerKind))
    throw new ServiceAgreementRefusal(
      id,
      `unknown kind ${JSON.stringify(fields.providerKind)}`,
      'use dealer, bank, variable-contract-company, retirement-plan-provider, bank-trust-department or distributor-principal',
    );
  if (!isIsoDate(fields.agreementDate))
    throw new ServiceAgreementRefusal(
      id,
      `agreement date ${JSON.stringify(fields.agreementDate)} is not a date`,
      'write dates as YYYY-MM-DD',
    );
  const own = fields.ownRateMicroPct ?? null;
  if (own !== null && own <= 0n)
    throw new ServiceAgreementRefusal(
      id,
      'an own rate must be above zero',
      'leave own_rate_pct empty when the agreement states no rate of its own',
    );
  let agreement: ServiceAgreement = Object.freeze({
    kind: 'serviceAgreement',
    providerId: id,
    providerName: fields.providerName.trim(),
    providerKind: fields.providerKind,
    agreementDate: fields.agreementDate,
    ownRateMicroPct: own,
    terminations: Object.freeze([]),
  });
  for (const t of fields.terminations ?? []) agreement = withTermination(agreement, t).agreement;
  return agreement;
}

/** The first day the agreement is no longer in force, or null while it runs. */
export function terminationEffectiveDate(agreement: ServiceAgreement): string | null {
  let earliest: string | null = null;
  for (const t of agreement.terminations)
    if (earliest === null || t.effectiveDate < earliest) earliest = t.effectiveDate;
  return earliest;
}

/**
 * In force from the agreement date, not on or after the termination's effective date.
 * @example agreementInForceOn(a, a.agreementDate) === true
 */
export function agreementInForceOn(agreement: ServiceAgreement, date: string): boolean {
  if (date < agreement.agreementDate) return false;
  const end = terminationEffectiveDate(agreement);
  return end === null || date < end;
}

/**
 * Adds a termination to the agreement's history. The same termination again changes nothing; one
 * that would take effect before the agreement began, or no earlier than the termination already
 * in effect, is refused (an agreement ends once; an earlier end — an assignment during the
 * notice period — supersedes a later one).
 */
export function withTermination(
  agreement: ServiceAgreement,
  termination: AgreementTermination,
): { agreement: ServiceAgreement; changed: boolean } {
  const id = agreement.providerId;
  if (agreement.terminations.some((t) => sameTermination(t, termination)))
    return { agreement, changed: false };
  const start = agreement.agreementDate;
  const when = termination.noticeDate ?? termination.effectiveDate;
  if (when < start || termination.effectiveDate < start)
    throw new ServiceAgreementRefusal(
      id,
      `a termination ${termination.noticeDate ? `noticed on ${termination.noticeDate} and ` : ''}effective ${termination.effectiveDate} precedes the agreement date ${start}`,
      'check the dates; an agreement cannot end before it began',
    );
  const current = terminationEffectiveDate(agreement);
  if (current !== null && termination.effectiveDate >= current)
    throw new ServiceAgreementRefusal(
      id,
      `the agreement already terminated effective ${current}`,
      'nothing to do: an agreement ends once (plan12b providers list shows its history)',
    );
  return {
    agreement: Object.freeze({
      ...agreement,
      terminations: Object.freeze([...agreement.terminations, termination]),
    }),
    changed: true,
  };
}
