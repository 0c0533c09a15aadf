import { addDays } from '../calendar/isoDate.js';
import type {
  ExhibitDocument,
  InstrumentRef,
  InstrumentTerms,
  ScheduleEntry,
  StatedContinuance,
} from '../edgar/exhibitDocument.js';
import type { StatedTerminationNotice } from '../edgar/terminationNoticeClause.js';
import { documentInstruments } from './classRenames.js';
import type { UndecidedAmendment } from './eachTitlesOwnInstrument.js';
import { instrumentNameApart, titleSayingMost } from './instrumentNameApart.js';
import { compareDocuments, type StoredDocument } from './storedDocument.js';
import { endSupersededInstruments, type Supersession } from './supersededInstruments.js';
import { mergedMarks, titleMarks } from './titleMarks.js';

/** One version of a named schedule of an instrument, in force from its date until replaced. */
export interface ScheduleVersion {
  readonly instrumentKey: string;
  readonly scheduleName: string;
  readonly effectiveDate: string;
  /** last day in force (the day before the next version of the same schedule), or null */
  readonly lastDay: string | null;
  readonly documentId: string;
  readonly fileName: string;
  readonly documentTitle: string;
  readonly documentKind: ExhibitDocument['kind'];
  readonly amendmentNumber: number | null;
  readonly entries: readonly ScheduleEntry[];
  /** other versions of the same schedule with the same effective date, set aside (a conflict) */
  readonly rivals: readonly { readonly fileName: string; readonly entries: readonly ScheduleEntry[] }[];
}

export interface Instrument {
  readonly key: string;
  readonly kind: InstrumentRef['kind'];
  readonly title: string;
  /**
   * the name it is listed by: its title, with the marks that tell it apart from another instrument
   * of its kind, Registrant, classes and date where there is one ("… (Compensation)")
   */
  readonly name: string;
  readonly registrant: string | null;
  readonly classes: readonly string[];
  readonly datedAsOf: string | null;
  /** terms stated in the body (Agreement SEVENTH(B), TENTH); a later document's stated term wins */
  readonly terms: InstrumentTerms;
  /**
   * the first continuance deadline its text states (Plan §7 "until June 30, 2003"; Agreement
   * FOURTEENTH "until June 30, 2004"), with the file it is read from; null where none states one
   */
  readonly statedContinuance?: (StatedContinuance & { readonly fileName: string }) | null;
  /**
   * the written notice it is terminated on, as its text states it (FIFTEENTH(A) "on sixty (60)
   * days' written notice"), with the file it is read from; null where none states one
   */
  readonly statedTerminationNotice?: (StatedTerminationNotice & { readonly fileName: string }) | null;
  /**
   * the day it was adopted, from which Rule 12b-1(b)(3)(i) counts its first year where its text
   * states no deadline: its dated-as-of date, else the effective date of its own document or of
   * its earliest amendment
   */
  readonly adoptedOn?: string | null;
  readonly documentIds: readonly string[];
  readonly schedules: ReadonlyMap<string, readonly ScheduleVersion[]>;
}

/** Every version of every named schedule of the instruments, with its instrument. */
export function* everyScheduleVersion(
  instruments: readonly Instrument[],
): Generator<{ readonly instrument: Instrument; readonly version: ScheduleVersion }> {
  for (const instrument of instruments)
    for (const versions of instrument.schedules.values())
      for (const version of versions) yield { instrument, version };
}

export interface InstrumentSet {
  readonly instruments: readonly Instrument[];
  readonly warnings: readonly string[];
  /** the instruments an Amended and Restated one ended, and from when */
  readonly supersessions: readonly Supersession[];
  /** amendments whose titles fit two instruments, attached to none (eachTitlesOwnInstrument.ts) */
  readonly undecided: readonly UndecidedAmendment[];
}

function scheduleKey(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase();
}

