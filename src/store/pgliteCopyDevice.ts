import type { PGlite } from '@electric-sql/pglite';
import { decodeCopyRows } from './copyText.js';

/**
 * COPY on PGlite through a device file of plan12b's own, in PGlite's in-memory file system
 * (Emscripten's `FS.registerDevice`, reached through PGlite's public `Module`), instead of PGlite's
 * `/dev/blob` (issue 14: bulk paths). Measured (docs/PERFORMANCE.md, "COPY through a device of its
 * own"): `/dev/blob`'s read copies the input into PostgreSQL byte by byte in JavaScript, and its
 * write keeps one ~1 KB piece per write of PostgreSQL's and makes a Blob of them all, which Node
 * reads back slowly; this device copies whole runs of bytes each way (`TypedArray.set`) and keeps
 * what COPY TO writes in a few pages. The bytes are the same: the SQL is the same but for the
 * file's name.
 *
 * Each COPY gets a device node of its own (`/dev/plan12b_copy_<n>`, removed after it), so COPYs
 * that PGlite runs one after another for different callers never share a buffer.
 */
export interface PgliteCopyDevice {
  /** Runs `copy(path)` (a `COPY … FROM path`) with `bytes` as the file it reads. */
  copyFrom<T>(bytes: Uint8Array, copy: (path: string) => Promise<T>): Promise<T>;
  /** Runs `copy(path)` (a `COPY … TO path`) and returns what it wrote, as pages in order. */
  copyTo(copy: (path: string) => Promise<unknown>): Promise<Uint8Array[]>;
}

/** What one COPY TO wrote: pages of bytes, the first small (most reads are), then up to 4 MB. */
class CopyOutPages {
  private readonly full: Uint8Array[] = [];
  private page = new Uint8Array(64 * 1024);
  private used = 0;

  write(src: Uint8Array): void {
    let from = 0;
    while (from < src.length) {
      if (this.used === this.page.length) {
        this.full.push(this.page);
        this.page = new Uint8Array(Math.min(this.page.length * 2, 4 * 2 ** 20));
        this.used = 0;
      }
      const k = Math.min(this.page.length - this.used, src.length - from);
      this.page.set(src.subarray(from, from + k), this.used);
      this.used += k;
      from += k;
    }
  }

  pages(): Uint8Array[] {
    return this.used === 0 ? this.full : [...this.full, this.page.subarray(0, this.used)];
  }
}

/** One COPY's file: what COPY FROM reads, or where COPY TO writes. */
type DeviceFile = { readonly in: Uint8Array } | { readonly out: CopyOutPages };

/** Emscripten's FS, as much of it as the device uses. */
interface EmscriptenFs {
  makedev(major: number, minor: number): number;
  registerDevice(dev: number, ops: object): void;
  mkdev(path: string, dev: number): void;
  unlink(path: string): void;
  readonly devices?: Record<number, unknown>;
}

interface DeviceStream {
  readonly node: { readonly name: string };
  position: number;
}

let copies = 0;

/**
 * The device on this PGlite instance, or undefined where its file system is not reachable as
 * expected (another PGlite build): the store then goes through `/dev/blob`.
 */
export function pgliteCopyDevice(pg: PGlite): PgliteCopyDevice | undefined {
  let fs: EmscriptenFs | undefined;
  try {
    fs = (pg as unknown as { Module?: { FS?: EmscriptenFs } }).Module?.FS;
  } catch {
    return undefined;
  }
  if (
    fs === undefined ||
    typeof fs.makedev !== 'function' ||
    typeof fs.registerDevice !== 'function' ||
    typeof fs.mkdev !== 'function' ||
    typeof fs.unlink !== 'function'
  )
    return undefined;
  // PGlite's /dev/blob is device (64, 0); this is the next free minor of that major
  let minor = 1;
  while (fs.devices?.[fs.makedev(64, minor)] !== undefined) minor++;
  const dev = fs.makedev(64, minor);
  const files = new Map<string, DeviceFile>();
  const fileOf = (stream: DeviceStream): DeviceFile => {
    const f = files.get(stream.node.name);
    if (f === undefined) throw new Error(`plan12b COPY device: no file ${stream.node.name}`);
    return f;
  };
  // Emscripten passes its heap (a typed array over the WebAssembly memory) with an offset
  const heapBytes = (buffer: ArrayBufferView, offset: number, length: number) =>
    new Uint8Array(buffer.buffer, buffer.byteOffset + offset, length);
  fs.registerDevice(dev, {
    open() {},
    close() {},
    read(stream: DeviceStream, buffer: ArrayBufferView, offset: number, length: number, position: number) {
      const f = fileOf(stream);
      if (!('in' in f)) throw new Error('plan12b COPY device: read of a COPY TO file');
      if (position >= f.in.length) return 0;
      const k = Math.min(f.in.length - position, length);
      heapBytes(buffer, offset, k).set(f.in.subarray(position, position + k));
      return k;
    },
    write(stream: DeviceStream, buffer: ArrayBufferView, offset: number, length: number) {
      const f = fileOf(stream);
      if (!('out' in f)) throw new Error('plan12b COPY device: write to a COPY FROM file');
      f.out.write(heapBytes(buffer, offset, length));
      return length;
    },
    llseek(stream: DeviceStream, offset: number, whence: number) {
      const f = fileOf(stream);
      const size = 'in' in f ? f.in.length : 0;
      const p = whence === 1 ? stream.position + offset : whence === 2 ? size + offset : offset;
      if (p < 0) throw new Error('plan12b COPY device: seek before the start');
      return p;
    },
  });
  const withFile = async <T>(file: DeviceFile, copy: (path: string) => Promise<T>): Promise<T> => {
    const name = `plan12b_copy_${++copies}`;
    const path = `/dev/${name}`;
    files.set(name, file);
    fs.mkdev(path, dev);
    try {
      return await copy(path);
    } finally {
      files.delete(name);
      try {
        fs.unlink(path);
      } catch {}
    }
  };
  return {
    copyFrom: (bytes, copy) => withFile({ in: bytes }, copy),
    async copyTo(copy) {
      const out = new CopyOutPages();
      await withFile({ out }, copy);
      return out.pages();
    },
  };
}

