import { addDays, monthStart } from '../calendar/isoDate.js';
/**
 * Plan §6 (seed 002, line 150): "This Plan, any amendment to this Plan and any agreements related
 * to this Plan shall become effective immediately upon the receipt by the Fund of both (a) the
 * affirmative vote of a majority of the Board … and (b) the affirmative vote of a majority of
 * [the Dis-interested Trustees] … cast in person at a meeting called for the purpose"; Plan §4(b)–(g)
 * pays service fees under agreements "substantially in the form attached hereto as Exhibit A"
 * (–F): the Service Agreements are agreements related to the Plan (Rule 12b-1(b)(2); DOMAIN §1.2
 * item 3). A day a provider is paid with no carried Board approval of a related agreement in
 * effect — recorded with the approvals feed, `approves=related-agreement`, naming the agreement
 * (not an imported instrument), for every portfolio or the class's portfolio and class — is a day
 * paid under an agreement not yet effective: warned, not refused (SPEC §5 pays by the agreement's
 * own dates). An approval is in effect from its meeting date on. Pure.
 */
import { type Approval, approvalCovers, approvalOutcome } from '../governance/approval.js';
import type { ServiceFeesMonth } from './monthlyServiceFees.js';
import type { ServiceAgreement } from './serviceAgreement.js';
import { SERVICE_PROVIDER_KINDS } from './serviceProviderKind.js';

/** The days of a month one provider was paid with no approval of a related agreement in effect. */
export interface UnapprovedServiceDays {
  readonly providerId: string;
  readonly providerName: string;
  /** e.g. "Service Agreement (Dealers)" */
  readonly agreement: string;
  readonly exhibit: string;
  /** the month's days paid without one, ascending, across the provider's classes */
  readonly days: readonly string[];
  /** the classes those days were paid in, by class key ("portfolioId|class"), ascending */
  readonly classKeys: readonly string[];
}

/**
 * The first meeting date from which a carried Board approval of a related agreement covers the
 * class, or null when none does.
 * @example relatedAgreementApprovedFrom(approvals, 'p1', 'C') === '2007-03-14'
 */
export function relatedAgreementApprovedFrom(
  approvals: readonly Approval[],
  portfolioId: string,
  shareClass: string,
): string | null {
  let first: string | null = null;
  for (const a of approvals) {
    if (a.body !== 'board' || a.subject !== 'related-agreement') continue;
    // an imported instrument approved as a related agreement (the Class B Agreement) is no
    // Service Agreement
    if (a.documentId !== null || a.instrumentKey !== null) continue;
    if (!approvalCovers(a, portfolioId, shareClass) || !approvalOutcome(a.vote, a).approved) continue;
    if (first === null || a.meetingDate < first) first = a.meetingDate;
  }
  return first;
}

/**
 * Per provider (by id), the days of `result`'s month it was paid in a class before the class's
 * first carried Board approval of a related agreement (every day, where there is none).
 */
export function unapprovedServiceDays(
  result: ServiceFeesMonth,
  agreements: readonly ServiceAgreement[],
  approvals: readonly Approval[],
): UnapprovedServiceDays[] {
  const first = monthStart(result.month);
  const approvedFrom = new Map<string, string | null>();
  const byProvider = new Map<string, { days: Set<string>; classKeys: Set<string> }>();
  for (const f of result.providerFees) {
    let from = approvedFrom.get(f.classKey);
    if (from === undefined) {
      const [portfolioId, cls] = f.classKey.split('|') as [string, string];
      from = relatedAgreementApprovedFrom(approvals, portfolioId, cls);
      approvedFrom.set(f.classKey, from);
    }
    for (let i = 0; i < 31; i++) {
      if ((f.dayMask & (1 << i)) === 0) continue;
      const day = addDays(first, i);
      if (from !== null && day >= from) continue;
      let p = byProvider.get(f.providerId);
      if (p === undefined) {
        p = { days: new Set(), classKeys: new Set() };
        byProvider.set(f.providerId, p);
      }
      p.days.add(day);
      p.classKeys.add(f.classKey);
    }
  }
  const out: UnapprovedServiceDays[] = [];
  for (const a of agreements) {
    const p = byProvider.get(a.providerId);
    if (p === undefined) continue;
    const kind = SERVICE_PROVIDER_KINDS[a.providerKind];
    out.push({
      providerId: a.providerId,
      providerName: a.providerName,
      agreement: kind.agreement,
      exhibit: kind.exhibit,
      days: [...p.days].sort(),
      classKeys: [...p.classKeys].sort(),
    });
  }
  return out.sort((x, y) => (x.providerId < y.providerId ? -1 : x.providerId > y.providerId ? 1 : 0));
}

/** Runs of consecutive days: "2007-03-01 to 2007-03-13, 2007-03-20". */
export function dayRuns(days: readonly string[]): string {
  const runs: string[] = [];
  let start = days[0];
  let prev = start;
  const close = () => runs.push(start === prev ? `${start}` : `${start} to ${prev}`);
  for (const d of days.slice(1)) {
    if (Number(d.slice(8, 10)) === Number(prev!.slice(8, 10)) + 1 && d.slice(0, 7) === prev!.slice(0, 7)) {
      prev = d;
      continue;
    }
    close();
    start = d;
    prev = d;
  }
  if (start !== undefined) close();
  return runs.join(', ');
}

/** The warning: the provider, the days, the classes and what to do. */
export function describeUnapprovedServiceDays(
  u: UnapprovedServiceDays,
  classLabel: (classKey: string) => string,
): string {
  const n = u.days.length;
  return `${u.providerId} ${u.providerName} was paid service fees on ${n} ${n === 1 ? 'day' : 'days'} (${dayRuns(u.days)}; ${u.classKeys.map(classLabel).join(', ')}) with no carried Board approval of a related agreement in effect: Plan §6 makes its ${u.agreement} (Plan Exhibit ${u.exhibit}) effective only upon the votes of the Board and of the Dis-interested Trustees; record the approval with \`plan12b approvals import FILE.csv\` (approves=related-agreement, the agreement's name in instrument), or check its meeting date`;
}
