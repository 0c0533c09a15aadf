import { addDays } from '../calendar/isoDate.js';
import { ORDINAL_WORDS } from '../edgar/restatementOrdinal.js';
import type { Instrument, ScheduleVersion } from './scheduleVersions.js';
import type { StoredDocument } from './storedDocument.js';

// the words a restatement adds to an instrument's title: its ordinal, "Amended and Restated"
const RESTATEMENT_WORDS_RE = new RegExp(`\\b(?:${ORDINAL_WORDS.join('|')}|amended|and|restated)\\b`, 'g');

/**
 * An "Amended and Restated" (or "Restated", "Second Restated", …) Plan or Agreement restates the
 * earlier instrument of the same title for the same Registrant and classes: from its effective
 * date it is the whole instrument, so the earlier one's schedules end the day before (SPEC §2: a
 * portfolio absent from the version in force is no longer covered). Without this, a portfolio the
 * restatement drops would stay covered by the earlier instrument's last schedule for ever.
 *
 * The earlier instrument is one of the same kind, Registrant and title once the restatement words
 * are set aside ("Sixth Amended and Restated Master Distribution Plan" ~ "Master Distribution
 * Plan"), whose classes the restatement all covers, and which began before it. Instruments of
 * other Registrants or classes are never ended (the Class R Plan of 2003 leaves AIM Funds Group's
 * own Plan in force for the portfolios it does not list). Derived from every document at once, so
 * import order never matters (SPEC §2).
 * @example restatedTitleBase('Second Amended and Restated Master Distribution Agreement') === 'master distribution agreement'
 */
export function restatedTitleBase(title: string): string {
  return title
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(RESTATEMENT_WORDS_RE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const RESTATED = /\brestated\b/i;

/** The key's kind, registrant and classes: 'plan|aim funds group|a+c+r|2002-06-03'. */
function keyParts(key: string): { kind: string; registrant: string; classes: string } {
  const [kind = '', registrant = '', classes = ''] = key.split('|');
  return { kind, registrant, classes };
}

function coversClassesOf(later: string, earlier: string): boolean {
  // "all classes except …" instruments are one instrument only when they leave out the same classes
  if (later.startsWith('all-except-') || earlier.startsWith('all-except-')) return later === earlier;
  const have = new Set(later.split('+'));
  return earlier.split('+').every((c) => c !== '' && have.has(c));
}

/** The first day an instrument is in force: its own document's date, else its earliest schedule's. */
function startOf(instrument: Instrument, base: StoredDocument | undefined): string | null {
  if (base) return base.doc.effectiveDate;
  let first: string | null = null;
  for (const versions of instrument.schedules.values())
    for (const v of versions) if (first === null || v.effectiveDate < first) first = v.effectiveDate;
  return first;
}

export interface Supersession {
  readonly instrumentKey: string;
  /** the restatement's document and the day it takes effect; the earlier instrument ends the day before */
  readonly byDocumentId: string;
  readonly byFileName: string;
  readonly byTitle: string;
  readonly from: string;
}

/**
 * The instruments with the schedules of every restated one ended the day before its restatement,
 * and what ended them.
 */
export function endSupersededInstruments(
  instruments: readonly Instrument[],
  documents: readonly StoredDocument[],
): { instruments: Instrument[]; supersessions: Supersession[] } {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const baseOf = (i: Instrument) =>
    i.documentIds
      .map((id) => byId.get(id))
      .find((d) => d !== undefined && (d.doc.kind === 'plan' || d.doc.kind === 'agreement'));
  const facts = instruments.map((i) => {
    const base = baseOf(i);
    return {
      i,
      base,
      start: startOf(i, base),
      parts: keyParts(i.key),
      titleBase: restatedTitleBase(i.title),
    };
  });
  const supersessions: Supersession[] = [];
  const out = facts.map(({ i, start, parts, titleBase }) => {
    if (start === null) return i;
    // the earliest restatement after this instrument began ends it
    const by = facts
      .filter(
        (r) =>
          r.i !== i &&
          r.base !== undefined &&
          r.start !== null &&
          r.start > start &&
          RESTATED.test(r.i.title) &&
          r.parts.kind === parts.kind &&
          r.parts.registrant === parts.registrant &&
          r.titleBase === titleBase &&
          coversClassesOf(r.parts.classes, parts.classes),
      )
      .sort((a, b) => (a.start! < b.start! ? -1 : a.start! > b.start! ? 1 : a.i.key < b.i.key ? -1 : 1))[0];
    if (!by) return i;
    const from = by.start!;
    const lastDay = addDays(from, -1);
    const schedules = new Map<string, readonly ScheduleVersion[]>();
    for (const [name, versions] of i.schedules)
      schedules.set(
        name,
        versions.map((v) =>
          v.effectiveDate < from && (v.lastDay === null || v.lastDay > lastDay)
            ? Object.freeze({ ...v, lastDay })
            : v,
        ),
      );
    supersessions.push({
      instrumentKey: i.key,
      byDocumentId: by.base!.id,
      byFileName: by.base!.fileName,
      byTitle: by.base!.doc.title,
      from,
    });
    return Object.freeze({ ...i, schedules });
  });
  return { instruments: out, supersessions };
}
