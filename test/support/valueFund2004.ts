import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importTerminations } from '../../src/feeds/terminationsFeed.js';
import { setBoardRate } from '../../src/import/boardRateChange.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { seedExhibitFiles } from './seedDocuments.js';

/**
 * The hand-worked case of test/reports/board-report-quarter-fees-and-prior-period-adjustments-hand-worked
 * (its comment works the figures): AIM Value Fund class C under seed 002 (the Sixth A&R plan), from
 * Thu 2004-02-12 to Wed 2004-04-14 — 3,660,000.00 on its first day and on Thu 04-08, 999,668.00 on
 * Fri 02-13, 7,320,000.00 on every other NYSE business day (Presidents' Day and Good Friday left out).
 */
export const valueFund2004NetAssets = (): string => {
  const out = ['date,portfolio,class,net_assets'];
  const holidays = new Set(['2004-02-16', '2004-04-09']);
  for (let t = Date.UTC(2004, 1, 12); t <= Date.UTC(2004, 3, 14); t += 86_400_000) {
    const d = new Date(t);
    const iso = d.toISOString().slice(0, 10);
    if (d.getUTCDay() === 0 || d.getUTCDay() === 6 || holidays.has(iso)) continue;
    const na =
      iso === '2004-02-12' || iso === '2004-04-08'
        ? '3660000.00'
        : iso === '2004-02-13'
          ? '999668.00'
          : '7320000.00';
    out.push(`${iso},AIM Value Fund,C,${na}`);
  }
  return out.join('\n');
};

/**
 * Seed 002 imported, the net assets above, the Board's ABSC of 0.50% from Mon 2004-03-15 and the
 * Plan terminated for the class from Thu 2004-04-15 (by the trustees). Nothing closed.
 */
export async function setUpValueFund2004(db: Database): Promise<void> {
  await importExhibits(
    db,
    seedExhibitFiles().filter((f) => f.fileName.includes('002_')),
  );
  await importNetAssets(db, 'na.csv', Buffer.from(valueFund2004NetAssets()));
  await setBoardRate(db, {
    portfolio: 'AIM Value Fund',
    class: 'C',
    effectiveDate: '2004-03-15',
    distributionFeePct: '0.50',
    serviceFeePct: null,
    reason: 'Board, 2004-03-10',
  });
  await importTerminations(
    db,
    'term.csv',
    Buffer.from(
      'instrument,portfolio,class,date,by,notice_date,reason\nplan,AIM Value Fund,C,2004-04-15,trustees,,\n',
    ),
  );
}
