import { addDays } from '../calendar/isoDate.js';
import type { AssetBasedSalesChargeBound, ScheduleEntry } from '../edgar/exhibitDocument.js';
import type { ApprovalRef } from '../governance/approval.js';
import { formatRatePct, parseRateMicroPct } from '../money/rate.js';
import { type BoardRate, boardRatesInForce, capsOf, exceedsCapsOrFinra } from './boardRate.js';
import { type ClassRename, classSpans } from './classRenames.js';
import type { PortfolioIdentities } from './portfolioIdentity.js';
import type { Instrument, ScheduleVersion } from './scheduleVersions.js';

/**
 * The schedule entry that governs one portfolio's class over a run of days, with the rates in
 * force and the signed document they come from (SPEC §2: among all instruments' schedule
 * versions in force that list it, the one with the latest effective date).
 */
export interface GoverningEntry {
  readonly portfolioId: string;
  readonly class: string;
  readonly from: string;
  /** last day, or null while in force */
  readonly lastDay: string | null;
  readonly registrant: string | null;
  /** the schedule's rates, with rates missing from the schedule taken from the instrument's terms */
  readonly schedule: {
    readonly assetBasedSalesChargePct: string | null;
    readonly assetBasedSalesChargeBound: AssetBasedSalesChargeBound;
    readonly serviceFeePct: string | null;
    readonly aggregateFeePct: string | null;
  };
  /** rates in force: the schedule's, or the Board's where it set lower current rates */
  readonly distributionFeePct: string | null;
  readonly serviceFeePct: string | null;
  readonly rateSource: 'schedule' | 'board';
  readonly boardRateReason: string | null;
  readonly instrumentKey: string;
  readonly instrumentTitle: string;
  readonly instrumentKind: Instrument['kind'];
  readonly scheduleName: string;
  readonly scheduleEffectiveDate: string;
  readonly documentId: string;
  readonly fileName: string;
  readonly documentTitle: string;
  readonly amendmentNumber: number | null;
  /** two different governing entries with the same effective date */
  readonly conflict: string | null;
  /** the approvals behind this entry (Plan §§5–6), when recorded */
  readonly approvals: readonly ApprovalRef[];
  /** from when and why it governs, given its approvals (or why it would be pending, when not enforced) */
  readonly approvalNote: string | null;
  /** why no fee is due on these days (a termination or a lapse): the rates are then zero */
  readonly stopped: string | null;
  /**
   * a Board-set rate in force on these days but above this entry's caps (a later schedule lowered
   * them): why the schedule's rates apply instead (SPEC §2), said by every fee query over them
   */
  readonly boardRateSetAside: string | null;
}

export interface Candidate {
  readonly instrument: Instrument;
  readonly version: ScheduleVersion;
  readonly entry: ScheduleEntry;
  /** a version of the same schedule with the same date that says otherwise of this class, or null */
  readonly rivalConflict: string | null;
  /** the days the entry is read under this class name (the version's, cut at a class rename, and at its approvals: issue 12) */
  readonly from: string;
  readonly lastDay: string | null;
  /** the approvals behind it and from when and why it governs (issue 12) */
  readonly approvals?: readonly ApprovalRef[];
  readonly approvalNote?: string | null;
}

/** Days from which a class's fees stop, and why (a Plan termination; issue 12). */
export interface ClassStop {
  readonly from: string;
  readonly reason: string;
}

/** An instrument that lapsed: it governs nothing from `endsOn` (Plan §7; Agreement FOURTEENTH). */
export interface InstrumentLapse {
  readonly endsOn: string;
  readonly reason: string;
}

function rateWithTerms(entryPct: string | null, termPct: string | null): string | null {
  const v = entryPct ?? termPct;
  return v === null ? null : formatRatePct(parseRateMicroPct(v));
}

export function scheduleRates(c: Candidate): GoverningEntry['schedule'] {
  const absc = rateWithTerms(c.entry.assetBasedSalesChargePct, c.instrument.terms.distributionFeePct);
  const service = rateWithTerms(c.entry.serviceFeePct, c.instrument.terms.serviceFeePct);
  let aggregate =
    c.entry.aggregateFeePct === null ? null : formatRatePct(parseRateMicroPct(c.entry.aggregateFeePct));
  if (aggregate === null && absc !== null && service !== null)
    aggregate = formatRatePct(parseRateMicroPct(absc) + parseRateMicroPct(service));
  return {
    assetBasedSalesChargePct: absc,
    assetBasedSalesChargeBound: c.entry.assetBasedSalesChargeBound,
    serviceFeePct: service,
    aggregateFeePct: aggregate,
  };
}

