import { restatementOrdinal } from '../edgar/restatementOrdinal.js';
import { compareDocuments, type StoredDocument } from './storedDocument.js';
import type { TitleMarks } from './titleMarks.js';

const capitalised = (w: string) => `${w[0]!.toUpperCase()}${w.slice(1)}`;

/**
 * The name an instrument is listed by where another of its kind, Registrant, classes and date is
 * told apart from it by title (eachTitlesOwnInstrument.ts): its title, with the marks that tell the
 * two apart and that the title leaves out — Invesco's "Distribution and Service Plan" of July 1,
 * 2022 is listed as "Distribution and Service Plan (Compensation)" beside "… (Reimbursement)", so
 * that `schedule`, `exhibit list` and the API never show two instruments under one name.
 * @example instrumentNameApart('Amended and Restated Distribution and Service Plan', { restatement: 'fifth', plan: 'distribution and service', variant: 'compensation' })
 *   → 'Fifth Amended and Restated Distribution and Service Plan (Compensation)'
 */
export function instrumentNameApart(title: string, marks: TitleMarks): string {
  let name = title.replace(/\s+/g, ' ').trim();
  if (marks.restatement !== null && restatementOrdinal(name) !== marks.restatement)
    name = /^amended\s+and\s+restated\b/i.test(name)
      ? `${capitalised(marks.restatement)} ${name}`
      : `${capitalised(marks.restatement)} Amended and Restated ${name}`;
  if (marks.variant !== null && !name.toLowerCase().includes(`(${marks.variant})`))
    name = `${name} (${capitalised(marks.variant)})`;
  return name;
}

/**
 * The title an instrument told apart by title is listed by: its Plan's or Agreement's own, else
 * the one of its documents whose title says most of it (the first such in canonical order).
 */
export function titleSayingMost(
  documents: readonly StoredDocument[],
  marksOf: (d: StoredDocument) => TitleMarks,
): string | null {
  const said = (d: StoredDocument) => Object.values(marksOf(d)).filter((v) => v !== null).length;
  const ordered = [...documents].sort(compareDocuments);
  const base = ordered.find((d) => d.doc.kind === 'plan' || d.doc.kind === 'agreement');
  if (base !== undefined) return base.doc.instrument.title;
  const most = Math.max(-1, ...ordered.map(said));
  return ordered.find((d) => said(d) === most)?.doc.instrument.title ?? null;
}

/**
 * Whether a document's title names the instrument it belongs to (by the name it is listed by);
 * where it does not ("Amendment No. 3 to the Distribution and Service Plan", stated to amend the
 * Fourth A&R plan (Reimbursement)), a listing of the document names the instrument beside it.
 */
export function titleNamesInstrument(documentTitle: string, instrument: string): boolean {
  const words = (t: string) => t.replace(/\s+/g, ' ').trim().toLowerCase();
  return words(documentTitle).includes(words(instrument));
}
