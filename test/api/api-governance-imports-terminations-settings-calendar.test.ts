import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_LOG_CSV_COLUMNS } from '../../src/audit/auditLogColumns.js';
import { CONTINUANCE_CSV_COLUMNS } from '../../src/reports/continuanceReport.js';
import { FEES_MONTH_COLUMNS } from '../../src/reports/feesReport.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import { listDocuments } from '../../src/store/registryStore.js';
import { runCliInProcess } from '../support/cli.js';
import { dialects } from '../support/databases.js';
import { seedsAvailable } from '../support/seeds.js';
import { type ApiFixture, apiFixture } from './apiFixture.js';

/**
 * The CLI's remaining governance and calendar capabilities through the API (issue 13: an HTTP API
 * over every capability): the terminations, expenditures, gross-sales, prime-rate and approvals
 * imports (operator; audited with the token's actor), `terminations list` (JSON and format=csv),
 * `settings list`, and `calendar business-day` / `is-business-day`.
 */
describe.skipIf(!seedsAvailable).each(dialects)('governance and calendar routes on %s', (dialect) => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture(dialect);
  });
  afterAll(async () => {
    await f?.close();
  });
  const upload = (feed: string, rows: string[]) =>
    f.request('POST', `/api/imports/${feed}?fileName=${feed}.csv`, {
      token: f.tokens.operator,
      body: rows.join('\n'),
      type: 'text/csv',
    });

  it('imports a termination as the operator, audited with the token; terminations list as JSON and CSV', async () => {
    const res = await upload('terminations', [
      'instrument,portfolio,class,date,by,notice_date,reason',
      'plan,AIM Value Fund,C,2007-06-01,trustees,,Board resolution 2007-5',
    ]);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ inserted: 1, unchanged: 0 });
    expect((await f.store.use((db) => loadAuditLog(db))).at(-1)).toMatchObject({
      actor: 'token:operator (operator)',
    });
    const row = {
      instrument: 'plan',
      portfolio: 'AIM Value Fund',
      class: 'C',
      date: '2007-06-01',
      by: 'trustees',
      noticeDate: null,
      reason: 'Board resolution 2007-5',
    };
    expect(await (await f.request('GET', '/api/terminations')).json()).toEqual({
      count: 1,
      terminations: [row],
    });
    const csv = await f.request('GET', '/api/terminations?format=csv');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect((await csv.text()).trimEnd().split('\n')).toEqual([
      'instrument,portfolio,class,date,by,noticeDate,reason',
      'plan,AIM Value Fund,C,2007-06-01,trustees,,Board resolution 2007-5',
    ]);
  });

  it('imports the prime rate and gross sales (the FINRA cap feeds); a viewer is refused', async () => {
    const prime = await upload('prime-rate', ['effective_date,prime_rate', '2006-06-29,8.25']);
    expect(prime.status).toBe(200);
    expect(await prime.json()).toMatchObject({ inserted: 1 });
    const sales = await upload('gross-sales', [
      'month,portfolio,class,gross_sales',
      '2007-01,AIM Value Fund,C,1000000.00',
    ]);
    expect(sales.status).toBe(200);
    expect(await sales.json()).toMatchObject({ inserted: 1 });
    const viewer = await f.request('POST', '/api/imports/prime-rate', {
      token: f.tokens.viewer,
      body: 'effective_date,prime_rate\n2007-01-01,8.25',
      type: 'text/csv',
    });
    expect(viewer.status).toBe(403);
  });

  it('settings list: every setting at its default', async () => {
    const { settings } = (await (await f.request('GET', '/api/settings')).json()) as {
      settings: { key: string; value: string; isDefault: boolean }[];
    };
    expect(settings.map((s) => s.key)).toEqual([
      'approvals.enforce',
      'continuance.basis',
      'continuance.plan-first-deadline',
      'continuance.agreement-first-deadline',
      'finra-cap.interest-spread',
      'finra-cap.interest-day-basis',
    ]);
    expect(settings.every((s) => s.isDefault)).toBe(true);
    expect(settings[0]!.value).toBe('false');
  });

  it('settings and tokens as CSV (format=csv): the CLI columns, never a token', async () => {
    const settings = (await (await f.request('GET', '/api/settings?format=csv')).text())
      .trimEnd()
      .split('\n');
    expect(settings[0]).toBe('key,value,default,isDefault,meaning');
    expect(settings.slice(1).map((l) => l.split(',').slice(0, 4).join(','))[0]).toBe(
      'approvals.enforce,false,false,true',
    );
    const res = await f.request('GET', '/api/tokens?format=csv', { token: f.tokens.admin });
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const tokens = (await res.text()).trimEnd().split('\n');
    expect(tokens[0]).toBe('name,role,createdAt,createdBy,revokedAt,revokedBy');
    // one token per role (the fixture's), none revoked, no token's secret
    expect(
      tokens
        .slice(1)
        .map((l) => l.split(',').slice(0, 2).join(','))
        .sort(),
    ).toEqual(
      Object.keys(f.tokens)
        .map((role) => `${role},${role}`)
        .sort(),
    );
    for (const secret of Object.values(f.tokens)) expect(tokens.join('\n')).not.toContain(secret);
  });

  /**
   * Ten NYSE business days after Wednesday 2007-01-31: Feb 1, 2, 5, 6, 7, 8, 9, 12, 13, 14 →
   * 2007-02-14. 2007-01-02 was a closing (the national day of mourning for President Ford).
   */
  it('calendar: the 10th business day after 2007-01-31, and why 2007-01-02 and 2007-01-06 were closed', async () => {
    expect(await (await f.request('GET', '/api/calendar/business-day?after=2007-01-31&n=10')).json()).toEqual(
      {
        after: '2007-01-31',
        n: 10,
        date: '2007-02-14',
      },
    );
    const cli = await runCliInProcess([
      'calendar',
      'business-day',
      '--after',
      '2007-01-31',
      '--n',
      '10',
      '--json',
    ]);
    expect(cli.json<{ date: string }>().date).toBe('2007-02-14');
    expect(await (await f.request('GET', '/api/calendar/is-business-day?date=2007-01-02')).json()).toEqual({
      date: '2007-01-02',
      businessDay: false,
      reason: expect.stringContaining('Ford'),
    });
    expect(await (await f.request('GET', '/api/calendar/is-business-day?date=2007-01-06')).json()).toEqual({
      date: '2007-01-06',
      businessDay: false,
      reason: 'weekend',
    });
    for (const path of [
      '/api/calendar/business-day?after=1989-12-29',
      '/api/calendar/business-day?after=2007-01-31&n=-1',
      '/api/calendar/is-business-day?date=2101-01-03',
    ]) {
      const res = await f.request('GET', path);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(await res.json()).toMatchObject({ error: { code: 'USAGE', exit: 64 } });
    }
  });

  it('terminate (operator, JSON): recorded and audited with the token; the same again is unchanged', async () => {
    // the store holds only the AIM Funds Group Plan (seed 002): there is no agreement to terminate
    // (FIFTEENTH(A)), so the Plan is terminated for a class (Plan §9)
    const body = JSON.stringify({
      instrument: 'plan',
      portfolio: 'AIM Value Fund',
      class: 'A',
      date: '2007-09-01',
      by: 'trustees',
      reason: 'Board resolution 2007-8',
    });
    const res = await f.request('POST', '/api/terminations', {
      token: f.tokens.operator,
      body,
      type: 'application/json',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      recorded: true,
      termination: { instrument: 'plan', effectiveDate: '2007-09-01' },
    });
    expect((await f.store.use((db) => loadAuditLog(db))).at(-1)).toMatchObject({
      actor: 'token:operator (operator)',
      action: 'terminations.terminate',
    });
    const again = await f.request('POST', '/api/terminations', {
      token: f.tokens.operator,
      body,
      type: 'application/json',
    });
    expect(await again.json()).toMatchObject({ recorded: false });
    const wrong = await f.request('POST', '/api/terminations', {
      token: f.tokens.operator,
      body: JSON.stringify({ portfolio: 'AIM Value Fund', date: '2007-09-01', by: 'the board' }),
      type: 'application/json',
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: { code: 'USAGE', exit: 64 } });
  });

  it('settings set (admin only): changed, audited; an unknown key is the CLI’s USAGE, a bad value BAD_INPUT', async () => {
    const set = (key: string, value: string, token = f.tokens.admin) =>
      f.request('POST', `/api/settings/${key}`, {
        token,
        body: JSON.stringify({ value }),
        type: 'application/json',
      });
    expect((await set('continuance.basis', 'twelve-months-after-approval', f.tokens.operator)).status).toBe(
      403,
    );
    const res = await set('continuance.basis', 'twelve-months-after-approval');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      key: 'continuance.basis',
      value: 'twelve-months-after-approval',
      changed: true,
    });
    expect((await f.store.use((db) => loadAuditLog(db))).at(-1)).toMatchObject({
      actor: 'token:admin (admin)',
    });
    const { settings } = (await (await f.request('GET', '/api/settings')).json()) as {
      settings: { key: string; value: string; isDefault: boolean }[];
    };
    expect(settings.find((s) => s.key === 'continuance.basis')).toMatchObject({
      value: 'twelve-months-after-approval',
      isDefault: false,
    });
    const unknown = await set('no.such.setting', 'x');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: { code: 'USAGE', exit: 64 } });
    const bad = await set('approvals.enforce', 'perhaps');
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ error: { code: 'BAD_INPUT', exit: 65 } });
  });

  it('fees and the audit log as CSV (format=csv): the CLI’s columns, one line per row of the JSON', async () => {
    const json = (await (await f.request('GET', '/api/fees?from=2007-01-01&to=2007-01-31')).json()) as {
      classes: unknown[];
    };
    const fees = await f.request('GET', '/api/fees?from=2007-01-01&to=2007-01-31&format=csv');
    expect(fees.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const feeLines = (await fees.text()).trimEnd().split('\n');
    expect(feeLines[0]).toBe(FEES_MONTH_COLUMNS.join(','));
    expect(feeLines).toHaveLength(json.classes.length + 1);
    expect(json.classes.length).toBeGreaterThan(0);

    const records = (
      (await (await f.request('GET', '/api/audit/log', { token: f.tokens.auditor })).json()) as {
        records: { seq: number }[];
      }
    ).records;
    const log = await f.request('GET', '/api/audit/log?format=csv', { token: f.tokens.auditor });
    const logLines = (await log.text()).trimEnd().split('\n');
    expect(logLines[0]).toBe(AUDIT_LOG_CSV_COLUMNS.join(','));
    expect(logLines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual(records.map((r) => r.seq));
    expect((await f.request('GET', '/api/audit/log?format=csv', { token: f.tokens.viewer })).status).toBe(
      403,
    );

    // continuance --csv: one line per instrument of the JSON
    const continuance = (await (await f.request('GET', '/api/continuance?asOf=2007-06-30')).json()) as {
      instruments: { instrument: string }[];
    };
    const contCsv = (await (await f.request('GET', '/api/continuance?asOf=2007-06-30&format=csv')).text())
      .trimEnd()
      .split('\n');
    expect(contCsv[0]).toBe(CONTINUANCE_CSV_COLUMNS.join(','));
    expect(contCsv).toHaveLength(continuance.instruments.length + 1);
  });
  it('exhibit withdraw (operator): the document stops governing; audited with the token', async () => {
    const { documents } = (await (await f.request('GET', '/api/registry/documents')).json()) as {
      documents: { id: string }[];
    };
    const id = documents[0]!.id;
    const res = await f.request('POST', `/api/registry/documents/${id.slice(0, 12)}/withdraw`, {
      token: f.tokens.operator,
      body: JSON.stringify({ reason: 'imported by mistake' }),
      type: 'application/json',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id,
      withdrawnBy: 'token:operator (operator)',
      closedMonthsToAdjust: [],
    });
    // the document list answers as `plan12b exhibit list --json`: every imported exhibit, the
    // withdrawn one still there with its withdrawal (reason, actor, time), importer and time on each
    const after = (await (await f.request('GET', '/api/registry/documents')).json()) as {
      count: number;
      documents: Record<string, unknown>[];
    };
    expect(after.count).toBe(documents.length);
    expect(after.documents.map((d) => d.id)).toEqual(documents.map((d) => d.id));
    const cli = await f.store.use((db) => listDocuments(db));
    expect(after.documents).toEqual(cli.map((d) => expect.objectContaining({ ...d })));
    expect(after.documents.find((d) => d.id === id)).toMatchObject({
      importedBy: expect.any(String),
      importedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      withdrawal: {
        reason: 'imported by mistake',
        withdrawnBy: 'token:operator (operator)',
        withdrawnAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    });
    expect(after.documents.filter((d) => d.id !== id).every((d) => d.withdrawal === null)).toBe(true);
    const none = await f.request('POST', '/api/registry/documents/0123456789abcdef/withdraw', {
      token: f.tokens.operator,
      body: JSON.stringify({ reason: 'x' }),
      type: 'application/json',
    });
    // a well-formed hash no document has: the record does not exist (404, as the CLI's 66)
    expect(none.status).toBe(404);
    expect(await none.json()).toMatchObject({ error: { code: 'NOT_FOUND', exit: 66 } });
    // not a hash at all (too short, not hex): the request is wrong (400, the CLI's 64)
    const malformed = await f.request('POST', '/api/registry/documents/xyz/withdraw', {
      token: f.tokens.operator,
      body: JSON.stringify({ reason: 'x' }),
      type: 'application/json',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: 'USAGE', exit: 64 } });
  });
});
