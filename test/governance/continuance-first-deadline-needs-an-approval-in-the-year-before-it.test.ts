import { describe, expect, it } from 'vitest';
import { continuanceAsOf, oneYearBefore } from '../../src/governance/continuance.js';

// Plan §7: "shall continue in effect until June 30, 2003 and thereafter shall continue in effect so
// long as such continuance is specifically approved, at least annually"; Rule 12b-1(b)(3)(i).
// To carry the Plan past its first deadline (2003-06-30) the Board must approve it in the year
// ending on that deadline, 2002-07-01 … 2003-06-30, as for every later deadline. An approval given
// years before (the Plan's adoption in 1993, or its restatement's approval of 2002-05-15) does not.
describe('the first continuance deadline is met only by an approval in the year before it', () => {
  it('an approval of 1993 does not carry the Plan past 2003-06-30: it lapses and ends on 2003-07-01', () => {
    const s = continuanceAsOf('2003-06-30', ['1993-08-01'], '2003-08-01');
    expect(s).toEqual({
      status: 'lapsed',
      periods: [{ deadline: '2003-06-30', metBy: null }],
      nextDeadline: null,
      endsOn: '2003-07-01',
    });
  });

  it('the restatement approved on 2002-05-15 (more than a year before 2003-06-30) does not meet it', () => {
    expect(continuanceAsOf('2003-06-30', ['2002-05-15'], '2003-08-01')).toMatchObject({
      status: 'lapsed',
      endsOn: '2003-07-01',
    });
  });

  it('exactly one year before (2002-06-30) is outside the year; the day after (2002-07-01) is inside', () => {
    expect(continuanceAsOf('2003-06-30', ['2002-06-30'], '2003-08-01').status).toBe('lapsed');
    const s = continuanceAsOf('2003-06-30', ['2002-07-01'], '2003-08-01');
    expect(s).toMatchObject({ status: 'in force', nextDeadline: '2004-06-30', endsOn: null });
    expect(s.periods[0]).toEqual({ deadline: '2003-06-30', metBy: '2002-07-01' });
  });

  it('the same window under twelve-months-after-approval', () => {
    // 2003-06-12 is not after 2003-06-30: 2004-06-30 is missed, the Agreement ends on 2004-07-01
    expect(
      continuanceAsOf('2004-06-30', ['2003-06-12'], '2004-08-01', 'twelve-months-after-approval'),
    ).toMatchObject({ status: 'lapsed', endsOn: '2004-07-01' });
    // 2003-07-15 meets 2004-06-30; the next deadline is a year after it: 2004-07-15
    expect(
      continuanceAsOf('2004-06-30', ['2003-07-15'], '2004-07-01', 'twelve-months-after-approval'),
    ).toMatchObject({ status: 'in force', nextDeadline: '2004-07-15' });
  });

  it('a year before February 29 is February 28', () => {
    expect(oneYearBefore('2004-02-29')).toBe('2003-02-28');
    expect(oneYearBefore('2003-06-30')).toBe('2002-06-30');
  });
});