function sameEntries(a: readonly ScheduleEntry[], b: readonly ScheduleEntry[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Instruments and their schedule versions (SPEC §2): "Schedule A … is hereby deleted in its
 * entirety and replaced" makes the new version of that named schedule replace the old one from
 * the amendment's date; other schedules of the same instrument stay in force.
 */
export function buildInstruments(documents: readonly StoredDocument[]): InstrumentSet {
  const docs = [...documents].sort(compareDocuments);
  const warnings: string[] = [];
  const grouped = new Map<string, StoredDocument[]>();
  // a class-renaming amendment belongs to the instrument of the class it renames; one that does
  // not date its instrument, to the one dated instrument of its kind, registrant and classes
  const { keys, warnings: undecidedWarnings, undecided } = documentInstruments(docs);
  warnings.push(...undecidedWarnings);
  for (const d of docs) {
    const k = keys.get(d.id)!;
    const list = grouped.get(k) ?? [];
    list.push(d);
    grouped.set(k, list);
  }

  const instruments: Instrument[] = [];
  for (const [key, group] of grouped) {
    const base = group.find((d) => d.doc.kind === 'plan' || d.doc.kind === 'agreement');
    const ref = (base ?? group.find((d) => d.doc.instrument.datedAsOf !== null) ?? group[0]!).doc.instrument;
    // Plan §7, FOURTEENTH: the instrument's own document says it first; else an amendment that does
    const statedBy = [...(base === undefined ? [] : [base]), ...group].find(
      (d) => d.doc.continuance !== undefined,
    );
    const statedContinuance =
      statedBy === undefined ? null : { ...statedBy.doc.continuance!, fileName: statedBy.fileName };
    // FIFTEENTH(A): the notice it is terminated on, the instrument's own document first
    const noticeBy = [...(base === undefined ? [] : [base]), ...group].find(
      (d) => d.doc.terminationNotice !== undefined,
    );
    const statedTerminationNotice =
      noticeBy === undefined ? null : { ...noticeBy.doc.terminationNotice!, fileName: noticeBy.fileName };
    const adoptedOn =
      ref.datedAsOf ?? base?.doc.effectiveDate ?? group.map((d) => d.doc.effectiveDate).sort()[0] ?? null;
    let distributionFeePct: string | null = null;
    let serviceFeePct: string | null = null;
    for (const d of group) {
      distributionFeePct = d.doc.terms.distributionFeePct ?? distributionFeePct;
      serviceFeePct = d.doc.terms.serviceFeePct ?? serviceFeePct;
    }

    // twins (eachTitlesOwnInstrument.ts: the key names the marks) are listed by what tells them apart
    const name =
      key.split('|').length > 4
        ? instrumentNameApart(
            titleSayingMost(group, (d) => titleMarks(d.doc)) ?? ref.title,
            mergedMarks(group.map((d) => titleMarks(d.doc))),
          )
        : ref.title;
    warnings.push(...duplicateAmendmentNumbers(group, name));

    type Raw = Omit<ScheduleVersion, 'lastDay' | 'rivals'> & { rivals: ScheduleVersion['rivals'][number][] };
    const raw = new Map<string, Raw[]>();
    for (const d of group) {
      for (const s of d.doc.schedules) {
        const sk = scheduleKey(s.name);
        const list = raw.get(sk) ?? [];
        const same = list.find((v) => v.effectiveDate === d.doc.effectiveDate);
        if (same) {
          if (!sameEntries(same.entries, s.entries)) {
            same.rivals.push({ fileName: d.fileName, entries: s.entries });
            warnings.push(
              `conflict: ${s.name} of ${name} has two different versions effective ${d.doc.effectiveDate} (${same.fileName}, ${d.fileName}); using ${same.fileName}`,
            );
          }
          continue;
        }
        list.push({
          instrumentKey: key,
          scheduleName: s.name,
          effectiveDate: d.doc.effectiveDate,
          documentId: d.id,
          fileName: d.fileName,
          documentTitle: d.doc.title,
          documentKind: d.doc.kind,
          amendmentNumber: d.doc.amendmentNumber,
          entries: s.entries,
          rivals: [],
        });
        raw.set(sk, list);
      }
    }
    const schedules = new Map<string, ScheduleVersion[]>();
    for (const [sk, list] of raw) {
      list.sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : 1));
      schedules.set(
        sk,
        list.map((v, i) => {
          const next = list[i + 1];
          return Object.freeze({ ...v, lastDay: next ? addDays(next.effectiveDate, -1) : null });
        }),
      );
    }
    instruments.push(
      Object.freeze({
        key,
        kind: ref.kind,
        title: ref.title,
        name,
        registrant: ref.registrant ?? soleTrustOf(key, group),
        classes: ref.classes,
        datedAsOf: ref.datedAsOf,
        terms: { distributionFeePct, serviceFeePct },
        statedContinuance,
        statedTerminationNotice,
        adoptedOn,
        documentIds: group.map((d) => d.id),
        schedules,
      }),
    );
  }
  // an Amended and Restated instrument ends the earlier one it restates (supersededInstruments.ts)
  const { instruments: current, supersessions } = endSupersededInstruments(instruments, docs);
  current.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { instruments: current, warnings, supersessions, undecided };
}

/**
 * Two documents of one instrument numbered alike ("Amendment No. 2") but taking effect on
 * different dates: one of them is misnumbered or belongs to another instrument, and the reader
 * cannot tell which. Both stay in force by their dates; the user is told (SPEC §2: what the
 * documents themselves get wrong is reported, not silently resolved).
 */
function duplicateAmendmentNumbers(group: readonly StoredDocument[], title: string): string[] {
  const byNumber = new Map<number, StoredDocument[]>();
  for (const d of group) {
    const n = d.doc.amendmentNumber;
    if (n === null || (d.doc.kind !== 'plan-amendment' && d.doc.kind !== 'agreement-amendment')) continue;
    const list = byNumber.get(n) ?? [];
    list.push(d);
    byNumber.set(n, list);
  }
  const warnings: string[] = [];
  for (const [n, docs] of byNumber) {
    const dates = new Set(docs.map((d) => d.doc.effectiveDate));
    if (dates.size < 2) continue;
    const listed = docs.map((d) => `${d.fileName} effective ${d.doc.effectiveDate}`).join(', ');
    warnings.push(
      `two documents are Amendment No. ${n} of ${title} with different dates (${listed}); each governs from its own date — check the numbering, or import the right one only`,
    );
  }
  return warnings;
}

/**
 * The trust a one-trust plan is keyed by when its title names none (classRenames.ts
 * `withEachRegistrantsOwnPlan`: Invesco's 2019 plans), as its schedules print it, so that the
 * plans of two trusts sharing a title are told apart by name too; null for any other key.
 */
function soleTrustOf(key: string, group: readonly StoredDocument[]): string | null {
  const keyed = key.split('|')[1] ?? '';
  if (keyed === '') return null;
  for (const d of group)
    for (const s of d.doc.schedules)
      for (const e of s.entries)
        if (
          e.registrant !== null &&
          e.registrant.replace(/\s+/g, ' ').trim().toLowerCase().replace(/\|/g, '/') === keyed
        )
          return e.registrant.replace(/\s+/g, ' ').trim();
  return null;
}
