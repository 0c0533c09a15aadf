import { addDays } from '../calendar/isoDate.js';
import type { ApprovalRef } from '../governance/approval.js';
import {
  type InstrumentContinuance,
  type InstrumentSuccessor,
  instrumentContinuance,
} from '../governance/continuanceRoster.js';
import { type GovernanceRecords, NO_GOVERNANCE } from '../governance/governanceRecords.js';
import { terminationCovers, terminationEffect } from '../governance/termination.js';
import { approvalsOfInstruments } from './approvalInstrument.js';
import { approvedCandidates, type PendingEntry } from './approvedWindows.js';
import { type BoardRate, capsOf, exceedsCapsOrFinra } from './boardRate.js';
import { type ClassRename, classRenamesOf } from './classRenames.js';
import {
  aggregateFeeInForce,
  type ClassStop,
  collectCandidates,
  type GoverningEntry,
  governingEntriesOf,
  type InstrumentLapse,
} from './governingEntry.js';
import { compareCodeUnits, compareNames } from './nameOrder.js';
import { buildPortfolioIdentities, type NameChange, type PortfolioIdentities } from './portfolioIdentity.js';
import { nameKey } from './portfolioName.js';
import { rivalOnlyListings } from './rivalOnlyListings.js';
import {
  type ScheduleEntryLapse,
  type ScheduleLapses,
  scheduleLapses,
  scheduleLapseWarnings,
} from './scheduleEntryLapse.js';
import { buildInstruments, type Instrument } from './scheduleVersions.js';
import type { StoredDocument } from './storedDocument.js';
import { twiceListedPortfolios } from './twiceListedPortfolios.js';

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
  /** the approvals behind the entry (Plan §§5–6), and from when and why it governs */
  readonly approvals: readonly ApprovalRef[];
  readonly approvalNote: string | null;
  /** why no fee is due (a termination or a lapse; the rates are then zero), else null */
  readonly stopped: string | null;
  /**
   * the lapse of its instrument by the date (Plan §7; Agreement FOURTEENTH, per Portfolio) whatever
   * `approvals.enforce` says, else null (scheduleEntryLapse.ts)
   */
  readonly lapse: ScheduleEntryLapse | null;
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
    readonly approvals: readonly ApprovalRef[];
    readonly approvalNote: string | null;
    readonly stopped: string | null;
    /** the class took this new name the day after the run (a class rename rule), else null */
    readonly renamedTo: { readonly class: string; readonly date: string } | null;
  }[];
  /** class rename rules for this portfolio ("redesignate the Class A3 shares as Class A Shares") */
  readonly classRenames: readonly { from: string; to: string; date: string; document: string }[];
  /** SPEC §2: conflicts (two governing entries with the same effective date) in this history */
  readonly warnings: readonly string[];
  /** schedule entries for this portfolio that wait for an approval (issue 12) */
  readonly pending: readonly PendingEntry[];
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
    /** entries effective by the date that do not govern on it for want of an approval */
    pending: PendingEntry[];
  };
  /** the recorded approvals, terminations and settings the registry was built with */
  readonly governance: GovernanceRecords;
  /** every schedule entry waiting for an approval (with enforcement on), or approved after its effective date */
  readonly pending: readonly PendingEntry[];
  /** each instrument's continuance as of a date (Plan §7; Agreement FOURTEENTH) */
  continuance(asOf: string): InstrumentContinuance[];
  portfolioHistory(name: string): PortfolioHistory | undefined;
  /**
   * SPEC §2: the conflicts a query over these days touches, one warning each (and SPEC §2.1: an
   * amendment whose title fits two instruments, from its date) — every query that
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
  lapse: ScheduleEntryLapse | null,
): ScheduleAnswer {
  return {
    registrant: g.registrant,
    portfolio: registry.identities.nameOn(g.portfolioId, date),
    portfolioId: g.portfolioId,
    class: g.class,
    assetBasedSalesChargePct: g.distributionFeePct,
    assetBasedSalesChargeBound: g.schedule.assetBasedSalesChargeBound,
    serviceFeePct: g.serviceFeePct,
    aggregateFeePct: aggregateFeeInForce(g),
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
    approvals: g.approvals,
    approvalNote: g.approvalNote,
    stopped: g.stopped,
    lapse,
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
  recorded: GovernanceRecords = NO_GOVERNANCE,
): Registry {
  const identities = buildPortfolioIdentities(documents);
  const { instruments, warnings: instrumentWarnings, supersessions, undecided } = buildInstruments(documents);
  // an approval is of the instrument its documents belong to now, whatever was imported after it
  const governance: GovernanceRecords = {
    ...recorded,
    approvals: approvalsOfInstruments(recorded.approvals, instruments),
  };
  const warnings = [...identities.warnings, ...instrumentWarnings];
  const classRenames = classRenamesOf(documents, identities);
  const candidates = collectCandidates(instruments, identities, classRenames);
  // listings in doubt, warned on every query that touches their class (SPEC §2)
  const listingsInDoubt = [
    ...rivalOnlyListings(instruments, identities),
    ...twiceListedPortfolios(instruments, identities),
  ];
  for (const r of twiceListedPortfolios(instruments, identities))
    warnings.push(`conflict for ${identities.nameOn(r.portfolioId, r.from)} class ${r.class}: ${r.conflict}`);
  const doubtWarning = (r: (typeof listingsInDoubt)[number], date: string) =>
    `conflict for ${identities.nameOn(r.portfolioId, date)} class ${r.class}: ${r.conflict}`;
  const doubtsDuring = (from: string, to: string) =>
    listingsInDoubt.filter((r) => r.from <= to && (r.lastDay === null || r.lastDay >= from));
  // SPEC §2.1: an amendment whose title fits two instruments, warned on every query that reads
  // their entries from its date on (what it would replace there depends on which it amends)
  const undecidedDuring = (g: GoverningEntry, from: string, to: string) =>
    undecided
      .filter(
        (u) =>
          u.instrumentKeys.includes(g.instrumentKey) &&
          g.from <= to &&
          (g.lastDay === null || g.lastDay >= from) &&
          u.from <= to &&
          (g.lastDay === null || g.lastDay >= u.from),
      )
      .map((u) => u.warning);
  const enforce = governance.settings.enforceApprovals;
  // Agreement FOURTEENTH: continued per Portfolio — each Portfolio an Agreement's schedules list,
  // from its first listing to its last listed day
  const agreementListings = new Map<
    string,
    { portfolioId: string; class: string; listedFrom: string; lastDay: string | null }[]
  >();
  for (const [key, list] of candidates)
    for (const c of list) {
      if (c.instrument.kind !== 'agreement') continue;
      const [portfolioId, cls] = key.split('|') as [string, string];
      const listings = agreementListings.get(c.instrument.key) ?? [];
      const had = listings.find((l) => l.portfolioId === portfolioId);
      if (had === undefined)
        listings.push({ portfolioId, class: cls, listedFrom: c.from, lastDay: c.lastDay });
      else {
        if (c.from < had.listedFrom) had.listedFrom = c.from;
        if (had.lastDay !== null && (c.lastDay === null || c.lastDay > had.lastDay)) had.lastDay = c.lastDay;
      }
      agreementListings.set(c.instrument.key, listings);
    }
  // FIFTEENTH(A): the Agreement terminated for a Portfolio applies to it no more — it is no longer
  // continued, and its continuance is judged as of the day before the termination
  const agreementTerminated = (l: {
    portfolioId: string;
    class: string;
    listedFrom: string;
    lastDay: string | null;
  }) => {
    const t = governance.terminations
      .filter((x) => x.instrument === 'agreement' && terminationCovers(x, l.portfolioId, l.class))
      .map((x) => x.effectiveDate)
      .sort()[0];
    if (t === undefined) return { ...l, terminatedOn: null };
    const dayBefore = addDays(t, -1);
    return {
      ...l,
      terminatedOn: t,
      lastDay: l.lastDay !== null && l.lastDay < dayBefore ? l.lastDay : dayBefore,
    };
  };
  // each listing by its name on the date; two bearing one name (a rename rule handed the name of a
  // listed portfolio to another: SPEC §2) are told apart by the name the later one was first listed
  // under, which is also the name that resolves to it in a vote row
  const listingsNamed = (
    listings: readonly { portfolioId: string; class: string; listedFrom: string; lastDay: string | null }[],
    asOf: string,
  ) => {
    const named = listings.map(agreementTerminated).map((l) => ({
      ...l,
      portfolio: identities.nameOn(l.portfolioId, l.lastDay !== null && l.lastDay < asOf ? l.lastDay : asOf),
    }));
    const count = new Map<string, number>();
    for (const l of named)
      count.set(l.portfolio.toLowerCase(), (count.get(l.portfolio.toLowerCase()) ?? 0) + 1);
    return named
      .map((l) => {
        const first = identities.get(l.portfolioId)?.firstName ?? l.portfolio;
        return (count.get(l.portfolio.toLowerCase()) ?? 0) > 1 &&
          first.toLowerCase() !== l.portfolio.toLowerCase()
          ? { ...l, portfolio: `${l.portfolio} (was ${first})` }
          : l;
      })
      .sort((a, b) => compareNames(a.portfolio, b.portfolio));
  };
  // an Amended and Restated instrument supersedes the one it restates: no continuance from its date
  const successorOf = new Map<string, InstrumentSuccessor>();
  for (const x of supersessions) {
    const by = instruments.find((i) => i.documentIds.includes(x.byDocumentId));
    successorOf.set(x.instrumentKey, {
      instrument: by?.title ?? x.byTitle,
      documentId: x.byDocumentId,
      file: x.byFileName,
      from: x.from,
    });
  }
  const continuanceOf = (asOf: string) =>
    instruments.map((i) =>
      instrumentContinuance(
        {
          key: i.key,
          kind: i.kind,
          title: i.name,
          registrant: i.registrant,
          datedAsOf: i.datedAsOf,
          statedContinuance: i.statedContinuance ?? null,
          adoptedOn: i.adoptedOn ?? null,
        },
        governance.approvals,
        governance.settings,
        asOf,
        listingsNamed(agreementListings.get(i.key) ?? [], asOf),
        successorOf.get(i.key) ?? null,
      ),
    );
  // A lapse ends the instrument the day after its missed deadline (Plan §7; FOURTEENTH), judged
  // as of today: a deadline still ahead is not missed.
  // An Agreement lapses per Portfolio (FOURTEENTH); one that lapses for a Portfolio is terminated
  // "for any reason" for it (FIFTEENTH(B)): the Fund's obligations under SEVENTH(B) (the 12b-1 Share
  // of the Distribution Fees) and the Earned CDSC survive, so its fees continue, as after a
  // termination of the Agreement; the schedule answer says so.
  const lapses = new Map<string, InstrumentLapse>();
  /** by `${instrumentKey}|${portfolioId}` */
  const agreementLapses = new Map<string, InstrumentLapse>();
  // SPEC §10 "flags a lapse": every schedule answer says which entries' instruments had lapsed,
  // whether or not enforcement stops their fees (derived on the first schedule asked for)
  // The roster as of today, derived once for both (eagerly with enforcement on, else on first use)
  let rosterToday: ReturnType<typeof continuanceOf> | null = null;
  const continuanceToday = () => {
    rosterToday ??= continuanceOf(governance.today);
    return rosterToday;
  };
  let entryLapses: ScheduleLapses | null = null;
  const lapsesForSchedule = () => {
    entryLapses ??= scheduleLapses(continuanceToday(), enforce);
    return entryLapses;
  };
  if (enforce)
    for (const c of continuanceToday()) {
      if (c.kind === 'plan') {
        if (c.endsOn !== null)
          lapses.set(c.instrumentKey, {
            endsOn: c.endsOn,
            reason: `${c.instrument} lapsed: its continuance deadline ${c.missedDeadline} passed without the Board's approval (Plan §7); no fee is due from ${c.endsOn}`,
          });
        continue;
      }
      for (const p of c.portfolios ?? [])
        if (p.endsOn !== null)
          agreementLapses.set(`${c.instrumentKey}|${p.portfolioId}`, {
            endsOn: p.endsOn,
            reason: `${c.instrument} lapsed for ${p.portfolio}: its continuance deadline ${p.periods.at(-1)!.deadline} passed without the continuance approved for it (Agreement FOURTEENTH: by the Board, or by its Class B shareholders with a majority of the Dis-interested Trustees); it ends for ${p.portfolio} on ${p.endsOn}, but the Distributor's 12b-1 Share and Earned CDSC survive its termination for any reason (FIFTEENTH(B)): the fees continue; record the Distributor's term ending ${addDays(p.endsOn, -1)} with \`plan12b distributors import\` so that its 12b-1 Share is recomputed (Exhibit A 2(a))`,
          });
    }
  const pending: PendingEntry[] = [];
  const stopOf = (pid: string, cls: string): ClassStop | null => {
    const t = governance.terminations
      .filter((x) => x.instrument === 'plan' && terminationCovers(x, pid, cls))
      .sort((a, b) =>
        a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : 0,
      )[0];
    return t ? { from: t.effectiveDate, reason: terminationEffect(t, cls) } : null;
  };

  const boardByKey = new Map<string, BoardRate[]>();
  for (const b of boardRates) {
    const pid = identities.resolveOn(b.portfolio, b.effectiveDate);
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
    const approved = approvedCandidates(
      pid,
      cls,
      candidates.get(key)!,
      governance.approvals,
      identities,
      enforce,
    );
    pending.push(...approved.pending);
    governing.set(
      key,
      governingEntriesOf(
        pid,
        cls,
        approved.candidates,
        boardByKey.get(key) ?? [],
        warnings,
        stopOf(pid, cls),
        lapses,
      ),
    );
  }
  const classKeys = keys.map((k) => {
    const [portfolioId, cls] = k.split('|') as [string, string];
    return { portfolioId, class: cls };
  });
  // a rename rule giving a portfolio another's name: from its date a listing of that name may mean
  // either, so every query touching either portfolio says so (SPEC §2)
  for (const c of identities.nameCollisions) {
    const pids = new Set([identities.resolve(c.from), identities.resolve(c.to)]);
    for (const k of classKeys)
      if (pids.has(k.portfolioId))
        listingsInDoubt.push({
          portfolioId: k.portfolioId,
          class: k.class,
          from: c.date,
          lastDay: null,
          conflict: `from ${c.date} the name ${c.to} is borne by two portfolios, and schedules listing it are read as the earlier one's: ${c.warning}`,
        });
  }

  const registry: Registry = {
    identities,
    instruments,
    classRenames,
    warnings,
    governance,
    pending,
    continuance: continuanceOf,
    governing: (pid, cls) => governing.get(`${pid}|${cls}`) ?? [],
    classKeys: () => classKeys,
    governingOn: (pid, cls, date) => (governing.get(`${pid}|${cls}`) ?? []).find((g) => covers(g, date)),
    scheduleAsOf(date, filter = {}) {
      const out: ScheduleAnswer[] = [];
      const notes: string[] = [];
      const wantPid =
        filter.portfolio === undefined ? undefined : identities.resolveOn(filter.portfolio, date);
      if (filter.portfolio !== undefined && wantPid === undefined)
        return { entries: [], warnings: notes, pending: [] };
      const wantClass = filter.class?.toLowerCase();
      const pendingOn = pending.filter(
        (p) =>
          p.effectiveDate <= date &&
          (p.governsFrom === null || p.governsFrom > date) &&
          (wantPid === undefined || p.portfolioId === wantPid) &&
          (wantClass === undefined || p.class.toLowerCase() === wantClass),
      );
      for (const { portfolioId, class: cls } of classKeys) {
        if (wantPid !== undefined && portfolioId !== wantPid) continue;
        if (wantClass !== undefined && cls.toLowerCase() !== wantClass) continue;
        const g = registry.governingOn(portfolioId, cls, date);
        if (!g) continue;
        if (g.conflict) notes.push(conflictWarning(identities, g, date));
        // SPEC §2: a Board-set rate a later schedule's lower maxima no longer allow: the entry shows
        // the schedule's rates, and says why not the Board's (as `fees` does for those days)
        if (g.boardRateSetAside)
          notes.push(`${identities.nameOn(portfolioId, date)} class ${cls}: ${g.boardRateSetAside}`);
        notes.push(...undecidedDuring(g, date, date));
        if (g.stopped) notes.push(`${identities.nameOn(portfolioId, date)} class ${cls}: ${g.stopped}`);
        // SPEC §2: rates missing from the schedule come from the instrument's terms; where no
        // imported document states them, the answer says so (fees accrue nothing: SPEC §4)
        else if (g.distributionFeePct === null || g.serviceFeePct === null)
          notes.push(
            `${identities.nameOn(portfolioId, date)} class ${cls}: ${g.scheduleName} of ${g.instrumentTitle} states no ${g.distributionFeePct === null ? 'distribution fee' : 'service fee'} rate, nor do the instrument's terms as imported; import the instrument that states its terms — no fees accrue until then`,
          );
        const agreementLapse = agreementLapses.get(`${g.instrumentKey}|${portfolioId}`);
        if (agreementLapse !== undefined && agreementLapse.endsOn <= date)
          notes.push(`${identities.nameOn(portfolioId, date)} class ${cls}: ${agreementLapse.reason}`);
        // FIFTEENTH: a terminated Agreement leaves the fees running; the answer still says so.
        for (const t of governance.terminations)
          if (
            t.instrument === 'agreement' &&
            t.effectiveDate <= date &&
            terminationCovers(t, portfolioId, cls)
          )
            notes.push(`${identities.nameOn(portfolioId, date)} class ${cls}: ${terminationEffect(t, cls)}`);
        out.push(answerOf(registry, g, date, lapsesForSchedule().of(g.instrumentKey, portfolioId, date)));
      }
      out.sort(
        (a, b) =>
          compareNames(a.registrant ?? '', b.registrant ?? '') ||
          compareNames(a.portfolio, b.portfolio) ||
          compareNames(a.class, b.class),
      );
      for (const r of doubtsDuring(date, date))
        if (
          (wantPid === undefined || r.portfolioId === wantPid) &&
          (wantClass === undefined || r.class.toLowerCase() === wantClass)
        )
          notes.push(doubtWarning(r, date));
      for (const p of pendingOn)
        notes.push(`pending for ${p.portfolio} class ${p.class} on ${date}: ${p.reason}`);
      // with enforcement on, each lapsed entry is already warned above (stopped, or the Agreement's
      // lapse for its Portfolio); with it off, one warning per lapsed instrument (Plan §7; FOURTEENTH)
      // once the store records any approval: a store that records no governance at all (documents
      // only) has every instrument "lapsed" for want of votes nobody recorded — each entry's
      // `lapse` still says so, without a warning on every schedule it answers
      if (!enforce && governance.approvals.length > 0) notes.push(...scheduleLapseWarnings(out, date));
      return { entries: out, warnings: [...new Set(notes)], pending: pendingOn };
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
        .sort((a, b) => compareCodeUnits(a.from, b.from) || compareNames(a.class, b.class));
      const registrants: { registrant: string | null; from: string; lastDay: string | null }[] = [];
      // a day's registrant is the one the latest schedule listing the portfolio names (AIM Leisure
      // Fund: Schedule A-2 of 2003-08-18 keeps "INVESCO SECTOR FUNDS, INC.", Amendment No. 6 of
      // 2004-10-15 lists it under "AIM SECTOR FUNDS"), on every day a run starts or ends
      const byDate = [
        ...new Set(runs.flatMap((r) => (r.lastDay === null ? [r.from] : [r.from, addDays(r.lastDay, 1)]))),
      ].sort();
      const latestListing = (list: readonly GoverningEntry[]) =>
        list.reduce<GoverningEntry | undefined>(
          (best, g) =>
            best === undefined || g.scheduleEffectiveDate > best.scheduleEffectiveDate ? g : best,
          undefined,
        );
      for (const day of byDate) {
        const covering = runs.filter((g) => covers(g, day));
        const r = latestListing(covering.filter((g) => g.registrant !== null)) ?? latestListing(covering);
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
        warnings: [
          ...new Set([
            ...identities.nameHandovers.filter((h) => nameKey(h.name) === nameKey(name)).map((h) => h.note),
            ...conflicts.map((g) => conflictWarning(identities, g, g.from)),
            ...runs.flatMap((g) => undecidedDuring(g, g.from, g.lastDay ?? '9999-12-31')),
            ...listingsInDoubt.filter((r) => r.portfolioId === pid).map((r) => doubtWarning(r, r.from)),
          ]),
        ],
        names,
        nameChanges: p.changes,
        registrants,
        classes: runs.map((g) => ({
          class: g.class,
          from: g.from,
          lastDay: g.lastDay,
          distributionFeePct: g.distributionFeePct,
          serviceFeePct: g.serviceFeePct,
          aggregateFeePct: aggregateFeeInForce(g),
          rateSource: g.rateSource,
          instrument: g.instrumentTitle,
          schedule: g.scheduleName,
          document: g.fileName,
          amendmentNumber: g.amendmentNumber,
          approvals: g.approvals,
          approvalNote: g.approvalNote,
          stopped: g.stopped,
          renamedTo: renamedTo(g),
        })),
        classRenames: renamesHere.map((r) => ({
          from: r.from,
          to: r.to,
          date: r.date,
          document: r.fileName,
        })),
        pending: pending.filter((x) => x.portfolioId === pid),
      };
    },
    conflictsDuring(pid, cls, from, to) {
      const out = new Set<string>();
      for (const g of registry.governing(pid, cls))
        if (g.conflict !== null && g.from <= to && (g.lastDay === null || g.lastDay >= from))
          out.add(conflictWarning(identities, g, g.from > from ? g.from : from));
      for (const r of doubtsDuring(from, to))
        if (r.portfolioId === pid && r.class === cls) out.add(doubtWarning(r, r.from > from ? r.from : from));
      for (const g of registry.governing(pid, cls)) for (const w of undecidedDuring(g, from, to)) out.add(w);
      return [...out];
    },
    checkBoardRate(rate) {
      const pid = identities.resolveOn(rate.portfolio, rate.effectiveDate);
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
