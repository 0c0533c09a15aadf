import { documentInstrumentKeys } from './classRenames.js';
import type { StoredDocument } from './storedDocument.js';
import {
  marksAgree,
  marksLabel,
  marksSayNothing,
  ownTitleMarks,
  statedInstrumentMarks,
  type TitleMarks,
} from './titleMarks.js';

const FIELDS = ['restatement', 'plan', 'variant'] as const;

/** `m` says everything `stated` says (and perhaps more). */
export function saysAll(m: TitleMarks, stated: TitleMarks): boolean {
  return marksAgree(m, stated) && FIELDS.every((f) => stated[f] === null || m[f] !== null);
}

/** An instrument key without the title marks that tell twins apart: kind|registrant|classes|date. */
function baseKey(key: string): string {
  return key.split('|').slice(0, 4).join('|');
}

function described(d: StoredDocument): string {
  const i = d.doc.instrument;
  return `a ${i.kind}${i.registrant === null ? '' : ` of ${i.registrant}`} for Classes ${i.classes.join(', ')} dated ${i.datedAsOf ?? '(undated)'}`;
}

/**
 * Whether the statement says something of the instrument the amendment's own title does not (else
 * the title already says which it amends, and the statement is not needed: it is not recorded, as
 * a stated date is not where the document gives one). A statement the title contradicts does say
 * something, as does one that names nothing: both are refused ({@link statedInstrumentProblem}).
 */
export function statementAddsToTitle(doc: StoredDocument['doc']): boolean {
  const text = doc.statedByUser?.amends;
  if (text === undefined) return false;
  const stated = statedInstrumentMarks(text, doc.instrument.kind);
  // one that names nothing is kept, to be refused for it
  return marksSayNothing(stated) || !saysAll(ownTitleMarks(doc), stated);
}

/**
 * SPEC §2.1 ("where the reader cannot find a fact … the user may state it on import"): the
 * instrument an amendment amends, where its title fits two instruments of one kind, Registrant,
 * classes and date (eachTitlesOwnInstrument.ts). The statement names the instrument by its title
 * (the marks titleMarks.ts reads: the restatement's ordinal, the plan's kind, Compensation or
 * Reimbursement) and the registry reads it as what the amendment's title leaves out — so it holds
 * whenever both documents are stored, whatever their order (SPEC §2). Accepted only where some
 * other document stored (or imported with it) names that instrument, of the amendment's own kind,
 * Registrant, classes and date, and the statement then says which one it amends.
 * @returns why the statement cannot be recorded, or null
 */
export function statedInstrumentProblem(
  amendment: StoredDocument,
  documents: readonly StoredDocument[],
): string | null {
  const text = amendment.doc.statedByUser?.amends;
  if (text === undefined) return null;
  if (amendment.doc.kind !== 'plan-amendment' && amendment.doc.kind !== 'agreement-amendment')
    return `"${amendment.doc.title}" is ${amendment.doc.kind === 'plan' ? 'a plan' : 'an agreement'}, not an amendment: --amends states which instrument an amendment amends`;
  const kind = amendment.doc.instrument.kind;
  const stated = statedInstrumentMarks(text, kind);
  if (marksSayNothing(stated))
    return `"${text}" names no instrument by what tells instruments of one date apart (a restatement's ordinal, Service or Distribution and Service Plan, Compensation or Reimbursement): state the title the warning or \`plan12b schedule\` lists, e.g. "Fifth Amended and Restated Distribution and Service Plan (Compensation)"`;
  const own = ownTitleMarks(amendment.doc);
  if (!marksAgree(own, stated))
    return `its own title ("${amendment.doc.title}") says ${marksLabel(own)}, and "${text}" says ${marksLabel(stated)}: an amendment cannot amend an instrument its title contradicts`;
  const all = documents.some((d) => d.id === amendment.id)
    ? documents.map((d) => (d.id === amendment.id ? amendment : d))
    : [...documents, amendment];
  const naming = all.filter(
    (d) => d.id !== amendment.id && d.doc.instrument.kind === kind && saysAll(ownTitleMarks(d.doc), stated),
  );
  if (naming.length === 0)
    return `no imported document names "${text}": import that ${kind} (or an amendment whose title names it) first, or in the same command, then state it`;
  const keys = documentInstrumentKeys(all);
  const key = keys.get(amendment.id)!;
  const sameDate = naming.filter((d) => baseKey(keys.get(d.id)!) === baseKey(key));
  if (sameDate.length === 0)
    return `"${text}" is ${naming[0]!.fileName}'s instrument, ${described(naming[0]!)}; this amendment amends ${described(amendment)}: it cannot amend it (only an instrument of its own kind, Registrant, classes and date)`;
  if (!sameDate.some((d) => keys.get(d.id) === key))
    return `"${text}" still fits more than one instrument dated ${amendment.doc.instrument.datedAsOf ?? '(undated)'} (${[...new Set(sameDate.map((d) => d.fileName))].sort().join(', ')}): name one by its full title as the warning lists it`;
  return null;
}
