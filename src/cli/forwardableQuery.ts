import { defaultDatabaseTarget, isServerUrl } from '../store/databaseTarget.js';

/**
 * Which command lines `plan12b serve` may answer for the CLI (issue 13 item 4): the query commands
 * that read the store and print to stdout and stderr only — never one that changes state, reads a
 * file (`exhibit parse FILE`, `exhibit render FILE`) or writes one (`--pdf`, `--xlsx`, `--out`,
 * `--payments-csv`, `--statements`: those run in-process, where the path means what the user
 * meant). Pure: the CLI's fast path checks it before anything else is loaded, and the server checks
 * it again before it runs a forwarded line.
 */

/** A query command: the options it takes with a value, its flags, the positional arguments allowed. */
interface QueryShape {
  readonly values?: readonly string[];
  readonly flags?: readonly string[];
  /** how many positional arguments (after the command words), or the one literal allowed */
  readonly positional?: number | { readonly literal: string };
  /** reads the audit log: the API's `audit` permission (an auditor), not only `read` */
  readonly audit?: true;
}

/** Every forwardable command, by its words (`exhibit list`), with the options it takes. */
export const FORWARDABLE_QUERIES: Readonly<Record<string, QueryShape>> = {
  schedule: { values: ['--as-of', '--class', '--portfolio'], flags: ['--json', '--csv'] },
  'portfolio history': { positional: 1, flags: ['--json', '--csv'] },
  'exhibit list': { flags: ['--json', '--csv'] },
  'exhibit render': { values: ['--as-of', '--class'], flags: ['--json'] },
  'exhibit diff': { positional: 1, flags: ['--json', '--csv'] },
  'rates list': { flags: ['--json', '--csv'] },
  fees: {
    values: ['--from', '--to', '--portfolio', '--class'],
    flags: ['--daily', '--recompute', '--csv', '--json'],
  },
  journal: { values: ['--month', '--payment-days'], flags: ['--recompute', '--csv', '--json'] },
  'providers list': { flags: ['--json', '--csv'] },
  'service-fees': { values: ['--month'], flags: ['--recompute', '--json', '--csv'] },
  'class-b-terms list': { flags: ['--json', '--csv'] },
  redemptions: { values: ['--from', '--to', '--distributor'], flags: ['--csv', '--json'] },
  lots: { values: ['--account', '--as-of'], flags: ['--json', '--csv'] },
  conversions: { values: ['--month'], flags: ['--json', '--csv'] },
  cdsc: { values: ['--month', '--from', '--to', '--distributor'], flags: ['--csv', '--json'] },
  'transfers list': { flags: ['--json', '--csv'] },
  'transfers statement': { values: ['--assignee', '--month'], flags: ['--csv', '--json'] },
  'distributor-share': { values: ['--month'], flags: ['--recompute', '--csv', '--json'] },
  'monthly-calculation': {
    values: ['--month', '--due-date'],
    flags: ['--csv', '--recompute', '--json'],
  },
  'what-if': {
    values: ['--portfolio', '--class', '--distribution-fee', '--service-fee', '--from'],
    flags: ['--csv', '--json'],
  },
  'finra-cap': { values: ['--class', '--portfolio', '--through'], flags: ['--csv', '--json'] },
  'board-report': { values: ['--quarter'], flags: ['--csv', '--json'] },
  close: { positional: { literal: 'show' }, values: ['--month', '--part'], flags: ['--json', '--csv'] },
  'approvals list': { flags: ['--json', '--csv'] },
  continuance: { values: ['--as-of'], flags: ['--json', '--csv'] },
  'terminations list': { flags: ['--json', '--csv'] },
  'settings list': { flags: ['--json', '--csv'] },
  'audit verify': { values: ['--anchor'], flags: ['--json'], audit: true },
  'audit anchor': { flags: ['--json'], audit: true },
  'audit log': {
    values: ['--action', '--actor', '--from', '--to'],
    flags: ['--json', '--csv'],
    audit: true,
  },
};

/** The commands named by two words (`exhibit list`): their first words. */
const GROUPS = new Set(
  Object.keys(FORWARDABLE_QUERIES)
    .filter((k) => k.includes(' '))
    .map((k) => k.split(' ')[0]),
);

