import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedsAvailable, seedsDir } from '../support/seeds.js';
import { storeSnapshot } from '../support/storeSnapshot.js';
import { type ApiFixture, apiFixture } from './apiFixture.js';

/**
 * What the caller states beside an upload is a name, never an empty one: each empty one below is
 * the request's fault (400, USAGE) and nothing is written. Found by probing the upload routes:
 * - `POST /api/imports/net-assets?fileName=` imported under the name "", so a bad row was cited as
 *   `:2: date: …`, naming no file (the audit record's subject is the name too);
 * - `POST /api/imports/exhibits?class=` (or `?registrant=`) with a filed exhibit imported it, an
 *   empty class taken as stated by the user;
 * - `POST /api/providers/{id}/assign` with `{"to": ""}` was read as no assignee (the CLI's
 *   `--to ""` likewise), and `{"to": "  "}` would have recorded a blank name;
 * - `GET /api/fees?from=…&to=…&portfolio=` (or `class=`) answered for every portfolio (class), as
 *   the CLI's `--portfolio ""` did.
 */
describe.skipIf(!seedsAvailable)('an upload with an empty file name or stated fact', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture('pglite');
  });
  afterAll(async () => {
    await f?.close();
  });

  async function usage(path: string, body: string | Buffer, type: string, message: RegExp): Promise<void> {
    const before = await f.store.use((db) => storeSnapshot(db));
    const r = await f.request('POST', path, { token: f.tokens.operator, body, type });
    expect({ path, status: r.status }).toEqual({ path, status: 400 });
    const doc = (await r.json()) as {
      error: { code: string; exit: number; message: string; problems: unknown[] };
    };
    expect(doc.error).toMatchObject({ code: 'USAGE', exit: 64, problems: [] });
    expect(doc.error.message).toMatch(message);
    expect(await f.store.use((db) => storeSnapshot(db))).toEqual(before);
  }

  it('a feed upload named "" is refused before its rows are read', async () => {
    await usage(
      '/api/imports/net-assets?fileName=',
      'date,portfolio,class,net_assets\n2007-02-30,AIM Value Fund,C,1.00\n',
      'text/csv',
      /fileName.*not empty/,
    );
  });

  it('an exhibit upload stating an empty or blank class or registrant is refused', async () => {
    const exhibit = readFileSync(join(seedsDir, '000_3c6e05c0e0d73230.txt'));
    // an empty parameter is refused as such before the route; a blank one by what it states
    await usage('/api/imports/exhibits?class=', exhibit, 'text/plain', /^query class is empty$/);
    await usage('/api/imports/exhibits?class=%20', exhibit, 'text/plain', /^the class is empty$/);
    await usage(
      '/api/imports/exhibits?registrant=%20%20',
      exhibit,
      'text/plain',
      /^the registrant is empty$/,
    );
  });

  it('a query parameter given an empty value is refused, not read as left out', async () => {
    for (const [param, path] of [
      ['portfolio', '/api/fees?from=2007-01-01&to=2007-01-31&portfolio='],
      ['class', '/api/fees?class=&from=2007-01-01&to=2007-01-31'],
    ] as const) {
      const r = await f.request('GET', path);
      expect({ path, status: r.status }).toEqual({ path, status: 400 });
      const doc = (await r.json()) as { error: { code: string; message: string; hint: string } };
      expect(doc.error).toMatchObject({ code: 'USAGE', message: `query ${param} is empty` });
      expect(doc.error.hint).toBe(`give ${param} a value, or leave it out`);
    }
    // the same question with the parameter left out is answered
    expect((await f.request('GET', '/api/fees?from=2007-01-01&to=2007-01-31')).status).toBe(200);
  });

  it('an assignment to "" or to a blank name is refused', async () => {
    for (const to of ['', '  '])
      await usage(
        '/api/providers/DLR-1/assign',
        JSON.stringify({ date: '2007-01-02', to }),
        'application/json',
        /^the assignee's name is empty$/,
      );
  });
});
