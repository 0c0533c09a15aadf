import { describe, expect, it } from 'vitest';
import { loadAuditEvidence } from '../../src/audit/auditEvidence.js';
import { verifyAuditEvidence } from '../../src/audit/auditVerification.js';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { showClosedMonth } from '../../src/close/closedMonthView.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { Plan12bError } from '../../src/errors.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { runCliInProcess } from '../support/cli.js';
import { dialects, freshDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * SPEC §12: a closed month is locked, and verification finds a closed month's inputs changed
 * outside plan12b. The inputs digest sealed by a close covered its feeds only; a Plan termination,
 * a Board rate or a service agreement's termination moved into a closed month by SQL changed what
 * the month's fees would be, yet `audit verify` said "intact" and `close show` showed the seal as
 * verified. Found on a copy of the demo store: the termination of Summit Technology Fund class C
 * moved from 2025-11-01 to 2025-06-02, and July's class C fees vanished from `fees` unnoticed.
 *
 * Here: AIM Value Fund class C, January 2007 closed. A termination recorded by plan12b for a day
 * after the closed month (allowed) leaves the seal verified; the same row moved into January, a
 * Board rate inserted for January, or a service agreement's termination inserted for January —
 * each by SQL — is an `inputs` finding, and `close show` refuses (69).
 */
async function tamper(db: Database, table: string, sql: string): Promise<void> {
  await db.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
  await db.query(sql);
  await db.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
}

const inputsFinding = (...changed: string[]) => ({
  kind: 'inputs',
  reason: `closed month 2007-01: what governed it differs from what was sealed, and no restatement records the change: ${changed.join('; ')}`,
});

describe.skipIf(!seedsAvailable).each(dialects)('a closed month’s governing inputs on %s', (dialect) => {
  it('a termination, a Board rate or a service agreement event moved into it by SQL does not verify', async () => {
    const tdb = await freshDatabase(dialect);
    let db = await tdb.open();
    await importExhibits(
      db,
      seedExhibitFiles().filter((f) => f.fileName.includes('002_')),
    );
    const rows = businessDaysBetween('2006-12-29', '2007-01-31').map(
      (d) => `${d},AIM Value Fund,C,36500000.00`,
    );
    await importNetAssets(
      db,
      'jan.csv',
      Buffer.from(['date,portfolio,class,net_assets', ...rows].join('\n')),
    );
    await closeMonth(db, '2007-01', MONTH_CLOSE_STEPS, { first: true });
    await db.close();
    const run = await runCliInProcess([
      '--db',
      tdb.target,
      '--actor',
      'Auditor',
      'terminate',
      '--portfolio',
      'AIM Value Fund',
      '--class',
      'C',
      '--date',
      '2007-02-15',
      '--by',
      'trustees',
    ]);
    expect(run.code, run.stderr).toBe(0);
    db = await tdb.open();
    const verify = async () => verifyAuditEvidence(await loadAuditEvidence(db)).findings;
    expect(await verify()).toEqual([]);
    expect((await showClosedMonth(db, '2007-01')).verified).toBe(true);

    // the termination moved into the closed month
    await tamper(db, 'termination', "UPDATE termination SET effective_date = '2007-01-16'");
    expect(await verify()).toEqual([
      inputsFinding(
        'the rates that governed (schedules, approvals, settings, terminations)',
        'Plan and Agreement terminations',
      ),
    ]);
    const refused = await showClosedMonth(db, '2007-01').then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(Plan12bError);
    expect((refused as Plan12bError).exitCode).toBe(69);
    await tamper(db, 'termination', "UPDATE termination SET effective_date = '2007-02-15'");
    expect(await verify()).toEqual([]);

    // a Board rate for a day of the closed month
    await tamper(
      db,
      'board_rate',
      "INSERT INTO board_rate (portfolio_name, class, effective_date, distribution_fee_pct, service_fee_pct, reason, recorded_by) VALUES ('AIM Value Fund', 'C', '2007-01-10', 0.10, 0.25, 'sql', 'mallory')",
    );
    expect(await verify()).toEqual([
      inputsFinding('Board rates', 'the rates that governed (schedules, approvals, settings, terminations)'),
      // and no `rates.set` record wrote it (src/audit/boardRateRecords.ts)
      {
        kind: 'record',
        reason:
          'Board-set rate for AIM Value Fund class C from 2007-01-10 (distribution 0.10%, service 0.25%: sql) is stored, but no rates.set record in the audit log wrote it',
      },
    ]);
    await tamper(db, 'board_rate', 'DELETE FROM board_rate');
    expect(await verify()).toEqual([]);

    // a service agreement's termination in the closed month
    await tamper(
      db,
      'service_provider',
      "INSERT INTO service_provider (id, name, kind, agreement_date, import_id, recorded_by) VALUES ('DLR-9', 'Granite', 'dealer', '2006-01-02', (SELECT min(id) FROM feed_import), 'mallory')",
    );
    await tamper(
      db,
      'service_agreement_event',
      "INSERT INTO service_agreement_event (provider_id, event, effective_date, source, recorded_by) VALUES ('DLR-9', 'termination', '2007-01-20', 'sql', 'mallory')",
    );
    // (the agreement inserted names an import the close saw: it is among the month's agreements)
    expect(await verify()).toEqual([
      inputsFinding("service agreements' terminations and assignments", 'service agreements'),
    ]);
    await db.close();
    await tdb.drop();
  });
});
