import type { Server } from 'node:http';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { z } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineRoute } from '../../src/api/apiRoute.js';
import type { ApiStore } from '../../src/api/apiStore.js';
import { createApp } from '../../src/api/app.js';

/**
 * `plan12b serve` holds each request's body whole until its route has run, and an upload may be
 * PLAN12B_MAX_UPLOAD_BYTES (64 MiB): ten clients sending 60 MiB at once made it hold 600 MiB, and
 * nothing bounded the sum (hostile9). The bytes of bodies held at once now have a budget
 * (PLAN12B_MAX_BODY_BYTES_IN_FLIGHT, default 256 MiB; here 10 MiB with 4 MiB uploads): a body
 * that would pass it is refused 503 with Retry-After (DATABASE, exit 69), saying to send it again,
 * and the bodies held finish undisturbed.
 *
 * And a chunked body (no Content-Length) was read whole, to the upload limit, by the API's body
 * limit before anything else looked at it: a JSON route's 1 MiB cap refused it only after up to
 * 64 MiB had been read, and a request without a token was read the same before its 401. A chunked
 * body is now read by its route only, after the token's role, and refused at the chunk that
 * passes its cap; the bytes the app pulled off the socket are counted here.
 *
 * Real HTTP over a socket to an in-process server; two routes of the test's own (an upload that
 * waits until let go, a JSON one) served with a run credential, no store needed.
 */
const MiB = 1024 * 1024;
const credential = 'p12b_run_hostile9-test-credential';

let letGo!: () => void;
let gate = new Promise<void>((r) => {
  letGo = r;
});
let started = 0;

const routes = [
  defineRoute({
    method: 'post',
    path: '/api/test/hold',
    operationId: 'testHold',
    summary: 'an upload held until the test lets it go',
    tag: 'test',
    permission: 'read',
    body: { kind: 'text', contentTypes: ['text/csv'], description: 'any bytes' },
    response: z.object({ bytes: z.number() }),
    errors: ['BAD_INPUT'],
    run: async ({ body }) => {
      started++;
      await gate;
      return { bytes: (body as Buffer).length };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/test/json',
    operationId: 'testJson',
    summary: 'a JSON body',
    tag: 'test',
    permission: 'read',
    body: { kind: 'json', schema: z.object({ args: z.array(z.string()) }) },
    response: z.object({ n: z.number() }),
    errors: ['BAD_INPUT'],
    run: async ({ body }) => ({ n: (body as { args: string[] }).args.length }),
  }),
];

interface Answer {
  readonly status: number;
  readonly retryAfter: string | undefined;
  readonly body: { error?: { code: string; exit: number; message: string; hint: string }; bytes?: number };
}

/** Sends `total` bytes in chunks of 64 KiB, with a Content-Length or chunked; resolves at the answer. */
function send(
  port: number,
  path: string,
  total: number,
  opts: { chunked: boolean; type: string; token?: string; fill?: string },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      port,
      path,
      method: 'POST',
      // a connection of its own: a refused body's connection is closed once its rest is discarded
      agent: false,
      headers: {
        'content-type': opts.type,
        ...(opts.token === undefined ? {} : { authorization: `Bearer ${opts.token}` }),
        ...(opts.chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(total) }),
      },
    });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          retryAfter: res.headers['retry-after'] as string | undefined,
          body: JSON.parse(Buffer.concat(parts).toString()),
        }),
      );
    });
    // the server may answer and close before the whole body is sent: that is its refusal
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    const chunk = Buffer.alloc(64 * 1024, opts.fill ?? 'x');
    let sent = 0;
    const pump = () => {
      while (sent < total && !answered && !req.destroyed) {
        const n = Math.min(chunk.length, total - sent);
        sent += n;
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
          req.once('drain', pump);
          return;
        }
      }
      if (sent >= total || answered) req.end();
    };
    pump();
  });
}

