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
  DATABASE: {
    exit: 69,
    http: 503,
    meaning: 'the database cannot be opened or reached, or was changed outside plan12b (audit verify)',
  },
  INTERNAL: { exit: 70, http: 500, meaning: 'a bug in plan12b' },
  RATE_LIMITED: { exit: 75, http: 429, meaning: 'too many requests from one API token; wait and retry' },
  UNAUTHORIZED: { exit: 77, http: 401, meaning: 'the API request carries no valid token' },
  FORBIDDEN: { exit: 77, http: 403, meaning: "the API token's role does not allow this request" },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** An error meant for the user: one line saying what is wrong and what to do next. */
export class Plan12bError extends Error {
  readonly hint?: string;
  constructor(
    readonly code: ErrorCode,
    message: string,
    hint?: string,
    /** the command already printed its JSON answer (e.g. `exhibit parse` of a document import would refuse) */
    readonly answerPrinted = false,
  ) {
    // an argument or a cell quoted in the message is echoed by its first characters and its length
    super(withLongQuotesClipped(message));
    if (hint !== undefined) this.hint = withLongQuotesClipped(hint);
    this.name = 'Plan12bError';
  }
  get exitCode(): number {
    return ERROR_CODES[this.code].exit;
  }
}

/**
 * One problem of an input, as data (SPEC §12): the file, the 1-based line, the field, the value
 * as read and the reason. `code` says what kind of problem it is and so which exit code it gives:
 * BAD_INPUT (the file is wrong), CONFLICT (it contradicts what is recorded), REFUSED (a closed
 * month or a rule of the plan forbids it).
 */
export interface Problem {
  readonly code?: 'BAD_INPUT' | 'CONFLICT' | 'REFUSED';
  readonly file: string;
  readonly line: number;
  readonly field: string | null;
  readonly value?: string;
  readonly reason: string;
}

