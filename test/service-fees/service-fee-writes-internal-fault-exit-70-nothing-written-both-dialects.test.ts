import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Plan12bError } from '../../src/errors.js';
import { importProviderAssets } from '../../src/feeds/providerAssetsFeed.js';
import { importProviders } from '../../src/feeds/providersFeed.js';
import { terminateOnAssignment } from '../../src/import/providerTerminations.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import type { Database } from '../../src/store/database.js';
import { runCliInProcess } from '../support/cli.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedsAvailable } from '../support/seeds.js';
import { WORKED_PROVIDERS_CSV, workedProviderAssetsCsv } from './support/workedExample.js';
import { seedWorkedClass, serviceFeeCounts } from './support/workedStore.js';

// A bug inside a service-fee write (an injected fault after the rows are written, before the
// audit record) is never reported as bad input, and the transaction leaves nothing behind.
describe.skipIf(!seedsAvailable).each(dialects)(
  'an internal fault in a service-fee write on %s',
  (dialect) => {
    let tdb: TestDatabase;
    let db: Database;
    beforeAll(async () => {
      tdb = await freshDatabase(dialect);
      db = await tdb.open();
      await seedWorkedClass(db);
    });
    afterEach(() => {
      delete process.env.PLAN12B_FAULT;
    });
    afterAll(async () => {
      await db.close();
      await tdb.drop();
    });

    const state = async () => ({
      counts: await serviceFeeCounts(db),
      audit: (await loadAuditLog(db)).length,
    });

    it.each([
      ['import:providers', () => importProviders(db, 'providers.csv', Buffer.from(WORKED_PROVIDERS_CSV))],
      [
        'import:provider-assets',
        () => importProviderAssets(db, 'assets.csv', Buffer.from(workedProviderAssetsCsv())),
      ],
      [
        'change:providers.assign',
        () => terminateOnAssignment(db, { providerId: 'BNK-1', date: '2007-01-22' }),
      ],
    ] as const)(
      '%s: the fault propagates as a bug, not a refusal, and rolls everything back',
      async (point, run) => {
        // The providers must exist for the later steps: import them once without a fault.
        if (point !== 'import:providers')
          await importProviders(db, 'providers.csv', Buffer.from(WORKED_PROVIDERS_CSV));
        if (point === 'change:providers.assign')
          await importProviderAssets(db, 'assets.csv', Buffer.from(workedProviderAssetsCsv()));
        const before = await state();
        process.env.PLAN12B_FAULT = `${point}:throw`;
        const err = await run().then(
          () => null,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(Error);
        expect(err).not.toBeInstanceOf(Plan12bError);
        expect((err as Error).message).toBe(`injected fault at ${point}`);
        expect(await state()).toEqual(before);
      },
    );
  },
);

describe('an internal fault in `providers import` through the CLI', () => {
  it('exits 70 with a message that says it is a bug; --json prints the error document', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan12b-sf-fault-'));
    const file = join(dir, 'providers.csv');
    writeFileSync(file, WORKED_PROVIDERS_CSV);
    // a copy of the run's migrated store (test/support/globalSetup.ts), not an initdb of its own
    const tdb = await freshDatabase('pglite', dir);
    const run = await runCliInProcess(['--db', tdb.target, 'providers', 'import', file, '--json'], {
      PLAN12B_FAULT: 'import:providers:throw',
    });
    expect(run.code).toBe(70);
    expect(run.stdout).toMatch(/"code": ?"INTERNAL"/);
    expect(run.stdout).toMatch(/a bug in plan12b, not a problem with your input/);
    await tdb.drop();
  });
});
