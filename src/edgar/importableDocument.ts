/**
 * SPEC §2.1: a document read only in part, or lacking a fact (date, class, registrant), is not
 * imported as it stands; a rendering is not a filed instrument and is never imported. What the
 * user states on import fills the facts the reader could not find, and is kept in the stored
 * document as `statedByUser`, apart from what the document says.
 */

import {
  type ExhibitDocument,
  ExhibitParseError,
  type Gap,
  type ParsedExhibit,
  type StatedByUser,
} from './exhibitDocument.js';

const OPTION: Record<Gap['fact'], string | null> = {
  'effective-date': '--effective-date DATE',
  class: '--class CLASS',
  registrant: '--registrant NAME',
  text: null,
};

/** What each gap lacks, and which import option would supply it. */
function explain(gaps: readonly Gap[]): string {
  return gaps
    .map((g) => {
      const option = OPTION[g.fact];
      return option === null
        ? `line ${g.line}: ${g.reason} (no option can supply it: import the complete document)`
        : `line ${g.line}: ${g.reason} (state it with ${option})`;
    })
    .join('; ');
}

/**
 * The document to store, or an ExhibitParseError saying what is missing and what would help.
 * @example importableDocument(parsed, 'x.txt', { effectiveDate: '2003-07-01' }).statedByUser → { effectiveDate: '2003-07-01' }
 */
export function importableDocument(
  doc: ParsedExhibit,
  file: string,
  stated: StatedByUser = {},
): ExhibitDocument {
  if (doc.rendering)
    throw new ExhibitParseError(
      file,
      1,
      'this is `plan12b exhibit render` output, a rendering and not a filed instrument; nothing imported (import the exhibit as filed)',
    );
  const open = doc.completeness.gaps.filter(
    (g) =>
      !(g.fact === 'effective-date' && stated.effectiveDate !== undefined) &&
      !(g.fact === 'class' && stated.class !== undefined) &&
      !(g.fact === 'registrant' && stated.registrant !== undefined),
  );
  if (open.length > 0)
    throw new ExhibitParseError(file, open[0]!.line, `read only in part; nothing imported: ${explain(open)}`);
  const effectiveDate = doc.effectiveDate ?? stated.effectiveDate;
  if (effectiveDate === undefined || effectiveDate.length !== 10)
    throw new ExhibitParseError(
      file,
      1,
      `no effective date; nothing imported (state it with --effective-date DATE)`,
    );
  const usedStated: { effectiveDate?: string; class?: string; registrant?: string; amends?: string } = {};
  const dateStated = doc.effectiveDate === null || doc.effectiveDate.length !== 10;
  if (dateStated && stated.effectiveDate !== undefined) usedStated.effectiveDate = stated.effectiveDate;
  let classStated = false;
  let registrantStated = false;
  const schedules = doc.schedules.map((s) => ({
    ...s,
    entries: s.entries.map((e) => {
      const klass = e.class ?? stated.class;
      if (klass === undefined)
        throw new ExhibitParseError(
          file,
          1,
          `${s.name}: the class of "${e.portfolio}" is not stated (state it with --class CLASS)`,
        );
      if (e.class === null) classStated = true;
      const registrant = e.registrant ?? stated.registrant ?? null;
      if (e.registrant === null && stated.registrant !== undefined) registrantStated = true;
      return { ...e, class: klass, registrant };
    }),
  }));
  if (classStated) usedStated.class = stated.class!;
  const registrant = doc.instrument.registrant ?? stated.registrant ?? null;
  if (doc.instrument.registrant === null && stated.registrant !== undefined) registrantStated = true;
  if (registrantStated) usedStated.registrant = stated.registrant!;
  // the instrument an amendment amends (registry/statedInstrument.ts); a plan or agreement amends none
  const isAmendment = doc.kind === 'plan-amendment' || doc.kind === 'agreement-amendment';
  if (isAmendment && stated.amends !== undefined)
    usedStated.amends = stated.amends.replace(/\s+/g, ' ').trim();
  const classes =
    doc.instrument.classes.length > 0
      ? doc.instrument.classes
      : doc.classes.length > 0
        ? doc.classes
        : stated.class !== undefined
          ? [stated.class]
          : [];
  const { completeness: _c, rendering: _r, classes: _covered, ...rest } = doc;
  return {
    ...rest,
    instrument: { ...doc.instrument, registrant, classes },
    effectiveDate: dateStated ? effectiveDate : doc.effectiveDate!,
    schedules,
    ...(Object.keys(usedStated).length > 0 ? { statedByUser: usedStated } : {}),
  };
}
