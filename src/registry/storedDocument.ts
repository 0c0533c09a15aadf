import type { ExhibitDocument, InstrumentRef } from '../edgar/exhibitDocument.js';
import { nameKey } from './portfolioName.js';

/** An imported exhibit: its parsed content, keyed by the SHA-256 of its bytes. */
export interface StoredDocument {
  readonly id: string;
  readonly fileName: string;
  readonly doc: ExhibitDocument;
}

/**
 * A Registrant as an instrument's key writes it: case and runs of whitespace set aside, and its
 * accented letters in one form (NFC: "Société" written with "e" and a combining accent is the same
 * Registrant, and an amendment written so amends the same instrument) — as a portfolio's name matches.
 */
export function registrantKeyPart(registrant: string | null): string {
  return nameKey(registrant ?? '');
}

/**
 * Which instrument a document belongs to: an amendment names what it amends by kind,
 * registrant, classes and dated-as-of date (titles vary in wording between amendments).
 */
export function instrumentKey(ref: InstrumentRef): string {
  const registrant = registrantKeyPart(ref.registrant);
  // an instrument of "all classes except Class B" is one instrument whatever classes each
  // amendment's schedule lists, and never the Class B instrument of the same date
  const classes =
    ref.exceptClasses !== undefined && ref.exceptClasses.length > 0
      ? `${ALL_EXCEPT}${[...ref.exceptClasses]
          .map((c) => c.toLowerCase())
          .sort()
          .join('+')}`
      : [...ref.classes]
          .map((c) => c.toLowerCase())
          .sort()
          .join('+');
  return `${ref.kind}|${registrant}|${classes}|${ref.datedAsOf ?? ''}`;
}

/** The classes an instrument key names, as written in keys (lower case): 'plan|…|a+c+r|…' → ['a', 'c', 'r']. */
export function instrumentKeyClasses(key: string): string[] {
  const part = key.split('|')[2] ?? '';
  if (part.startsWith(ALL_EXCEPT)) return [];
  return part.split('+').filter((c) => c !== '');
}

const ALL_EXCEPT = 'all-except-';

/** The classes an "all classes except …" key leaves out: 'agreement||all-except-b|…' → ['b']; else []. */
export function instrumentKeyExceptClasses(key: string): string[] {
  const part = key.split('|')[2] ?? '';
  return part.startsWith(ALL_EXCEPT) ? part.slice(ALL_EXCEPT.length).split('+') : [];
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
