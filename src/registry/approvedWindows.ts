import { addDays } from '../calendar/isoDate.js';
import {
  type ClassRates,
  materialIncrease,
  type VersionApproval,
  versionApproval,
} from '../governance/amendmentApproval.js';
import { type Approval, approvalRef } from '../governance/approval.js';
import { type Candidate, scheduleRates } from './governingEntry.js';
import type { PortfolioIdentities } from './portfolioIdentity.js';
import type { Instrument, ScheduleVersion } from './scheduleVersions.js';

/** A schedule entry that does not (yet) govern for want of an approval (issue 12). */
export interface PendingEntry {
  readonly portfolioId: string;
  readonly portfolio: string;
  readonly class: string;
  readonly instrument: string;
  readonly schedule: string;
  readonly document: string;
  readonly documentId: string;
  readonly amendmentNumber: number | null;
  readonly effectiveDate: string;
  /** the day it governs from once approved later than its effective date, or null while pending */
  readonly governsFrom: string | null;
  readonly reason: string;
}

function scheduleKey(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase();
}

function ratesOf(c: Candidate): ClassRates {
  const r = scheduleRates(c);
  return { distributionFeePct: r.assetBasedSalesChargePct, aggregateFeePct: r.aggregateFeePct };
}

/**
 * Applies the recorded approvals to one portfolio's class's candidates (Plan §§5–6, §11): each
 * schedule version governs from its effective date or its last needed approval if later, and is
 * replaced by a later version of the same schedule only once that one governs. With enforcement
 * off, windows are left as the versions give them and only the notes are attached.
 */
export function approvedCandidates(
  portfolioId: string,
  shareClass: string,
  candidates: readonly Candidate[],
  approvals: readonly Approval[],
  identities: PortfolioIdentities,
  enforce: boolean,
): { candidates: Candidate[]; pending: PendingEntry[] } {
  // Nothing recorded and nothing enforced: the versions govern as they are (the seeds' case).
  if (!enforce && approvals.length === 0) return { candidates: [...candidates], pending: [] };
  const decided = new Map<ScheduleVersion, VersionApproval>();
  // The rates that governed the class the day before `date`: the latest-effective earlier version
  // that governs by then given its own approvals (a pending raise is not the base of the next one,
  // so a later amendment cannot carry an unapproved increase in without the shareholders' vote).
  const ratesBefore = (date: string): ClassRates | null => {
    const dayBefore = addDays(date, -1);
    const earlier = candidates
      .filter((c) => c.version.effectiveDate < date)
      .sort((a, b) => (a.version.effectiveDate > b.version.effectiveDate ? -1 : 1));
    for (const c of earlier) {
      const d = decide(c.instrument, c.version, c);
      if (d.status === 'governs' && d.from <= dayBefore) return ratesOf(c);
    }
    return null;
  };
  const decide = (instrument: Instrument, v: ScheduleVersion, c: Candidate | undefined): VersionApproval => {
    let d = decided.get(v);
    if (d) return d;
    const increase = c ? materialIncrease(ratesBefore(v.effectiveDate), ratesOf(c)) : null;
    d = versionApproval(
      {
        documentId: v.documentId,
        fileName: v.fileName,
        instrumentKey: instrument.key,
        isInstrument: v.documentKind === 'plan' || v.documentKind === 'agreement',
        effectiveDate: v.effectiveDate,
      },
      increase,
      approvals,
      portfolioId,
      shareClass,
      identities.nameOn(portfolioId, v.effectiveDate),
    );
    decided.set(v, d);
    return d;
  };
  const out: Candidate[] = [];
  const pending: PendingEntry[] = [];
  for (const c of candidates) {
    const d = decide(c.instrument, c.version, c);
    const pendingEntry = (governsFrom: string | null, reason: string): PendingEntry => ({
      portfolioId,
      portfolio: identities.nameOn(portfolioId, c.version.effectiveDate),
      class: shareClass,
      instrument: c.instrument.name,
      schedule: c.version.scheduleName,
      document: c.version.fileName,
      documentId: c.version.documentId,
      amendmentNumber: c.version.amendmentNumber,
      effectiveDate: c.version.effectiveDate,
      governsFrom,
      reason,
    });
    if (!enforce) {
      out.push({
        ...c,
        approvals: d.status === 'governs' ? d.approvals.map(approvalRef) : [],
        approvalNote:
          approvals.length === 0
            ? null
            : d.status === 'governs'
              ? d.why
              : `approvals are not enforced (approvals.enforce false); with enforcement: ${d.reason}`,
      });
      continue;
    }
    if (d.status === 'pending') {
      pending.push(pendingEntry(null, d.reason));
      continue;
    }
    if (d.from > c.version.effectiveDate) pending.push(pendingEntry(d.from, d.why));
    // Replaced by the first later version of the same schedule that governs (for this class).
    const versions = c.instrument.schedules.get(scheduleKey(c.version.scheduleName)) ?? [];
    let lastDay: string | null = null;
    for (const later of versions) {
      if (later.effectiveDate <= c.version.effectiveDate) continue;
      const listing = candidates.find((x) => x.version === later);
      const ld = decide(c.instrument, later, listing);
      if (ld.status !== 'governs') continue;
      const end = addDays(ld.from, -1);
      if (lastDay === null || end < lastDay) lastDay = end;
    }
    // A class rename cuts the candidate's days short of its version's (the class's later days are
    // read under the new name): that cut stays.
    const renameCut =
      c.lastDay !== null && (c.version.lastDay === null || c.lastDay < c.version.lastDay) ? c.lastDay : null;
    if (renameCut !== null && (lastDay === null || renameCut < lastDay)) lastDay = renameCut;
    const from = d.from > c.from ? d.from : c.from;
    if (lastDay !== null && lastDay < from) continue; // replaced before it was ever approved
    out.push({
      ...c,
      from,
      lastDay,
      approvals: d.approvals.map(approvalRef),
      approvalNote: d.why,
    });
  }
  return { candidates: out, pending };
}
