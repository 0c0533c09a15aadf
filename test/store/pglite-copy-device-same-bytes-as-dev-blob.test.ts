import { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCopyRows, encodeCopyRows } from '../../src/store/copyText.js';
import {
  copyRowChunksOfPages,
  type PgliteCopyDevice,
  pgliteCopyDevice,
  textOfPages,
} from '../../src/store/pgliteCopyDevice.js';
import { hostile } from '../support/hostileStrings.js';

// PGlite's COPY through plan12b's own device file (src/store/pgliteCopyDevice.ts) instead of
// PGlite's /dev/blob: PostgreSQL reads the same bytes and writes the same bytes either way, COPYs
// of different callers never share a file, and a failed COPY leaves nothing behind.

const rowsOf = fc.array(fc.tuple(fc.integer(), hostile, fc.option(hostile, { nil: null })), {
  maxLength: 40,
});

describe('the COPY device on PGlite', () => {
  let pg: PGlite;
  let device: PgliteCopyDevice;
  beforeAll(async () => {
    pg = await PGlite.create();
    await pg.exec('CREATE TABLE r (id serial PRIMARY KEY, n integer NOT NULL, t text NOT NULL, u text)');
    const made = pgliteCopyDevice(pg);
    // the pinned PGlite's file system is reachable: the store takes the device, not /dev/blob
    expect(made).toBeDefined();
    device = made!;
  });
  afterAll(async () => {
    await pg?.close();
  });

  const copyIn = (bytes: Uint8Array) =>
    device.copyFrom(bytes, (path) => pg.query(`COPY r (n, t, u) FROM '${path}'`));
  const copyOut = async (sql: string) =>
    textOfPages(await device.copyTo((path) => pg.query(`COPY (${sql}) TO '${path}'`)));

  it('COPY FROM the device stores what COPY FROM /dev/blob stores; COPY TO gives the same text as /dev/blob', async () => {
    await fc.assert(
      fc.asyncProperty(rowsOf, async (rows) => {
        const text = encodeCopyRows(rows);
        await pg.exec('TRUNCATE r RESTART IDENTITY');
        const viaDevice = await copyIn(Buffer.from(text, 'utf8'));
        expect(viaDevice.affectedRows ?? 0).toBe(rows.length);
        const deviceText = await copyOut('SELECT n, t, u FROM r ORDER BY id');
        await pg.exec('TRUNCATE r RESTART IDENTITY');
        await pg.query(`COPY r (n, t, u) FROM '/dev/blob'`, [], { blob: new Blob([text]) });
        const res = await pg.query("COPY (SELECT n, t, u FROM r ORDER BY id) TO '/dev/blob'");
        const blobText = res.blob ? await res.blob.text() : '';
        expect(deviceText).toBe(blobText);
        expect(decodeCopyRows(deviceText)).toEqual(
          rows.map((r) => r.map((v) => (v === null ? null : String(v)))),
        );
      }),
      { numRuns: 80 },
    );
  });

  it('a large COPY TO spans pages: every byte comes back, a character split across pages too', async () => {
    await pg.exec('TRUNCATE r RESTART IDENTITY');
    // ~2 MB of rows with multi-byte characters: past the first five pages (64 KB, doubling to 4 MB)
    const rows = Array.from(
      { length: 20_000 },
      (_, i) => [i, `é€𝄞 row ${i} `.repeat(6), i % 7 === 0 ? null : 'x\ty'] as const,
    );
    const text = encodeCopyRows(rows);
    await copyIn(Buffer.from(text, 'utf8'));
    const pages = await device.copyTo((path) =>
      pg.query(`COPY (SELECT n, t, u FROM r ORDER BY id) TO '${path}'`),
    );
    expect(pages.length).toBeGreaterThan(3);
    // a page begins inside a character (a UTF-8 continuation byte) where the one before ended
    expect(pages.slice(1).some((p) => p.length > 0 && (p[0]! & 0xc0) === 0x80)).toBe(true);
    expect(textOfPages(pages)).toBe(text);
    const chunks = [...copyRowChunksOfPages(pages, 1 << 18)];
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.flat()).toEqual(decodeCopyRows(text));
  });

  it('COPYs run together each get their own file', async () => {
    await pg.exec('TRUNCATE r RESTART IDENTITY');
    await copyIn(
      Buffer.from(
        encodeCopyRows([
          [1, 'a', null],
          [2, 'b', 'c'],
        ]),
        'utf8',
      ),
    );
    const [one, two, three] = await Promise.all([
      copyOut('SELECT n FROM r WHERE n = 1'),
      copyOut('SELECT t FROM r ORDER BY n'),
      copyOut('SELECT u FROM r ORDER BY n'),
    ]);
    expect([one, two, three]).toEqual(['1\n', 'a\nb\n', '\\N\nc\n']);
  });

  it('a refused COPY FROM writes nothing and leaves no file behind; the next COPY works', async () => {
    await pg.exec('TRUNCATE r RESTART IDENTITY');
    const bad = Buffer.from('1\tok\t\\N\nnot a number\tx\t\\N\n', 'utf8');
    await expect(copyIn(bad)).rejects.toThrow(/integer/);
    expect((await pg.query<{ n: number }>('SELECT count(*)::int AS n FROM r')).rows[0]!.n).toBe(0);
    const devices = (pg.Module as unknown as { FS: { readdir(p: string): string[] } }).FS.readdir('/dev');
    expect(devices.filter((d) => d.startsWith('plan12b_copy'))).toEqual([]);
    await copyIn(Buffer.from('3\tafter\t\\N\n', 'utf8'));
    expect(await copyOut('SELECT n, t FROM r')).toBe('3\tafter\n');
  });
});

describe('COPY text in pages, in slices', () => {
  it('gives the rows of the whole text, whatever the pages and the slice size', () => {
    fc.assert(
      fc.property(
        rowsOf,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.integer({ min: 1, max: 300 }),
        (rows, cuts, sliceBytes) => {
          const bytes = Buffer.from(encodeCopyRows(rows), 'utf8');
          const at = [...new Set(cuts.map((c) => (bytes.length === 0 ? 0 : c % bytes.length)))].sort(
            (a, b) => a - b,
          );
          const pages: Uint8Array[] = [];
          let from = 0;
          for (const c of [...at, bytes.length]) {
            if (c > from) pages.push(bytes.subarray(from, c));
            from = Math.max(from, c);
          }
          const chunks = [...copyRowChunksOfPages(pages, sliceBytes)];
          expect(chunks.flat()).toEqual(decodeCopyRows(bytes.toString('utf8')));
          expect(textOfPages(pages)).toBe(bytes.toString('utf8'));
          // each slice is at most sliceBytes, or one line longer than that
          for (const c of chunks) expect(c.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
