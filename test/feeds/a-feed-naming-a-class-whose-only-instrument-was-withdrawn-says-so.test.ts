import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemsError } from '../../src/errors.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { documentId, importExhibits } from '../../src/import/exhibitImport.js';
import { withdrawExhibit } from '../../src/import/exhibitWithdrawal.js';
import {
  type WithdrawnInstrument,
  withdrawnInstrumentHint,
} from '../../src/import/withdrawnInstrumentHint.js';
import type { Database } from '../../src/store/database.js';
import { listDocuments } from '../../src/store/registryStore.js';
import { mistakenClassKPlan } from '../close/mistakenPlanFixture.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * `plan12b exhibit withdraw` (the help example withdraws the demo's Class C plan), then the demo's
 * feeds imported again: each failed whole, every Class C row "has no class "C" in any instrument",
 * and the next step — "fix the file and run the import again" — said neither that the class had
 * lost its only instrument nor what to do. The refusal stands (a feed fails whole, and no fee is
 * due for a class no instrument covers); its next step now names the class, the withdrawn exhibit
 * (title, file, hash, date, reason) and the two ways on: leave the rows out, or import first an
 * instrument in force for the class (a withdrawn exhibit stays withdrawn).
 */
const FUND = 'AIM Value Fund';
const { file } = mistakenClassKPlan(FUND);

// header on line 1; Class A (seed 002) on lines 2–3; Class K (the mistaken plan only) on lines 4–6
const NET_ASSETS = [
  'date,portfolio,class,net_assets',
  `2007-01-16,${FUND},A,1000000.00`,
  `2007-01-17,${FUND},A,1000000.00`,
  `2007-01-16,${FUND},K,36500000.00`,
  `2007-01-17,${FUND},K,36500000.00`,
  `2007-01-18,${FUND},K,36500000.00`,
].join('\n');

describe.skipIf(!seedsAvailable)('a feed naming a class whose only instrument was withdrawn', () => {
  let tdb: TestDatabase;
  let db: Database;
  let withdrawnOn: string;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await importExhibits(db, [...seedExhibitFiles().filter((f) => f.fileName.includes('002_')), file]);
    // while the plan is in force, the file imports
    await importNetAssets(db, 'na.csv', Buffer.from(NET_ASSETS));
    await withdrawExhibit(db, documentId(file.bytes).slice(0, 12), 'imported by mistake');
    // the day the store recorded it (UTC), as `exhibit list` shows it
    const recorded = (await listDocuments(db)).find((d) => d.withdrawal !== null)!;
    withdrawnOn = recorded.withdrawal!.withdrawnAt.slice(0, 10);
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it('is refused whole, its next step naming the class, the withdrawn exhibit and what to do', async () => {
    const refused = await importNetAssets(db, 'na.csv', Buffer.from(NET_ASSETS)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(ProblemsError);
    const e = refused as ProblemsError;
    expect(e.exitCode).toBe(65);
    expect(e.problems.map((p) => [p.line, p.field, p.value])).toEqual([
      [4, 'class', 'K'],
      [5, 'class', 'K'],
      [6, 'class', 'K'],
    ]);
    const hash = documentId(file.bytes).slice(0, 16);
    expect(e.hint).toBe(
      `nothing was written; lines 4, 5 and 6 name Class K, which no instrument in force covers: its instrument "Master Distribution Plan of AIM Funds Group (Class K Shares)" (mistaken-plan.txt, ${hash}) was withdrawn on ${withdrawnOn} (imported by mistake); leave those rows out of the file, or import first an instrument in force that covers Class K (a withdrawn exhibit stays withdrawn; see \`plan12b exhibit list\`)`,
    );
  });

  it('a class no exhibit ever covered keeps the usual next step', async () => {
    const typo = `date,portfolio,class,net_assets\n2007-01-16,${FUND},Z,1000000.00`;
    const e = (await importNetAssets(db, 'z.csv', Buffer.from(typo)).catch(
      (x: unknown) => x,
    )) as ProblemsError;
    expect(e).toBeInstanceOf(ProblemsError);
    expect(e.hint).toBe('nothing was written; fix the file and run the import again');
  });
});

describe('the next step of rows a withdrawal explains', () => {
  const plan: WithdrawnInstrument = {
    id: `1b00b051a3ed5df1${'0'.repeat(48)}`,
    fileName: 'demo-02-class-c-plan.txt',
    title: 'Master Distribution Plan (Class C Shares)',
    withdrawnAt: '2026-12-06T07:40:00.000Z',
    reason: 'imported the draft by mistake',
    classes: ['C'],
  };
  const row = (line: number, field: string, value: string) => ({
    file: 'f.csv',
    line,
    field,
    value,
    reason: 'r',
  });

  it('counts many rows, names one line, and names a document by its hash, a prefix or its file name', () => {
    const many = Array.from({ length: 2500 }, (_, i) => row(502 + i, 'class', 'c'));
    expect(withdrawnInstrumentHint(many, [plan])).toContain('; 2,500 rows name Class C, which no instrument');
    expect(withdrawnInstrumentHint([row(2, 'class', 'C')], [plan])).toContain('; line 2 names Class C,');
    for (const named of [plan.id, '1b00b051', 'demo-02-class-c-plan.txt'])
      expect(withdrawnInstrumentHint([row(3, 'document', named)], [plan])).toBe(
        'nothing was written; line 3 names "Master Distribution Plan (Class C Shares)" (demo-02-class-c-plan.txt, 1b00b051a3ed5df1), which was withdrawn on 2026-12-06 (imported the draft by mistake); leave those rows out of the file, or name the document in force instead (see `plan12b exhibit list`)',
      );
  });

  it('says nothing when no withdrawal explains the rows', () => {
    expect(
      withdrawnInstrumentHint([row(2, 'class', 'Z'), row(3, 'document', 'abc')], [plan]),
    ).toBeUndefined();
    expect(withdrawnInstrumentHint([row(2, 'class', 'C')], [])).toBeUndefined();
  });
});
