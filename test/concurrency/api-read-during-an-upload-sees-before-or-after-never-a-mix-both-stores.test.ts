import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, apiFixture, netAssetsCsv } from '../api/apiFixture.js';
import { dialects } from '../support/databases.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * SPEC §12 through `plan12b serve`: `fees` read while a net-assets upload of many days is written
 * (its rows in, its transaction not committed: held at its fault point, PLAN12B_FAULT=…:hold, let
 * go by SIGUSR2 — src/close/faultPoint.ts) sees the store before the upload or after it, never some
 * of its days. On a server the read answers at once from its own snapshot: before. On PGlite (one
 * connection, transactions queued) it waits for the upload's commit: after.
 */
describe.skipIf(!seedsAvailable).each(dialects)('a read during an upload through the API (%s)', (dialect) => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture(dialect);
  });
  afterAll(async () => {
    delete process.env.PLAN12B_FAULT;
    await f?.close();
  });

  const fees = async () => {
    const r = await f.request('GET', '/api/fees?from=2007-01-01&to=2007-06-30&daily=true');
    expect(r.status).toBe(200);
    return r.json();
  };

  it('fees during an upload of March to June: the store before it or after it, whole', async () => {
    const before = await fees();
    // AIM Value Fund C, every business day of March – June 2007 (the fixture holds December – February)
    const upload = netAssetsCsv('2007-03-01', '2007-06-29');
    const announced = new Promise<void>((resolve) => {
      const write = process.stderr.write.bind(process.stderr);
      process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
        if (String(chunk).includes('fault point import:net-assets reached')) {
          process.stderr.write = write;
          resolve();
        }
        return write(chunk, ...rest);
      }) as typeof process.stderr.write;
    });
    process.env.PLAN12B_FAULT = 'import:net-assets:hold';
    const uploaded = f.request('POST', '/api/imports/net-assets?fileName=spring.csv', {
      token: f.tokens.operator,
      body: upload,
      type: 'text/csv',
    });
    await announced;
    delete process.env.PLAN12B_FAULT;
    const during = fees();
    // a server's read does not wait for the held write: asked and answered before it is let go
    const answeredWhileHeld = dialect === 'postgres' ? await during : undefined;
    process.kill(process.pid, 'SIGUSR2');
    const done = await uploaded;
    expect(done.status).toBe(200);
    const after = await fees();
    expect(after).not.toEqual(before);
    if (dialect === 'postgres') expect(answeredWhileHeld).toEqual(before);
    else expect(await during).toEqual(after);
  });
});
