import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/cli.js';

/**
 * SPEC §8 / §9: the payment due date is the 10th NYSE business day after month end, counted by hand
 * here (weekends, the NYSE holidays and the unscheduled closures of SPEC §9 skipped), then asked of
 * `plan12b calendar business-day --after MONTH-END --n 10 --json`. The services-fee, journal and
 * Monthly Calculation due dates of stores built from the CLI are checked in the other calc6 files
 * (2024-04 → 2024-05-14, 2024-05 → 2024-06-14, 2024-06 → 2024-07-15, an instructed 2024-06-20).
 *
 * Thanksgiving (Nov 22–28) and Juneteenth (Jun 19–21 observed) never fall within ten business
 * days of a month end (the 10th after Oct 31 is Nov 14 at the latest, after May 31 Jun 14), so
 * they are checked one day at a time instead.
 */
const TENTH: [string, string, string][] = [
  // month end, expected, the count
  ['2001-08-31', '2001-09-21', 'Sep 4 (3 Labor Day),5,6,7,10, 11–14 closed, 17,18,19,20,21'],
  ['2004-05-31', '2004-06-15', 'Jun 1,2,3,4,7,8,9,10, 11 closed (Reagan), 14,15'],
  ['2006-12-31', '2007-01-17', 'Jan 1 holiday, 2 closed (Ford), 3,4,5,8,9,10,11,12, 15 MLK, 16,17'],
  ['2018-11-30', '2018-12-17', 'Dec 3,4, 5 closed (Bush), 6,7,10,11,12,13,14,17'],
  ['2021-03-31', '2021-04-15', 'Apr 1, 2 Good Friday, 5,6,7,8,9,12,13,14,15'],
  ['2021-06-30', '2021-07-15', 'Jul 1,2, 5 (Sunday Jul 4 observed Monday), 6,7,8,9,12,13,14,15'],
  ['2021-12-31', '2022-01-14', 'Sat Jan 1 not observed on Fri Dec 31: Jan 3,4,5,6,7,10,11,12,13,14'],
  ['2022-06-30', '2022-07-15', 'Jul 1, 4 holiday, 5,6,7,8,11,12,13,14,15'],
  ['2023-12-31', '2024-01-16', 'Jan 1 holiday, 2,3,4,5,8,9,10,11,12, 15 MLK, 16'],
  ['2024-03-31', '2024-04-12', 'Apr 1,2,3,4,5,8,9,10,11,12 (Good Friday Mar 29 is before)'],
  ['2024-10-31', '2024-11-14', 'Nov 1,4,5,6,7,8, 11 (Veterans Day: open),12,13,14'],
  ['2024-11-30', '2024-12-13', 'Dec 2,3,4,5,6,9,10,11,12,13'],
  ['2024-12-31', '2025-01-16', 'Jan 1 holiday, 2,3,6,7,8, 9 closed (Carter), 10,13,14,15,16'],
  ['2025-03-31', '2025-04-14', 'Apr 1,2,3,4,7,8,9,10,11,14 (Good Friday Apr 18 after)'],
];

const ONE_DAY: [string, string, string][] = [
  ['2021-06-17', '2021-06-18', 'Juneteenth is an NYSE holiday from 2022 only'],
  ['2022-06-17', '2022-06-21', 'Sun Jun 19, 2022 observed Mon Jun 20'],
  ['2024-06-18', '2024-06-20', 'Wed Jun 19, 2024'],
  ['2027-06-17', '2027-06-21', 'Sat Jun 19, 2027 observed Fri Jun 18'],
  ['2021-12-23', '2021-12-27', 'Sat Dec 25, 2021 observed Fri Dec 24'],
  ['2024-11-27', '2024-11-29', 'Thanksgiving Thu Nov 28, 2024'],
  ['2012-10-26', '2012-10-31', 'closed Oct 29–30, 2012 (Sandy)'],
];

describe('payment due date: the 10th NYSE business day after month end, by hand', () => {
  it.each(TENTH)('after %s: %s (%s)', async (after, expected) => {
    const res = await runCliInProcess(['calendar', 'business-day', '--after', after, '--n', '10', '--json']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.json()).toEqual({ date: expected });
  });
  it.each(ONE_DAY)('the business day after %s is %s (%s)', async (after, expected) => {
    const res = await runCliInProcess(['calendar', 'business-day', '--after', after, '--n', '1', '--json']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.json()).toEqual({ date: expected });
  });
});
