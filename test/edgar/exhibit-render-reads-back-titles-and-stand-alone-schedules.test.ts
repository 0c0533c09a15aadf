import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';
import { corpusAvailable, corpusDir } from './corpusDocuments.js';
import { roundTripFields as fields } from './roundTripFields.js';

/**
 * SPEC §2.1: `exhibit render` writes a parsed exhibit back out, and parse(render(x)) = x — its
 * title and kind too, not only its schedules. The seeds' layout gives back a title composed from
 * the instrument ("… Agreement of AIM Tax-Exempt Funds"), so a title naming the parties ("…
 * between AIM Tax-Exempt Funds (…) and A I M Distributors, Inc.") came back as another; and a
 * schedule filed on its own (kind `schedule`) came back as a plan. These real exhibits now read
 * back whole.
 */

function roundTrip(file: string) {
  const x = parseExhibit(readFileSync(file, 'utf8'), file);
  const text = renderExhibit(x);
  const back = parseExhibit(text, 'rendering.txt');
  return { x, back, text };
}

describe.skipIf(!corpusAvailable)('parse(render(x)) = x on real exhibits', () => {
  it.each([
    // titles naming the parties to the agreement
    ['02_aim-taxexempt-MDA-classAC-amend1-2001.txt', 'agreement-amendment'],
    ['07_aim-taxexempt-MDA-classA-A3-C-amend2-2002.txt', 'agreement-amendment'],
    // schedules filed on their own
    ['03_pacificlife-classB-scheduleA-2001.txt', 'schedule'],
    ['10_heritage-classA-scheduleA-2003.txt', 'schedule'],
    ['11_heritage-classC-scheduleA-2003.txt', 'schedule'],
    ['htm_rendered/23_mainstay-funds-trust-classC-scheduleA-2015.txt', 'schedule'],
    ['htm_rendered/24_usaa-adviser-shares-scheduleA-2018.txt', 'schedule'],
    // titles that do not name the Registrant: the quoted schedule's heading names it ("… / OF / AIM
    // GROWTH SERIES"), and the title is printed as it reads ("(Applicable to Class A, …)")
    ['05_aim-growth-series-MDA-classAC-amend1-2002.txt', 'agreement-amendment'],
    ['06_aim-advisor-funds-MDA-classACR-amend3-2002.txt', 'agreement-amendment'],
    ['04_aim-growth-series-MDA-classAC-amend1-draft-2002.txt', 'agreement-amendment'],
    ['09_aim-advisor-funds-MDA-classACR-Inv-amend4-2003.txt', 'agreement-amendment'],
    // a schedule of cells, its Registrant under its name ("Schedule A — AARP Funds")
    ['htm_rendered/13_aarp-funds-scheduleA-2006.txt', 'schedule'],
    // MainStay: a Schedule A to each class, each under its own title block of cells
    ['htm_rendered/21_mainstay-classA-B-C-Investor-scheduleA-2013.txt', 'schedule'],
    // Virtus: the Registrant over the amendment's title
    ['htm_rendered/25_virtus-classC-plan-amend17-2019.txt', 'plan-amendment'],
    // "(Compensation)" printed above the classes, no part of the plan's name
    ['htm_rendered/27_invesco-ds-plan-comp-classCR-AIS-amend1-2020.txt', 'plan-amendment'],
    ['htm_rendered/28_invesco-ds-plan-comp-classACR-ACST-amend1-2020.txt', 'plan-amendment'],
    ['htm_rendered/30_invesco-ds-plan-comp-classC-taxexempt-amend1-2020.txt', 'plan-amendment'],
    ['htm_rendered/31_invesco-ds-plan-comp-classCR-sector-amend3-2020.txt', 'plan-amendment'],
  ])('%s (%s) reads back as it was read, title and kind included', (name, kind) => {
    const { x, back, text } = roundTrip(join(corpusDir, name));
    expect(x.kind).toBe(kind);
    expect(back.rendering).toBe(true);
    expect(fields(back), text).toEqual(fields(x));
  });

  it('a schedule on its own keeps its dates as such a schedule gives them', () => {
    // Heritage: "Dated: March 29, 1993, as amended on August 30, 2002 and on November 14, 2003."
    const { x, text } = roundTrip(join(corpusDir, '10_heritage-classA-scheduleA-2003.txt'));
    expect([x.instrument.datedAsOf, x.effectiveDate, x.datedDate]).toEqual([
      '1993-03-29',
      '2003-11-14',
      '2003-11-14',
    ]);
    expect(text).toContain('Dated: March 29, 1993, as amended on November 14, 2003.');
    expect(text).not.toMatch(/SECTION 1\./);
  });
});

