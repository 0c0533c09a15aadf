import { describe, expect, it } from 'vitest';
import { ExhibitParseError, type ParsedExhibit } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { differences } from './corpusComparison.js';
import { corpusAvailable, corpusExpected, corpusText } from './corpusDocuments.js';

type Outcome =
  | { readonly file: string; readonly verdict: 'exact' }
  | { readonly file: string; readonly verdict: 'refused'; readonly reason: string }
  | { readonly file: string; readonly verdict: 'misread'; readonly differences: readonly string[] };

/**
 * Issue 11 "Must show": every real exhibit of the corpus through `exhibit parse`, compared with
 * expected.json. At least 31 of 33 read exactly; any other is refused with a reason naming its
 * line — a document is never read into something other than what it says.
 */
describe.skipIf(!corpusAvailable)('the corpus of real EDGAR exhibits reads as expected.json says', () => {
  const outcomes: Outcome[] = corpusExpected().map((want) => {
    let doc: ParsedExhibit;
    try {
      doc = parseExhibit(corpusText(want.file), want.file);
    } catch (e) {
      if (e instanceof ExhibitParseError) return { file: want.file, verdict: 'refused', reason: e.message };
      throw e;
    }
    const diff = differences(doc, want);
    return diff.length === 0
      ? { file: want.file, verdict: 'exact' }
      : { file: want.file, verdict: 'misread', differences: diff };
  });

  it('has all 33 documents', () => {
    expect(outcomes).toHaveLength(33);
  });

  it('misreads none: each document is read exactly or refused', () => {
    const misread = outcomes.filter((o) => o.verdict === 'misread');
    expect(misread).toEqual([]);
  });

  // the issue asks for at least 31 of 33; all 33 read exactly today, and a regression shows here
  it('reads all 33 exactly (at least 31 of 33 is the floor)', () => {
    const exact = outcomes.filter((o) => o.verdict === 'exact').map((o) => o.file);
    const others = outcomes.filter((o) => o.verdict !== 'exact');
    expect(exact.length, JSON.stringify(others, null, 1)).toBeGreaterThanOrEqual(31);
    expect(others).toEqual([]);
  });

  it('the documents cut inside a schedule are read only in part: import refuses them', () => {
    for (const want of corpusExpected().filter((w) => w.schedules.some((s) => s.truncated))) {
      const doc = parseExhibit(corpusText(want.file), want.file);
      expect(doc.completeness.complete, want.file).toBe(false);
    }
  });

  // expected.json's titles are a reader's; these three are its own words (two appendices or
  // schedules described in words, four plans in one), not what the title block prints
  const EDITED_TITLES = ['12_', '/14_', '/21_'];
  it('titles each document as its title block prints it, letter for letter: no defined terms, classes where printed, a schedule named after its plan or its subtitle', () => {
    const differ: string[] = [];
    for (const want of corpusExpected()) {
      if (EDITED_TITLES.some((p) => want.file.startsWith(p) || want.file.includes(p))) continue;
      const got = parseExhibit(corpusText(want.file), want.file).title;
      if (got !== want.title) differ.push(`${want.file}: ${got} ≠ ${want.title}`);
    }
    expect(differ).toEqual([]);
  });

  it('refuses with a reason that names the file and a line', () => {
    for (const o of outcomes)
      if (o.verdict === 'refused')
        expect(o.reason).toMatch(new RegExp(`^${o.file.replace(/[.]/g, '\\.')}:\\d+: \\S`));
  });
});
