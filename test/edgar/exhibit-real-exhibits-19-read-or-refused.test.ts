import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ExhibitParseError, type ParsedExhibit } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import type { ExpectedEntry } from './corpusDocuments.js';
import { entryShape, type Refused, realExhibitsIn } from './realExhibitChecks.js';
import { roundTripFields } from './roundTripFields.js';

/**
 * SPEC §2.1 on ten real EDGAR exhibits of fund families no earlier set holds — Dunham Funds,
 * Keeley Funds, Pax World Funds, The Munder Funds and Quaker Investment Trust (fixtures/real-exhibits-19/INDEX.md gives each
 * one's sec.gov address). Each expected reading below was worked out by hand from the document's
 * own words before the reader was run on it. Dunham's two Class A Appendix A's are read whole (a list
 * of the funds the plan serves, no rate: the rate stands in the plan's body, not in the text); eight
 * documents are refused at a line for the reason written beside each.
 */

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, 'fixtures', 'real-exhibits-19');
const { expectRefused, parseOrError } = realExhibitsIn(dir);

const read = (file: string): ParsedExhibit => {
  const got = parseOrError(file);
  if (got instanceof ExhibitParseError) throw new Error(`${file} refused: ${got.message}`);
  return got;
};

const DUNHAM = 'DUNHAM FUNDS';

// each fund of the list, Class A (the plan's class, "CLASS A SHARES" in its title), no rate stated
const classA = (names: readonly string[]): ExpectedEntry[] =>
  names.map((portfolio) => ({ registrant: DUNHAM, portfolio, class: 'A', rates: [] }));

interface WholeList {
  readonly file: string;
  readonly why: string;
  readonly entries: readonly ExpectedEntry[];
}

const WHOLE: readonly WholeList[] = [
  {
    // "DUNHAM FUNDS / RULE 12b-1 PLAN / CLASS A SHARES / Appendix A / Funds to be Serviced Under
    // This Plan", fifteen funds one cell each, six marked "*" (the note "*This schedule was amended
    // on:" and its eight dated lines under them), no date the schedule takes effect. Was read with
    // "Funds to be Serviced Under This Plan" as a sixteenth fund
    file: 'htm_rendered/01_dunham-funds-rule-12b-1-plan-class-a-appendix-a-fund-list-no-rate-2023.txt',
    why: 'fifteen Class A funds under the caption, no rate',
    entries: classA([
      'Dunham Corporate/Government Bond Fund',
      'Dunham High-Yield Bond Fund',
      'Dunham Real Estate Stock Fund',
      'Dunham Long/Short Credit Fund',
      'Dunham International Stock Fund',
      'Dunham Large Cap Value Fund',
      'Dunham Small Cap Value Fund',
      'Dunham Emerging Markets Stock Fund',
      'Dunham Small Cap Growth Fund',
      'Dunham Monthly Distribution Fund',
      'Dunham Dynamic Macro Fund',
      'Dunham Focused Large Cap Growth Fund',
      'Dunham Floating Rate Bond Fund',
      'Dunham International Opportunity Bond Fund',
      'Dunham U.S. Enhanced Market Fund',
    ]),
  },
  {
    // the same Appendix A in 2013, its fifteen funds as plain lines; "Dunham Alternative Income
    // Fund *" its mark a space apart. Was read with the caption as a fund, and that fund's name
    // ending in " *"
    file: 'htm_rendered/03_dunham-funds-rule-12b-1-plan-class-a-appendix-a-fund-list-no-rate-2013.txt',
    why: 'fifteen Class A funds, one mark a space apart',
    entries: classA([
      'Dunham Corporate/Government Bond Fund',
      'Dunham High-Yield Bond Fund',
      'Dunham Real Estate Stock Fund',
      'Dunham Appreciation & Income Fund',
      'Dunham International Stock Fund',
      'Dunham Large Cap Value Fund',
      'Dunham Small Cap Value Fund',
      'Dunham Large Cap Growth Fund',
      'Dunham Emerging Markets Stock Fund',
      'Dunham Small Cap Growth Fund',
      'Dunham Monthly Distribution Fund',
      'Dunham Loss Averse Equity Income Fund',
      'Dunham Focused Large Cap Growth Fund',
      'Dunham Alternative Income Fund',
      'Dunham Alternative Strategy Fund',
    ]),
  },
];

const NO_DATE = /^the document states no date it takes effect/;
const namesSchedule = (name: string, cutAt: number) =>
  new RegExp(
    `^the body names ${name} .*but the document does not contain it; the text ends in mid-sentence at line ${cutAt}, cut before it`,
  );
const CUT_BEFORE_ANY_SCHEDULE =
  /^no schedule found .*: the text ends in mid-sentence here, cut before any schedule; import the complete document$/;

