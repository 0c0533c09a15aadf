import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ExhibitParseError, type ParsedExhibit } from '../../src/edgar/exhibitDocument.js';
import { importableDocument } from '../../src/edgar/importableDocument.js';
import { scheduleHeading } from '../../src/edgar/lineShapes.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import type { ExpectedEntry } from './corpusDocuments.js';
import { entryShape, realExhibitsIn } from './realExhibitChecks.js';
import { roundTripFields } from './roundTripFields.js';

/**
 * SPEC §2.1 on Guinness Atkinson Funds' two Schedule A's to its "Rule 12b-1 Distribution and Service
 * Plan" (2020; fixtures/real-exhibits-21/INDEX.md gives each one's sec.gov address), which
 * real-exhibits-20 found and left out: both were refused at line 1, "no schedule found". Each
 * expected reading below was worked out by hand from the document's words: a list of "Participating
 * Funds", one of them "Global Innovators Fund – Investor Class", the others with no class; no rate
 * (the plan's body, not held, states it), no date. The class of the others is not in the document
 * (that one fund names its class says that fund has classes the plan does not cover, nothing of the
 * others'), so the reading records it as a gap naming them, and import needs --class.
 */

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, 'fixtures', 'real-exhibits-21');
const { parseOrError, lineCount } = realExhibitsIn(dir);

const read = (file: string): ParsedExhibit => {
  const got = parseOrError(file);
  if (got instanceof ExhibitParseError) throw new Error(`${file} refused: ${got.message}`);
  return got;
};

// the Registrant as the heading prints it after "to the", in mixed case
const GA = 'Guinness Atkinson Funds';
const entry = (portfolio: string, cls: string | null = null): ExpectedEntry => ({
  registrant: GA,
  portfolio,
  class: cls,
  rates: [],
});

interface GuinnessSchedule {
  readonly file: string;
  readonly why: string;
  readonly entries: readonly ExpectedEntry[];
  /** the funds with no class stated, less the first (named in the gap itself) */
  readonly others: number;
}

const FIRST_EIGHT: readonly ExpectedEntry[] = [
  entry('Alternative Energy Fund'),
  entry('Asia Focus Fund'),
  entry('Asia Pacific Dividend Builder Fund'),
  entry('China & Hong Kong Fund'),
  entry('Dividend Builder Fund'),
  entry('Global Energy Fund'),
  // "Global Innovators Fund – Investor Class": the fund, its class after the dash
  entry('Global Innovators Fund', 'Investor'),
  entry('Renminbi Yuan & Bond Fund'),
];

const SCHEDULES: readonly GuinnessSchedule[] = [
  {
    // "Schedule A to the Guinness Atkinson Funds" / "Rule 12b-1 Distribution and Service Plan" /
    // "Participating Funds", twelve funds (four "SmartETFs … ETF"), "- 1 -" (the page's number)
    file: 'htm_rendered/01_guinness-atkinson-funds-schedule-a-rule-12b-1-distribution-and-service-plan-twelve-funds-2020.txt',
    why: 'twelve funds, one with its class',
    entries: [
      ...FIRST_EIGHT,
      entry('SmartETFs Smart Transportation & Technology ETF'),
      entry('SmartETFs Advertising & Marketing Technology ETF'),
      entry('SmartETFs Asia Pacific Dividend Builder ETF'),
      entry('SmartETFs Dividend Builder ETF'),
    ],
    // 12 funds, 11 with no class: the first named, 11 - 1 = 10 others
    others: 10,
  },
  {
    // "Amended" over the same heading; nine funds in cells ("|…"), the last the one ETF, then "-1-"
    file: 'htm_rendered/02_guinness-atkinson-funds-amended-schedule-a-rule-12b-1-distribution-and-service-plan-nine-funds-2020.txt',
    why: 'nine funds in cells, one with its class',
    entries: [...FIRST_EIGHT, entry('SmartETFs Smart Transportation & Technology ETF')],
    // 9 funds, 8 with no class: 8 - 1 = 7 others
    others: 7,
  },
];

const classGap = (others: number) =>
  `Schedule A does not state the class of "Alternative Energy Fund" (nor of ${others} other funds); it states the class of "Global Innovators Fund" (Investor) only, and nothing in the document says which class the others are: state it with --class CLASS`;

