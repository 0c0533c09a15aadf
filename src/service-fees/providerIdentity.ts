import { formatRatePct } from '../money/rate.js';
import type { ServiceAgreement } from './serviceAgreement.js';
import { SERVICE_PROVIDER_KINDS } from './serviceProviderKind.js';

/**
 * Who a service provider is and under which form of agreement (Plan §4, §10: Exhibits A–F), as
 * `service-fees` statements and `providers list` both name it.
 */
export function providerIdentity(a: ServiceAgreement) {
  const kind = SERVICE_PROVIDER_KINDS[a.providerKind];
  return {
    id: a.providerId,
    name: a.providerName,
    kind: a.providerKind,
    exhibit: kind.exhibit,
    agreement: kind.agreement,
    agreementDate: a.agreementDate,
    ownRatePct: a.ownRateMicroPct === null ? null : formatRatePct(a.ownRateMicroPct),
  };
}
