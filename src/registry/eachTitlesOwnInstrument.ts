import { instrumentNameApart, titleSayingMost } from './instrumentNameApart.js';
import type { StoredDocument } from './storedDocument.js';
import {
  marksAgree,
  marksLabel,
  marksRefine,
  mergedMarks,
  type TitleMarks,
  titleMarks,
} from './titleMarks.js';

/**
 * SPEC §2 ("the new version of that named schedule replaces the old one"): the key (kind,
 * Registrant, classes, dated-as-of) leaves titles out, as amendments word them differently; but two
 * instruments of one complex may share it — Invesco's Fifth A&R Distribution and Service Plan
 * (Compensation) and Fourth A&R Distribution and Service Plan (Reimbursement), both dated as of
 * July 1, 2022, Classes A, C, Investor and R. Read as one, an amendment of either would replace the
 * other's Schedule A. So where the documents of one key have titles that disagree (titleMarks.ts:
 * the restatement's ordinal, Service vs Distribution and Service Plan, Compensation vs
 * Reimbursement), each instrument so titled is its own, keyed `${key}|${its marks}`; a document
 * whose title says less ("Amendment No. 2 to the Distribution and Service Plan") belongs to the one
 * instrument it agrees with. One that agrees with two is attached to neither and said so: it keeps
 * the bare key, an instrument of its own, and the warning gives the command by which the user states
 * which it amends (`exhibit import FILE --amends TITLE`, SPEC §2.1); a statement so recorded is read
 * as part of its title (titleMarks.ts, statedInstrument.ts). Where titles do not disagree the key
 * stays as it was, so stores keep their keys (approvals are bound to documents anyway:
 * approvalInstrument.ts).
 * Depends on the set of documents only, never on their order.
 */
export function withEachTitlesOwnInstrument(
  documents: readonly StoredDocument[],
  keys: Map<string, string>,
): UndecidedAmendment[] {
  const warnings: UndecidedAmendment[] = [];
  const groups = new Map<string, StoredDocument[]>();
  for (const d of documents) {
    const k = keys.get(d.id)!;
    groups.set(k, [...(groups.get(k) ?? []), d]);
  }
  for (const key of [...groups.keys()].sort()) {
    const group = groups.get(key)!;
    const marks = new Map(group.map((d) => [d.id, titleMarks(d.doc)]));
    const vectors = new Map<string, TitleMarks>();
    for (const m of marks.values()) vectors.set(marksLabel(m), m);
    const all = [...vectors.values()];
    if (all.every((a) => all.every((b) => marksAgree(a, b)))) continue;
    const instruments = titledInstruments(all);
    if (instruments.length < 2) continue;
    const filesOf = (label: string) =>
      group
        .filter((d) => keys.get(d.id) === `${key}|${label}`)
        .map((d) => d.fileName)
        .sort()
        .join(', ');
    const undecided: StoredDocument[] = [];
    for (const d of group) {
      const m = marks.get(d.id)!;
      const fits = instrumentsFitting(instruments, m);
      if (fits.length === 1) keys.set(d.id, `${key}|${fits[0]!.label}`);
      else undecided.push(d);
    }
    for (const d of undecided) {
      const m = marks.get(d.id)!;
      const fits = instruments.filter((i) => i.members.some((x) => marksAgree(x, m)));
      // SPEC §2.1: the user may state what the document does not say; the warning says how
      const nameOf = (i: TitledInstrument) => {
        const members = group.filter((x) => keys.get(x.id) === `${key}|${i.label}`);
        const title = titleSayingMost(members, (x) => marks.get(x.id)!);
        return title === null ? i.label : instrumentNameApart(title, mergedMarks(i.members));
      };
      const stated = d.doc.statedByUser?.amends;
      warnings.push({
        documentId: d.id,
        from: d.doc.effectiveDate,
        instrumentKeys: [keys.get(d.id)!, ...fits.map((i) => `${key}|${i.label}`)],
        warning: `${d.fileName}: "${d.doc.title}"${stated === undefined ? '' : ` (stated to amend "${stated}")`} does not say which of ${fits.length} instruments dated ${d.doc.instrument.datedAsOf ?? '(undated)'} it amends: ${fits.map((i) => `"${nameOf(i)}" (${filesOf(i.label)})`).join(', ')}; attached to none of them, its schedules replace none of theirs; state which it amends: ${fits.map((i) => `plan12b exhibit import ${d.fileName} --amends "${nameOf(i)}"`).join(' or ')}`,
      });
    }
  }
  return warnings;
}

/**
 * An amendment whose title fits two instruments of one key, attached to none: its warning, and the
 * instruments it touches (its own, and those it may amend) from its date — SPEC §2: every query
 * that reads them from then on repeats the warning, as for a conflict.
 */
export interface UndecidedAmendment {
  readonly documentId: string;
  readonly from: string;
  readonly instrumentKeys: readonly string[];
  readonly warning: string;
}

/** An instrument told by its title: the titles that say most of it, and their marks in words. */
export interface TitledInstrument {
  readonly members: readonly TitleMarks[];
  readonly label: string;
}

/** The instruments the titles of one key name: the titles that say most, joined where they agree. */
export function titledInstruments(all: readonly TitleMarks[]): TitledInstrument[] {
  const maximal = all.filter((a) => !all.some((b) => marksRefine(b, a)));
  const components: TitleMarks[][] = [];
  for (const m of maximal.sort((a, b) => (marksLabel(a) < marksLabel(b) ? -1 : 1))) {
    const joined = components.filter((c) => c.some((x) => marksAgree(x, m)));
    const merged = [m, ...joined.flat()];
    for (const c of joined) components.splice(components.indexOf(c), 1);
    components.push(merged);
  }
  return components
    .map((c) => ({ members: c, label: marksLabel(mergedMarks(c)) }))
    .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

/** The instruments a title may name: those all of whose titles agree with it. */
export function instrumentsFitting(
  instruments: readonly TitledInstrument[],
  m: TitleMarks,
): TitledInstrument[] {
  return instruments.filter((i) => i.members.every((x) => marksAgree(x, m)));
}