/** Victory's "SCHEDULE I / TO THE DISTRIBUTION AND SERVICE PLAN / FOR / CLASS R SHARES OF THE / VICTORY PORTFOLIOS", filed on its own. */
const victory = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'real-exhibits-8', 'htm_rendered');

describe('parse(render(x)) = x on schedules titled as the schedule to their plan', () => {
  it.each([
    '01_victory-portfolios-classR-schedule-I-2024.txt',
    '02_victory-portfolios-classR-schedule-I-2016.txt',
    '03_victory-portfolios-classR-schedule-I-2013.txt',
    '04_victory-portfolios-classR-schedule-I-2012.txt',
    '05_victory-portfolios-classR-schedule-I-2007.txt',
    '06_victory-portfolios-classC-schedule-I-2019.txt',
    '07_victory-portfolios-classA-schedule-I-side-by-side-2021.txt',
  ])('%s reads back as a schedule, its title and dates included', (name) => {
    const { x, back, text } = roundTrip(join(victory, name));
    expect(x.kind).toBe('schedule');
    expect(x.title).toMatch(/^Schedule I to the /);
    expect(fields(back), text).toEqual(fields(x));
  });

  it('the plan is dated and restated in the title block, the last amendment under the entries', () => {
    // 02: the plan dated December 11, 1998 (datedAsOf and datedDate), current as of December 2, 2015
    const { x, text } = roundTrip(join(victory, '02_victory-portfolios-classR-schedule-I-2016.txt'));
    expect([x.instrument.datedAsOf, x.datedDate, x.effectiveDate]).toEqual([
      '1998-12-11',
      '1998-12-11',
      '2015-12-02',
    ]);
    expect(text).toContain('Dated December 11, 1998\n');
    expect(text).toContain('Amended as of December 2, 2015');
  });
});

/** Virtus: the Registrant over "AMENDMENT NO. 1 TO / CLASS C SHARES / DISTRIBUTION PLAN PURSUANT TO RULE 12b-1 / under the / …". */
const virtus = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'real-exhibits-5', 'htm_rendered');

describe('parse(render(x)) = x on amendments titled under their Registrant', () => {
  it.each([
    ['07_virtus-asset-trust-classC-plan-amend1-2023.txt', 'Class C Shares Distribution Plan'],
    [
      '21_virtus-equity-trust-classC-plan-amend8-2021.txt',
      'Class C Shares Amended and Restated Distribution Plan',
    ],
  ])('%s reads back, the plan named without the rule it is adopted under', (name, plan) => {
    const { x, back, text } = roundTrip(join(virtus, name));
    expect(x.kind).toBe('plan-amendment');
    expect(x.instrument.title).toBe(plan);
    expect(x.title).toBe(
      `Amendment No. ${x.amendmentNumber} to ${plan} Pursuant to Rule 12b-1 under the Investment Company Act of 1940`,
    );
    expect(fields(back), text).toEqual(fields(x));
  });
});

/** Schedules filed as an HTML table, read a cell to a line. */
const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

describe('parse(render(x)) = x on schedules filed as a table of cells', () => {
  it.each([
    // "MANNING & NAPIER FUND, INC." / "… PLAN" / "EXHIBIT A" / "Fee Schedule" / "Dated February 11, 2025"
    ['real-exhibits-5/htm_rendered/06_manning-napier-exhibitA-fee-schedule-2025.txt', 'S'],
    // "APPENDIX A TO DISTRIBUTION AND SERVICE PLAN", classes "Investor A", "Class R", …
    [
      'real-exhibits-8/htm_rendered/22_blackrock-appendix-a-distribution-and-service-plan-investor-classes-2018.txt',
      'Investor A',
    ],
  ])('%s reads back, its classes and dates included', (name, firstClass) => {
    const { x, back, text } = roundTrip(join(fixtures, name));
    expect(x.kind).toBe('schedule');
    expect(x.schedules[0]!.entries[0]!.class).toBe(firstClass);
    expect(fields(back), text).toEqual(fields(x));
  });

  it('BlackRock: the plan of May 16, 2012 as amended May 17, 2018, under the entries', () => {
    const { x, text } = roundTrip(
      join(
        fixtures,
        'real-exhibits-8/htm_rendered/22_blackrock-appendix-a-distribution-and-service-plan-investor-classes-2018.txt',
      ),
    );
    expect([x.instrument.datedAsOf, x.effectiveDate]).toEqual(['2012-05-16', '2018-05-17']);
    expect(text).toContain('Amended as of May 16, 2012\nAmended as of May 17, 2018\n');
  });
});

