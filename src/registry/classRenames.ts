import { addDays } from '../calendar/isoDate.js';
import { classesOfUntitledClassInstruments } from './classesFromSchedules.js';
import {
  instrumentsFitting,
  titledInstruments,
  type UndecidedAmendment,
  withEachTitlesOwnInstrument,
} from './eachTitlesOwnInstrument.js';
import type { PortfolioIdentities } from './portfolioIdentity.js';
import { compareDocuments, instrumentKey, type StoredDocument } from './storedDocument.js';
import { titleMarks } from './titleMarks.js';

/**
 * A class rename rule (Invesco Class A Amendment No. 2: "to redesignate the Class A3 shares as
 * Class A Shares … all references in the Plan to Class A3 Shares shall be changed to Class A
 * Shares"): from the amendment's date, what every instrument says of class `from` of the
 * portfolio is said of class `to`, so that the renamed class's entries join the history of the
 * class it became. Before that date, `to` (if the portfolio had it) named another class.
 */
export interface ClassRename {
  readonly portfolioId: string;
  readonly from: string;
  readonly to: string;
  readonly date: string;
  readonly documentId: string;
  readonly fileName: string;
}

/** The renaming amendment's own instrument is the one whose classes it renames (the Class A3 plan). */
export function classesBeforeRenames(doc: StoredDocument['doc']): readonly string[] {
  const renames = doc.classRenames ?? [];
  if (renames.length === 0) return doc.instrument.classes;
  return doc.instrument.classes.map((c) => {
    const r = renames.find((x) => x.to.toLowerCase() === c.toLowerCase());
    return r !== undefined && !doc.instrument.classes.some((k) => k.toLowerCase() === r.from.toLowerCase())
      ? r.from
      : c;
  });
}

/** The instrument a document belongs to, its classes named as they were before any rename it makes. */
export function documentInstrumentKey(doc: StoredDocument['doc']): string {
  return instrumentKey({ ...doc.instrument, classes: classesBeforeRenames(doc) });
}

/**
 * The instrument each document belongs to (by id): its own key ({@link documentInstrumentKey}),
 * except that a document that does not date the instrument it names ("The Plan is hereby amended
 * as follows") belongs to the one instrument of its kind, registrant and classes that is dated,
 * when there is exactly one and its title does not name another (titleMarks.ts); with none or several it keeps its own. Depends on the set of
 * documents only, never on their order (SPEC §2).
 */
export function documentInstrumentKeys(documents: readonly StoredDocument[]): Map<string, string> {
  return documentInstruments(documents).keys;
}

/** {@link documentInstrumentKeys}, with the warnings of documents that do not say which instrument they amend. */
export function documentInstruments(documents: readonly StoredDocument[]): {
  keys: Map<string, string>;
  warnings: string[];
  undecided: UndecidedAmendment[];
} {
  const out = new Map<string, string>();
  const datedByUndatedKey = new Map<string, Set<string>>();
  // a plan whose title names no classes is keyed by the classes all its documents list
  const listed = classesOfUntitledClassInstruments(documents);
  for (const d of documents) {
    const classes = listed.get(d.id);
    const key =
      classes === undefined ? documentInstrumentKey(d.doc) : instrumentKey({ ...d.doc.instrument, classes });
    out.set(d.id, key);
    if (d.doc.instrument.datedAsOf !== null) {
      const undated = documentInstrumentKey({
        ...d.doc,
        instrument: { ...d.doc.instrument, datedAsOf: null },
      });
      const keys = datedByUndatedKey.get(undated) ?? new Set<string>();
      keys.add(key);
      datedByUndatedKey.set(undated, keys);
    }
  }
  for (const d of documents) {
    if (d.doc.instrument.datedAsOf !== null) continue;
    const dated = datedByUndatedKey.get(out.get(d.id)!);
    if (dated?.size !== 1) continue;
    const [key] = dated;
    // not where its title names another instrument ("First Restated" beside a Second Restated plan)
    const titles = documents.filter((x) => x.doc.instrument.datedAsOf !== null && out.get(x.id) === key);
    const instruments = titledInstruments([...titles.map((x) => titleMarks(x.doc))]);
    if (instrumentsFitting(instruments, titleMarks(d.doc)).length > 0) out.set(d.id, key!);
  }
  const keys = withRegistrantlessListsJoined(documents, withEachRegistrantsOwnPlan(documents, out));
  // titles tell apart instruments of one key (eachTitlesOwnInstrument.ts)
  const undecided = withEachTitlesOwnInstrument(documents, keys);
  return { keys, warnings: undecided.map((u) => u.warning), undecided };
}

