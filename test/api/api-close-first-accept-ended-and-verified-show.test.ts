import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiStore } from '../../src/api/apiStore.js';
import { createApiToken } from '../../src/api/apiTokens.js';
import { createApp } from '../../src/api/app.js';
import type { CloseJob } from '../../src/api/closeJobs.js';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { JOURNAL_COLUMNS } from '../../src/reports/journal.js';
import { withActor } from '../../src/store/actor.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

const days = (from: string, to: string, cls: string) =>
  businessDaysBetween(from, to).map((d) => `${d},${cls},36500000.00`);

/**
 * What `plan12b close` accepts besides --month, through POST /api/close (SPEC §12; issue 13):
 * `first` starts the books at a later month, only while nothing is closed; `acceptEnded` accepts
 * a class whose net-assets feed stopped — both sealed in the `completeness` part and audited with
 * the token's actor. A plain mistake is answered at once with the CLI's code; GET
 * /api/months/{month}/sealed is `close show`: the sealed parts, verified first (tampered → 69).
 */
describe.skipIf(!seedsAvailable).each(dialects)('close first / accept-ended / show on %s', (dialect) => {
  let tdb: TestDatabase;
  let store: ApiStore;
  let api: ReturnType<typeof createApp>;
  const tokens = { operator: '', viewer: '' };
  const send = (method: string, path: string, token: string, body?: unknown) =>
    api.app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const close = (body: unknown) => send('POST', '/api/close', tokens.operator, body);
  const closedCount = async () =>
    (await store.use((db) => db.query<{ n: string }>('SELECT count(*)::text AS n FROM closed_month')))[0]!.n;

  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    const db = await tdb.open();
    try {
      await withActor('test setup', async () => {
        await importExhibits(
          db,
          seedExhibitFiles().filter((f) => f.fileName.includes('002_')),
        );
        // AIM Balanced Fund C runs December – February; AIM Value Fund C stops on Thursday 2007-02-15
        await importNetAssets(
          db,
          'na.csv',
          Buffer.from(
            [
              'date,portfolio,class,net_assets',
              ...days('2006-12-01', '2007-02-28', 'AIM Balanced Fund,C'),
              ...days('2006-12-01', '2007-02-15', 'AIM Value Fund,C'),
            ].join('\n'),
          ),
        );
        tokens.operator = (await createApiToken(db, { name: 'ops', role: 'operator' })).token;
        tokens.viewer = (await createApiToken(db, { name: 'view', role: 'viewer' })).token;
      });
    } finally {
      await db.close();
    }
    store = await ApiStore.open(tdb.target, { connections: 2 });
    api = createApp(store, { rateLimit: { perSecond: 0, burst: 0 } });
  });
  afterAll(async () => {
    await api?.jobs.settle();
    await store?.close();
    await tdb?.drop();
  });

  it('answers a plain mistake at once with the CLI’s code, starting no job and writing nothing', async () => {
    const cases: [unknown, number, string, number][] = [
      [{ month: '2007-01', acceptEnded: ['AIM Value Fund C'] }, 400, 'USAGE', 64],
      [{ month: '2007-01', acceptEnded: [':C'] }, 400, 'USAGE', 64],
      [{ month: '2007-01', first: 'yes' }, 400, 'USAGE', 64],
      [{ month: '2007-01', acceptEnded: ['No Such Fund:C'] }, 404, 'NOT_FOUND', 66],
    ];
    for (const [body, status, code, exit] of cases) {
      const res = await close(body);
      expect({ body, status: res.status }).toEqual({ body, status });
      expect(await res.json()).toMatchObject({ error: { code, exit } });
    }
    expect(api.jobs.list()).toEqual([]);
    expect(await closedCount()).toBe('0');
  });

  it('first: the books start at 2007-01 (not 2006-12, the first month with net assets); sealed and audited', async () => {
    const res = await close({ month: '2007-01', first: true });
    expect(res.status).toBe(202);
    const job = (await res.json()) as CloseJob;
    expect(job.options).toEqual({ first: true, acceptEnded: [], instructedDueDate: null });
    await api.jobs.settle();
    expect(api.jobs.get(job.id)).toMatchObject({
      state: 'sealed',
      result: { closedBy: 'token:ops (operator)' },
    });

    const show = await send('GET', '/api/months/2007-01/sealed', tokens.viewer);
    expect(show.status).toBe(200);
    expect(await show.json()).toMatchObject({
      month: '2007-01',
      verified: true,
      closedBy: 'token:ops (operator)',
      resultsHash: api.jobs.get(job.id)!.result!.resultsHash,
      completeness: { startsBooks: true, firstMonthWithNetAssets: '2006-12', acceptedAsEnded: [] },
    });
    // GET /api/fees over the closed month: as sealed (SPEC §12), or today's data with recompute=true
    const sealedFees = (await (
      await send('GET', '/api/fees?from=2007-01-01&to=2007-01-31', tokens.viewer)
    ).json()) as {
      classes: unknown[];
      closedMonths: { month: string; basis: string }[];
      recomputedClosedMonths?: string[];
    };
    expect(sealedFees.closedMonths).toMatchObject([{ month: '2007-01', basis: 'sealed' }]);
    expect(sealedFees.recomputedClosedMonths).toBeUndefined();
    const todays = (await (
      await send('GET', '/api/fees?from=2007-01-01&to=2007-01-31&recompute=true', tokens.viewer)
    ).json()) as typeof sealedFees;
    expect(todays.closedMonths).toMatchObject([{ month: '2007-01', basis: 'recomputed' }]);
    expect(todays.recomputedClosedMonths).toEqual(['2007-01']);
    expect(todays.classes).toEqual(sealedFees.classes); // nothing restated since the close
    const record = (await store.use((db) => loadAuditLog(db, { action: 'month.close' }))).at(-1)!;
    expect(record.actor).toBe('token:ops (operator)');
    expect(record.detail).toContain('first:books-start-here');

    // once a month is closed, first is refused at once (68), as the CLI refuses --first
    const again = await close({ month: '2007-02', first: true });
    expect(again.status).toBe(403);
    expect(await again.json()).toMatchObject({
      error: {
        code: 'REFUSED',
        exit: 68,
        message: expect.stringContaining('the books already start at 2007-01'),
      },
    });
    // and a month out of order is refused at once (68), not accepted as a job that then fails
    const early = await close({ month: '2007-05' });
    expect(early.status).toBe(403);
    expect(await early.json()).toMatchObject({
      error: { code: 'REFUSED', exit: 68, message: '2007-04 is not closed yet' },
    });
    expect(api.jobs.list().filter((j) => j.month === '2007-05')).toEqual([]);
  });

  /**
   * February: AIM Value Fund C's net assets stop on 2007-02-15, so the close is refused (68) until
   * the class is accepted as ended; it then accrues February 1–15: 15 days × 36,500,000.00 × 0.75%
   * / 365 = 15 × 750.00 = 11,250.00 of distribution fees and 15 × 250.00 = 3,750.00 of service fees.
   */
  it('acceptEnded: refused (68) without it; with it sealed, the class ended 2007-02-16, audited', async () => {
    const refused = (await (await close({ month: '2007-02' })).json()) as CloseJob;
    await api.jobs.settle();
    expect(api.jobs.get(refused.id)).toMatchObject({
      state: 'failed',
      error: { code: 'REFUSED', exit: 68, message: expect.stringContaining('AIM Value Fund:C') },
    });

    const res = await close({ month: '2007-02', acceptEnded: ['AIM Value Fund:C'] });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as CloseJob;
    await api.jobs.settle();
    expect(api.jobs.get(id)).toMatchObject({
      state: 'sealed',
      options: { acceptEnded: ['AIM Value Fund:C'] },
    });

    const view = (await (await send('GET', '/api/months/2007-02/sealed', tokens.viewer)).json()) as {
      completeness: { acceptedAsEnded: unknown[] };
      parts: {
        fees: { classes: { portfolio: string; days: number; distributionFee: string; serviceFee: string }[] };
      };
    };
    expect(view.completeness.acceptedAsEnded).toEqual([
      expect.objectContaining({
        portfolio: 'AIM Value Fund',
        class: 'C',
        lastNetAssets: '2007-02-15',
        endedOn: '2007-02-16',
        acceptedIn: '2007-02',
      }),
    ]);
    expect(view.parts.fees.classes.find((c) => c.portfolio === 'AIM Value Fund')).toMatchObject({
      days: 15,
      distributionFee: '11250.00',
      serviceFee: '3750.00',
    });
    const record = (await store.use((db) => loadAuditLog(db, { action: 'month.close' }))).at(-1)!;
    expect(record.actor).toBe('token:ops (operator)');
    expect(record.detail).toMatch(/accepted-ended:\S+\|C\|last=2007-02-15\|in=2007-02/);

    const csv = await send('GET', '/api/months/2007-02/sealed?format=csv&part=fees', tokens.viewer);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await csv.text()).trimEnd().split('\n');
    expect(lines[0]).toBe(
      'portfolio,class,month,days,averageDailyNetAssets,distributionFee,serviceFee,totalFee',
    );
    expect(lines.find((l) => l.startsWith('AIM Value Fund,C,2007-02,15,'))).toMatch(
      /,11250\.00,3750\.00,15000\.00$/,
    );

    // the month's journal as CSV (format=csv) is its sealed journal's lines, as `plan12b journal --csv`
    const journal = await send('GET', '/api/journal?month=2007-02&format=csv', tokens.viewer);
    expect(journal.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const journalLines = (await journal.text()).trimEnd().split('\n');
    const sealed = (await (await send('GET', '/api/journal?month=2007-02', tokens.viewer)).json()) as {
      basis: string;
      lines: unknown[];
    };
    expect(sealed.basis).toBe('sealed');
    expect(journalLines[0]).toBe(JOURNAL_COLUMNS.join(','));
    expect(journalLines).toHaveLength(sealed.lines.length + 1);
  });

  it('close show: a month not closed is 404 (66), a part not printable as CSV 400 (64), tampered 503 (69)', async () => {
    const open = await send('GET', '/api/months/2007-03/sealed', tokens.viewer);
    expect(open.status).toBe(404);
    expect(await open.json()).toMatchObject({ error: { code: 'NOT_FOUND', exit: 66 } });
    const part = await send('GET', '/api/months/2007-01/sealed?format=csv&part=completeness', tokens.viewer);
    expect(part.status).toBe(400);
    expect(await part.json()).toMatchObject({ error: { code: 'USAGE', exit: 64 } });

    await store.use(async (db) => {
      await db.query('ALTER TABLE close_result DISABLE TRIGGER USER');
      await db.query(
        `UPDATE close_result SET content = jsonb_set(content::jsonb, '{classes,0,distributionFee}', '"1.00"')::json WHERE month = '2007-01' AND part = 'fees'`,
      );
      await db.query('ALTER TABLE close_result ENABLE TRIGGER USER');
    });
    const tampered = await send('GET', '/api/months/2007-01/sealed', tokens.viewer);
    expect(tampered.status).toBe(503);
    expect(await tampered.json()).toMatchObject({
      error: {
        code: 'DATABASE',
        exit: 69,
        message: expect.stringContaining('sealed part fees does not match its hash'),
      },
    });
  });
});
