import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TWIN_FILES } from '../registry/twinPlansFixture.js';
import { seedsAvailable } from '../support/seeds.js';
import { type ApiFixture, apiFixture } from './apiFixture.js';

// SPEC §2.1 through the API (`POST /api/imports/exhibits?amends=`, as `exhibit import --amends`),
// and the twins' names (`GET /api/registry/instruments` `name`; the documents' `instrument` and
// `statedAmends`). either.txt fits both 2022-07-01 plans (twinPlansFixture.ts).

const REIM_LISTED = 'Fourth Amended and Restated Distribution and Service Plan (Reimbursement)';
const COMP_LISTED = 'Fifth Amended and Restated Distribution and Service Plan (Compensation)';

describe.skipIf(!seedsAvailable)('the instrument amended, stated through the API', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture('pglite');
  });
  afterAll(async () => {
    await f.close();
  });
  const post = (name: string, query = '') =>
    f.request('POST', `/api/imports/exhibits?fileName=${name}${query}`, {
      token: f.tokens.operator,
      body: TWIN_FILES[name]!,
      type: 'text/plain',
    });

  it('is recorded as stated, and the twins are listed by their names', async () => {
    for (const name of ['comp-1.txt', 'reim-1.txt', 'either.txt'])
      expect((await post(name)).status).toBe(200);
    const stated = await post('either.txt', `&amends=${encodeURIComponent(REIM_LISTED)}`);
    expect(stated.status).toBe(200);
    expect(((await stated.json()) as { stated: { amends: string }[] }).stated.map((s) => s.amends)).toEqual([
      REIM_LISTED,
    ]);
    const instruments = (await (await f.request('GET', '/api/registry/instruments')).json()) as {
      instruments: { name: string; documentIds: string[] }[];
    };
    const names = instruments.instruments.map((i) => i.name);
    expect(names).toContain(COMP_LISTED);
    expect(names).toContain(REIM_LISTED);
    const documents = (await (await f.request('GET', '/api/registry/documents')).json()) as {
      documents: { fileName: string; instrument: string; statedAmends: { amends: string } | null }[];
    };
    const either = documents.documents.find((d) => d.fileName === 'either.txt')!;
    expect(either.instrument).toBe(REIM_LISTED);
    expect(either.statedAmends?.amends).toBe(REIM_LISTED);
  });
});
