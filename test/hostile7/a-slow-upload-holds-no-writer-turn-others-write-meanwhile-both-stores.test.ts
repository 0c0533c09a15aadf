import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, apiFixture, netAssetsCsv } from '../api/apiFixture.js';
import { dialects } from '../support/databases.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * A hostile (or merely slow) client of `plan12b serve` that starts an upload and sends its body a
 * little at a time must not stop every other writer: the API takes a write's turn, and the writer
 * lock, only once the request's body has been read whole (src/api/apiRoute.ts reads the upload
 * before `ApiStore.write`). Here the first half of a March upload is sent and the rest held back;
 * meanwhile a Board-set rate is recorded (200) and a read answers; then the rest of the body comes
 * and the upload lands whole, its 22 March days recorded (Thu 1, Fri 2, then four full weeks: 2 +
 * 4 × 5). The attack held on both stores.
 */
describe.skipIf(!seedsAvailable).each(dialects)('a slow upload (%s)', (dialect) => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture(dialect);
  });
  afterAll(async () => {
    await f?.close();
  });

  it('holds no writer turn while its body trickles in: a rate is recorded meanwhile, then the upload lands whole', async () => {
    const march = netAssetsCsv('2007-03-01', '2007-03-30');
    const half = march.indexOf('\n', march.length / 2);
    let send: ReadableStreamDefaultController<Uint8Array> | undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        send = controller;
        controller.enqueue(new Uint8Array(march.subarray(0, half)));
      },
    });
    const slow = f.app.request('/api/imports/net-assets?fileName=march.csv', {
      method: 'POST',
      headers: { authorization: `Bearer ${f.tokens.operator}`, 'content-type': 'text/csv' },
      body,
      duplex: 'half',
    } as RequestInit);

    const rate = await f.request('POST', '/api/rates', {
      token: f.tokens.admin,
      type: 'application/json',
      body: JSON.stringify({
        portfolio: 'AIM Value Fund',
        class: 'C',
        effectiveDate: '2007-04-01',
        distributionFeePct: '0.50',
        reason: 'Board resolution of 2007-03-20',
      }),
    });
    expect(rate.status, await rate.clone().text()).toBe(200);
    expect(await rate.json()).toMatchObject({ recorded: true });
    const read = await f.request('GET', '/api/months');
    expect(read.status).toBe(200);

    send!.enqueue(new Uint8Array(march.subarray(half)));
    send!.close();
    const landed = await slow;
    expect(landed.status).toBe(200);
    expect(await landed.json()).toMatchObject({ inserted: 22, unchanged: 0 });
  });
});
