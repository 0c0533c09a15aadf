import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAuditEvidence } from '../../src/audit/auditEvidence.js';
import { verifyAuditEvidence } from '../../src/audit/auditVerification.js';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth, loadCloseResult } from '../../src/close/monthClose.js';
import type { ExhibitDocument } from '../../src/edgar/exhibitDocument.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { Plan12bError, ProblemsError } from '../../src/errors.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { documentId, importExhibits } from '../../src/import/exhibitImport.js';
import { withdrawExhibit } from '../../src/import/exhibitWithdrawal.js';
import { setActor } from '../../src/store/actor.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import type { Database } from '../../src/store/database.js';
import { listDocuments, loadRegistry } from '../../src/store/registryStore.js';
import { runCliInProcess } from '../support/cli.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * Issue 11 item 7: a document imported by mistake is withdrawn through the one door, audited with
 * the actor and reason; from then on the registry no longer uses it; the closed month it governed
 * keeps its sealed results, and the next close reports the difference as a prior-period adjustment.
 */

// A Class C plan for AIM Value Fund at 0.50% effective 2007-01-15, imported by mistake: from that
// date it governs (latest effective date) over the Sixth A&R Plan's 0.75% (seed 002_).
const mistaken: ExhibitDocument = {
  kind: 'plan',
  title: 'Master Distribution Plan of AIM Funds Group (Class C Shares)',
  exhibit: null,
  instrument: {
    kind: 'plan',
    title: 'Master Distribution Plan',
    registrant: 'AIM Funds Group',
    classes: ['C'],
    datedAsOf: '2007-01-15',
  },
  amendmentNumber: null,
  effectiveDate: '2007-01-15',
  datedDate: '2007-01-15',
  terms: { distributionFeePct: null, serviceFeePct: null },
  schedules: [
    {
      name: 'Schedule A',
      replacesEntirely: false,
      entries: [
        {
          registrant: 'AIM FUNDS GROUP',
          portfolio: 'AIM Value Fund',
          class: 'C',
          assetBasedSalesChargePct: '0.50',
          assetBasedSalesChargeBound: 'maximum',
          serviceFeePct: '0.25',
          aggregateFeePct: '0.75',
        },
      ],
    },
  ],
  renames: [],
  renameRules: [],
  footnotes: [],
  warnings: [],
};
const mistakenFile = {
  fileName: 'mistaken-class-c-plan.txt',
  bytes: Buffer.from(renderExhibit(mistaken, { marked: false })),
};
const mistakenId = documentId(mistakenFile.bytes);

function netAssetsCsv(from: string, to: string): Buffer {
  return Buffer.from(
    [
      'date,portfolio,class,net_assets',
      ...businessDaysBetween(from, to).map((d) => `${d},AIM Value Fund,C,36500000.00`),
    ].join('\n'),
  );
}

