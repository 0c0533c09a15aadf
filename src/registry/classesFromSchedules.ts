import { instrumentsFitting, titledInstruments } from './eachTitlesOwnInstrument.js';
import { registrantKeyPart, type StoredDocument } from './storedDocument.js';
import { marksLabel, titleMarks } from './titleMarks.js';

/** The title names the classes the instrument covers ("(Class C Shares, Class R Shares)"). */
function titleNamesClasses(doc: StoredDocument['doc']): boolean {
  return /\bclass(?:es)?\b/i.test(doc.title) || (doc.instrument.exceptClasses ?? []).length > 0;
}

/**
 * SPEC §2 (a portfolio absent from the new version is no longer covered): a plan whose title names
 * no classes ("Fifth Amended and Restated Distribution and Service Plan (Compensation)") has the
 * classes its schedule lists, and those change as funds come and go — Amendment No. 13 removes a
 * fund, and with the last Investor class fund gone its schedule lists Classes A, C and R only. Keyed
 * by those, the amendment was an instrument of its own, and the Schedule A it replaces stayed in
 * force beside it. So the documents of one kind, Registrant and date whose titles name no classes
 * and name one instrument (titleMarks.ts) are keyed by the classes all of them list, where one's
 * classes include another's; a document whose title fits two such instruments keeps its own. Depends on the set of documents only.
 * @returns the classes to key each such document by, by id (only where they differ from its own)
 */
export function classesOfUntitledClassInstruments(
  documents: readonly StoredDocument[],
): Map<string, string[]> {
  const buckets = new Map<string, StoredDocument[]>();
  for (const d of documents) {
    const ref = d.doc.instrument;
    if (ref.datedAsOf === null || titleNamesClasses(d.doc) || (d.doc.classRenames ?? []).length > 0) continue;
    const b = `${ref.kind}|${registrantKeyPart(ref.registrant)}|${ref.datedAsOf}`;
    buckets.set(b, [...(buckets.get(b) ?? []), d]);
  }
  const out = new Map<string, string[]>();
  for (const group of buckets.values()) {
    const marks = new Map(group.map((d) => [d.id, titleMarks(d.doc)]));
    const vectors = new Map([...marks.values()].map((m) => [marksLabel(m), m]));
    const instruments = titledInstruments([...vectors.values()]);
    const membersOf = new Map<string, StoredDocument[]>();
    for (const d of group) {
      const fits = instrumentsFitting(instruments, marks.get(d.id)!);
      if (fits.length !== 1) continue;
      membersOf.set(fits[0]!.label, [...(membersOf.get(fits[0]!.label) ?? []), d]);
    }
    for (const members of membersOf.values())
      for (const joined of overlappingByInclusion(members)) {
        const seen = new Map<string, string>();
        for (const d of joined)
          for (const c of d.doc.instrument.classes) seen.set(c.toLowerCase(), seen.get(c.toLowerCase()) ?? c);
        const union = [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c);
        for (const d of joined) if (union.length !== d.doc.instrument.classes.length) out.set(d.id, union);
      }
  }
  return out;
}

/**
 * The documents joined where one's classes include the other's (a fund removed or added changes
 * the classes listed, never to a set apart): a Class A plan and a Class A3 plan of one date and
 * title stay two.
 */
function overlappingByInclusion(members: readonly StoredDocument[]): StoredDocument[][] {
  const classes = members.map((d) => new Set(d.doc.instrument.classes.map((c) => c.toLowerCase())));
  const within = (a: Set<string>, b: Set<string>) => [...a].every((c) => b.has(c));
  const root = members.map((_, i) => i);
  const find = (i: number): number => (root[i] === i ? i : find(root[i]!));
  for (let i = 0; i < members.length; i++)
    for (let j = i + 1; j < members.length; j++)
      if (within(classes[i]!, classes[j]!) || within(classes[j]!, classes[i]!)) root[find(i)] = find(j);
  const out = new Map<number, StoredDocument[]>();
  for (const [i, d] of members.entries()) out.set(find(i), [...(out.get(find(i)) ?? []), d]);
  return [...out.values()];
}