/** @deprecated the older name of {@link Problem} */
export type RowProblem = Problem;

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}${p.field ? `: ${p.field}` : ''}: ${p.reason}`;
}
export const formatRowProblem = formatProblem;

/** The most serious code among the problems: bad input, then conflict, then refusal. */
export function problemsCode(problems: readonly Problem[]): 'BAD_INPUT' | 'CONFLICT' | 'REFUSED' {
  const codes = new Set(problems.map((p) => p.code ?? 'BAD_INPUT'));
  if (codes.has('BAD_INPUT') || codes.size === 0) return 'BAD_INPUT';
  if (codes.has('CONFLICT')) return 'CONFLICT';
  return 'REFUSED';
}

/** How many problems the text form of an error lists; `--json` lists them all. */
export const PROBLEMS_SHOWN = 20;

const NEXT_STEP: Record<'BAD_INPUT' | 'CONFLICT' | 'REFUSED', string> = {
  BAD_INPUT: 'nothing was written; fix the file and run the import again',
  CONFLICT: 'nothing was written; if the file corrects what is recorded, import it again with --restate',
  REFUSED: 'nothing was written; the rule named above forbids this change',
};

/**
 * An input that cannot be accepted as a whole, with every problem found in it. The exit code
 * follows the most serious problem (65, 67 or 68); nothing was written.
 */
export class ProblemsError extends Plan12bError {
  readonly problems: readonly Problem[];
  constructor(given: readonly Problem[], hint?: string) {
    const problems = given.map(boundedProblem);
    const code = problemsCode(problems);
    const shown = problems.slice(0, PROBLEMS_SHOWN).map(formatProblem);
    const rest = problems.length - shown.length;
    const message =
      problems.length === 0
        ? 'bad input'
        : problems.length === 1
          ? shown[0]!
          : `${problems.length} problems:\n  ${shown.join('\n  ')}${rest > 0 ? `\n  … and ${rest} more (--json lists them all)` : ''}`;
    super(code, message, hint ?? NEXT_STEP[code]);
    this.name = 'ProblemsError';
    this.problems = problems.map((p) => ({ ...p, code: p.code ?? 'BAD_INPUT' }));
  }
}

/**
 * The most characters of a value or field a problem quotes (SPEC §12: every problem listed, never a
 * crash). A hostile file's one line of 140 MB was quoted as the field, the value and twice in the
 * reason of its header problem, and the error document (four times the line, past the longest
 * string V8 makes) failed as "Invalid string length", exit 70.
 */
export const PROBLEM_TEXT_MAX = 200;

/** The longest reason a problem keeps after its quoted values are shortened (its middle left out). */
const REASON_MAX = 10_000;

/** What follows a value shortened by {@link clippedQuoted}. */
const SAYS_ITS_LENGTH = /^ \([\d,]+ characters\)/;

/** A length as a person reads it: `100,000 characters`. */
const charactersLong = (n: number) => `${n.toLocaleString('en-US')} characters`;

/** The first {@link PROBLEM_TEXT_MAX} characters of `s`, a surrogate pair never halved. */
const headOf = (s: string) => s.slice(0, PROBLEM_TEXT_MAX).replace(/[\ud800-\udbff]$/, '');

/** `s` shortened to {@link PROBLEM_TEXT_MAX} characters (whole code points), saying how long it was. */
export function clippedText(s: string): string {
  if (s.length <= PROBLEM_TEXT_MAX) return s;
  return `${headOf(s)}… (${charactersLong(s.length)})`;
}

/**
 * `s` as JSON quotes it, and when longer than {@link PROBLEM_TEXT_MAX} characters its first ones
 * and its length: `"AAAA…" (100,000 characters)`.
 * @example clippedQuoted('A'.repeat(100_000)) === `"${'A'.repeat(200)}…" (100,000 characters)`
 */
export function clippedQuoted(s: string): string {
  if (s.length <= PROBLEM_TEXT_MAX) return JSON.stringify(s);
  return `${JSON.stringify(`${headOf(s)}…`)} (${charactersLong(s.length)})`;
}

/**
 * A message with each of the given arguments longer than {@link PROBLEM_TEXT_MAX} characters that
 * it echoes (as written, quoted or not, or as JSON quotes it) shortened to its first characters and
 * its length: a command line's 100,000-character option or word, echoed by Commander (`unknown
 * option '--AAAA…'`) or by a message that names it unquoted (a file path).
 */
export function withArgumentsClipped(text: string, args: readonly string[]): string {
  if (text.length <= PROBLEM_TEXT_MAX) return text;
  const long = new Set<string>();
  for (const a of args) {
    if (a.length <= PROBLEM_TEXT_MAX) continue;
    long.add(a);
    // `--option=value`: the value may be echoed alone
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0 && a.length - eq - 1 > PROBLEM_TEXT_MAX) long.add(a.slice(eq + 1));
  }
  let out = withLongQuotesClipped(text);
  for (const a of [...long].sort((x, y) => y.length - x.length))
    if (out.includes(a)) out = out.split(a).join(clippedText(a));
  return out;
}

/**
 * A message with each value it quotes as JSON (an argument, a cell, a name: `"…"`) that is longer
 * than {@link PROBLEM_TEXT_MAX} characters shortened by {@link clippedQuoted}. A 100,000-character
 * `--from` or portfolio name was echoed whole on stderr and in the `--json` document.
 */
export function withLongQuotesClipped(text: string): string {
  if (text.length <= PROBLEM_TEXT_MAX) return text;
  return text.replace(/"(?:[^"\\]|\\.)*"/g, (quoted: string, at: number) => {
    if (quoted.length <= PROBLEM_TEXT_MAX + 2) return quoted;
    // shortened already (the message is clipped again where it is printed)
    if (SAYS_ITS_LENGTH.test(text.slice(at + quoted.length, at + quoted.length + 40))) return quoted;
    try {
      const value: unknown = JSON.parse(quoted);
      return typeof value === 'string' && value.length > PROBLEM_TEXT_MAX ? clippedQuoted(value) : quoted;
    } catch {
      return quoted; // two quotation marks of the prose, not a JSON string
    }
  });
}

/**
 * A problem whose value, field and reason quote at most {@link PROBLEM_TEXT_MAX} characters of a
 * long value (as written, or as JSON quotes it), its reason at most {@link REASON_MAX}.
 */
function boundedProblem(p: Problem): Problem {
  const long = new Set(
    [p.value, p.field].filter((v): v is string => typeof v === 'string' && v.length > PROBLEM_TEXT_MAX),
  );
  if (long.size === 0 && p.reason.length <= REASON_MAX) return p;
  let reason = p.reason;
  for (const v of long) {
    const clip = clippedText(v);
    // as JSON quotes it first: the value as written may lie inside its own quoted form
    const quoted = JSON.stringify(v).slice(1, -1);
    if (quoted !== v) reason = reason.split(quoted).join(JSON.stringify(clip).slice(1, -1));
    reason = reason.split(v).join(clip);
  }
  if (reason.length > REASON_MAX) {
    const half = REASON_MAX / 2;
    reason = `${reason.slice(0, half).replace(/[\ud800-\udbff]$/, '')}… (${reason.length - 2 * half} characters left out) …${reason.slice(-half).replace(/^[\udc00-\udfff]/, '')}`;
  }
  return {
    ...p,
    ...(typeof p.field === 'string' ? { field: clippedText(p.field) } : {}),
    ...(p.value !== undefined ? { value: clippedText(p.value) } : {}),
    reason,
  };
}

/** A bad input file: every problem found in it (exit 65 unless the problems say otherwise). */
export const BadInputError = ProblemsError;
export type BadInputError = ProblemsError;

/**
 * What the user sees when plan12b itself is wrong: exit 70, and a message that says so — never
 * "bad input", whatever the exception was.
 */
export class InternalError extends Plan12bError {
  constructor(readonly causeError: unknown) {
    super(
      'INTERNAL',
      `internal error (a bug in plan12b, not a problem with your input): ${
        causeError instanceof Error ? causeError.message : String(causeError)
      }`,
      'nothing was written; please report this with the command you ran (PLAN12B_DEBUG=1 prints the stack)',
    );
    this.name = 'InternalError';
  }
}

/**
 * A refusal that is only for now: the database is busy with another write (HTTP 503 with
 * `Retry-After`, src/api/app.ts; exit 69 like any other DATABASE refusal). Nothing was written.
 */
export class RetryLaterError extends Plan12bError {
  constructor(
    message: string,
    hint: string,
    /** when to ask again, in whole seconds (≥ 1) */
    readonly retryAfterSeconds: number,
  ) {
    super('DATABASE', message, hint);
    this.name = 'RetryLaterError';
  }
}

/** The error as the JSON document `--json` prints (and the HTTP API returns). */
export function errorDocument(e: Plan12bError): {
  error: {
    code: ErrorCode;
    exit: number;
    message: string;
    hint: string | null;
    problems: readonly Problem[];
  };
} {
  return {
    error: {
      code: e.code,
      exit: e.exitCode,
      message: e.message,
      hint: e.hint ?? null,
      problems: e instanceof ProblemsError ? e.problems : [],
    },
  };
}