function registrantKey(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase().replace(/\|/g, '/');
}

/** The Registrants a document's schedules list their entries under (group headings), as keys. */
function scheduleRegistrants(doc: StoredDocument['doc']): Set<string> {
  return new Set(
    doc.schedules.flatMap((s) =>
      s.entries.flatMap((e) => (e.registrant === null ? [] : [registrantKey(e.registrant)])),
    ),
  );
}

/**
 * SPEC §2 (an Instrument has optionally one Registrant): a plan whose title names no Registrant
 * ("Amendment No. 1 to Service Plan (Reimbursement) … of the Funds listed on Schedule A") is each
 * trust's own when each amendment's schedule lists one trust only — Invesco's 2019 plans, one per
 * trust, all "dated as of May 24, 2019" (corpus 26 and 32 of AIM Investment Funds, 29 of AIM
 * Equity Funds; 27, 28, 30, 31 of four other trusts). Read as one plan, the AIM Equity Funds
 * amendment's "Schedule A … is hereby deleted in its entirety and replaced" would end every AIM
 * Investment Funds portfolio's Class A. So where one-trust documents of two or more trusts would
 * be one instrument, each trust's are its own. A document listing several Registrants is a master
 * plan (the seeds' Amendment No. 12 lists nine); a one-trust document stays with it when that trust
 * is among the master plan's. Depends on the set of documents only, never on their order.
 */
function withEachRegistrantsOwnPlan(
  documents: readonly StoredDocument[],
  keys: Map<string, string>,
): Map<string, string> {
  const masterRegistrants = new Map<string, Set<string>>();
  for (const d of documents) {
    const names = scheduleRegistrants(d.doc);
    if (d.doc.instrument.registrant !== null || names.size < 2) continue;
    const key = keys.get(d.id)!;
    masterRegistrants.set(key, new Set([...(masterRegistrants.get(key) ?? []), ...names]));
  }
  // the trusts each key's one-trust documents name, when not a master plan's
  const soleTrusts = new Map<string, Set<string>>();
  for (const d of documents) {
    const names = scheduleRegistrants(d.doc);
    const key = keys.get(d.id)!;
    if (d.doc.instrument.registrant !== null || key.split('|')[1] !== '' || names.size !== 1) continue;
    const [sole] = names;
    if (masterRegistrants.get(key)?.has(sole!)) continue;
    soleTrusts.set(key, new Set([...(soleTrusts.get(key) ?? []), sole!]));
  }
  // Only where one-trust documents of two or more trusts share a key are they told apart: a plan
  // of one trust keeps the key it always had. Its key so depends on the set of documents; what is
  // recorded against it is bound to its documents (approvalInstrument.ts), not to the key.
  for (const d of documents) {
    const key = keys.get(d.id)!;
    const trusts = soleTrusts.get(key);
    const names = scheduleRegistrants(d.doc);
    if (trusts === undefined || trusts.size < 2 || names.size !== 1) continue;
    const [sole] = names;
    if (!trusts.has(sole!)) continue;
    const [kind, , ...rest] = key.split('|');
    keys.set(d.id, [kind, sole, ...rest].join('|'));
  }
  return keys;
}

/**
 * SPEC §2 (one plan, one instrument): a schedule that names no Registrant anywhere — ProFunds'
 * Schedule A "AS OF MARCH 14, 2006", a bare list under "AMENDED AND RESTATED DISTRIBUTION AND
 * SERVICE PLAN" — belongs to the plan of that very title, kind, classes and date that its other
 * documents say is a Registrant's ("Series of ProFunds", 2021 and 2023), when exactly one such
 * Registrant's instrument exists; with none or several it keeps its own. Only where every document
 * of its key names no Registrant and all share the title. Depends on the set of documents only.
 */
