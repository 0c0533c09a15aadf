/**
 * Every error plan12b reports, with its meaning, its exit code and its HTTP status
 * (one table, as tRPC's rpc/codes.ts). Exit codes follow sysexits(3) where one fits.
 */
export const ERROR_CODES = {
  USAGE: { exit: 64, http: 400, meaning: 'the command line is wrong' },
  BAD_INPUT: { exit: 65, http: 422, meaning: 'an input file or value cannot be accepted' },
  NOT_FOUND: { exit: 66, http: 404, meaning: 'a file, portfolio or record does not exist' },
  CONFLICT: {
    exit: 67,
    http: 409,
    meaning: 'the input contradicts what is recorded (use --restate to correct)',
  },
  REFUSED: { exit: 68, http: 403, meaning: 'the request breaks a rule of the plan or agreement' },
  DATABASE: { exit: 69, http: 503, meaning: 'the database cannot be opened or reached' },
  INTERNAL: { exit: 70, http: 500, meaning: 'a bug in plan12b' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** An error meant for the user: one line saying what is wrong and what to do next. */
export class Plan12bError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'Plan12bError';
  }
  get exitCode(): number {
    return ERROR_CODES[this.code].exit;
  }
}

/** A bad row of an input file: names the file, the line, the field and the reason (SPEC §12). */
export interface RowProblem {
  readonly file: string;
  readonly line: number;
  readonly field: string | null;
  readonly reason: string;
}

export function formatRowProblem(p: RowProblem): string {
  return `${p.file}:${p.line}${p.field ? `: ${p.field}` : ''}: ${p.reason}`;
}

export class BadInputError extends Plan12bError {
  constructor(readonly problems: readonly RowProblem[]) {
    const first = problems[0];
    const more =
      problems.length > 1
        ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})`
        : '';
    super(
      'BAD_INPUT',
      `${first ? formatRowProblem(first) : 'bad input'}${more}`,
      'nothing was written; fix the file and run the import again',
    );
  }
}
