import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/auditChain.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { importProviderAssets } from '../../src/feeds/providerAssetsFeed.js';
import { importProviders, listProviders } from '../../src/feeds/providersFeed.js';
import { terminateOnAssignment, terminateOnNotice } from '../../src/import/providerTerminations.js';
import { setActor } from '../../src/store/actor.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import type { Database } from '../../src/store/database.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedsAvailable } from '../support/seeds.js';
import { failureOf } from './support/failure.js';
import { WORKED_PROVIDERS_CSV, workedProviderAssetsCsv } from './support/workedExample.js';
import { seedWorkedClass, serviceFeeCounts } from './support/workedStore.js';

// Plan §10 through the state-change door: each termination and each assignment that changes an
// agreement leaves exactly one audit record naming the actor the user stated; one that would
// change a closed month's service fees is refused (68) and leaves none.
describe.skipIf(!seedsAvailable).each(dialects)('providers terminate and assign on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  const envActor = process.env.PLAN12B_ACTOR;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await seedWorkedClass(db);
    await importProviders(
      db,
      'providers.csv',
      Buffer.from(`${WORKED_PROVIDERS_CSV}\nNEW-1,New Dealer Securities,dealer,2006-06-01,,`),
    );
    await importProviderAssets(db, 'assets.csv', Buffer.from(workedProviderAssetsCsv()));
  });
  afterEach(() => {
    setActor(undefined);
    if (envActor === undefined) delete process.env.PLAN12B_ACTOR;
    else process.env.PLAN12B_ACTOR = envActor;
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('terminate on notice: one audit record with the actor stated by setActor (--actor); the same again, none', async () => {
    setActor('Jane Doe, Fund Treasurer');
    const before = (await loadAuditLog(db)).length;
    const res = await terminateOnNotice(db, {
      providerId: 'DLR-1',
      noticeDate: '2007-02-01',
      effectiveDate: '2007-03-01',
    });
    expect(res).toMatchObject({ changed: true, provider: { terminationEffective: '2007-03-01' } });
    const log = await loadAuditLog(db);
    expect(log.slice(before)).toEqual([
      expect.objectContaining({
        action: 'providers.terminate',
        actor: 'Jane Doe, Fund Treasurer',
        subject: 'DLR-1',
        detail: 'written notice of 2007-02-01; terminated effective 2007-03-01',
      }),
    ]);
    const again = await terminateOnNotice(db, {
      providerId: 'DLR-1',
      noticeDate: '2007-02-01',
      effectiveDate: '2007-03-01',
    });
    expect(again.changed).toBe(false);
    expect((await loadAuditLog(db)).length).toBe(before + 1);
    const dealer = (await listProviders(db)).find((p) => p.id === 'DLR-1')!;
    expect(dealer.history.at(-1)).toMatchObject({
      event: 'termination',
      cause: 'notice',
      recordedBy: 'Jane Doe, Fund Treasurer',
      source: 'plan12b providers terminate',
    });
  });

  it('assign: one audit record with the actor stated by PLAN12B_ACTOR', async () => {
    process.env.PLAN12B_ACTOR = 'Sam Lee, Operations';
    const before = (await loadAuditLog(db)).length;
    const res = await terminateOnAssignment(db, {
      providerId: 'BNK-1',
      date: '2007-02-15',
      assignedTo: 'Acme Bank',
    });
    expect(res).toMatchObject({ changed: true, provider: { terminationCause: 'assignment' } });
    const log = await loadAuditLog(db);
    expect(log.slice(before)).toEqual([
      expect.objectContaining({
        action: 'providers.assign',
        actor: 'Sam Lee, Operations',
        subject: 'BNK-1',
        detail: 'assigned to Acme Bank; terminated effective 2007-02-15',
      }),
    ]);
    expect(verifyAuditChain(log).ok).toBe(true);
  });

  it('an assignee named with a line break or control character is a usage error (64, a stated name); nothing written', async () => {
    const before = { counts: await serviceFeeCounts(db), audit: (await loadAuditLog(db)).length };
    for (const assignedTo of ['Acme\nBank', 'Acme\u0007Bank']) {
      const f = await failureOf(
        terminateOnAssignment(db, { providerId: 'NEW-1', date: '2007-03-01', assignedTo }),
      );
      expect([f.code, f.exit]).toEqual(['USAGE', 64]);
      expect(f.message).toMatch(/^the assignee .* contains a control character or line break$/);
    }
    expect({ counts: await serviceFeeCounts(db), audit: (await loadAuditLog(db)).length }).toEqual(before);
  });

  it('with January closed, a termination or assignment effective in it — or before it — is refused (68); nothing written', async () => {
    await closeMonth(db, '2007-01', MONTH_CLOSE_STEPS, { first: true });
    const before = { counts: await serviceFeeCounts(db), audit: (await loadAuditLog(db)).length };
    const inside = await failureOf(terminateOnAssignment(db, { providerId: 'NEW-1', date: '2007-01-20' }));
    expect([inside.code, inside.exit]).toEqual(['REFUSED', 68]);
    expect(inside.message).toBe(
      'service agreement with NEW-1: a termination effective 2007-01-20 would change the service fees of closed month 2007-01',
    );
    const notice = await failureOf(
      terminateOnNotice(db, { providerId: 'NEW-1', noticeDate: '2007-01-10', effectiveDate: '2007-01-31' }),
    );
    expect([notice.code, notice.exit]).toEqual(['REFUSED', 68]);
    // Ending it in December 2006 would take January's fees away too.
    const earlier = await failureOf(
      terminateOnNotice(db, { providerId: 'NEW-1', noticeDate: '2006-12-01', effectiveDate: '2006-12-20' }),
    );
    expect([earlier.code, earlier.exit]).toEqual(['REFUSED', 68]);
    expect(earlier.message).toMatch(/closed month 2007-01$/);
    expect({ counts: await serviceFeeCounts(db), audit: (await loadAuditLog(db)).length }).toEqual(before);
    // From the first open month on, the same command is accepted.
    const open = await terminateOnAssignment(db, { providerId: 'NEW-1', date: '2007-02-01' });
    expect(open.changed).toBe(true);
    expect((await loadAuditLog(db)).length).toBe(before.audit + 1);
  });
});
