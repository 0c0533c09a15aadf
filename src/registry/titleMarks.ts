import type { ExhibitDocument } from '../edgar/exhibitDocument.js';
import { restatementOrdinal } from '../edgar/restatementOrdinal.js';

/**
 * What a document's title says of which instrument it is, beyond the kind, Registrant, classes and
 * dated-as-of date of its key (storedDocument.ts `instrumentKey`). Invesco's "Fifth Amended and
 * Restated Distribution and Service Plan (Compensation)" and "Fourth Amended and Restated
 * Distribution and Service Plan (Reimbursement)" are both dated as of July 1, 2022 and cover
 * Classes A, C, Investor and R; a "Service Plan" (Class A) and a "Distribution and Service Plan"
 * may list the same classes on the same date. Each mark is null where the title does not say it
 * (an amendment's title may say less than its instrument's: no "(Reimbursement)", no "Fourth").
 */
export interface TitleMarks {
  /** "fifth" of "Fifth Amended and Restated …"; null for an unnumbered or no restatement */
  readonly restatement: string | null;
  /** a plan's kind by its name: "service", "distribution and service", "distribution" */
  readonly plan: string | null;
  /** "(Compensation)" or "(Reimbursement)": how the plan pays */
  readonly variant: string | null;
}

const FIELDS = ['restatement', 'plan', 'variant'] as const;

const VARIANT_RE = /\((compensation|reimbursement)\)/;

/**
 * @example titleMarks({ title: 'Amendment No. 13 to the Fifth Amended and Restated Distribution and Service Plan (Compensation)',
 *   instrument: { kind: 'plan', title: 'Fifth Amended and Restated Distribution and Service Plan', … } … })
 *   → { restatement: 'fifth', plan: 'distribution and service', variant: 'compensation' }
 */
export function titleMarks(
  doc: Pick<ExhibitDocument, 'title' | 'instrument'> & Pick<Partial<ExhibitDocument>, 'statedByUser'>,
): TitleMarks {
  const own = ownTitleMarks(doc);
  // SPEC §2.1: the instrument the user stated the amendment amends says what its title does not
  const amends = doc.statedByUser?.amends;
  if (amends === undefined) return own;
  const stated = statedInstrumentMarks(amends, doc.instrument.kind);
  return marksAgree(own, stated) ? mergedMarks([own, stated]) : own;
}

/** What the document's own title says, without what the user stated. */
export function ownTitleMarks(doc: Pick<ExhibitDocument, 'title' | 'instrument'>): TitleMarks {
  const name = doc.instrument.title.toLowerCase();
  const words = name.replace(/\([^()]*\)/g, ' ');
  // an agreement's name does not tell two agreements of one date apart: only plans are told so
  const plan =
    doc.instrument.kind !== 'plan'
      ? null
      : /\bdistribution\b/.test(words) && /\bservices?\b/.test(words)
        ? 'distribution and service'
        : /\bservices?\b/.test(words)
          ? 'service'
          : /\bdistribution\b|\b12b-1\b/.test(words)
            ? 'distribution'
            : null;
  return {
    restatement: restatementOrdinal(name),
    plan,
    variant: VARIANT_RE.exec(`${doc.title} ${doc.instrument.title}`.toLowerCase())?.[1] ?? null,
  };
}

/**
 * The marks of an instrument as the user names it (`--amends "Fifth Amended and Restated
 * Distribution and Service Plan (Compensation)"`, or the words of a warning, "fifth restated
 * distribution and service plan (compensation)"): read as a title, "Compensation" with or
 * without its parentheses.
 * @example statedInstrumentMarks('Reimbursement', 'plan') → { restatement: null, plan: null, variant: 'reimbursement' }
 */
export function statedInstrumentMarks(text: string, kind: ExhibitDocument['instrument']['kind']): TitleMarks {
  const name = text.replace(/\s+/g, ' ').trim();
  const marks = ownTitleMarks({
    title: name,
    instrument: { kind, title: name, registrant: null, classes: [], datedAsOf: null },
  });
  return { ...marks, variant: /\b(compensation|reimbursement)\b/.exec(name.toLowerCase())?.[1] ?? null };
}

/** No mark said. */
export function marksSayNothing(m: TitleMarks): boolean {
  return FIELDS.every((f) => m[f] === null);
}

/** Two titles may name one instrument: no mark both say differs. */
export function marksAgree(a: TitleMarks, b: TitleMarks): boolean {
  return FIELDS.every((f) => a[f] === null || b[f] === null || a[f] === b[f]);
}

/** `a` says all `b` says, and more. */
export function marksRefine(a: TitleMarks, b: TitleMarks): boolean {
  return (
    marksAgree(a, b) &&
    FIELDS.every((f) => b[f] === null || a[f] !== null) &&
    FIELDS.some((f) => a[f] !== null && b[f] === null)
  );
}

/** What the marks of several titles of one instrument say together. */
export function mergedMarks(all: readonly TitleMarks[]): TitleMarks {
  const first = (f: (typeof FIELDS)[number]) => all.map((m) => m[f]).find((v) => v !== null) ?? null;
  return { restatement: first('restatement'), plan: first('plan'), variant: first('variant') };
}

/** The marks in words, as a key's part and in messages: "fifth restated distribution and service plan (compensation)". */
export function marksLabel(m: TitleMarks): string {
  return [
    m.restatement === null ? null : `${m.restatement} restated`,
    m.plan === null ? null : `${m.plan} plan`,
    m.variant === null ? null : `(${m.variant})`,
  ]
    .filter((x) => x !== null)
    .join(' ');
}
