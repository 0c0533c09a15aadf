import type { StatedTerminationNotice } from './terminationNoticeClause.js';

/**
 * What `plan12b exhibit parse --json` prints (SPEC §2.1): one EDGAR exhibit of a 12b-1 plan,
 * a Class B master distribution agreement, or an amendment to either.
 */

export type InstrumentKind = 'plan' | 'agreement';
/** 'schedule': a schedule filed on its own (Heritage "AMENDED SCHEDULE A", Manning & Napier "EXHIBIT A Fee Schedule"). */
export type ExhibitKind = 'plan' | 'agreement' | 'plan-amendment' | 'agreement-amendment' | 'schedule';
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
  /**
   * the classes the title leaves out, where it names the classes it covers only so ("All Classes
   * of Shares Except Class B Shares" → ['B']); `classes` are then its schedules'
   */
  readonly exceptClasses?: readonly string[];
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
  /** class rename rules ("redesignate the Class A3 shares as Class A Shares"): A3 → A */
  readonly classRenames?: readonly Rename[];
  /** facts the user stated on import, kept apart from what the document says */
  readonly statedByUser?: StatedByUser;
  /**
   * the first continuance deadline the body states (Plan §7 "continue in effect until June 30,
   * 2003"; Agreement FOURTEENTH); absent where it states none (edgar/continuanceClause.ts)
   */
  readonly continuance?: StatedContinuance;
  /**
   * the written notice on which the agreement may be terminated, as the body states it (FIFTEENTH(A)
   * "on sixty (60) days' written notice"; Plan §10(a) "on not more than sixty (60) days' written
   * notice"); absent where it states none, or in a store imported by a build that did not read it
   * (edgar/terminationNoticeClause.ts)
   */
  readonly terminationNotice?: StatedTerminationNotice;
}

/** "shall continue in effect until June 30, 2003": the date, the line it is on, and the words. */
export interface StatedContinuance {
  readonly until: string;
  readonly line: number;
  readonly text: string;
}

/** A schedule row as read: its class is null where the document states none (AARP Schedule A). */
export interface ParsedEntry extends Omit<ScheduleEntry, 'class'> {
  readonly class: string | null;
}

export interface ParsedSchedule {
  readonly name: string;
  readonly replacesEntirely: boolean;
  readonly entries: readonly ParsedEntry[];
}

/**
 * A fact the document does not give, so that importing it needs the user to state it, or (a
 * cut document) cannot be imported at all. `fact` says which option would supply it.
 */
export interface Gap {
  readonly fact: 'effective-date' | 'class' | 'registrant' | 'text';
  /** 1-based line the reader stopped at or that shows the gap */
  readonly line: number;
  readonly reason: string;
  /** the schedule a 'text' gap is in (the document is cut inside it), else null */
  readonly schedule: string | null;
}

/** SPEC §2.1: a document read only in part, or missing a fact, is not imported as it stands. */
export interface Completeness {
  readonly complete: boolean;
  readonly gaps: readonly Gap[];
}

/** What the user stated on import for facts the reader could not find (SPEC §2.1). */
export interface StatedByUser {
  readonly effectiveDate?: string;
  readonly class?: string;
  readonly registrant?: string;
  /**
   * the instrument an amendment amends, as the user named it (`exhibit import --amends`), where its
   * title fits two instruments of one date (registry/statedInstrument.ts)
   */
  readonly amends?: string;
}

/**
 * What `exhibit parse` returns: the document as read, with what it lacks. Import turns it into
 * an ExhibitDocument only when complete, or completed by what the user states.
 */
export interface ParsedExhibit extends Omit<ExhibitDocument, 'effectiveDate' | 'schedules'> {
  /** ISO date; "YYYY-MM" where the document gives only a month ("July 2013"); null when blank */
  readonly effectiveDate: string | null;
  readonly schedules: readonly ParsedSchedule[];
  /** class rename rules ("redesignate the Class A3 shares as Class A Shares"): A3 → A */
  readonly classRenames: readonly Rename[];
  /** the classes the document covers: its schedules' in document order, else its title's */
  readonly classes: readonly string[];
  readonly completeness: Completeness;
  /** the text is `exhibit render` output, not a filed instrument */
  readonly rendering: boolean;
}

/** A document that cannot be read, or only in part: names the file and the 1-based line. */
export class ExhibitParseError extends Error {
  readonly reason: string;
  constructor(
    readonly file: string,
    readonly line: number,
    reason: string,
  ) {
    // a reason quotes the document's lines: their control characters written out (`\u001b`), so
    // that an escape sequence in a filing never reaches the user's terminal as one
    const shown = writtenOut(reason);
    super(`${file}:${line}: ${shown}`);
    this.reason = shown;
    this.name = 'ExhibitParseError';
  }
}

/** Control characters (not tab), line separators and invisible format characters as `\u` and four hex digits. */
function writtenOut(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]|(?![\u200c\u200d])\p{Cf}/gu,
    (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`,
  );
}

/** How the reader starts the note for a document cut off inside a schedule. */
export const CUT_OFF_WARNING_PREFIX = 'document ends inside';