/** What the store's COPY asks of PGlite (the instance, or one of its transactions). */
type PgliteQuery = Pick<PGlite, 'query'>;

/** PGlite's COPY, one way or the other, decided once for the instance. */
export interface PgliteCopy {
  /** Runs `statement` (`COPY table (columns) FROM $FILE`) with `bytes` as the file; the rows copied. */
  from(q: PgliteQuery, statement: string, bytes: Uint8Array): Promise<number>;
  /** `COPY (sql) TO` a file: what it wrote, as pages in order. */
  to(q: PgliteQuery, sql: string): Promise<Uint8Array[]>;
}

/**
 * COPY through the device, or — where it cannot be made, or with `blobCopy` — through PGlite's
 * /dev/blob: the query's `blob` option is read by COPY FROM, and what COPY TO writes comes back
 * as the result's blob (one page). The same bytes either way.
 */
export function pgliteCopy(pg: PGlite, opts: { blobCopy: boolean }): PgliteCopy {
  const device = opts.blobCopy ? undefined : pgliteCopyDevice(pg);
  return {
    async from(q, statement, bytes) {
      const res =
        device === undefined
          ? await q.query(statement.replace('$FILE', "'/dev/blob'"), [], { blob: new Blob([bytes]) })
          : await device.copyFrom(bytes, (path) => q.query(statement.replace('$FILE', `'${path}'`)));
      return res.affectedRows ?? 0;
    },
    async to(q, sql) {
      if (device !== undefined) return device.copyTo((path) => q.query(`COPY (${sql}) TO '${path}'`));
      const res = await q.query(`COPY (${sql}) TO '/dev/blob'`);
      return res.blob ? [new Uint8Array(await res.blob.arrayBuffer())] : [];
    },
  };
}

/** The pages' bytes as one string (UTF-8; a character may span two pages). */
export function textOfPages(pages: readonly Uint8Array[]): string {
  if (pages.length === 1) return new TextDecoder('utf-8', { fatal: true }).decode(pages[0]);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text = '';
  for (const page of pages) text += decoder.decode(page, { stream: true });
  return text + decoder.decode();
}

/**
 * COPY text in pages, as slices of at most `sliceBytes` (a longer line: that line alone), each
 * ending at a line end — a newline byte never occurs inside a UTF-8 character, so a slice is whole
 * characters.
 */
export function* copyTextSlicesOfPages(
  pages: readonly Uint8Array[],
  sliceBytes: number,
): Generator<Uint8Array> {
  let carry: Uint8Array | undefined;
  for (const page of pages) {
    let buf = page;
    if (carry !== undefined) {
      buf = new Uint8Array(carry.length + page.length);
      buf.set(carry);
      buf.set(page, carry.length);
      carry = undefined;
    }
    let from = 0;
    while (buf.length - from > sliceBytes) {
      let end = buf.lastIndexOf(10, from + sliceBytes - 1) + 1;
      if (end <= from) {
        // a line longer than a slice: all of it, once its end is here
        const nl = buf.indexOf(10, from + sliceBytes);
        if (nl === -1) break;
        end = nl + 1;
      }
      yield buf.subarray(from, end);
      from = end;
    }
    if (from < buf.length) carry = buf.subarray(from);
  }
  if (carry !== undefined && carry.length > 0) yield carry;
}

/** COPY text in pages, decoded into rows a slice ({@link copyTextSlicesOfPages}) at a time. */
export function* copyRowChunksOfPages(
  pages: readonly Uint8Array[],
  sliceBytes: number,
): Generator<(string | null)[][]> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const slice of copyTextSlicesOfPages(pages, sliceBytes)) yield decodeCopyRows(decoder.decode(slice));
}
