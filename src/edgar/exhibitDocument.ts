/**
 * What `plan12b exhibit parse --json` prints (SPEC §2.1): one EDGAR exhibit of a 12b-1 plan,
 * a Class B master distribution agreement, or an amendment to either.
 */

export type InstrumentKind = 'plan' | 'agreement';
export type ExhibitKind = 'plan' | 'agreement' | 'plan-amendment' | 'agreement-amendment';
export type AssetBasedSalesChargeBound = 'minimum' | 'maximum' | null;

/** One row of a schedule: rates are percent-per-annum strings ("0.25"), null where no column. */
export interface ScheduleEntry {
  readonly registrant: string | null;
  readonly portfolio: string;
  readonly class: string;
  readonly assetBasedSalesChargePct: string | null;
  readonly assetBasedSalesChargeBound: AssetBasedSalesChargeBound;
  readonly serviceFeePct: string | null;
  readonly aggregateFeePct: string | null;
}

export interface Schedule {
  /** "Schedule A", "Schedule A-1", "Appendix A", … as the document names it (title case). */
  readonly name: string;
  /** "… is hereby deleted in its entirety and replaced with the following" */
  readonly replacesEntirely: boolean;
  readonly entries: readonly ScheduleEntry[];
}

export interface InstrumentRef {
  readonly kind: InstrumentKind;
  readonly title: string;
  readonly registrant: string | null;
  readonly classes: readonly string[];
  readonly datedAsOf: string | null;
}

export interface Rename {
  readonly from: string;
  readonly to: string;
}

export interface RenameRule {
  readonly replace: string;
  readonly with: string;
}

export interface InstrumentTerms {
  /** e.g. Agreement SEVENTH(B): "an amount equal to 0.75% per annum" */
  readonly distributionFeePct: string | null;
  /** e.g. Agreement TENTH: "a service fee in the amount of .25%" */
  readonly serviceFeePct: string | null;
}

export interface ExhibitDocument {
  readonly kind: ExhibitKind;
  readonly title: string;
  /** the EDGAR exhibit label, e.g. "m(4)(m)", or null */
  readonly exhibit: string | null;
  readonly instrument: InstrumentRef;
  readonly amendmentNumber: number | null;
  readonly effectiveDate: string;
  readonly datedDate: string | null;
  readonly terms: InstrumentTerms;
  readonly schedules: readonly Schedule[];
  readonly renames: readonly Rename[];
  readonly renameRules: readonly RenameRule[];
  readonly footnotes: readonly string[];
  readonly warnings: readonly string[];
}

/** A document that cannot be read, or only in part: names the file and the 1-based line. */
export class ExhibitParseError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'ExhibitParseError';
  }
}

/** How the reader starts the warning for a document cut off inside a schedule. */
export const CUT_OFF_WARNING_PREFIX = 'document ends inside';

/** A document cut off mid-table is read in part: `parse` returns it, `import` refuses it (SPEC §2.1). */
export function cutOffWarning(doc: ExhibitDocument): string | undefined {
  return doc.warnings.find((w) => w.startsWith(CUT_OFF_WARNING_PREFIX));
}