const REFUSED: readonly Refused[] = [
  {
    // Dunham's Class C Appendix A (2016): two columns, "Bond Funds" and "Equity Funds", their
    // cells printed row by row in turn (a bond fund, an equity fund, …) — which fund stands under
    // which heading the text does not say once the bond column ends
    file: 'htm_rendered/02_dunham-funds-rule-12b-1-plan-class-c-appendix-a-bond-and-equity-funds-no-rate-2016.txt',
    why: 'two column headings over funds printed in turn',
    at: { line: 6, reason: /^Appendix A: "Bond Funds" heads no portfolio/ },
  },
  {
    // Dunham's Class C plan "(as amended September 22, 2009)" (filed 2010): "each fund listed on
    // Appendix A hereto" (line 6), cut in Section 1 at line 9
    file: 'htm_rendered/04_dunham-funds-ar-rule-12b-1-plan-class-c-appendix-a-2010-body-only.txt',
    why: 'names Appendix A, cut before it',
    at: { line: 6, reason: namesSchedule('Appendix A', 9) },
  },
  {
    // Keeley Funds' "Amendment to the Distribution Plan Adopted February 14, 2006" (2007): three
    // funds named in its recitals, Class A, no rate before the cut at line 51
    file: 'htm_rendered/05_keeley-funds-distribution-plan-amendment-class-a-three-funds-2007-body-only.txt',
    why: 'a plan amendment cut before any rate',
    at: { line: 51, reason: CUT_BEFORE_ANY_SCHEDULE },
  },
  {
    // Keeley's "Fourth Amendment to the Amended and Restated Distribution Plan" (2014): eight
    // funds in its recitals, cut in paragraph 1 at line 12
    file: 'htm_rendered/06_keeley-funds-ar-distribution-plan-fourth-amendment-class-a-eight-funds-2014-body-only.txt',
    why: 'a plan amendment cut before any rate',
    at: { line: 12, reason: CUT_BEFORE_ANY_SCHEDULE },
  },
  {
    // Pax World Funds Series Trust I and III's Individual Investor Class Distribution Plan (2014):
    // "each series", "not to exceed 0.25%" in Section 1 — no series named — cut in Section 2
    file: 'htm_rendered/07_pax-world-funds-individual-investor-class-distribution-plan-025-each-series-2014-body-only.txt',
    why: 'a rate for each series, none named, cut',
    at: { line: 7, reason: CUT_BEFORE_ANY_SCHEDULE },
  },
  {
    // The Munder Funds' Combined Distribution and Service Plan schedule as the corpus kept it
    // (2010): it begins at item "(a)" of a paragraph, the title lost; "Class A of the Funds listed
    // on Exhibit A 0.25%", B, C and R 1.00%, Class K's servicing fee 0.25%, then board-approval
    // dates by fund
    file: 'htm_rendered/08_munder-funds-combined-distribution-and-service-plan-fee-rates-by-class-exhibits-2010-cut.txt',
    why: 'a fee table whose title the excerpt lost',
    at: { line: 3, reason: /^no title: the document begins with item "\(a\)" of its body/ },
  },
  {
    // Quaker Investment Trust's Advisor Class Distribution (Rule 12b-1) Plan (2020): "the series
    // listed on the Appendix A" (line 11), "not to exceed 0.25%" of each Fund, cut in paragraph 2
    file: 'htm_rendered/09_quaker-investment-trust-advisor-class-distribution-plan-025-appendix-a-2020-body-only.txt',
    why: 'names Appendix A, cut before it',
    at: { line: 11, reason: namesSchedule('Appendix A', 15) },
  },
  {
    // Quaker's Class C plan (2009) as the corpus kept it: it begins at paragraph "1." ("… Class C
    // Shares of each series of the Trust"), its title lost, cut in paragraph 2
    file: 'htm_rendered/10_quaker-investment-trust-class-c-distribution-plan-each-series-2009-no-title-cut.txt',
    why: 'a plan body whose title the excerpt lost',
    at: { line: 2, reason: /^no title: the document begins with item "1\." of its body/ },
  },
];

describe('real exhibits 19: read whole', () => {
  for (const x of WHOLE) {
    it(`${x.file}: ${x.why}`, () => {
      const got = read(x.file);
      expect(got.kind).toBe('schedule');
      expect(got.instrument).toMatchObject({ kind: 'plan', registrant: DUNHAM, classes: ['A'] });
      expect(got.effectiveDate).toBeNull();
      expect(got.schedules.map((s) => s.name)).toEqual(['Appendix A']);
      expect(got.schedules.flatMap((s) => s.entries.map(entryShape))).toEqual(x.entries);
      expect(got.warnings).toHaveLength(1);
      expect(got.warnings[0]).toMatch(NO_DATE);
      // whole pages: nothing of the text is missing, only the date (none printed)
      expect(got.completeness.gaps.map((g) => g.fact)).toEqual(['effective-date']);
    });
  }

  it('reads no rate where the list states none', () => {
    for (const x of WHOLE)
      for (const e of read(x.file).schedules.flatMap((s) => s.entries)) {
        expect(e.aggregateFeePct, x.file).toBeNull();
        expect(e.assetBasedSalesChargePct, x.file).toBeNull();
        expect(e.serviceFeePct, x.file).toBeNull();
      }
  });

  it('renders each reading back to itself (parse(render(x)) = x)', () => {
    for (const x of WHOLE) {
      const got = read(x.file);
      const back = parseExhibit(renderExhibit(got), 'rendering.txt');
      expect(back.rendering, x.file).toBe(true);
      expect(roundTripFields(back), x.file).toEqual(roundTripFields(got));
    }
  });
});

describe('real exhibits 19: refused', () => {
  for (const x of REFUSED) {
    it(`${x.file}: ${x.why}`, () => expectRefused(x));
  }
});
