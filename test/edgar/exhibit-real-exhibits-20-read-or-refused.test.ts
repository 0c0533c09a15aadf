import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ExhibitParseError, type ParsedExhibit } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import type { ExpectedEntry } from './corpusDocuments.js';
import { entryShape, type ReadOnlyInPart, type Refused, realExhibitsIn } from './realExhibitChecks.js';
import { roundTripFields } from './roundTripFields.js';

/**
 * SPEC §2.1 on Aston Funds' four Schedule A's to its Distribution and Services Plan (12b-1), 2010–2014
 * (fixtures/real-exhibits-20/INDEX.md gives each one's sec.gov address): real-exhibits-19 fetched
 * them and left them out, the reader misreading all four. Each expected reading below was worked out
 * by hand from the document's own words: lists of the funds the plan serves with their class, no
 * rate (the rate stands in the plan's body, not in the text), dated by the list of dates under them
 * — three read whole, the fourth only in part (cut by the corpus inside its list of dates); and two
 * plan bodies of a family no earlier set holds, Sterling Capital Funds, refused where they name their
 * Schedule A, which the corpus cut off.
 */

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, 'fixtures', 'real-exhibits-20');
const { expectReadOnlyInPart, expectRefused, parseOrError } = realExhibitsIn(dir);

const read = (file: string): ParsedExhibit => {
  const got = parseOrError(file);
  if (got instanceof ExhibitParseError) throw new Error(`${file} refused: ${got.message}`);
  return got;
};

const ASTON = 'ASTON FUNDS';
const aston = (cls: string, names: readonly string[]): ExpectedEntry[] =>
  names.map((portfolio) => ({ registrant: ASTON, portfolio, class: cls, rates: [] }));

interface AstonSchedule {
  readonly file: string;
  readonly why: string;
  readonly exhibit: string | null;
  /** the title block as printed: the plan's name, "(12b-1)" with it */
  readonly title: string;
  readonly instrumentTitle: string;
  readonly cls: string;
  readonly datedAsOf: string | null;
  readonly effectiveDate: string;
  readonly names: readonly string[];
}

// 'SCHEDULE “A”' or "SCHEDULE A" (with "AMENDED" over it, which says what the schedule is, not its
// plan's name), then "DISTRIBUTION AND SERVICES PLAN (12b-1)" / "OF ASTON FUNDS": the title is the
// plan's name as printed and the heading; the instrument the Distribution and Services Plan of ASTON
// FUNDS. Under the list its dates: the first "As of …" is the plan's own date; the last is the
// schedule's latest amendment, the date it takes effect.
const WHOLE: readonly AstonSchedule[] = [
  {
    // 'SCHEDULE “A”' (2010): seventeen funds "… Fund – Class N Shares" (two with no space before the
    // dash, "Aston/Veredus Select Growth Fund– Class N Shares"), "As of June 21, 2001" over seventeen
    // amendment dates ("Approved: December 18, 2003" among them), the last "As amended: March 18,
    // 2010". Was refused at line 1, "no schedule found": the letter in quotes was no heading; and
    // its plan was titled "Plan" (the title pattern knew "SERVICE" only)
    file: 'htm_rendered/01_aston-funds-schedule-a-distribution-and-services-plan-class-n-seventeen-funds-2010.txt',
    why: 'seventeen Class N funds under a quoted letter',
    exhibit: '(m)(4)',
    title: 'Distribution and Services Plan (12b-1) — Schedule A',
    instrumentTitle: 'Distribution and Services Plan',
    cls: 'N',
    datedAsOf: '2001-06-21',
    effectiveDate: '2010-03-18',
    names: [
      'Aston Value Fund',
      'Aston/Veredus Select Growth Fund',
      'Aston/Fortis Real Estate Fund',
      'Aston/River Road Dividend All Cap Value Fund',
      'Aston/River Road Small Cap Value Fund',
      'Aston/Optimum Large Cap Opportunity Fund',
      'Aston/River Road Select Value Fund',
      'Aston/Montag & Caldwell Mid Cap Growth Fund',
      'Aston/Cardinal Mid Cap Value Fund',
      'Aston Dynamic Allocation Fund',
      'Aston/M.D. Sass Enhanced Equity Fund',
      'Aston/New Century Absolute Return ETF Fund',
      'Aston/Neptune International Fund',
      'Aston/Lake Partners LASSO Alternatives Fund',
      'Aston/Barings International Fund',
      'Aston/Fasciano Small Cap Fund',
      'Aston/Herndon Large Cap Value Fund',
    ],
  },
  {
    // "AMENDED / SCHEDULE A" (2012): one fund, "Aston/Montag & Caldwell Growth Fund – Class R
    // Shares", "As of June 20, 2002", then "Amended: September 19, 2002" … "Amended: December 15,
    // 2011". Was read with the whole line as the fund and no class (the dash-class suffix admitted
    // no "Shares")
    file: 'htm_rendered/02_aston-funds-amended-schedule-a-distribution-and-services-plan-class-r-one-fund-2012.txt',
    why: 'one fund, its class after a dash with "Shares"',
    exhibit: null,
    title: 'Distribution and Services Plan (12b-1) — Schedule A',
    instrumentTitle: 'Distribution and Services Plan',
    cls: 'R',
    datedAsOf: '2002-06-20',
    effectiveDate: '2011-12-15',
    names: ['Aston/Montag & Caldwell Growth Fund'],
  },
  {
    // "SCHEDULE A / AMENDED AND RESTATED DISTRIBUTION AND SERVICES PLAN (12b-1)" (2012): "ASTON
    // FUNDS" / "CLASS N SHARES OF:" over seven funds, then eleven dates each "As amended: …", the
    // first "As amended: September 17, 1998" (the plan's date as this list gives it: the first
    // date of a schedule's list is its plan's, as BlackRock's "Amended as of May 16, 2012" over
    // later ones is read — the plan itself may be older, its date not printed here), the last
    // "As amended: December 20, 2012". Was read with "CLASS N SHARES OF:" as a fund and no class
    // for any
    file: 'htm_rendered/03_aston-funds-schedule-a-ar-distribution-and-services-plan-class-n-shares-of-seven-funds-2012.txt',
    why: 'seven funds under "CLASS N SHARES OF:"',
    exhibit: null,
    title: 'Amended and Restated Distribution and Services Plan (12b-1) — Schedule A',
    instrumentTitle: 'Amended and Restated Distribution and Services Plan',
    cls: 'N',
    datedAsOf: '1998-09-17',
    effectiveDate: '2012-12-20',
    names: [
      'ASTON/TCH Fixed Income Fund',
      'ASTON/Fairpointe Mid Cap Fund',
      'ASTON/Montag & Caldwell Growth Fund',
      'ASTON/Montag & Caldwell Balanced Fund',
      'ASTON/Veredus Small Cap Growth Fund',
      'ASTON/TAMRO Diversified Equity Fund',
      'Aston/TAMRO Small Cap Fund',
    ],
  },
];