function sameRates(a: GoverningEntry['schedule'], b: GoverningEntry['schedule']): boolean {
  return (
    a.assetBasedSalesChargePct === b.assetBasedSalesChargePct &&
    a.serviceFeePct === b.serviceFeePct &&
    a.aggregateFeePct === b.aggregateFeePct
  );
}

function candidateOrder(a: Candidate, b: Candidate): number {
  if (a.version.effectiveDate !== b.version.effectiveDate)
    return a.version.effectiveDate > b.version.effectiveDate ? -1 : 1;
  if (a.instrument.key !== b.instrument.key) return a.instrument.key < b.instrument.key ? -1 : 1;
  return a.version.scheduleName < b.version.scheduleName
    ? -1
    : a.version.scheduleName > b.version.scheduleName
      ? 1
      : 0;
}

/** Candidates per "portfolioId|class", in canonical order. */
export function collectCandidates(
  instruments: readonly Instrument[],
  identities: PortfolioIdentities,
  classRenames: readonly ClassRename[] = [],
): Map<string, Candidate[]> {
  const out = new Map<string, Candidate[]>();
  for (const instrument of instruments) {
    for (const versions of instrument.schedules.values()) {
      for (const version of versions) {
        const seen = new Set<string>();
        for (const entry of version.entries) {
          const pid = identities.resolveOn(entry.portfolio, version.effectiveDate);
          if (pid === undefined) continue;
          // a class rename: from its date the entry is read under the class's new name
          for (const span of classSpans(
            classRenames,
            pid,
            entry.class,
            version.effectiveDate,
            version.lastDay,
          )) {
            const key = `${pid}|${span.class}`;
            if (seen.has(key)) continue; // listed twice in one version: the first listing counts
            seen.add(key);
            const list = out.get(key) ?? [];
            const candidate = { instrument, version, entry, rivalConflict: null, ...span };
            list.push({ ...candidate, rivalConflict: rivalConflictOf(candidate, pid, identities) });
            out.set(key, list);
          }
        }
      }
    }
  }
  return out;
}

/**
 * SPEC §2: two versions of one schedule with the same effective date that differ for this class
 * (one lists it at other rates, or not at all) are a conflict, whichever of them is used.
 */
function rivalConflictOf(c: Candidate, portfolioId: string, identities: PortfolioIdentities): string | null {
  const rates = scheduleRates(c);
  for (const rival of c.version.rivals) {
    const other = rival.entries.find(
      (e) =>
        e.class === c.entry.class &&
        identities.resolveOn(e.portfolio, c.version.effectiveDate) === portfolioId,
    );
    if (other === undefined)
      return `${c.version.scheduleName} of ${c.instrument.name} in ${rival.fileName}, also effective ${c.version.effectiveDate}, does not list it (${c.version.fileName} is used)`;
    if (!sameRates(rates, scheduleRates({ ...c, entry: other })))
      return `${c.version.scheduleName} of ${c.instrument.name} in ${rival.fileName}, also effective ${c.version.effectiveDate}, gives different rates (${c.version.fileName} is used)`;
  }
  return null;
}

function inForce(c: Candidate, day: string): boolean {
  return c.from <= day && (c.lastDay === null || day <= c.lastDay);
}

/**
 * The governing entries of one portfolio's class, as consecutive runs of days. Board rates
 * (sorted by date) lower the rates in force from their date; one above the entry's caps is
 * ignored with a warning (the caps changed under it).
 */
