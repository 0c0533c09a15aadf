import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

const appendix = `                                   APPENDIX A
                                DISTRIBUTION PLAN
                                                         Applicable Percentage
             Class of each Fund                                Per Annum
                  Class A                                        0.25%
    (other than Class A of Example
     Cash Reserves Fund)
                 Class A of                                      0.15%
          Example Cash Reserves Fund
                  Class B                                        1.00%
       Class C and Class C2 of                                   0.50%
          Example Short Term Income Fund
July 2013
`;

describe('a rate table per class of every fund (Pioneer Appendix A)', () => {
  it('each class row is one entry per class: "(all funds)", "(all funds) other than …", or the funds after "of"', () => {
    const doc = parseExhibit(appendix, 'appendix.txt');
    expect(doc.kind).toBe('schedule');
    expect(doc.effectiveDate).toBe('2013-07');
    expect(doc.schedules[0]!.entries.map((e) => [e.class, e.portfolio, e.aggregateFeePct])).toEqual([
      ['A', '(all funds) other than Class A of Example Cash Reserves Fund', '0.25'],
      ['A', 'Example Cash Reserves Fund', '0.15'],
      ['B', '(all funds)', '1.00'],
      ['C', 'Example Short Term Income Fund', '0.50'],
      ['C2', 'Example Short Term Income Fund', '0.50'],
    ]);
  });

  it('a class row with two rates is an error at its line', () => {
    expect(() =>
      parseExhibit(
        appendix.replace('Example Cash Reserves Fund\n', 'Example Cash Reserves Fund   0.20%\n'),
        'x.txt',
      ),
    ).toThrow(/x\.txt:9: Appendix A: a second rate for Class A/);
  });
});