// 'SCHEDULE “A”' (2014, "Exhibit 99(m)(5)"): nineteen Class N funds (one, "ASTON/DoubleLine Core Plus
// Fixed Income Fund – Class N", without "Shares"), then its dates, cut at 2,000 bytes at line 41
// ("As amended: December 20, 2007" / "As amend"). The funds are whole; the list of dates goes on past
// 2007 (the 2010 schedule above already had four more), so the last date printed is not the date it
// takes effect, and none printed is; "As of June 21, 2001", its first, is still the plan's own date.
// Was refused at line 1 ("no schedule found"), then (once its heading was read) read as whole and
// taking effect on December 20, 2007
const IN_PART: ReadOnlyInPart = {
  file: 'htm_rendered/04_aston-funds-schedule-a-distribution-and-services-plan-class-n-nineteen-funds-2014-cut.txt',
  why: 'nineteen Class N funds, cut in the list of dates',
  effectiveDate: null,
  whole: aston('N', [
    'ASTON/Cornerstone Large Cap Value Fund',
    'ASTON/Harrison Street Real Estate Fund',
    'ASTON/River Road Dividend All Cap Value Fund',
    'ASTON/River Road Small Cap Value Fund',
    'ASTON/River Road Select Value Fund',
    'ASTON/Montag & Caldwell Mid Cap Growth Fund',
    'ASTON/Anchor Capital Enhanced Equity Fund',
    'ASTON/Lake Partners LASSO Alternatives Fund',
    'ASTON/Barings International Fund',
    'ASTON/Herndon Large Cap Value Fund',
    'ASTON/LMCG Small Cap Growth Fund',
    'ASTON/River Road Independent Value Fund',
    'ASTON/River Road Long-Short Fund',
    'ASTON/DoubleLine Core Plus Fixed Income Fund',
    'ASTON/Silvercrest Small Cap Fund',
    'ASTON/River Road Dividend All Cap Value Fund II',
    'ASTON/LMCG Emerging Markets Fund',
    'ASTON/Pictet International Fund',
    'ASTON/Guardian Capital Global Dividend Fund',
  ]),
};