describe('request bodies held at once by plan12b serve', () => {
  const { app, bodies } = createApp({} as unknown as ApiStore, {
    routes,
    runCredential: credential,
    rateLimit: { perSecond: 0, burst: 0 },
    maxBodyBytes: 4 * MiB,
    maxBodyBytesInFlight: 10 * MiB,
  });
  // every body byte the app pulls off the socket, counted before the app sees it
  let pulled = 0;
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((ok) => {
      server = <Server>serve(
        {
          fetch: (req: Request) => {
            if (!req.body) return app.fetch(req);
            const counted = req.body.pipeThrough(
              new TransformStream<Uint8Array, Uint8Array>({
                transform(chunk, out) {
                  pulled += chunk.length;
                  out.enqueue(chunk);
                },
              }),
            );
            return app.fetch(new Request(req, { body: counted, duplex: 'half' } as RequestInit));
          },
          port: 0,
          hostname: '127.0.0.1',
        },
        () => ok(),
      );
    });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    letGo();
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('holds three 3 MiB uploads of ten sent at once and refuses the other seven 503 with Retry-After', async () => {
    started = 0;
    gate = new Promise<void>((r) => {
      letGo = r;
    });
    const three = 3 * MiB;
    let answered = 0;
    const answers = Array.from({ length: 10 }, () =>
      send(port, '/api/test/hold', three, { chunked: false, type: 'text/csv', token: credential }).finally(
        () => answered++,
      ),
    );
    // 3 × 3 MiB = 9 MiB fit the 10 MiB budget, a fourth (12 MiB) does not: the seven are refused
    // while the three wait in their route, bodies held
    while (started + answered < 10) await new Promise((r) => setImmediate(r));
    const heldAtOnce = bodies.inFlight;
    letGo();
    expect([started, answered]).toEqual([3, 7]);
    expect(heldAtOnce).toBe(9 * MiB);
    const all = await Promise.all(answers);
    const held = all.filter((a) => a.status === 200);
    const refused = all.filter((a) => a.status !== 200);
    expect(held.map((a) => a.body.bytes)).toEqual([three, three, three]);
    expect(refused).toHaveLength(7);
    for (const a of refused) {
      expect([a.status, a.body.error?.code, a.body.error?.exit, a.retryAfter]).toEqual([
        503,
        'DATABASE',
        69,
        '1',
      ]);
      expect(a.body.error?.message).toMatch(/PLAN12B_MAX_BODY_BYTES_IN_FLIGHT/);
      expect(a.body.error?.message).toMatch(/nothing was written/);
      expect(a.body.error?.hint).toMatch(/send the request again/);
    }
    expect(bodies.peak).toBeLessThanOrEqual(10 * MiB);
    // every body given back once answered: the next upload is read
    expect(bodies.inFlight).toBe(0);
    const again = await send(port, '/api/test/hold', three, {
      chunked: false,
      type: 'text/csv',
      token: credential,
    });
    expect([again.status, again.body.bytes]).toEqual([200, three]);
  });

  it('counts chunked uploads as they arrive: never past the budget, every one answered 200 or 503', async () => {
    gate = new Promise<void>((r) => {
      letGo = r;
    });
    started = 0;
    const answers = Array.from({ length: 6 }, () =>
      send(port, '/api/test/hold', 3 * MiB, { chunked: true, type: 'text/csv', token: credential }),
    );
    // the answers come once every body is read or refused; the routes let go at once
    letGo();
    const all = await Promise.all(answers);
    expect(all.every((a) => a.status === 200 || (a.status === 503 && a.retryAfter === '1'))).toBe(true);
    expect(all.some((a) => a.status === 200)).toBe(true);
    expect(bodies.peak).toBeLessThanOrEqual(10 * MiB);
    expect(bodies.inFlight).toBe(0);
  });

  it('refuses a chunked upload past the upload limit 413 once past it, not at its end', async () => {
    pulled = 0;
    const a = await send(port, '/api/test/hold', 12 * MiB, {
      chunked: true,
      type: 'text/csv',
      token: credential,
    });
    expect([a.status, a.body.error?.code]).toEqual([413, 'BAD_INPUT']);
    expect(a.body.error?.message).toMatch(/4194304 bytes/);
    // 4 MiB, the limit, and what was on its way (the socket's chunks, at most 1 MiB more)
    expect(pulled).toBeLessThan(5 * MiB);
  });

  it('refuses a chunked JSON body 413 once past 1 MiB, having read little more than 1 MiB of its 3 MiB', async () => {
    pulled = 0;
    const a = await send(port, '/api/test/json', 3 * MiB, {
      chunked: true,
      type: 'application/json',
      token: credential,
      fill: '[',
    });
    expect([a.status, a.body.error?.code]).toEqual([413, 'BAD_INPUT']);
    expect(a.body.error?.message).toMatch(/1048576 bytes/);
    // before: the whole 3 MiB (the upload limit's reading) before the JSON cap looked at it
    expect(pulled).toBeGreaterThan(MiB);
    expect(pulled).toBeLessThan(2 * MiB);
    // a small JSON body is read and run as before
    const ok = await new Promise<Answer>((resolve, reject) => {
      const req = httpRequest(
        {
          port,
          path: '/api/test/json',
          method: 'POST',
          agent: false,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
        },
        (res) => {
          const parts: Buffer[] = [];
          res.on('data', (d: Buffer) => parts.push(d));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              retryAfter: undefined,
              body: JSON.parse(Buffer.concat(parts).toString()),
            }),
          );
        },
      );
      req.on('error', reject);
      req.end('{"args":["a","b"]}');
    });
    expect([ok.status, (ok.body as { n?: number }).n]).toEqual([200, 2]);
  });

  it('reads no chunked body sent without a token: 401 first', async () => {
    pulled = 0;
    const a = await send(port, '/api/test/hold', 3 * MiB, { chunked: true, type: 'text/csv' });
    expect([a.status, a.body.error?.code]).toEqual([401, 'UNAUTHORIZED']);
    // before: the whole 3 MiB read by the body limit before the token was looked at
    expect(pulled).toBeLessThan(MiB);
    expect(bodies.inFlight).toBe(0);
  });
});
