import { describe, expect, it } from 'vitest';
import { continuanceAsOf, oneYearAfter } from '../../src/governance/continuance.js';

// Plan §7: in effect until June 30, 2003, then only while continued at least annually.
describe('annual continuance (Plan §7; Agreement FOURTEENTH)', () => {
  it('approvals each June keep the Plan in force; the next deadline is the coming June 30', () => {
    const s = continuanceAsOf('2003-06-30', ['2003-06-12', '2004-06-10', '2005-06-15'], '2005-12-31');
    expect(s.status).toBe('in force');
    expect(s.periods).toEqual([
      { deadline: '2003-06-30', metBy: '2003-06-12' },
      { deadline: '2004-06-30', metBy: '2004-06-10' },
      { deadline: '2005-06-30', metBy: '2005-06-15' },
      { deadline: '2006-06-30', metBy: null },
    ]);
    expect(s.nextDeadline).toBe('2006-06-30');
  });

  it('a missed deadline ends the Plan the day after it', () => {
    const s = continuanceAsOf('2003-06-30', ['2003-06-12', '2004-06-10'], '2005-08-01');
    expect(s).toMatchObject({ status: 'lapsed', endsOn: '2005-07-01', nextDeadline: null });
    expect(s.periods.at(-1)).toEqual({ deadline: '2005-06-30', metBy: null });
  });

  it('an approval counts for one deadline only: two in 2003 do not carry 2004', () => {
    const s = continuanceAsOf('2003-06-30', ['2003-01-10', '2003-06-12'], '2004-07-01');
    expect(s).toMatchObject({ status: 'lapsed', endsOn: '2004-07-01' });
  });

  it('an approval after the deadline is too late: the lapse stands', () => {
    const s = continuanceAsOf('2004-06-30', ['2004-07-02'], '2004-12-31');
    expect(s).toMatchObject({ status: 'lapsed', endsOn: '2004-07-01' });
  });

  it('twelve months after the approval, where that is the setting', () => {
    const s = continuanceAsOf('2004-06-30', ['2004-03-15'], '2005-04-01', 'twelve-months-after-approval');
    expect(s).toMatchObject({ status: 'lapsed', endsOn: '2005-03-16' });
    const yearByYear = continuanceAsOf('2004-06-30', ['2004-03-15'], '2005-04-01');
    expect(yearByYear).toMatchObject({ status: 'in force', nextDeadline: '2005-06-30' });
  });

  it('February 29 plus one year is February 28', () => {
    expect(oneYearAfter('2004-02-29')).toBe('2005-02-28');
    expect(oneYearAfter('2003-06-30')).toBe('2004-06-30');
  });
});
