import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/errors.js';
import { type ApiFixture, apiFixture } from '../api/apiFixture.js';
import { seedsAvailable } from '../support/seeds.js';
import { storeSnapshot } from '../support/storeSnapshot.js';

/**
 * An authenticated but unauthorised request (src/errors.ts FORBIDDEN: HTTP 403, exit 77; FORMATS
 * "Errors"): the answer is the role's refusal whatever else is wrong with the request — a body of a
 * media type the route does not take, a malformed month, a route's query that would be refused —
 * so that a token learns nothing of a route it may not use, and nothing is written or audited.
 * Its error document says FORBIDDEN with exit 77 (the table's), never REFUSED's 68 (a plan rule,
 * also 403): a client tells the two apart by `code` and `exit`.
 */
describe.skipIf(!seedsAvailable)('a token without the role', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture('pglite');
  });
  afterAll(async () => {
    await f?.close();
  });

  const cases: [
    label: string,
    role: 'viewer' | 'auditor' | 'operator',
    method: string,
    path: string,
    body?: string,
    type?: string,
  ][] = [
    [
      'a viewer closing a month that is not a month',
      'viewer',
      'POST',
      '/api/close',
      '{"month":"2007-13"}',
      'application/json',
    ],
    ['a viewer closing with a body not JSON', 'viewer', 'POST', '/api/close', 'month=2007-01', 'text/plain'],
    [
      'an auditor importing net assets as XML',
      'auditor',
      'POST',
      '/api/imports/net-assets?fileName=x.xml',
      '<a/>',
      'application/xml',
    ],
    [
      'a viewer importing a file with a bad row',
      'viewer',
      'POST',
      '/api/imports/net-assets?fileName=bad.csv',
      'date,portfolio,class,net_assets\n2007-02-30,X,A,1e3\n',
      'text/csv',
    ],
    ['an operator listing the tokens as CSV', 'operator', 'GET', '/api/tokens?format=csv'],
    [
      'an operator setting a setting that does not exist',
      'operator',
      'POST',
      '/api/settings/no.such.setting',
      '{"value":true}',
      'application/json',
    ],
    ['a viewer asking the audit log with a bad limit', 'viewer', 'GET', '/api/audit/log?limit=-1'],
  ];

  it.each(cases)(
    '%s: 403 FORBIDDEN exit 77, nothing written',
    async (_label, role, method, path, body, type) => {
      const before = await f.store.use((db) => storeSnapshot(db));
      const res = await f.request(method, path, {
        token: f.tokens[role],
        ...(body !== undefined ? { body } : {}),
        ...(type !== undefined ? { type } : {}),
      });
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const { error } = (await res.json()) as { error: { code: string; exit: number; hint: string } };
      expect(error.code).toBe('FORBIDDEN');
      expect(error.exit).toBe(ERROR_CODES.FORBIDDEN.exit);
      expect(error.exit).toBe(77);
      expect(error.hint).toContain('nothing was written');
      expect(await f.store.use((db) => storeSnapshot(db))).toEqual(before);
    },
  );
});
