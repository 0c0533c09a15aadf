import { resolve, sep } from 'node:path';
import { Plan12bError } from '../errors.js';

/** The options that name a file or folder the command writes (a workbook, a PDF, a CSV, statements). */
export const OUTPUT_FILE_OPTIONS = ['--xlsx', '--pdf', '--out', '--payments-csv', '--statements'] as const;

/** Why a file could not be written, in words, by the system's code. */
const WRITE_FAILURES: Readonly<Record<string, string>> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a folder on its path is a file',
  EISDIR: 'it is a folder, not a file',
  EEXIST: 'a file of that name is in the way of the folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space is left on the device',
  EDQUOT: 'the disk quota is used up',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
};

/** The values argv gives the output options, `--xlsx FILE` and `--xlsx=FILE` alike. */
function outputPaths(argv: readonly string[]): { option: string; path: string }[] {
  const found: { option: string; path: string }[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    for (const option of OUTPUT_FILE_OPTIONS) {
      if (a === option && i + 1 < argv.length) found.push({ option, path: argv[i + 1] as string });
      else if (a.startsWith(`${option}=`)) found.push({ option, path: a.slice(option.length + 1) });
    }
  }
  return found;
}

/**
 * A file the user named to be written (`--xlsx`, `--pdf`, `--out`, `--payments-csv`, `--statements`)
 * that the system would not let plan12b write — a folder that does not exist, a folder given for a
 * file, no permission, a full disk — is the user's to fix: exit 66 with what to do, never "a bug in
 * plan12b" (70). Only a system error on that very path (or inside that folder) is; any other is not.
 */
export function outputFileRefusal(e: unknown, argv: readonly string[]): Plan12bError | undefined {
  const err = e as NodeJS.ErrnoException | undefined;
  if (typeof err?.code !== 'string' || typeof err.path !== 'string' || typeof err.syscall !== 'string')
    return undefined;
  const failed = resolve(err.path);
  const named = outputPaths(argv).find(({ path }) => {
    const target = resolve(path);
    return failed === target || failed.startsWith(`${target}${sep}`) || target.startsWith(`${failed}${sep}`);
  });
  if (named === undefined) return undefined;
  return new Plan12bError(
    'NOT_FOUND',
    `${named.option} ${named.path}: cannot write: ${WRITE_FAILURES[err.code] ?? err.message} (${err.code})`,
    `check the path given to ${named.option} (its folder must exist and be writable), then run the command again`,
  );
}