/**
 * Schedules filed with their heading over everything else: Legg Mason's "Form of" / "APPENDIX A" /
 * "SHAREHOLDER SERVICES AND DISTRIBUTION PLAN"; Wells Fargo's "APPENDIX A" / "DISTRIBUTION PLAN" /
 * "WELLS FARGO FUNDS TRUST" (the Registrant under the plan, named nowhere else); JPMorgan's
 * "SCHEDULE B" / "JPMORGAN FUNDS" / "… DISTRIBUTION PLAN" / "(AMENDED AS OF …)" over "Current Name |
 * Former Name | Share Class" ("Morgan", "E*TRADE": classes no heading names); The Reserve's
 * "Schedule A" funds and "Schedule B" class rates with no title at all; Pioneer's "Class of each
 * Fund" rows ("Class A (other than …)", "Class C and Class C2 of …"), dated "July 2013", and its
 * Trust | Fund Appendix B. Each came back as a plan, another title, or not at all.
 */
describe('parse(render(x)) = x on schedules filed with their heading first', () => {
  it.each([
    [
      'real-exhibits-8/htm_rendered/11_legg-mason-form-of-appendix-a-shareholder-services-and-distribution-plan-2009.txt',
    ],
    [
      'real-exhibits-8/htm_rendered/10_wells-fargo-funds-trust-appendix-a-distribution-plan-stacked-cells-2019.txt',
    ],
    ['real-exhibits-7/01_jpmorgan-funds-combined-distribution-plan-schedule-b-2006.txt'],
  ])('%s reads back, its title, Registrant, classes and renames included', (name) => {
    const { x, back, text } = roundTrip(join(fixtures, name));
    expect(x.kind).toBe('schedule');
    expect(back.rendering).toBe(true);
    expect(fields(back), text).toEqual(fields(x));
  });

  it
    .skipIf(!corpusAvailable)
    .each([['14_reserve-muni-mm-scheduleA-B-2007.txt'], ['12_pioneer-distribution-plan-appendixA-2013.txt']])(
    '%s reads back, its lists, class rates and dates included',
    (name) => {
      const file = join(corpusDir, name.startsWith('14_') ? `htm_rendered/${name}` : name);
      const { x, back, text } = roundTrip(file);
      expect(x.kind).toBe('schedule');
      expect(back.rendering).toBe(true);
      expect(fields(back), text).toEqual(fields(x));
    },
  );

  it('Wells Fargo: the Registrant printed under the plan, JPMorgan: the date under the title block', () => {
    const wells = roundTrip(
      join(
        fixtures,
        'real-exhibits-8/htm_rendered/10_wells-fargo-funds-trust-appendix-a-distribution-plan-stacked-cells-2019.txt',
      ),
    );
    expect(wells.x.instrument.registrant).toBe('WELLS FARGO FUNDS TRUST');
    expect(wells.text).toMatch(/APPENDIX A\n\s+DISTRIBUTION PLAN\n\s+WELLS FARGO FUNDS TRUST\n/);
    const jpm = roundTrip(
      join(fixtures, 'real-exhibits-7/01_jpmorgan-funds-combined-distribution-plan-schedule-b-2006.txt'),
    );
    expect(jpm.x.effectiveDate).toBe('2006-02-16');
    expect(jpm.text).toContain('(AMENDED AS OF FEBRUARY 16, 2006)');
    expect(jpm.back.renames).toEqual([
      {
        from: 'JPMorgan California Tax Free Money Market Fund',
        to: 'JPMorgan California Municipal Money Market Fund',
      },
    ]);
  });
});

describe.skipIf(!seedsAvailable)('parse(render(x)) = x on the seeds', () => {
  it('every seed reads back whole, in the seeds’ own layout', () => {
    for (const f of seedFiles().filter((f) => f.endsWith('.txt'))) {
      const { x, back, text } = roundTrip(f);
      expect(fields(back), f).toEqual(fields(x));
      expect(text, f).toMatch(/SECTION 1\.|AMENDMENT NO\./);
    }
  });
});