describe('real exhibits 20: Aston Funds’ Schedule A’s read whole', () => {
  for (const x of WHOLE) {
    it(`${x.file}: ${x.why}`, () => {
      const got = read(x.file);
      expect(got.kind).toBe('schedule');
      expect(got.exhibit).toBe(x.exhibit);
      expect(got.title).toBe(x.title);
      expect(got.instrument).toEqual({
        kind: 'plan',
        title: x.instrumentTitle,
        registrant: ASTON,
        classes: [x.cls],
        datedAsOf: x.datedAsOf,
      });
      expect(got.effectiveDate).toBe(x.effectiveDate);
      expect(got.datedDate).toBeNull();
      expect(got.schedules.map((s) => s.name)).toEqual(['Schedule A']);
      expect(got.schedules.flatMap((s) => s.entries.map(entryShape))).toEqual(aston(x.cls, x.names));
      expect(got.footnotes).toEqual([]);
      expect(got.warnings).toEqual([]);
      expect(got.completeness).toEqual({ complete: true, gaps: [] });
    });
  }
});

describe('real exhibits 20: Aston’s 2014 Schedule “A” cut in its list of dates', () => {
  it(`${IN_PART.file}: ${IN_PART.why}`, () => {
    expectReadOnlyInPart(IN_PART);
    const got = read(IN_PART.file);
    expect(got.exhibit).toBe('99(m)(5)');
    expect(got.title).toBe('Distribution and Services Plan (12b-1) — Schedule A');
    expect(got.instrument).toEqual({
      kind: 'plan',
      title: 'Distribution and Services Plan',
      registrant: ASTON,
      classes: ['N'],
      datedAsOf: '2001-06-21',
    });
    // the text and the date, both lost at line 41, the last line
    expect(got.completeness.gaps.map((g) => [g.fact, g.line])).toEqual([
      ['effective-date', 41],
      ['text', 41],
    ]);
    expect(got.warnings).toHaveLength(1);
    expect(got.warnings[0]).toMatch(
      /^the list of the document's dates is cut at line 41 \("As amend"\): the last date printed \(2007-12-20\) need not be the last, so the date it takes effect is not known; import needs --effective-date$/,
    );
  });
});

describe('real exhibits 20: each reading renders back to itself', () => {
  it('parse(render(x)) = x for all four', () => {
    for (const file of [...WHOLE.map((x) => x.file), IN_PART.file]) {
      const got = read(file);
      const text = renderExhibit(got);
      const back = parseExhibit(text, 'rendering.txt');
      expect(back.rendering, file).toBe(true);
      expect(roundTripFields(back), `${file}\n${text}`).toEqual(roundTripFields(got));
    }
  });

  it('the cut one reads back cut where it was cut, its date still unknown', () => {
    const back = parseExhibit(renderExhibit(read(IN_PART.file)), 'rendering.txt');
    expect(back.effectiveDate).toBeNull();
    expect(back.completeness.gaps.map((g) => g.fact)).toEqual(['effective-date', 'text']);
  });
});

const escaped = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const namesScheduleA = (quoted: string, cutAt: number) =>
  new RegExp(
    `^the body names Schedule A \\("…${escaped(quoted)}…"\\) but the document does not contain it; the text ends in mid-sentence at line ${cutAt}, cut before it: read only in part, nothing is recorded; import the complete document, its Schedule A included$`,
  );

const REFUSED: readonly Refused[] = [
  {
    // Sterling Capital Funds' "DISTRIBUTION AND SHAREHOLDER SERVICES PLAN" (filed 2015), its dates
    // "October 1, 1992" … "As Amended and Restated November 25, 2014" under the title: Part B "relates
    // to the Shares of the Class A … Class B …, Class C … and Class R … of particular Funds identified
    // on Schedule A hereto" (line 16), cut at 2,000 bytes at line 19 ("… make payments to securities
    // dealers and")
    file: 'htm_rendered/05_sterling-capital-funds-distribution-and-shareholder-services-plan-schedule-a-2015-body-only.txt',
    why: 'names Schedule A, cut before it',
    at: {
      line: 16,
      reason: namesScheduleA(
        'of particular Funds identified on Schedule A hereto, as such may be amended from',
        19,
      ),
    },
  },
  {
    // its plan for the Trust's exchange traded funds ("As Of November 19, 2025"): "each ETF identified on
    // Schedule A hereto" (line 3), cut at line 7 in "3. The Trust will not make separate payments as a
    // result of this Part A" — no end of sentence. Was refused at line 3 without saying the text is
    // cut (a clause stopped on one capital letter was no cut)
    file: 'htm_rendered/06_sterling-capital-funds-etf-distribution-and-shareholder-services-plan-schedule-a-2025-body-only.txt',
    why: 'names Schedule A, cut before it',
    at: {
      line: 3,
      reason: namesScheduleA(
        '(“Shares”) of each ETF identified on Schedule A hereto, as such may be amended from',
        7,
      ),
    },
  },
];

describe('real exhibits 20: Sterling Capital Funds’ plans refused', () => {
  for (const x of REFUSED) {
    it(`${x.file}: ${x.why}`, () => expectRefused(x));
  }
});
