import { readFileSync, statSync } from 'node:fs';
import { Plan12bError } from '../errors.js';

export function readInputFile(file: string): Buffer {
  try {
    if (statSync(file).isDirectory())
      throw new Plan12bError('BAD_INPUT', `${file}:1: is a directory, not a file`);
    return readFileSync(file);
  } catch (e) {
    if (e instanceof Plan12bError) throw e;
    throw new Plan12bError(
      'NOT_FOUND',
      `${file}:1: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      'check the path',
    );
  }
}
