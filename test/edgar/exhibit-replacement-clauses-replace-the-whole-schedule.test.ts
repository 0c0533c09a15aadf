import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { replacementClauses } from '../../src/edgar/replacedSchedules.js';
import { amendmentWith } from './exhibitFixtures.js';

const BODY = `                                         MAXIMUM
                                       ASSET BASED   MAXIMUM      MAXIMUM
                                          SALES      SERVICE     AGGREGATE
PORTFOLIO                                CHARGE        FEE          FEE
AIM Lakeshore Growth Fund                 0.75%        0.25%        1.00%
AIM Harbor Income Fund                    0.75%        0.25%        1.00%"`;

/** The fixture amendment with its replacing sentence ("NOW THEREFORE, … replaced with the following:") replaced. */
function amendment(replacing: string, heading = '"SCHEDULE A'): string {
  return amendmentWith(BODY, { heading }).replace(/NOW THEREFORE, [\s\S]*?with the following:/, replacing);
}

/**
 * SPEC §2: a replaced schedule drops the portfolios it no longer lists, so a clause that replaces
 * a schedule must say so (`replacesEntirely`) whatever its wording. Virtus amendments say
 * "Appendix A to the Plan is hereby replaced with Appendix A attached hereto"; later AIM ones
 * "deleted and replaced in its entirety with Schedule A attached hereto".
 */
describe('every wording of "this schedule is replaced" replaces the whole schedule', () => {
  for (const [heading, clause] of [
    [
      '"APPENDIX A',
      '1. Appendix A to the Plan is hereby replaced with Appendix A attached hereto and made a part\nhereof.',
    ],
    [
      '"APPENDIX A',
      'Appendix A to the Plan is hereby replaced in its entirety with Appendix A attached hereto.',
    ],
    [
      '"SCHEDULE A',
      '1. Schedule A to the Plan is hereby deleted and replaced in its entirety with Schedule A\nattached hereto.',
    ],
  ] as const) {
    it(`"${clause.replace(/\s+/g, ' ').slice(0, 70)}…"`, () => {
      const doc = parseExhibit(amendment(clause, heading), 'v.txt');
      expect(doc.schedules.map((s) => [s.name, s.replacesEntirely, s.entries.length])).toEqual([
        [heading.slice(1).replace(/^(\w)(\w+)/, (_, a: string, b: string) => a + b.toLowerCase()), true, 2],
      ]);
      expect(doc.completeness.complete).toBe(true);
    });
  }

  it('says what the clause replaces it with, as printed', () => {
    expect(
      replacementClauses(
        '1. Schedule A-1 and Schedule A-2 to the Agreement are hereby deleted in their entirety and replaced with Schedule A-1 and Schedule A-2 attached to this amendment. All other terms',
      ).map((c) => [c.names, c.replacedWith]),
    ).toEqual([
      [['Schedule A-1', 'Schedule A-2'], 'with Schedule A-1 and Schedule A-2 attached to this amendment'],
    ]);
    expect(
      replacementClauses('Appendix A to the Plan is hereby replaced with Appendix A attached hereto.').map(
        (c) => c.replacedWith,
      ),
    ).toEqual(['with Appendix A attached hereto']);
    // a replacement of words, not of a schedule
    expect(
      replacementClauses(
        'All references to Class B5 Shares in the Agreement are hereby deleted and replaced with Class BX Shares',
      ),
    ).toEqual([]);
  });

  it('a schedule "attached to this amendment" that the document lacks is reported in those words, not as "with the following"', () => {
    const text = amendment(
      '1. Schedule A-1 and Schedule A-2 to the Plan are hereby deleted in their entirety and replaced with\nSchedule A-1 and Schedule A-2 attached to this amendment.',
    ).replace(/"SCHEDULE A[\s\S]*?1\.00%"/, '');
    const reasons = parseExhibit(text, 'w.txt').completeness.gaps.map((g) => g.reason);
    expect(reasons).toContain(
      'Schedule A-1 is replaced "with Schedule A-1 and Schedule A-2 attached to this amendment", but the document does not contain it',
    );
    expect(reasons.join(' ')).not.toMatch(/with the following/);
  });
});

/**
 * SPEC §2.1: "Inconsistencies the document itself contains … are kept as they stand and reported
 * in warnings". An AIM amendment replaces "Appendix A" and prints the new one headed "SCHEDULE A".
 */
describe('the body replaces Appendix A and the schedule that follows is headed SCHEDULE A', () => {
  it('reads the schedule as the replacement, with a warning', () => {
    const doc = parseExhibit(
      amendment('Appendix A of the Plan is hereby deleted in its entirety and replaced\nwith the following:'),
      'e.txt',
    );
    expect(doc.completeness).toEqual({ complete: true, gaps: [] });
    expect(doc.schedules.map((s) => [s.name, s.replacesEntirely])).toEqual([['Schedule A', true]]);
    expect(doc.warnings).toEqual([
      expect.stringMatching(
        /replaces Appendix A \(line \d+\) but the schedule it contains is headed Schedule A/,
      ),
    ]);
  });

  it('a schedule with another letter is no stand-in ("Appendix B" replaced, "SCHEDULE A" printed)', () => {
    const doc = parseExhibit(
      amendment('Appendix B of the Plan is hereby deleted in its entirety and replaced\nwith the following:'),
      'f.txt',
    );
    expect(doc.completeness.complete).toBe(false);
    expect(doc.schedules[0]!.replacesEntirely).toBe(false);
  });
});