function withRegistrantlessListsJoined(
  documents: readonly StoredDocument[],
  keys: Map<string, string>,
): Map<string, string> {
  const title = (d: StoredDocument) => d.doc.instrument.title.replace(/\s+/g, ' ').trim().toLowerCase();
  const byKey = new Map<string, StoredDocument[]>();
  for (const d of documents) byKey.set(keys.get(d.id)!, [...(byKey.get(keys.get(d.id)!) ?? []), d]);
  for (const [key, group] of byKey) {
    const [kind, registrant, ...rest] = key.split('|');
    if (registrant !== '' || rest.length !== 2) continue;
    if (group.some((d) => scheduleRegistrants(d.doc).size > 0 || title(d) !== title(group[0]!))) continue;
    const homes = [...byKey.entries()].filter(([k, docs]) => {
      const [kk, r, ...more] = k.split('|');
      return (
        kk === kind &&
        r !== '' &&
        more.length === rest.length &&
        more.every((m, i) => m === rest[i]) &&
        docs.some((d) => title(d) === title(group[0]!))
      );
    });
    if (homes.length !== 1) continue;
    for (const d of group) keys.set(d.id, homes[0]![0]);
  }
  return keys;
}

/**
 * Every class rename the documents make, per portfolio: the portfolios the renaming document lists
 * under the new class (or the old), else every portfolio its instrument lists under the old class.
 */
export function classRenamesOf(
  documents: readonly StoredDocument[],
  identities: PortfolioIdentities,
): ClassRename[] {
  const docs = [...documents].sort(compareDocuments);
  const keys = documentInstrumentKeys(docs);
  const out: ClassRename[] = [];
  for (const d of docs) {
    for (const r of d.doc.classRenames ?? []) {
      const named = (cls: string, of: readonly StoredDocument[]) =>
        of.flatMap((x) =>
          x.doc.schedules.flatMap((s) =>
            s.entries.filter((e) => e.class.toLowerCase() === cls.toLowerCase()).map((e) => e.portfolio),
          ),
        );
      let portfolios = [...named(r.to, [d]), ...named(r.from, [d])];
      if (portfolios.length === 0) {
        const key = keys.get(d.id);
        portfolios = named(
          r.from,
          docs.filter((x) => keys.get(x.id) === key),
        );
      }
      const ids = new Set(
        portfolios.map((p) => identities.resolveOn(p, d.doc.effectiveDate)).filter((p) => p !== undefined),
      );
      for (const portfolioId of [...ids].sort())
        if (
          !out.some(
            (x) => x.portfolioId === portfolioId && x.from === r.from && x.date === d.doc.effectiveDate,
          )
        )
          out.push({
            portfolioId,
            from: r.from,
            to: r.to,
            date: d.doc.effectiveDate,
            documentId: d.id,
            fileName: d.fileName,
          });
    }
  }
  return out;
}

/** One stretch of days on which an entry of a class is read under one name. */
export interface ClassSpan {
  readonly class: string;
  readonly from: string;
  /** last day, or null while in force */
  readonly lastDay: string | null;
}

/**
 * The names under which an entry of `shareClass`, in force from `from` to `lastDay`, is read:
 * its own until a rename of that class of the portfolio, the new name from the rename's date
 * (and so on along a chain of renames).
 * @example classSpans([{ portfolioId: 'p', from: 'A3', to: 'A', date: '2010-02-01', … }], 'p', 'A3', '2003-08-18', null)
 *   → [{ class: 'A3', from: '2003-08-18', lastDay: '2010-01-31' }, { class: 'A', from: '2010-02-01', lastDay: null }]
 */
export function classSpans(
  renames: readonly ClassRename[],
  portfolioId: string,
  shareClass: string,
  from: string,
  lastDay: string | null,
): ClassSpan[] {
  const used = new Set<ClassRename>();
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const renameOf = (cls: string, when: (date: string) => boolean) =>
    renames
      .filter((r) => r.portfolioId === portfolioId && same(r.from, cls) && !used.has(r) && when(r.date))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0];
  let cls = shareClass;
  // an entry that takes effect on or after a rename of its class already means the new name
  for (let r = renameOf(cls, (d) => d <= from); r !== undefined; r = renameOf(cls, (d) => d <= from)) {
    used.add(r);
    cls = r.to;
  }
  const spans: ClassSpan[] = [];
  let start = from;
  const within = (d: string) => d > start && (lastDay === null || d <= lastDay);
  for (let r = renameOf(cls, within); r !== undefined; r = renameOf(cls, within)) {
    used.add(r);
    spans.push({ class: cls, from: start, lastDay: addDays(r.date, -1) });
    cls = r.to;
    start = r.date;
  }
  spans.push({ class: cls, from: start, lastDay });
  return spans;
}
