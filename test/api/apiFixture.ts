import { ApiStore } from '../../src/api/apiStore.js';
import { createApiToken } from '../../src/api/apiTokens.js';
import { createApp } from '../../src/api/app.js';
import { ROLES, type Role } from '../../src/api/roles.js';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { withActor } from '../../src/store/actor.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';

/** Daily net assets of AIM Value Fund class C on every business day of a range. */
export function netAssetsCsv(from: string, to: string, amount = '36500000.00'): Buffer {
  return Buffer.from(
    [
      'date,portfolio,class,net_assets',
      ...businessDaysBetween(from, to).map((d) => `${d},AIM Value Fund,C,${amount}`),
    ].join('\n'),
  );
}

export interface ApiFixture {
  readonly tdb: TestDatabase;
  readonly store: ApiStore;
  readonly app: ReturnType<typeof createApp>['app'];
  readonly jobs: ReturnType<typeof createApp>['jobs'];
  /** a live token of each role, named after it */
  readonly tokens: Record<Role, string>;
  request(
    method: string,
    path: string,
    opts?: { token?: string | null; body?: string | Buffer; type?: string },
  ): Promise<Response>;
  close(): Promise<void>;
}

/**
 * A store with the AIM plan (seed 002) and net assets for December 2006 – February 2007, a token
 * of each role, and the API over it — requests go in-process (Hono's app.request).
 */
export async function apiFixture(dialect: 'pglite' | 'postgres'): Promise<ApiFixture> {
  const tdb = await freshDatabase(dialect);
  const db = await tdb.open();
  const tokens = {} as Record<Role, string>;
  try {
    await withActor('test setup', async () => {
      await importExhibits(
        db,
        seedExhibitFiles().filter((f) => f.fileName.includes('002_')),
      );
      await importNetAssets(db, 'na.csv', netAssetsCsv('2006-12-01', '2007-02-28'));
      for (const role of ROLES) tokens[role] = (await createApiToken(db, { name: role, role })).token;
    });
  } finally {
    await db.close();
  }
  const store = await ApiStore.open(tdb.target, { connections: 3 });
  const { app, jobs } = createApp(store, { rateLimit: { perSecond: 0, burst: 0 } });
  return {
    tdb,
    store,
    app,
    jobs,
    tokens,
    request(method, path, opts = {}) {
      const headers: Record<string, string> = {};
      if (opts.token !== null) headers.authorization = `Bearer ${opts.token ?? tokens.viewer}`;
      if (opts.type) headers['content-type'] = opts.type;
      return Promise.resolve(
        app.request(path, { method, headers, ...(opts.body !== undefined ? { body: opts.body } : {}) }),
      );
    },
    async close() {
      await jobs.settle();
      await store.close();
      await tdb.drop();
    },
  };
}
