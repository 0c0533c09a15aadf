import { addDays } from '../calendar/isoDate.js';
import { compareNames } from './nameOrder.js';
import { nameKey } from './portfolioName.js';
import type { Registry, ScheduleAnswer } from './registry.js';
import type { StoredDocument } from './storedDocument.js';

/** One difference an amendment made to the schedule in force (SPEC §2: what it added, removed, renamed, re-rated). */
export interface AmendmentChange {
  readonly change: 'added' | 'removed' | 'renamed' | 'moved' | 're-rated';
  readonly portfolioId: string;
  readonly portfolio: string;
  readonly class: string;
  readonly before: string | null;
  readonly after: string | null;
  /**
   * the day the change takes effect: the document's effective date, or — approvals enforced — the
   * later approval it waited for (Plan §5: a material increase "shall become effective as to such
   * Class upon the approval" of its shareholders; Plan §6: the Board's)
   */
  readonly from: string;
}

export interface AmendmentDiff {
  /** the day before the document took effect, whose schedule is compared */
  readonly before: string | null;
  /** the document's effective date */
  readonly from: string | null;
  readonly changes: readonly AmendmentChange[];
  readonly warnings: readonly string[];
}

/** "0.75% + 0.25% = 1.00%": the rates of an entry as the schedules print them. */
export function ratesText(e: ScheduleAnswer): string {
  const pct = (v: string | null) => (v === null ? '—' : `${v}%`);
  return `${pct(e.assetBasedSalesChargePct)} + ${pct(e.serviceFeePct)} = ${pct(e.aggregateFeePct)}`;
}

const keyOf = (e: ScheduleAnswer) => `${e.portfolioId}\u0000${e.class}`;

/**
 * What a document changed: the schedule in force on the day before its effective date against the
 * schedule in force on that date, for the entries the document governs from then on, and for the
 * entries of its classes that its instrument governed the day before and no instrument governs on
 * that date. An entry that governs only from a later approval (Plan §§5–6, §11: a raise waits for
 * the class's shareholders; approvals enforced) is compared on the day before that approval against
 * the approval's day instead, each change naming its day (`from`). A pure function of the registry.
 */
export function amendmentDiff(registry: Registry, document: StoredDocument): AmendmentDiff {
  const from = document.doc.effectiveDate;
  if (!from) {
    return { before: null, from: null, changes: [], warnings: ['the document has no effective date'] };
  }
  const before = addDays(from, -1);
  const classes = new Set(document.doc.schedules.flatMap((s) => s.entries.map((e) => e.class)));
  const was = registry.scheduleAsOf(before);
  const is = registry.scheduleAsOf(from);
  const beforeByKey = new Map(was.entries.map((e) => [keyOf(e), e]));
  const afterByKey = new Map(is.entries.map((e) => [keyOf(e), e]));
  const changes: AmendmentChange[] = [];
  const row = (
    change: AmendmentChange['change'],
    e: ScheduleAnswer,
    b: string | null,
    a: string | null,
    on: string = from,
  ) =>
    changes.push({
      change,
      portfolioId: e.portfolioId,
      portfolio: e.portfolio,
      class: e.class,
      before: b,
      after: a,
      from: on,
    });
  const compare = (
    beforeByKey: ReadonlyMap<string, ScheduleAnswer>,
    afterByKey: ReadonlyMap<string, ScheduleAnswer>,
    on: string,
    only: ReadonlySet<string> | null,
  ) => {
    for (const [key, a] of afterByKey) {
      if (a.document.id !== document.id || (only !== null && !only.has(key))) continue;
      const b = beforeByKey.get(key);
      if (!b) {
        row('added', a, null, ratesText(a), on);
        continue;
      }
      if (b.portfolio !== a.portfolio) row('renamed', a, b.portfolio, a.portfolio, on);
      // names match case-insensitively, whitespace collapsed (SPEC §2): "AIM SERIES TRUST" is where
      // "AIM Series Trust" was, not a move
      if (nameKey(b.registrant ?? '') !== nameKey(a.registrant ?? ''))
        row('moved', a, b.registrant, a.registrant, on);
      if (ratesText(b) !== ratesText(a)) row('re-rated', a, ratesText(b), ratesText(a), on);
    }
  };
  compare(beforeByKey, afterByKey, from, null);
  // Plan §§5–6, §11 (approvals enforced): entries of this document that govern only from a later
  // approval, compared on that approval's day; one still pending is told by the warnings
  const approvedLater = new Map<string, Set<string>>();
  for (const p of registry.pending)
    if (p.documentId === document.id && p.governsFrom !== null && p.governsFrom > from)
      approvedLater.set(
        p.governsFrom,
        (approvedLater.get(p.governsFrom) ?? new Set()).add(`${p.portfolioId}\u0000${p.class}`),
      );
  const laterWarnings: string[] = [];
  for (const [on, keys] of [...approvedLater].sort(([x], [y]) => (x < y ? -1 : 1))) {
    const wasOn = registry.scheduleAsOf(addDays(on, -1));
    const isOn = registry.scheduleAsOf(on);
    compare(
      new Map(wasOn.entries.map((e) => [keyOf(e), e])),
      new Map(isOn.entries.map((e) => [keyOf(e), e])),
      on,
      keys,
    );
    laterWarnings.push(
      ...registry.pending
        .filter((p) => p.documentId === document.id && p.governsFrom === on)
        .map((p) => `${p.portfolio} class ${p.class}: ${p.reason}`),
    );
  }
  // A document removes only from its own instrument's schedules: a class another instrument
  // stopped covering on the same day is that instrument's amendment's doing, not this one's.
  const instrumentKey = registry.instruments.find((i) => i.documentIds.includes(document.id))?.key;
  for (const [key, b] of beforeByKey) {
    if (afterByKey.has(key) || !classes.has(b.class)) continue;
    if (registry.governingOn(b.portfolioId, b.class, before)?.instrumentKey !== instrumentKey) continue;
    row('removed', b, ratesText(b), null);
  }
  const order = { added: 0, removed: 1, renamed: 2, moved: 3, 're-rated': 4 };
  changes.sort(
    (x, y) =>
      order[x.change] - order[y.change] ||
      compareNames(x.portfolio, y.portfolio) ||
      compareNames(x.class, y.class) ||
      (x.from < y.from ? -1 : x.from > y.from ? 1 : 0),
  );
  const warnings = [...new Set([...was.warnings, ...is.warnings, ...laterWarnings])];
  return { before, from, changes, warnings };
}
