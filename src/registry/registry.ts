import { addDays } from '../calendar/isoDate.js';
import { type BoardRate, capsOf, exceedsCapsOrFinra } from './boardRate.js';
import { type ClassRename, classRenamesOf } from './classRenames.js';
import { collectCandidates, type GoverningEntry, governingEntriesOf } from './governingEntry.js';
import { buildPortfolioIdentities, type NameChange, type PortfolioIdentities } from './portfolioIdentity.js';
import { buildInstruments, type Instrument } from './scheduleVersions.js';
import type { StoredDocument } from './storedDocument.js';

/** One answer to "which schedule entry governed this class on this date, under which document?" */
export interface ScheduleAnswer {
  readonly registrant: string | null;
  readonly portfolio: string;
  readonly portfolioId: string;
  readonly class: string;
  readonly assetBasedSalesChargePct: string | null;
  readonly assetBasedSalesChargeBound: GoverningEntry['schedule']['assetBasedSalesChargeBound'];
  readonly serviceFeePct: string | null;
  readonly aggregateFeePct: string | null;
  readonly rateSource: 'schedule' | 'board';
  readonly scheduleRates: GoverningEntry['schedule'];
  readonly instrument: string;
  readonly schedule: string;
  readonly inForceSince: string;
  readonly document: {
    readonly id: string;
    readonly file: string;
    readonly title: string;
    readonly amendmentNumber: number | null;
    readonly effectiveDate: string;
  };
}

export interface PortfolioHistory {
  readonly portfolioId: string;
  readonly names: readonly {
    readonly name: string;
    readonly from: string | null;
    readonly lastDay: string | null;
  }[];
  readonly nameChanges: readonly NameChange[];
  readonly registrants: readonly {
    readonly registrant: string | null;
    readonly from: string;
    readonly lastDay: string | null;
  }[];
  readonly classes: readonly {
    readonly class: string;
    readonly from: string;
    readonly lastDay: string | null;
    readonly distributionFeePct: string | null;
    readonly serviceFeePct: string | null;
    readonly aggregateFeePct: string | null;
    readonly rateSource: 'schedule' | 'board';
    readonly instrument: string;
    readonly schedule: string;
    readonly document: string;
    readonly amendmentNumber: number | null;
    /** the class took this new name the day after the run (a class rename rule), else null */
    readonly renamedTo: { readonly class: string; readonly date: string } | null;
  }[];
  /** class rename rules for this portfolio ("redesignate the Class A3 shares as Class A Shares") */
  readonly classRenames: readonly { from: string; to: string; date: string; document: string }[];
  /** SPEC §2: conflicts (two governing entries with the same effective date) in this history */
  readonly warnings: readonly string[];
}

export interface Registry {
  readonly identities: PortfolioIdentities;
  readonly instruments: readonly Instrument[];
  /** class rename rules, per portfolio, each from its amendment's date */
  readonly classRenames: readonly ClassRename[];
  readonly warnings: readonly string[];
  /** governing entries of one portfolio's class, as runs of days */
  governing(portfolioId: string, shareClass: string): readonly GoverningEntry[];
  /** every (portfolioId, class) the registry knows */
  classKeys(): readonly { portfolioId: string; class: string }[];
  governingOn(portfolioId: string, shareClass: string, date: string): GoverningEntry | undefined;
  scheduleAsOf(
    date: string,
    filter?: { class?: string; portfolio?: string },
  ): {
    entries: ScheduleAnswer[];
    warnings: string[];
  };
  portfolioHistory(name: string): PortfolioHistory | undefined;
  /**
   * SPEC §2: the conflicts a query over these days touches, one warning each — every query that
   * reads the governing entries of a class (schedule, history, fees and what is built on them)
   * reports them.
   */
  conflictsDuring(portfolioId: string, shareClass: string, from: string, to: string): string[];
  /** null when the Board may set these rates on that date, else why not */
  checkBoardRate(rate: BoardRate): string | null;
}