export function governingEntriesOf(
  portfolioId: string,
  shareClass: string,
  candidates: readonly Candidate[],
  boardRates: readonly BoardRate[],
  warnings: string[],
  stop: ClassStop | null = null,
  lapses: ReadonlyMap<string, InstrumentLapse> = new Map(),
): GoverningEntry[] {
  const points = new Set<string>();
  for (const c of candidates) {
    points.add(c.from);
    if (c.lastDay !== null) points.add(addDays(c.lastDay, 1));
    const lapse = lapses.get(c.instrument.key);
    if (lapse) points.add(lapse.endsOn);
  }
  for (const b of boardRates) points.add(b.effectiveDate);
  if (stop) points.add(stop.from);
  const sorted = [...points].sort();
  const runs: GoverningEntry[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const day = sorted[i]!;
    const next = sorted[i + 1];
    const lastDay = next === undefined ? null : addDays(next, -1);
    const inForceToday = candidates.filter((c) => inForce(c, day)).sort(candidateOrder);
    const lapsedOn = (c: Candidate) => {
      const l = lapses.get(c.instrument.key);
      return l !== undefined && l.endsOn <= day ? l : undefined;
    };
    const active = inForceToday.filter((c) => lapsedOn(c) === undefined);
    let stopped: string | null = stop !== null && stop.from <= day ? stop.reason : null;
    let governing = active[0];
    if (!governing && inForceToday[0]) {
      // Every instrument that would govern has lapsed: no fee is due, and the answer says why.
      governing = inForceToday[0];
      stopped ??= lapsedOn(governing)!.reason;
    }
    if (!governing) continue;
    const rates = scheduleRates(governing);
    let conflict: string | null = governing.rivalConflict;
    for (const other of active.slice(1)) {
      if (other.version.effectiveDate !== governing.version.effectiveDate) break;
      if (other.instrument.key === governing.instrument.key && other.version === governing.version) continue;
      if (!sameRates(rates, scheduleRates(other))) {
        conflict = `${other.version.scheduleName} of ${other.instrument.name} (${other.version.fileName}) also governs from ${other.version.effectiveDate} with different rates`;
      }
    }
    let distributionFeePct = rates.assetBasedSalesChargePct;
    let serviceFeePct = rates.serviceFeePct;
    let rateSource: GoverningEntry['rateSource'] = 'schedule';
    let boardRateReason: string | null = null;
    let boardRateSetAside: string | null = null;
    const boardInForce = stopped === null ? boardRatesInForce(boardRates, day) : undefined;
    if (stopped !== null) {
      distributionFeePct = formatRatePct(0n);
      serviceFeePct = formatRatePct(0n);
    } else if (boardInForce) {
      const board = boardInForce.latest;
      const d = boardInForce.distributionFeePct ?? distributionFeePct;
      const s = boardInForce.serviceFeePct ?? serviceFeePct;
      const why = exceedsCapsOrFinra(capsOf(rates), d, s);
      if (why) {
        boardRateSetAside = `the Board-set rate of ${board.effectiveDate} is above the caps of ${governing.version.scheduleName} effective ${governing.version.effectiveDate} (${why}): the schedule's rates apply`;
        warnings.push(
          `board-set rate of ${board.effectiveDate} for ${portfolioId} class ${shareClass} is above the caps of ${governing.version.scheduleName} effective ${governing.version.effectiveDate} (${why}); the schedule's rates apply from ${day}`,
        );
      } else {
        distributionFeePct = d === null ? null : formatRatePct(parseRateMicroPct(d));
        serviceFeePct = s === null ? null : formatRatePct(parseRateMicroPct(s));
        rateSource = 'board';
        boardRateReason = board.reason;
      }
    }
    const run: GoverningEntry = {
      portfolioId,
      class: shareClass,
      from: day,
      lastDay,
      registrant: governing.entry.registrant ?? governing.instrument.registrant,
      schedule: rates,
      distributionFeePct,
      serviceFeePct,
      rateSource,
      boardRateReason,
      instrumentKey: governing.instrument.key,
      instrumentTitle: governing.instrument.name,
      instrumentKind: governing.instrument.kind,
      scheduleName: governing.version.scheduleName,
      scheduleEffectiveDate: governing.version.effectiveDate,
      documentId: governing.version.documentId,
      fileName: governing.version.fileName,
      documentTitle: governing.version.documentTitle,
      amendmentNumber: governing.version.amendmentNumber,
      conflict,
      approvals: governing.approvals ?? [],
      approvalNote: governing.approvalNote ?? null,
      stopped,
      boardRateSetAside,
    };
    const prev = runs.at(-1);
    if (prev && prev.lastDay !== null && addDays(prev.lastDay, 1) === day && sameRun(prev, run)) {
      runs[runs.length - 1] = { ...prev, lastDay };
    } else {
      runs.push(run);
    }
  }
  return runs.map((r) => Object.freeze(r));
}

function sameRun(a: GoverningEntry, b: GoverningEntry): boolean {
  return (
    a.documentId === b.documentId &&
    a.scheduleName === b.scheduleName &&
    a.registrant === b.registrant &&
    a.distributionFeePct === b.distributionFeePct &&
    a.serviceFeePct === b.serviceFeePct &&
    a.rateSource === b.rateSource &&
    a.conflict === b.conflict &&
    a.stopped === b.stopped &&
    a.boardRateSetAside === b.boardRateSetAside &&
    a.approvalNote === b.approvalNote
  );
}

/**
 * The aggregate fee in force: the schedule's where its rates apply; where the Board set lower
 * current rates, or no fee is due (a termination, a lapse), the sum of the rates in force — the
 * schedule's maximum aggregate stays in `schedule` (FORMATS: `scheduleRates` keeps the schedule's).
 */
export function aggregateFeeInForce(g: GoverningEntry): string | null {
  if (g.rateSource === 'schedule' && g.stopped === null) return g.schedule.aggregateFeePct;
  if (g.distributionFeePct === null || g.serviceFeePct === null) return g.schedule.aggregateFeePct;
  return formatRatePct(parseRateMicroPct(g.distributionFeePct) + parseRateMicroPct(g.serviceFeePct));
}
