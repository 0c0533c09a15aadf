import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ExhibitParseError, type ParsedExhibit } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import type { ExpectedEntry } from './corpusDocuments.js';

/**
 * The checks the real-exhibit files (real-exhibits-6, real-exhibits-7) make of an excerpt cut by
 * the corpus: read only in part and saying so at its last line, or refused naming a line. Each
 * file holds its own hand-worked expectations; these are the rules they are held to.
 */

/** An excerpt read only in part: the rows before the cut, the date, and what is not known. */
export interface ReadOnlyInPart {
  readonly file: string;
  /** the rows before the cut, each whole (what a reading may hold, and no more) */
  readonly whole: readonly ExpectedEntry[];
  /** the date the document takes effect: null where it prints none, or a blank */
  readonly effectiveDate: string | null;
  readonly why: string;
}

/** An excerpt refused: at a known line for a known reason, or at least naming a line of it. */
export interface Refused {
  readonly file: string;
  readonly why: string;
  readonly at?: { line: number; reason: RegExp };
}

/** The fixtures of one folder of test/edgar/fixtures. */
export function realExhibitsIn(dir: string) {
  const text = (file: string) => readFileSync(join(dir, file), 'utf8');
  const lineCount = (file: string) => text(file).replace(/\n$/, '').split('\n').length;
  const parseOrError = (file: string): ParsedExhibit | ExhibitParseError => {
    try {
      return parseExhibit(text(file), file);
    } catch (e) {
      if (e instanceof ExhibitParseError) return e;
      throw e;
    }
  };

  return {
    text,
    lineCount,
    parseOrError,
    /** read only in part and saying so at its last line (or refused at a line after the first) */
    expectReadOnlyInPart({ file, whole, effectiveDate }: ReadOnlyInPart): void {
      const got = parseOrError(file);
      const last = lineCount(file);
      if (got instanceof ExhibitParseError) {
        expect(got).toMatchObject({ file });
        expect(got.line).toBeGreaterThan(1);
        expect(got.line).toBeLessThanOrEqual(last);
        return;
      }
      expect(got.completeness.complete).toBe(false);
      expect(got.completeness.gaps.filter((g) => g.fact === 'text').map((g) => g.line)).toEqual([last]);
      expect(got.effectiveDate).toBe(effectiveDate);
      if (effectiveDate === null) expect(got.warnings.length).toBeGreaterThan(0);
      expect(got.schedules.flatMap((s) => s.entries.map(entryShape))).toEqual(whole);
    },
    /** refused at the line and for the reason given, else at least naming a line of the file */
    expectRefused({ file, at }: Refused): void {
      const got = parseOrError(file);
      if (at !== undefined) {
        expect(got).toBeInstanceOf(ExhibitParseError);
        expect(got).toMatchObject({ file, line: at.line });
        expect((got as ExhibitParseError).reason).toMatch(at.reason);
        return;
      }
      if (got instanceof ExhibitParseError) {
        expect(got.file).toBe(file);
        expect(got.line).toBeGreaterThanOrEqual(1);
        expect(got.line).toBeLessThanOrEqual(lineCount(file));
        return;
      }
      expect(got.completeness.complete).toBe(false);
      const lost = got.completeness.gaps.filter((g) => g.fact === 'text');
      expect(lost.length).toBeGreaterThan(0);
      for (const g of lost) expect(g.line).toBeGreaterThanOrEqual(1);
      expect(got.schedules.flatMap((s) => s.entries)).toEqual([]);
    },
  };
}

/** An entry as the expectations write it: its names and the rates it states. */
export const entryShape = (e: ParsedExhibit['schedules'][number]['entries'][number]) => ({
  registrant: e.registrant,
  portfolio: e.portfolio,
  class: e.class,
  rates: [e.assetBasedSalesChargePct, e.serviceFeePct, e.aggregateFeePct].filter((r) => r !== null),
});