function answerOf(
  registry: { identities: PortfolioIdentities },
  g: GoverningEntry,
  date: string,
): ScheduleAnswer {
  return {
    registrant: g.registrant,
    portfolio: registry.identities.nameOn(g.portfolioId, date),
    portfolioId: g.portfolioId,
    class: g.class,
    assetBasedSalesChargePct: g.distributionFeePct,
    assetBasedSalesChargeBound: g.schedule.assetBasedSalesChargeBound,
    serviceFeePct: g.serviceFeePct,
    aggregateFeePct: g.schedule.aggregateFeePct,
    rateSource: g.rateSource,
    scheduleRates: g.schedule,
    instrument: g.instrumentTitle,
    schedule: g.scheduleName,
    inForceSince: g.scheduleEffectiveDate,
    document: {
      id: g.documentId,
      file: g.fileName,
      title: g.documentTitle,
      amendmentNumber: g.amendmentNumber,
      effectiveDate: g.scheduleEffectiveDate,
    },
  };
}

function conflictWarning(identities: PortfolioIdentities, g: GoverningEntry, date: string): string {
  return `conflict for ${identities.nameOn(g.portfolioId, date)} class ${g.class}: ${g.conflict}`;
}

function covers(g: GoverningEntry, date: string): boolean {
  return g.from <= date && (g.lastDay === null || date <= g.lastDay);
}

/**
 * The registry (SPEC §2) derived from every imported document and every board-set rate. It is a
 * pure function of its inputs, computed in one canonical order, so import order never changes it.
 */
