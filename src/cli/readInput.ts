import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { Plan12bError } from '../errors.js';

/** The largest input file plan12b reads (bytes): $PLAN12B_MAX_INPUT_BYTES, else 1 GiB. */
export function maxInputBytes(): number {
  const v = Number(process.env.PLAN12B_MAX_INPUT_BYTES);
  return Number.isFinite(v) && v > 0 ? v : 1024 ** 3;
}

/**
 * Reads an input file whole, but never more than {@link maxInputBytes}: a device or a file that
 * never ends (/dev/zero) is refused once it passes the cap instead of growing memory without bound.
 */
export function readInputFile(file: string, limit = maxInputBytes()): Buffer {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw new Plan12bError(
      'NOT_FOUND',
      `${file}:1: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      'check the path',
    );
  }
  try {
    if (fstatSync(fd).isDirectory())
      throw new Plan12bError('BAD_INPUT', `${file}:1: is a directory, not a file`, 'name a file');
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > limit)
        throw new Plan12bError(
          'BAD_INPUT',
          `${file}:1: larger than ${limit} bytes, the most plan12b reads in one input`,
          'split the file, or raise the limit with PLAN12B_MAX_INPUT_BYTES',
        );
      chunks.push(Buffer.from(chunk.subarray(0, n)));
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    if (e instanceof Plan12bError) throw e;
    throw new Plan12bError(
      'NOT_FOUND',
      `${file}:1: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      'check the path',
    );
  } finally {
    closeSync(fd);
  }
}