describe.skipIf(!seedsAvailable).each(dialects)('exhibit withdraw on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await importExhibits(db, [
      ...seedExhibitFiles().filter((f) => f.fileName.includes('002_')),
      mistakenFile,
    ]);
    await importNetAssets(db, 'na.csv', netAssetsCsv('2007-01-02', '2007-02-28'));
    await closeMonth(db, '2007-01', MONTH_CLOSE_STEPS);
  });
  let open = true;
  afterAll(async () => {
    setActor(undefined);
    if (open) await db.close();
    await tdb.drop();
  });

  it('January was sealed under the mistaken document', async () => {
    // 2007-01-02 the NYSE was closed (a day of mourning), so the first row is Jan 3.
    // 36,500,000.00 × 0.75% / 365 = 750.00 a day, Jan 3–14 (12 days; none before the first row)
    // = 9,000.00; × 0.50% / 365 = 500.00 a day, Jan 15–31 (17 days) = 8,500.00; total 17,500.00;
    // service 36,500,000.00 × 0.25% / 365 = 250.00 × 29 days = 7,250.00
    const jan = (await loadCloseResult(db, '2007-01', 'fees')) as {
      classes: { distributionFee: string; serviceFee: string }[];
    };
    expect(jan.classes).toEqual([
      expect.objectContaining({ month: '2007-01', distributionFee: '17500.00', serviceFee: '7250.00' }),
    ]);
  });

  it('an unknown hash is not found (66, as `exhibit diff`), a malformed one a usage error (64), with a hint; nothing is written', async () => {
    const before = (await loadAuditLog(db)).length;
    for (const [hash, exit] of [
      ['0000000000000000', 66], // well formed; no imported document has it
      ['not-a-hash', 64], // not hexadecimal
      [mistakenId.slice(0, 4), 64], // fewer than 8 digits
    ] as const) {
      const err = await withdrawExhibit(db, hash, 'mistake').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Plan12bError);
      expect({ hash, exit: (err as Plan12bError).exitCode }).toEqual({ hash, exit });
      expect((err as Plan12bError).hint).toMatch(/exhibit list/);
    }
    expect(await loadAuditLog(db)).toHaveLength(before);
  });

  it('withdraws through the door: one audit record with the actor and the reason; listed as withdrawn', async () => {
    setActor('Jane Doe, Fund Treasurer');
    const result = await withdrawExhibit(db, mistakenId.slice(0, 12), 'imported by mistake: a draft');
    expect(result).toMatchObject({
      id: mistakenId,
      effectiveDate: '2007-01-15',
      withdrawnBy: 'Jane Doe, Fund Treasurer',
      reason: 'imported by mistake: a draft',
      closedMonthsToAdjust: ['2007-01'],
    });
    const last = (await loadAuditLog(db)).at(-1)!;
    expect(last).toMatchObject({
      action: 'exhibit.withdraw',
      actor: 'Jane Doe, Fund Treasurer',
      contentHash: mistakenId,
    });
    expect(last.detail).toContain('reason: imported by mistake: a draft');
    const listed = (await listDocuments(db)).find((d) => d.id === mistakenId)!;
    expect(listed.withdrawal).toEqual({
      reason: 'imported by mistake: a draft',
      withdrawnBy: 'Jane Doe, Fund Treasurer',
      withdrawnAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect((await listDocuments(db)).filter((d) => d.withdrawal === null)).toHaveLength(1);
  });

  it('the registry no longer uses it: the Sixth A&R Plan governs AIM Value Fund C again', async () => {
    const registry = await loadRegistry(db);
    const { entries } = registry.scheduleAsOf('2007-02-01', { portfolio: 'AIM Value Fund', class: 'C' });
    expect(entries).toEqual([
      expect.objectContaining({
        assetBasedSalesChargePct: '0.75',
        serviceFeePct: '0.25',
        inForceSince: '2002-06-03',
      }),
    ]);
  });

  it('withdrawing it again is refused (68); importing its bytes again is refused (68): it stays withdrawn', async () => {
    const again = await withdrawExhibit(db, mistakenId, 'twice').catch((e: unknown) => e);
    expect((again as Plan12bError).exitCode).toBe(68);
    expect((again as Error).message).toMatch(
      /already withdrawn .* by Jane Doe, Fund Treasurer: imported by mistake/,
    );
    const reimport = await importExhibits(db, [mistakenFile]).catch((e: unknown) => e);
    expect(reimport).toBeInstanceOf(ProblemsError);
    expect((reimport as ProblemsError).exitCode).toBe(68);
    expect((reimport as ProblemsError).problems[0]!.reason).toMatch(/was withdrawn .* it stays withdrawn/);
  });

  it('January keeps its sealed results; the February close reports the difference as a prior-period adjustment', async () => {
    const feb = await closeMonth(db, '2007-02', MONTH_CLOSE_STEPS);
    // February at 0.75% throughout: 750.00 × 28 = 21,000.00; service 250.00 × 28 = 7,000.00
    expect((feb.parts.fees as { classes: unknown[] }).classes).toEqual([
      expect.objectContaining({ month: '2007-02', distributionFee: '21000.00', serviceFee: '7000.00' }),
    ]);
    // January now: 750.00 × 29 = 21,750.00 against 17,500.00 sealed: +4,250.00 (= 250.00 × 17
    // days, Jan 15–31, independently); the service fee is unchanged (0.25% either way)
    expect(feb.parts.adjustments).toMatchObject({
      reportedIn: '2007-02',
      adjustments: [
        {
          month: '2007-01',
          portfolio: 'AIM Value Fund',
          class: 'C',
          distributionFee: '4250.00',
          serviceFee: '0.00',
          totalFee: '4250.00',
        },
      ],
    });
    const jan = (await loadCloseResult(db, '2007-01', 'fees')) as { classes: { distributionFee: string }[] };
    expect(jan.classes[0]!.distributionFee).toBe('17500.00');
    // reported once: a later close does not report it again
    await importNetAssets(db, 'mar.csv', netAssetsCsv('2007-03-01', '2007-03-31'));
    const mar = await closeMonth(db, '2007-03', MONTH_CLOSE_STEPS);
    expect((mar.parts.adjustments as { adjustments: unknown[] }).adjustments).toEqual([]);
    // the sealed months were never touched: the audit log and every seal verify
    expect(verifyAuditEvidence(await loadAuditEvidence(db)).ok).toBe(true);
  });

  it.runIf(dialect === 'pglite')(
    'through the CLI: `exhibit list` shows it withdrawn with reason, actor and date; an unknown hash exits 66 (as `exhibit diff`), a malformed one 64, with a hint',
    async () => {
      await db.close(); // the PGlite folder is one process's at a time
      open = false;
      const list = await runCliInProcess(['--db', tdb.target, 'exhibit', 'list']);
      expect(list.code).toBe(0);
      // the text table wraps to 80 columns: read it with its line breaks as spaces
      expect(list.stdout.replace(/\s+/g, ' ')).toMatch(
        new RegExp(
          `${mistakenId.slice(0, 16)}.*WITHDRAWN \\d{4}-\\d\\d-\\d\\dT\\S+ by Jane Doe, Fund Treasurer: imported by mistake: a draft`,
        ),
      );
      const unknown = await runCliInProcess([
        '--db',
        tdb.target,
        'exhibit',
        'withdraw',
        '00000000',
        '--reason',
        'x',
        '--json',
      ]);
      expect(unknown.code).toBe(66);
      expect(JSON.stringify(unknown.json())).toMatch(
        /no imported document has the hash 00000000.*exhibit list/,
      );
      const malformed = await runCliInProcess([
        '--db',
        tdb.target,
        'exhibit',
        'withdraw',
        'not-a-hash',
        '--reason',
        'x',
        '--json',
      ]);
      expect(malformed.code).toBe(64);
      expect(JSON.stringify(malformed.json())).toMatch(/is not a document hash/);
    },
    300_000,
  );
});
