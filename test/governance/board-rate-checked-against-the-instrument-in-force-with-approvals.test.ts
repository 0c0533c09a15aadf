import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Plan12bError } from '../../src/errors.js';
import { importApprovals } from '../../src/feeds/approvalsFeed.js';
import { setBoardRate } from '../../src/import/boardRateChange.js';
import { setGovernanceSetting } from '../../src/import/governanceSettingChange.js';
import type { Database } from '../../src/store/database.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { APPROVALS_HEADER, boardRow, csv, storeDocuments } from './support/storeWithPlan.js';
import { AMENDMENT_1, PLAN } from './support/testPlan.js';

/**
 * SPEC §2: "a rate above the instrument's maximum is refused" — the instrument in force on the
 * rate's date, as every query derives it (SPEC §10: an amendment takes effect only when its
 * approvals are recorded). The test plan (2002-06-03): Test Growth Fund Class A, ABSC 0.10,
 * service 0.25, aggregate 0.35; Amendment No. 1 (2005-01-01) raises the ABSC to 0.25 (aggregate
 * 0.50), a material increase needing the class's shareholders. With enforcement on, the Plan
 * approved by the Board and continued, and Amendment No. 1 approved by the Board only, the Plan's
 * 0.35 still governs in 2005: a Board-set ABSC of 0.20 (0.20 + 0.25 = 0.45 > 0.35) is refused,
 * though the pending amendment would allow it; 0.10 is accepted.
 */
describe('a Board-set rate while an amendment raising the maximum is pending', () => {
  let store: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    store = await freshDatabase('pglite');
    db = await store.open();
    await storeDocuments(db, [PLAN, AMENDMENT_1]);
    await importApprovals(
      db,
      'votes.csv',
      csv([
        APPROVALS_HEADER,
        boardRow('2002-05-20', 'instrument', PLAN.fileName),
        boardRow('2003-06-10', 'continuance', '', PLAN.doc.instrument.title),
        boardRow('2004-06-10', 'continuance', '', PLAN.doc.instrument.title),
        boardRow('2004-12-10', 'amendment', AMENDMENT_1.fileName),
      ]),
    );
    await setGovernanceSetting(db, 'approvals.enforce', 'true');
  });
  afterAll(async () => {
    await db.close();
    await store.drop();
  });

  const rate = (absc: string, shareClass = 'A') =>
    setBoardRate(db, {
      portfolio: 'Test Growth Fund',
      class: shareClass,
      effectiveDate: '2005-02-01',
      distributionFeePct: absc,
      serviceFeePct: null,
      reason: 'Board resolution',
    });

  it('above the maximum in force (the Plan’s), within the pending amendment’s: refused (68)', async () => {
    const err = await rate('0.20').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Plan12bError);
    expect((err as Plan12bError).exitCode).toBe(68);
    expect((err as Plan12bError).message).toContain('aggregate 0.35%');
  });

  it('within the maximum in force: recorded', async () => {
    expect(await rate('0.10')).toEqual({
      recorded: true,
      portfolio: 'Test Growth Fund',
      class: 'A',
      distributionFeePct: '0.10',
      serviceFeePct: null,
      warnings: [],
    });
  });

  it('the class named in another case is the class as recorded (what `rates set --json` echoes)', async () => {
    expect(await rate('0.10', 'a')).toEqual({
      recorded: false,
      portfolio: 'Test Growth Fund',
      class: 'A',
      distributionFeePct: '0.10',
      serviceFeePct: null,
      warnings: [],
    });
  });
});