describe('real exhibits 21: Guinness Atkinson Funds’ Schedule A’s read, the class of most funds not known', () => {
  for (const x of SCHEDULES) {
    it(`${x.file}: ${x.why}`, () => {
      const got = read(x.file);
      expect(got.kind).toBe('schedule');
      expect(got.exhibit).toBeNull();
      // the plan's name as printed, "Rule 12b-1" with it; "Amended" over 02's heading is no part of it
      expect(got.title).toBe('Rule 12b-1 Distribution and Service Plan — Schedule A');
      expect(got.instrument).toEqual({
        kind: 'plan',
        title: 'Distribution and Service Plan',
        registrant: GA,
        // the only class the schedule states
        classes: ['Investor'],
        datedAsOf: null,
      });
      expect(got.effectiveDate).toBeNull();
      expect(got.datedDate).toBeNull();
      expect(got.schedules.map((s) => s.name)).toEqual(['Schedule A']);
      expect(got.schedules.flatMap((s) => s.entries.map(entryShape))).toEqual(x.entries);
      expect(got.footnotes).toEqual([]);
      expect(got.warnings).toEqual([
        'the document states no date it takes effect; import needs --effective-date',
      ]);
      // whole (the page's number is no fund, the last ETF no name cut short), but two facts missing:
      // the date, and the class of every fund but one — at the heading's line
      const headingLine = x.file.startsWith('htm_rendered/02') ? 2 : 1;
      expect(got.completeness.complete).toBe(false);
      expect(got.completeness.gaps.map((g) => [g.fact, g.line, g.reason])).toEqual([
        ['effective-date', headingLine, 'the document states no date it takes effect'],
        ['class', headingLine, classGap(x.others)],
      ]);
      expect(got.completeness.gaps.some((g) => g.fact === 'text')).toBe(false);
      // heading, plan, "Participating Funds", the funds, the page's number ("Amended" above 02's)
      expect(lineCount(x.file)).toBe(headingLine + 2 + x.entries.length + 1);
    });
  }

  it('import refuses it at the heading naming the funds with no class, and takes a class the user states for them', () => {
    const x = SCHEDULES[1]!;
    const got = read(x.file);
    // no class stated: refused at line 2 (the heading), the gap's words in the message
    expect(() => importableDocument(got, x.file, { effectiveDate: '2020-04-30' })).toThrow(ExhibitParseError);
    try {
      importableDocument(got, x.file, { effectiveDate: '2020-04-30' });
    } catch (e) {
      expect((e as ExhibitParseError).line).toBe(2);
      expect((e as ExhibitParseError).reason).toContain(classGap(x.others));
    }
    // a class the user states ("Z", an example: the document states none) goes to the eight funds
    // with none; Global Innovators keeps the Investor class its line states
    const doc = importableDocument(got, x.file, { effectiveDate: '2020-04-30', class: 'Z' });
    const classes = doc.schedules.flatMap((s) => s.entries.map((e) => [e.portfolio, e.class]));
    expect(classes).toEqual(x.entries.map((e) => [e.portfolio, e.class ?? 'Z']));
  });
});

describe('real exhibits 21: each reading renders back to itself', () => {
  it('parse(render(x)) = x for both', () => {
    for (const x of SCHEDULES) {
      const got = read(x.file);
      const text = renderExhibit(got);
      const back = parseExhibit(text, 'rendering.txt');
      expect(back.rendering, x.file).toBe(true);
      expect(roundTripFields(back), `${x.file}\n${text}`).toEqual(roundTripFields(got));
    }
  });
});

describe('real exhibits 21: the mixed-case heading with its Registrant after to the', () => {
  it('is a heading where a name in title case follows, and no heading where a sentence does', () => {
    expect(scheduleHeading('Schedule A to the Guinness Atkinson Funds')).toEqual({
      name: 'Schedule A',
      quoted: false,
      continuesWithTo: true,
    });
    // a sentence of an amendment: "is amended" after the name
    expect(scheduleHeading('Schedule A to the Agreement is amended and restated as follows')).toBeNull();
    expect(scheduleHeading('Schedule A to the Plan is hereby deleted in its entirety.')).toBeNull();
    expect(scheduleHeading('SCHEDULE A to the Plan is hereby amended as follows:')).toBeNull();
  });
});
