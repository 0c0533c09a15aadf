import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdentity } from '../../src/buildIdentity.js';
import { seedsAvailable } from '../support/seeds.js';
import { type ApiFixture, apiFixture } from './apiFixture.js';

/**
 * The 403 a role gets names it as a sentence does: "an auditor token", "an operator token", "a
 * viewer token" (it once read "a auditor token may not do this"), and so does the audit log's
 * refusal through POST /api/cli/query.
 */
describe.skipIf(!seedsAvailable)('the 403 of a role not allowed', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture('pglite');
  });
  afterAll(async () => {
    await f?.close();
  });

  it.each([
    ['auditor', 'an auditor token may not do this (it needs one of: admin)'],
    ['operator', 'an operator token may not do this (it needs one of: admin)'],
    ['viewer', 'a viewer token may not do this (it needs one of: admin)'],
  ] as const)('a %s listing the tokens is told “%s”', async (role, message) => {
    const res = await f.request('GET', '/api/tokens', { token: f.tokens[role] });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'FORBIDDEN',
      message,
    });
  });

  it.each([
    ['operator', 'an operator token may not read the audit log'],
    ['admin', 'an admin token may not read the audit log'],
    ['viewer', 'a viewer token may not read the audit log'],
  ] as const)('a %s asking the audit log through the CLI query route is told “%s”', async (role, message) => {
    const res = await f.request('POST', '/api/cli/query', {
      token: f.tokens[role],
      type: 'application/json',
      body: JSON.stringify({ args: ['audit', 'log', '--json'], build: buildIdentity() ?? 'unbuilt' }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'FORBIDDEN',
      message,
    });
  });
});