export function buildRegistry(
  documents: readonly StoredDocument[],
  boardRates: readonly BoardRate[] = [],
): Registry {
  const identities = buildPortfolioIdentities(documents);
  const { instruments, warnings: instrumentWarnings } = buildInstruments(documents);
  const warnings = [...identities.warnings, ...instrumentWarnings];
  const classRenames = classRenamesOf(documents, identities);
  const candidates = collectCandidates(instruments, identities, classRenames);

  const boardByKey = new Map<string, BoardRate[]>();
  for (const b of boardRates) {
    const pid = identities.resolve(b.portfolio);
    if (pid === undefined) {
      warnings.push(`board-set rate for unknown portfolio ${b.portfolio} ignored`);
      continue;
    }
    const key = `${pid}|${b.class}`;
    const list = boardByKey.get(key) ?? [];
    list.push(b);
    boardByKey.set(key, list);
  }
  for (const list of boardByKey.values()) list.sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : 1));

  const governing = new Map<string, GoverningEntry[]>();
  const keys = [...candidates.keys()].sort();
  for (const key of keys) {
    const [pid, cls] = key.split('|') as [string, string];
    governing.set(
      key,
      governingEntriesOf(pid, cls, candidates.get(key)!, boardByKey.get(key) ?? [], warnings),
    );
  }
  const classKeys = keys.map((k) => {
    const [portfolioId, cls] = k.split('|') as [string, string];
    return { portfolioId, class: cls };
  });

  const registry: Registry = {
    identities,
    instruments,
    classRenames,
    warnings,
    governing: (pid, cls) => governing.get(`${pid}|${cls}`) ?? [],
    classKeys: () => classKeys,
    governingOn: (pid, cls, date) => (governing.get(`${pid}|${cls}`) ?? []).find((g) => covers(g, date)),
    scheduleAsOf(date, filter = {}) {
      const out: ScheduleAnswer[] = [];
      const notes: string[] = [];
      const wantPid = filter.portfolio === undefined ? undefined : identities.resolve(filter.portfolio);
      if (filter.portfolio !== undefined && wantPid === undefined) return { entries: [], warnings: notes };
      const wantClass = filter.class?.toLowerCase();
      for (const { portfolioId, class: cls } of classKeys) {
        if (wantPid !== undefined && portfolioId !== wantPid) continue;
        if (wantClass !== undefined && cls.toLowerCase() !== wantClass) continue;
        const g = registry.governingOn(portfolioId, cls, date);
        if (!g) continue;
        if (g.conflict) notes.push(conflictWarning(identities, g, date));
        out.push(answerOf(registry, g, date));
      }
      out.sort(
        (a, b) =>
          (a.registrant ?? '').localeCompare(b.registrant ?? '') ||
          a.portfolio.localeCompare(b.portfolio) ||
          a.class.localeCompare(b.class),
      );
      return { entries: out, warnings: notes };
    },
    portfolioHistory(name) {
      const pid = identities.resolve(name);
      if (pid === undefined) return undefined;
      const p = identities.get(pid)!;
      const names: { name: string; from: string | null; lastDay: string | null }[] = [
        { name: p.firstName, from: null, lastDay: null },
      ];
      for (const c of p.changes) {
        if (names.at(-1)!.name.toLowerCase() !== c.from.toLowerCase()) continue;
        const prev = names.at(-1)!;
        names[names.length - 1] = { ...prev, lastDay: addDays(c.date, -1) };
        names.push({ name: c.to, from: c.date, lastDay: null });
      }
      const runs = classKeys
        .filter((k) => k.portfolioId === pid)
        .flatMap((k) => registry.governing(pid, k.class))
        .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.class.localeCompare(b.class)));
      const registrants: { registrant: string | null; from: string; lastDay: string | null }[] = [];
      const byDate = [...new Set(runs.map((r) => r.from))].sort();
      for (const day of byDate) {
        const r =
          runs.find((g) => covers(g, day) && g.registrant !== null) ?? runs.find((g) => covers(g, day));
        if (!r) continue;
        const prev = registrants.at(-1);
        if (prev && (prev.registrant ?? '').toLowerCase() === (r.registrant ?? '').toLowerCase()) continue;
        if (prev && prev.lastDay === null) {
          registrants[registrants.length - 1] = { ...prev, lastDay: addDays(day, -1) };
        }
        registrants.push({ registrant: r.registrant, from: day, lastDay: null });
      }
      const conflicts = runs.filter((g) => g.conflict !== null);
      const renamesHere = classRenames.filter((r) => r.portfolioId === pid);
      const renamedTo = (g: GoverningEntry) => {
        const r =
          g.lastDay === null
            ? undefined
            : renamesHere.find((x) => x.from === g.class && x.date === addDays(g.lastDay!, 1));
        return r === undefined ? null : { class: r.to, date: r.date };
      };
      return {
        portfolioId: pid,
        warnings: [...new Set(conflicts.map((g) => conflictWarning(identities, g, g.from)))],
        names,
        nameChanges: p.changes,
        registrants,
        classes: runs.map((g) => ({
          class: g.class,
          from: g.from,
          lastDay: g.lastDay,
          distributionFeePct: g.distributionFeePct,
          serviceFeePct: g.serviceFeePct,
          aggregateFeePct: g.schedule.aggregateFeePct,
          rateSource: g.rateSource,
          instrument: g.instrumentTitle,
          schedule: g.scheduleName,
          document: g.fileName,
          amendmentNumber: g.amendmentNumber,
          renamedTo: renamedTo(g),
        })),
        classRenames: renamesHere.map((r) => ({
          from: r.from,
          to: r.to,
          date: r.date,
          document: r.fileName,
        })),
      };
    },
    conflictsDuring(pid, cls, from, to) {
      const out = new Set<string>();
      for (const g of registry.governing(pid, cls))
        if (g.conflict !== null && g.from <= to && (g.lastDay === null || g.lastDay >= from))
          out.add(conflictWarning(identities, g, g.from > from ? g.from : from));
      return [...out];
    },
    checkBoardRate(rate) {
      const pid = identities.resolve(rate.portfolio);
      if (pid === undefined) return `unknown portfolio ${JSON.stringify(rate.portfolio)}`;
      const g = registry.governingOn(pid, rate.class, rate.effectiveDate);
      if (!g)
        return `${rate.portfolio} class ${rate.class} is not covered by any instrument on ${rate.effectiveDate}`;
      // FINRA Rule 2341's 0.75% / 0.25% apply always, even under a plain list without rates.
      const d = rate.distributionFeePct ?? g.distributionFeePct;
      const s = rate.serviceFeePct ?? g.serviceFeePct;
      const why = exceedsCapsOrFinra(capsOf(g.schedule), d, s);
      return why === null
        ? null
        : `${why} of ${g.scheduleName} of ${g.instrumentTitle} (${g.fileName}): ABSC ${g.schedule.assetBasedSalesChargePct ?? '—'}% ${g.schedule.assetBasedSalesChargeBound ?? ''}, service ${g.schedule.serviceFeePct ?? '—'}%, aggregate ${g.schedule.aggregateFeePct ?? '—'}%`;
    },
  };
  return registry;
}
