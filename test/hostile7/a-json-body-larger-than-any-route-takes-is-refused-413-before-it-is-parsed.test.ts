import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, apiFixture, netAssetsCsv } from '../api/apiFixture.js';
import { seedsAvailable } from '../support/seeds.js';

interface ErrorBody {
  error: { code: string; message: string };
}

/**
 * The API took a JSON body as large as an upload (PLAN12B_MAX_UPLOAD_BYTES, 64 MiB) and parsed it
 * whole before its schema looked at it. No route's JSON is near that: the largest a schema allows
 * is a close's 1,000 accepted classes or a forwarded command line of 64 words of 4,096 characters
 * (256 KiB). A viewer's token — the least role, which may POST /api/cli/query — could send 20 MB
 * of nested brackets: JSON.parse spent seconds and some 600 MB on each (measured: 10,000,000
 * levels, 6.5 s, 634 MB RSS), enough for a few such requests at once to stop `plan12b serve`
 * (hostile7). A JSON body is now refused past 1 MiB (413 BAD_INPUT, saying the limit) before it is
 * parsed; an upload (CSV, an exhibit) keeps the upload limit.
 */
describe.skipIf(!seedsAvailable)('a JSON body larger than any route takes', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture('pglite');
  });
  afterAll(async () => {
    await f?.close();
  });

  it('is refused 413 past 1 MiB, for a viewer on the CLI query route and an admin on rates', async () => {
    // 1 MiB + 2 bytes: one byte over the limit once the brackets close
    const depth = 512 * 1024 + 1;
    const nested = `{"args":${'['.repeat(depth)}${']'.repeat(depth)},"build":"x"}`;
    expect(Buffer.byteLength(nested)).toBeGreaterThan(1024 * 1024);
    for (const [path, token] of [
      ['/api/cli/query', f.tokens.viewer],
      ['/api/rates', f.tokens.admin],
    ] as const) {
      const res = await f.request('POST', path, { token, type: 'application/json', body: nested });
      const doc = (await res.json()) as ErrorBody;
      expect([res.status, doc.error.code], path).toEqual([413, 'BAD_INPUT']);
      expect(doc.error.message).toMatch(/1048576 bytes/);
    }
  });

  it('still reads a JSON body under the limit and an upload above it', async () => {
    // a close's largest list: 1,000 classes of 900 characters each, about 0.9 MiB — refused by
    // the schema for what it says (no such portfolio), not by its size
    const big = JSON.stringify({ month: '2006-12', acceptEnded: Array(1000).fill(`${'x'.repeat(896)}:C`) });
    expect(Buffer.byteLength(big)).toBeLessThan(1024 * 1024);
    const close = await f.request('POST', '/api/close', {
      token: f.tokens.operator,
      type: 'application/json',
      body: big,
    });
    expect(close.status).not.toBe(413);
    // 1,100,000 bytes of net assets: March 2007 again and again (one file, its rows repeated): read
    // and refused for its duplicate rows (BAD_INPUT), not for its size
    const march = netAssetsCsv('2007-03-01', '2007-03-30').toString();
    const rows = march.split('\n').slice(1).join('\n');
    const upload = `${march}\n${Array(Math.ceil(1_100_000 / rows.length))
      .fill(rows)
      .join('\n')}`;
    expect(Buffer.byteLength(upload)).toBeGreaterThan(1024 * 1024);
    const res = await f.request('POST', '/api/imports/net-assets?fileName=march.csv', {
      token: f.tokens.operator,
      type: 'text/csv',
      body: upload,
    });
    expect(res.status).not.toBe(413);
    expect(((await res.json()) as ErrorBody).error.message).toMatch(/duplicate row/);
  });
});
