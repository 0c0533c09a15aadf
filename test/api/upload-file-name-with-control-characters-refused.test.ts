import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputFile } from '../../src/cli/readInput.js';
import { Plan12bError } from '../../src/errors.js';
import { dialects } from '../support/databases.js';
import { seedsAvailable } from '../support/seeds.js';
import { storeSnapshot } from '../support/storeSnapshot.js';
import { type ApiFixture, apiFixture, netAssetsCsv } from './apiFixture.js';

/**
 * The name of an input file is cited by every problem and recorded as the subject of the audit
 * record (SPEC §12): a newline or an escape sequence in it is refused (400 / exit 64) before
 * anything is written. Hostile run: `POST /api/imports/net-assets?fileName=evil%0A37,2026-01-01,forged%1b[31m.csv`
 * was imported, and `plan12b audit log` then printed a forged line 37 and turned the terminal red.
 */

const HOSTILE_NAMES = [
  'evil\n37,2026-01-01,forged.csv',
  'red\u001b[31m.csv',
  'bell\u0007.txt',
  'c1\u009b2J.csv',
];

describe('a file name on the command line', () => {
  it.each(HOSTILE_NAMES)('%j is refused as a usage error (64) before the file is opened', (name) => {
    let thrown: unknown;
    try {
      readInputFile(name);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(Plan12bError);
    expect((thrown as Plan12bError).exitCode).toBe(64);
    expect((thrown as Plan12bError).message).toContain('control character');
  });
});

describe.skipIf(!seedsAvailable).each(dialects)('an uploaded file name on %s', (dialect) => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture(dialect);
  });
  afterAll(async () => {
    await f.close();
  });

  it.each(HOSTILE_NAMES)(
    '%j: a feed upload and an exhibit upload are refused (400), nothing written',
    async (name) => {
      const before = await f.store.use((db) => storeSnapshot(db));
      const feed = await f.request('POST', `/api/imports/net-assets?fileName=${encodeURIComponent(name)}`, {
        token: f.tokens.operator,
        body: netAssetsCsv('2007-03-01', '2007-03-02'),
        type: 'text/csv',
      });
      expect(feed.status).toBe(400);
      expect(((await feed.json()) as { error: { code: string } }).error.code).toBe('USAGE');
      const exhibit = await f.request('POST', `/api/imports/exhibits?fileName=${encodeURIComponent(name)}`, {
        token: f.tokens.operator,
        body: 'hello\n',
        type: 'text/plain',
      });
      expect(exhibit.status).toBe(400);
      expect(await f.store.use((db) => storeSnapshot(db))).toEqual(before);
    },
  );

  it('a printable name is still accepted and cited as given', async () => {
    const res = await f.request(
      'POST',
      `/api/imports/net-assets?fileName=${encodeURIComponent('march 2007.csv')}`,
      {
        token: f.tokens.operator,
        body: netAssetsCsv('2007-03-01', '2007-03-02'),
        type: 'text/csv',
      },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ file: 'march 2007.csv' });
  });
});
