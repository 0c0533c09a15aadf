import { constants } from 'node:buffer';
import { closeSync, constants as fsConstants, fstatSync, openSync, readSync } from 'node:fs';
import { envNumber } from '../envNumber.js';
import { Plan12bError, ProblemsError } from '../errors.js';
import { unprintableReason } from '../import/statedText.js';

/**
 * The largest input file plan12b reads (bytes): $PLAN12B_MAX_INPUT_BYTES (a whole number from 1
 * to the largest buffer Node makes; anything else is a usage error, src/envNumber.ts), else 1 GiB.
 */
export function maxInputBytes(env: NodeJS.ProcessEnv = process.env): number {
  return envNumber(
    'PLAN12B_MAX_INPUT_BYTES',
    1024 ** 3,
    {
      min: 1,
      max: constants.MAX_LENGTH,
      integer: true,
      unit: 'bytes',
    },
    env,
  );
}

/** Why a file could not be opened or read, in words, with the system's code (ENOENT, EACCES …). */
const READ_FAILURES: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a folder on its path is a file',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EISDIR: 'is a directory, not a file',
};

function cannotRead(file: string, e: unknown): Plan12bError {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === undefined ? (e as Error).message : `${READ_FAILURES[code] ?? 'cannot be read'} (${code})`;
  return new Plan12bError(
    'NOT_FOUND',
    `${file}:1: cannot read: ${why}`,
    'nothing was written; check the path, and that the file is there and readable',
  );
}

/**
 * Reads an input file whole, but never more than {@link maxInputBytes}: a device or a file that
 * never ends (/dev/zero) is refused once it passes the cap instead of growing memory without bound.
 */
export function readInputFile(file: string, limit = maxInputBytes()): Buffer {
  // the name is cited by every problem and by the audit log: a newline or an escape sequence in it
  // would forge a line of `audit log` or repaint the terminal that prints it
  const unprintable = unprintableReason(file);
  if (unprintable !== null)
    throw new Plan12bError(
      'USAGE',
      `the file name ${unprintable}`,
      'rename the file (printable characters only) and give that name; nothing was written',
    );
  let fd: number;
  try {
    // Non-blocking: opening a named pipe (FIFO) that nothing writes to would otherwise wait for a
    // writer for ever (SPEC §12: never a hang); a regular file reads as before.
    fd = openSync(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  } catch (e) {
    throw cannotRead(file, e);
  }
  try {
    // SPEC §12: a file that cannot be an input is a problem of that file, listed as such (with
    // --json too), like every problem found inside one
    const stat = fstatSync(fd);
    if (stat.isDirectory())
      throw new ProblemsError(
        [{ file, line: 1, field: null, reason: 'is a directory, not a file' }],
        'nothing was written; name the file itself',
      );
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const n = readPatiently(fd, chunk);
      if (n === 0) {
        // a pipe that ends before its first byte: nothing wrote to it (a FIFO with no writer reads
        // as ended at once when opened without blocking)
        if (total === 0 && stat.isFIFO())
          throw new ProblemsError(
            [{ file, line: 1, field: null, reason: 'is a pipe (FIFO) that nothing wrote to' }],
            'nothing was written; write the data to the pipe while plan12b reads it, or name a file',
          );
        break;
      }
      total += n;
      if (total > limit)
        throw new ProblemsError(
          [
            {
              file,
              line: 1,
              field: null,
              reason: `larger than ${limit} bytes, the most plan12b reads in one input`,
            },
          ],
          'nothing was written; split the file, or raise the limit with PLAN12B_MAX_INPUT_BYTES',
        );
      chunks.push(Buffer.from(chunk.subarray(0, n)));
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    if (e instanceof Plan12bError) throw e;
    throw cannotRead(file, e);
  } finally {
    closeSync(fd);
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * One read of a descriptor opened without blocking: a pipe or terminal whose writer has not yet
 * written (EAGAIN) is asked again after a short pause, as a blocking read would wait for it.
 */
function readPatiently(fd: number, chunk: Buffer): number {
  for (;;) {
    try {
      return readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(pause, 0, 0, 10);
    }
  }
}
