import type { ExhibitDocument, InstrumentRef } from '../edgar/exhibitDocument.js';

/** An imported exhibit: its parsed content, keyed by the SHA-256 of its bytes. */
export interface StoredDocument {
  readonly id: string;
  readonly fileName: string;
  readonly doc: ExhibitDocument;
}

/**
 * Which instrument a document belongs to: an amendment names what it amends by kind,
 * registrant, classes and dated-as-of date (titles vary in wording between amendments).
 */
export function instrumentKey(ref: InstrumentRef): string {
  const registrant = (ref.registrant ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
  const classes = [...ref.classes]
    .map((c) => c.toLowerCase())
    .sort()
    .join('+');
  return `${ref.kind}|${registrant}|${classes}|${ref.datedAsOf ?? ''}`;
}

/** The classes an instrument key names, as written in keys (lower case): 'plan|…|a+c+r|…' → ['a', 'c', 'r']. */
export function instrumentKeyClasses(key: string): string[] {
  return (key.split('|')[2] ?? '').split('+').filter((c) => c !== '');
}

const KIND_ORDER: Record<string, number> = {
  plan: 0,
  agreement: 0,
  'plan-amendment': 1,
  'agreement-amendment': 1,
};

/** The canonical order every derivation uses, so that import order never matters (SPEC §2). */
export function compareDocuments(a: StoredDocument, b: StoredDocument): number {
  if (a.doc.effectiveDate !== b.doc.effectiveDate) return a.doc.effectiveDate < b.doc.effectiveDate ? -1 : 1;
  const k = (KIND_ORDER[a.doc.kind] ?? 9) - (KIND_ORDER[b.doc.kind] ?? 9);
  if (k !== 0) return k;
  const an = a.doc.amendmentNumber ?? -1;
  const bn = b.doc.amendmentNumber ?? -1;
  if (an !== bn) return an - bn;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
