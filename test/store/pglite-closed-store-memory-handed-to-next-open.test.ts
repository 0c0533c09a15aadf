import { afterAll, describe, expect, it } from 'vitest';
import {
  installPgliteMemoryPool,
  keepClosedStoreMemory,
  memoriesHandedOn,
  type WasmMemory,
} from '../../src/store/pgliteMemoryPool.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';

/**
 * src/store/pgliteMemoryPool.ts: a closed embedded store's WebAssembly memory goes, zeroed, to the
 * next store the process opens (V8 answers each new 128 MB memory with a full collection of the
 * heap). What must hold: the next store sees nothing of the last one's memory, two stores open at
 * once never share one, and what a store wrote is still there when it is opened again.
 */

type MemoryConstructor = new (d: {
  initial: number;
  maximum?: number;
}) => WasmMemory & {
  grow(pages: number): number;
};
const Memory = () =>
  (globalThis as unknown as { WebAssembly: { Memory: MemoryConstructor } }).WebAssembly.Memory;

describe('a closed store memory handed to the next open', () => {
  const stores: TestDatabase[] = [];
  afterAll(async () => {
    for (const s of stores) await s.drop();
  });

  it('hands a kept memory back zeroed, only for the same description', () => {
    installPgliteMemoryPool();
    const m = new (Memory())({ initial: 3, maximum: 7 });
    new Uint8Array(m.buffer).fill(0xab, 0, 3 * 65536);
    keepClosedStoreMemory(m);
    const other = new (Memory())({ initial: 3, maximum: 8 });
    expect(other).not.toBe(m);
    const before = memoriesHandedOn();
    const again = new (Memory())({ initial: 3, maximum: 7 });
    expect(again).toBe(m);
    expect(memoriesHandedOn()).toBe(before + 1);
    const bytes = new Uint8Array(again.buffer);
    expect(bytes.length).toBe(3 * 65536);
    expect(bytes.every((b) => b === 0)).toBe(true);
    // handed on once: the next asks for a new one
    expect(new (Memory())({ initial: 3, maximum: 7 })).not.toBe(m);
    expect(again instanceof Memory()).toBe(true);
  });

  it('does not keep a memory grown past 256 MB, nor one it did not make', () => {
    installPgliteMemoryPool();
    const big = new (Memory())({ initial: 1, maximum: 8192 });
    big.grow(4096); // 4,097 pages: 256 MB and one page
    keepClosedStoreMemory(big);
    expect(new (Memory())({ initial: 1, maximum: 8192 })).not.toBe(big);
    keepClosedStoreMemory({ buffer: new ArrayBuffer(65536) });
    const fresh = new (Memory())({ initial: 1, maximum: 8192 });
    expect(fresh.buffer.byteLength).toBe(65536);
  });

  it('opens the next store on the last one memory with nothing of it, and keeps what each wrote', async () => {
    const a = await freshDatabase('pglite');
    const b = await freshDatabase('pglite');
    stores.push(a, b);
    const dbA = await a.open();
    await dbA.exec("CREATE TABLE handed_on (t text); INSERT INTO handed_on VALUES ('written in A')");
    await dbA.close();
    const handed = memoriesHandedOn();
    const dbB = await b.open();
    expect(memoriesHandedOn()).toBe(handed + 1);
    expect(await dbB.query("SELECT to_regclass('handed_on') IS NULL AS absent")).toEqual([{ absent: true }]);
    await dbB.exec("CREATE TABLE handed_on (t text); INSERT INTO handed_on VALUES ('written in B')");
    await dbB.close();
    const dbA2 = await a.open();
    expect(await dbA2.query('SELECT t FROM handed_on')).toEqual([{ t: 'written in A' }]);
    await dbA2.close();
    const dbB2 = await b.open();
    expect(await dbB2.query('SELECT t FROM handed_on')).toEqual([{ t: 'written in B' }]);
    await dbB2.close();
  });

  it('gives two stores open at once memories of their own', async () => {
    // at least one memory kept before (the test above), at most two (kept at most): one open
    // takes a kept one, the other a kept one or a new one, never the same
    const handed = memoriesHandedOn();
    const a = await freshDatabase('pglite');
    const b = await freshDatabase('pglite');
    stores.push(a, b);
    const [dbA, dbB] = await Promise.all([a.open(), b.open()]);
    await Promise.all([
      dbA.exec("CREATE TABLE side (t text); INSERT INTO side SELECT 'A' FROM generate_series(1, 5000)"),
      dbB.exec("CREATE TABLE side (t text); INSERT INTO side SELECT 'B' FROM generate_series(1, 7000)"),
    ]);
    expect(await dbA.query("SELECT count(*)::int AS n, bool_and(t = 'A') AS own FROM side")).toEqual([
      { n: 5000, own: true },
    ]);
    expect(await dbB.query("SELECT count(*)::int AS n, bool_and(t = 'B') AS own FROM side")).toEqual([
      { n: 7000, own: true },
    ]);
    expect(memoriesHandedOn() - handed).toBeGreaterThanOrEqual(1);
    expect(memoriesHandedOn() - handed).toBeLessThanOrEqual(2);
    await Promise.all([dbA.close(), dbB.close()]);
  });
});