/** The program's own options that take a value; they may stand anywhere on the line. */
const PROGRAM_VALUES = new Set(['--db', '--actor']);

/** Set in the environment, these change what a command prints or how: such a line runs in-process. */
export const IN_PROCESS_ENV = ['PLAN12B_NO_SERVER', 'PLAN12B_FINRA_CAP_STOP', 'PLAN12B_DEBUG'] as const;

/**
 * The embedded data folder a query line may be answered on by a query server — a running
 * `plan12b serve` (src/cli/serveForward.ts) or one started on demand (src/store/onDemandServe.ts):
 * a forwardable query, no variable of IN_PROCESS_ENV set, on a folder (not a PostgreSQL URL, not
 * `:memory:`). Undefined for any other line.
 */
export function servedQueryFolder(args: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  if (IN_PROCESS_ENV.some((k) => env[k] !== undefined && env[k] !== '' && env[k] !== '0')) return undefined;
  const query = forwardableQuery(args);
  if (!query) return undefined;
  const target = query.db ?? defaultDatabaseTarget(env);
  return isServerUrl(target) || target === ':memory:' ? undefined : target;
}

export interface ForwardableQuery {
  /** the command's words, as in FORWARDABLE_QUERIES */
  readonly command: string;
  /** --db as given on the line (else the default store applies) */
  readonly db: string | undefined;
  /** the line without --db: what is sent to the server, which answers from the store it holds */
  readonly withoutDb: readonly string[];
  /** reads the audit log */
  readonly audit: boolean;
}

/**
 * The query a command line asks (args: the words after `plan12b`), if `plan12b serve` may answer
 * it; undefined for anything else — a write, a file read or written, --help, --no-server, an
 * option the command does not take (Commander then says what is wrong, in-process).
 */
export function forwardableQuery(args: readonly string[]): ForwardableQuery | undefined {
  let db: string | undefined;
  const words: string[] = [];
  const options: { name: string; hasValue: boolean }[] = [];
  const withoutDb: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const start = i;
    if (a === '--' || a === '-') return undefined;
    if (!a.startsWith('-')) {
      words.push(a);
      withoutDb.push(a);
      continue;
    }
    if (!a.startsWith('--')) return undefined; // -h and the like
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    let value: string | undefined = eq < 0 ? undefined : a.slice(eq + 1);
    const shape = shapeOf(words);
    const takesValue = PROGRAM_VALUES.has(name) || (shape?.values?.includes(name) ?? false);
    if (takesValue && value === undefined) {
      if (i + 1 >= args.length) return undefined;
      value = args[++i] as string;
    }
    if (name === '--db') db = value;
    else withoutDb.push(...args.slice(start, i + 1));
    options.push({ name, hasValue: value !== undefined });
  }
  const command = commandOf(words);
  if (command === undefined) return undefined;
  const shape = FORWARDABLE_QUERIES[command] as QueryShape;
  for (const o of options) {
    if (PROGRAM_VALUES.has(o.name)) continue;
    const ok = o.hasValue ? shape.values?.includes(o.name) : shape.flags?.includes(o.name);
    if (!ok) return undefined;
  }
  const positional = words.slice(command.split(' ').length);
  const allowed = shape.positional ?? 0;
  if (typeof allowed === 'number' ? positional.length !== allowed : positional.join(' ') !== allowed.literal)
    return undefined;
  return { command, db, withoutDb, audit: shape.audit === true };
}

/** The command the words so far name, for the options that follow them. */
function shapeOf(words: readonly string[]): QueryShape | undefined {
  const command = commandOf(words);
  return command === undefined ? undefined : FORWARDABLE_QUERIES[command];
}

function commandOf(words: readonly string[]): string | undefined {
  const [first, second] = words;
  if (first === undefined) return undefined;
  if (GROUPS.has(first)) {
    const two = `${first} ${second}`;
    return second !== undefined && two in FORWARDABLE_QUERIES ? two : undefined;
  }
  return first in FORWARDABLE_QUERIES ? first : undefined;
}
