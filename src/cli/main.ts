import { readFileSync } from 'node:fs';
import { Command, CommanderError, Help, type Option } from 'commander';
import { calendarRefusal } from '../calendar/nyseCalendar.js';
import { closestName } from '../closestName.js';
import { ExhibitParseError } from '../edgar/exhibitDocument.js';
import { exhibitParseRefusal } from '../edgar/exhibitParseRefusal.js';
import { ERROR_CODES, errorDocument, InternalError, Plan12bError, withArgumentsClipped } from '../errors.js';
import { writtenVisibly } from '../import/statedText.js';
import { checkPrintableActor, setActor } from '../store/actor.js';
import type { StoreWorkload } from '../store/database.js';
import { databaseRefusal } from '../store/databaseRefusal.js';
import { onDemandServeEnabled } from '../store/onDemandServe.js';
import { setRunningCommand } from '../store/runningCommand.js';
import { COMMAND_SUMMARIES } from './commandSummaries.js';
import { type CliContext, type CliOutput, makeContext, type StoreLender } from './context.js';
import { FORWARDABLE_QUERIES, servedQueryFolder } from './forwardableQuery.js';
import { addHelpExamples } from './helpExamples.js';
import { outputFileRefusal } from './outputFileRefusal.js';

type Register = (program: Command, getContext: () => CliContext) => void;

/**
 * Every top-level command, in the order `--help` lists them, with the module that registers it.
 * A command loads only its own module (and what that imports): the XLSX, PDF and HTTP libraries
 * cost more to load than most queries take to answer. `test/cli/cli-command-modules-*` checks
 * that this table names every command each module registers.
 */
export const COMMAND_MODULES: readonly (readonly [readonly string[], () => Promise<Register[]>])[] = [
  [['init'], async () => [(await import('./commands/init.js')).registerInitCommand]],
  [
    ['exhibit'],
    async () => {
      const [exhibit, diff] = await Promise.all([
        import('./commands/exhibit.js'),
        import('./commands/exhibitDiff.js'),
      ]);
      return [exhibit.registerExhibitCommands, diff.registerExhibitDiffCommand];
    },
  ],
  [['schedule'], async () => [(await import('./commands/schedule.js')).registerScheduleCommand]],
  [['portfolio'], async () => [(await import('./commands/portfolio.js')).registerPortfolioCommands]],
  [['rates'], async () => [(await import('./commands/rates.js')).registerRatesCommands]],
  [['calendar'], async () => [(await import('./commands/calendar.js')).registerCalendarCommands]],
  [['net-assets'], async () => [(await import('./commands/netAssets.js')).registerNetAssetsCommands]],
  [['fees', 'journal'], async () => [(await import('./commands/fees.js')).registerFeesCommands]],
  [
    ['providers', 'provider-assets', 'service-fees'],
    async () => [(await import('./commands/serviceFees.js')).registerServiceFeesCommands],
  ],
  [
    [
      'accounts',
      'transactions',
      'distributors',
      'class-b-terms',
      'redemptions',
      'lots',
      'conversions',
      'cdsc',
    ],
    async () => [(await import('./commands/classB.js')).registerClassBCommands],
  ],
  [['transfers'], async () => [(await import('./commands/transfers.js')).registerTransfersCommands]],
  [
    ['omnibus', 'distributor-share', 'monthly-calculation'],
    async () => [(await import('./commands/monthlyCalculation.js')).registerMonthlyCalculationCommands],
  ],
  [['what-if'], async () => [(await import('./commands/whatIf.js')).registerWhatIfCommand]],
  [
    ['gross-sales', 'prime-rate', 'finra-cap'],
    async () => [(await import('./commands/finraCap.js')).registerFinraCapCommands],
  ],
  [
    ['expenditures', 'board-report'],
    async () => [(await import('./commands/boardReport.js')).registerBoardReportCommands],
  ],
  [['close'], async () => [(await import('./commands/close.js')).registerCloseCommand]],
  [['audit'], async () => [(await import('./commands/audit.js')).registerAuditCommands]],
  [
    ['approvals', 'records', 'continuance', 'terminations', 'terminate', 'settings'],
    async () => [(await import('./commands/governance.js')).registerGovernanceCommands],
  ],
  [['demo'], async () => [(await import('./commands/demo.js')).registerDemoCommand]],
  [['tokens'], async () => [(await import('./commands/tokens.js')).registerTokensCommands]],
  [['serve'], async () => [(await import('./commands/serve.js')).registerServeCommand]],
];

/** The options of the program itself that take a value (they may come before the command). */
const PROGRAM_OPTIONS_WITH_VALUE = new Set(['--db', '--actor']);

/** The top-level command word of argv (node, script, …), if any. */
export function commandWord(argv: readonly string[]): string | undefined {
  const args = argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') return undefined;
    if (PROGRAM_OPTIONS_WITH_VALUE.has(a)) {
      i++;
      continue;
    }
    if (a.startsWith('-')) continue;
    return a;
  }
  return undefined;
}

/**
 * The command line's command and subcommand as the user would type them (`plan12b fees`,
 * `plan12b net-assets import`), for the next step of a usage error: see its --help.
 */
export function commandPath(program: Command, argv: readonly string[]): string {
  const word = commandWord(argv);
  const top = word === undefined ? undefined : program.commands.find((c) => c.name() === word);
  if (top === undefined) return 'plan12b';
  const rest = argv.slice(argv.indexOf(word as string) + 1);
  const subWord = rest.find((a) => !a.startsWith('-'));
  const sub = subWord === undefined ? undefined : top.commands.find((c) => c.name() === subWord);
  return ['plan12b', top.name(), ...(sub ? [sub.name()] : [])].join(' ');
}

/** Commands that do long work in the store, whatever their arguments. */
const LONG_WORK_COMMANDS = new Set(['close', 'demo', 'serve']);

/**
 * What argv does with the store: `long-work` for a close, the demo, the server and every import
 * (the embedded PostgreSQL's default buffer pool; V8's optimising WebAssembly compiler pays off),
 * `query` for the rest, which answer with a few statements and should start quickly.
 */
export function workloadOf(argv: readonly string[]): StoreWorkload {
  const word = commandWord(argv);
  if (word === undefined || LONG_WORK_COMMANDS.has(word)) return 'long-work';
  const rest = argv.slice(2);
  return rest.includes('import') || rest.includes('--restate') ? 'long-work' : 'query';
}

/**
 * The WebAssembly tier the embedded database runs at for argv: V8's baseline compiler (Liftoff)
 * alone for a query, which then answers sooner; the optimising tier too for long work.
 * `override` (PLAN12B_WASM_TIER) wins when it names a tier.
 */
export function wasmTierFor(argv: readonly string[], override?: string): 'baseline' | 'optimizing' {
  if (override === 'baseline' || override === 'optimizing') return override;
  // the query server started on demand answers queries, and should be ready soon, at little CPU
  if (commandWord(argv) === 'serve' && argv.includes('--on-demand')) return 'baseline';
  return workloadOf(argv) === 'query' ? 'baseline' : 'optimizing';
}

/** The version in package.json (src/cli and dist/cli are both two folders below it). */
function plan12bVersion(): string {
  try {
    return (
      JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
    ).version;
  } catch {
    return 'unknown';
  }
}

/**
 * A misspelt option is named as such, with the option meant, before a required one is missed:
 * `lots --acount B100000` said only "required option '--account <account>' not specified",
 * leaving the user to find the typo. Commander checks required options before unknown
 * ones; by then it has kept the words it could not read in `args` (operands first, then the
 * first unknown option and what follows it), so the unknown option is reported first here.
 */
function misspeltOptionBeforeMissingOne(c: Command): void {
  // Commander's own methods, not in its type declarations (commander/lib/command.js)
  const own = c as unknown as {
    missingMandatoryOptionValue(option: Option): never;
    unknownOption(flag: string): never;
  };
  // `--quater=2025Q4` is the option `--quater` misspelt: named without its value, and so with the
  // option meant (Commander named "--quater=2025Q4" and found none near it)
  const unknownOption = own.unknownOption.bind(c);
  own.unknownOption = (flag) => unknownOption(flag.startsWith('--') ? flag.split('=')[0]! : flag);
  const missing = own.missingMandatoryOptionValue.bind(c);
  own.missingMandatoryOptionValue = (option) => {
    const known = (flag: string) => c.options.some((o) => o.long === flag || o.short === flag);
    const unknown = c.args
      .filter((a) => a.startsWith('--') && a.length > 2)
      .map((a) => a.split('=')[0]!)
      .find((flag) => !known(flag));
    if (unknown !== undefined) own.unknownOption(unknown);
    return missing(option);
  };
}

/**
 * An unknown command is answered with the nearest one (src/closestName.ts), where Commander's own
 * suggestion found none: `plan12b monthly-calc` and `plan12b audit-log` said only "unknown command".
 * At the top, a command's subcommands are candidates too, written after it (`audit log`).
 */
function unknownCommandWithNearest(c: Command): void {
  const own = c as unknown as { unknownCommand(): never; error(message: string, o: { code: string }): never };
  own.unknownCommand = () => {
    const asked = c.args[0] ?? '';
    const listed = (x: Command) => x.name() !== 'help';
    const candidates = c.commands
      .filter(listed)
      .flatMap((x) => [
        { name: x.name(), group: x.name() },
        ...(c.parent === null
          ? x.commands.filter(listed).map((s) => ({ name: `${x.name()} ${s.name()}`, group: x.name() }))
          : []),
      ]);
    const near = closestName(candidates, asked);
    return own.error(
      `error: unknown command '${asked}'${near === undefined ? '' : `\n(Did you mean ${near}?)`}`,
      {
        code: 'commander.unknownCommand',
      },
    );
  };
}

/** The first word after `word` in argv that is not an option. */
function wordAfter(argv: readonly string[], word: string): string | undefined {
  return argv.slice(argv.indexOf(word) + 1).find((a) => !a.startsWith('-'));
}

/**
 * argv asks nothing of a command: `plan12b --help`, `plan12b help`, `plan12b` alone (its help, as
 * a usage error), `--version`. Commander then reads only the program's options and lists the
 * commands, which their summaries do (src/cli/commandSummaries.ts). Not after `--`, where a word is
 * read as a command.
 */
export function asksForTheProgramOnly(argv: readonly string[]): boolean {
  if (argv.slice(2).includes('--')) return false;
  const word = commandWord(argv);
  return word === undefined || (word === 'help' && wordAfter(argv, word) === undefined);
}

/**
 * The program with the commands' modules loaded: only the named command's module when argv names
 * a known command (or `help` names one), none when argv asks for the program only (`--help`: the
 * commands' summaries list them), every module otherwise (a typo that Commander answers with the
 * nearest command or subcommand).
 */
export async function buildProgram(
  getContext: () => CliContext,
  argv: readonly string[] = [],
  output?: CliOutput,
  /** every module, whatever argv asks (a test comparing the summaries with the modules) */
  options: { everyModule?: boolean } = {},
): Promise<Command> {
  const program = new Command('plan12b')
    .description(
      'System of record for Rule 12b-1 distribution plans and Class B master distribution agreements.\n' +
        'Database: --db PATH (embedded PGlite) or --db postgres://… ; default $PLAN12B_DB or ./plan12b-data.',
    )
    .option('--db <target>', 'database: a directory for the embedded PGlite store, or a postgres:// URL')
    .option(
      '--actor <name>',
      'who is making the change, for the audit log (default $PLAN12B_ACTOR, else the OS user)',
    )
    .option(
      '--no-server',
      'answer in this process even when `plan12b serve` holds the embedded store (also PLAN12B_NO_SERVER=1)',
    )
    // which plan12b made an answer: a treasurer or an auditor records it beside the figures
    .version(`plan12b ${plan12bVersion()}`, '-V, --version', 'print the version of plan12b')
    .showHelpAfterError('(run with --help for usage)')
    // each command's --help lists --db, --actor and --no-server too: every option it accepts
    .configureHelp({ showGlobalOptions: true })
    .exitOverride();
  // set before the commands are registered: each copies its parent's output settings
  if (output) program.configureOutput({ writeOut: output.out, writeErr: output.err });
  if (options.everyModule !== true && asksForTheProgramOnly(argv)) {
    // `plan12b --help`: the list of commands, from their summaries; no command module is loaded
    const summaries = new Map(COMMAND_SUMMARIES.map((s) => [s.name, s]));
    const standard = new Help();
    program.configureHelp({
      showGlobalOptions: true,
      // Commander's own term for its `help [command]`
      subcommandTerm: (c) => summaries.get(c.name())?.term ?? standard.subcommandTerm(c),
    });
    for (const s of COMMAND_SUMMARIES) program.command(s.name).description(s.description);
    return program;
  }
  const word = commandWord(argv);
  // `plan12b help fees` is `plan12b fees --help`: the module of the command named after `help`
  const named = word === 'help' ? wordAfter(argv, word) : word;
  const own = COMMAND_MODULES.find(([names]) => named !== undefined && names.includes(named));
  const loaders = own && options.everyModule !== true ? [own[1]] : COMMAND_MODULES.map(([, load]) => load);
  for (const registers of await Promise.all(loaders.map((load) => load())))
    for (const register of registers) register(program, getContext);
  program.commands.forEach(function configure(c: Command) {
    c.exitOverride();
    misspeltOptionBeforeMissingOne(c);
    // --help says which options must be given (Commander's own help does not)
    for (const o of c.options) if (o.mandatory) o.description = `${o.description} (required)`;
    c.commands.forEach(configure);
  });
  for (const c of [program, ...program.commands]) if (c.commands.length > 0) unknownCommandWithNearest(c);
  addHelpExamples(program);
  return program;
}

/** The program with every command module loaded, whatever a command line would ask (tests walk it). */
export function buildWholeProgram(getContext: () => CliContext): Promise<Command> {
  return buildProgram(getContext, [], undefined, { everyModule: true });
}

/**
 * How `main` runs when `plan12b serve` answers a forwarded query (src/cli/serveForward.ts) with
 * its own open store: what it prints goes to `output`, the store is lent by `database`, and the
 * process's state (the actor, the running command) is left alone.
 */
export interface EmbeddedRun {
  readonly output: CliOutput;
  readonly database: StoreLender;
}

/** How bin/plan12b.js runs `main`: the script itself, to start an on-demand query server with. */
export interface Launch {
  readonly bin: string;
}

/**
 * The script to start an on-demand query server with (src/store/onDemandServe.ts), if this line
 * should: a query command that `plan12b serve` could answer, on an embedded folder, run from the
 * CLI's script, with neither the user nor the environment asking for an in-process run.
 */
export function onDemandServeBinFor(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  launch: Launch | undefined,
): string | undefined {
  if (!launch || !onDemandServeEnabled(env)) return undefined;
  return servedQueryFolder(argv.slice(2), env) === undefined ? undefined : launch.bin;
}

/**
 * An option that takes a value given an empty one (`--portfolio ""`, `--to=`) is a usage error
 * (64), never read as the option left out: `fees --portfolio ""` answered for every portfolio, and
 * `providers assign --to ""` recorded no assignee, each without a word. No option means anything
 * by an empty value.
 */
function refuseEmptyOptionValues(program: Command, action: Command, argv: readonly string[]): void {
  for (let c: Command | null = action; c; c = c.parent) {
    for (const option of c.options) {
      if (!option.required && !option.optional) continue;
      // an empty --db is the database target's to refuse, with what a target may be (databaseTarget.ts)
      if (option.long === '--db') continue;
      if (c.getOptionValueSource(option.attributeName()) !== 'cli') continue;
      if (c.getOptionValue(option.attributeName()) !== '') continue;
      throw new Plan12bError(
        'USAGE',
        `${option.long ?? option.flags} is empty`,
        `give ${option.long ?? option.flags} a value, or leave the option out; see \`${commandPath(program, argv)} --help\``,
      );
    }
  }
}

/**
 * The options of a command that each choose what it prints on stdout: given together, one of them
 * would be ignored without a word (`fees --json --csv` printed JSON), so the line is a usage error
 * (64) naming the one to drop. Options that name a file to write (`--xlsx FILE`, `--pdf FILE`) do
 * not choose what is printed and go with any of them.
 */
const STDOUT_FORMATS = ['--json', '--csv'] as const;

function refuseConflictingOutputs(program: Command, action: Command, argv: readonly string[]): void {
  // `close --csv` without `show` prints no CSV at all: its own usage error names `close show` (close.ts)
  if (action.parent === program && action.name() === 'close' && action.args[0] !== 'show') return;
  const given = STDOUT_FORMATS.filter((flag) => {
    const option = action.options.find((o) => o.long === flag);
    return option !== undefined && action.getOptionValueSource(option.attributeName()) === 'cli';
  });
  if (given.length < 2) return;
  const path = commandPath(program, argv);
  throw new Plan12bError(
    'USAGE',
    `${given.join(' and ')} each choose what \`${path}\` prints; give one of them`,
    `drop --csv to print JSON, or --json to print CSV; see \`${path} --help\``,
  );
}

/**
 * Query commands whose text is a document read back by a program, not prose: the journal's CSV, an
 * exhibit's text (parse(render(x)) = x), the audit anchor. Their lines are printed as they are.
 */
const DOCUMENT_ANSWERS = new Set(['journal', 'exhibit render', 'audit anchor']);

/**
 * The answer is a query's text for a person (standing rule 7): a query command (FORWARDABLE_QUERIES;
 * `close` only as `close show`), not --json or --csv, nor a document. Its long lines are wrapped.
 */
function isTextAnswer(argv: readonly string[]): boolean {
  if (argv.includes('--json') || argv.includes('--csv')) return false;
  const words: string[] = [];
  for (let i = 2; i < argv.length && words.length < 2; i++) {
    const a = argv[i] as string;
    if (a === '--db' || a === '--actor') i++;
    else if (!a.startsWith('-')) words.push(a);
  }
  const [first = '', second = ''] = words;
  const command =
    first === 'close'
      ? second === 'show'
        ? 'close'
        : ''
      : FORWARDABLE_QUERIES[first]
        ? first
        : `${first} ${second}`;
  // `close show --part journal` prints the sealed journal's CSV lines, as `journal` does
  const part =
    argv.find((a, i) => argv[i - 1] === '--part') ?? argv.find((a) => a.startsWith('--part='))?.slice(7);
  if (command === 'close' && part === 'journal') return false;
  return FORWARDABLE_QUERIES[command] !== undefined && !DOCUMENT_ANSWERS.has(command);
}

/**
 * The usage error of a command group named without one of its commands (`plan12b exhibit --json`,
 * `plan12b audit`), naming them; undefined when argv names a command that runs.
 */
function missingSubcommand(program: Command, argv: readonly string[]): Plan12bError | undefined {
  const word = commandWord(argv);
  const group = program.commands.find((c) => c.name() === word);
  const commands = group?.commands.filter((c) => c.name() !== 'help') ?? [];
  if (group === undefined || commands.length === 0) return undefined;
  const rest = argv.slice(argv.indexOf(word as string) + 1);
  if (rest.includes('--help') || rest.includes('-h')) return undefined;
  // a word after the group is a command, or one misspelt that Commander names with the one meant
  if (rest.some((a) => !a.startsWith('-'))) return undefined;
  return new Plan12bError(
    'USAGE',
    `\`plan12b ${group.name()}\` needs one of its commands: ${commands.map((c) => c.name()).join(', ')}`,
    `see \`plan12b ${group.name()} --help\`; e.g. \`plan12b ${group.name()} ${commands[0]!.name()} --help\``,
  );
}

/**
 * What bin/plan12b.js says when its process is about to end with `main` still unanswered: nothing
 * is left for the command to wait on. `settings list --json` once ended so, exit 1 and nothing
 * printed: PGlite sets process.exitCode to its PostgreSQL's exit status when that exits under it
 * (its `quit_`) and throws into a promise that is then never settled. Said as the bug it is (70),
 * on stderr and, under --json, as the error document on stdout. Returns the exit code.
 */
export function reportStoppedUnanswered(
  argv: readonly string[],
  statusMeanwhile: number | string | undefined,
  output: CliOutput = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) },
): number {
  const status = Number(statusMeanwhile ?? 0);
  const e = new Plan12bError(
    'INTERNAL',
    `internal error (a bug in plan12b, not a problem with your input): the command stopped before it answered, with nothing left to wait on${status !== 0 ? ` (the embedded database had stopped, exit status ${status})` : ''}`,
    'what it had not committed was not written; run it again, and if it stops so again, report it with the command you ran (PLAN12B_DEBUG=1 prints more)',
  );
  if (argv.includes('--json')) output.out(`${JSON.stringify(errorDocument(e), null, 2)}\n`);
  output.err(`plan12b: error: ${e.message}\n  ${e.hint}\n`);
  return e.exitCode;
}

/** Runs the CLI; resolves to the exit code (see ERROR_CODES). */
export async function main(
  argv: readonly string[],
  embedded?: EmbeddedRun,
  launch?: Launch,
): Promise<number> {
  const output: CliOutput = embedded?.output ?? {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  };
  // an argument of 100,000 characters is echoed by its first characters and its length, in every
  // message: Commander's own, plan12b's, and the --json error document
  const clipped = (t: string) => withArgumentsClipped(t, argv);
  let ctx: CliContext | undefined;
  const program: Command = await buildProgram(
    () => {
      ctx ??= makeContext(
        program.opts<{ db?: string }>().db,
        workloadOf(argv),
        embedded,
        embedded ? undefined : onDemandServeBinFor(argv, process.env, launch),
        isTextAnswer(argv),
        argv.includes('--json'),
      );
      return ctx;
    },
    argv,
    { out: output.out, err: (t) => output.err(clipped(t)) },
  );
  // a value echoed in a message (an argument, a cell) never repaints the terminal or reverses its line
  const err = (t: string) => output.err(`${writtenVisibly(clipped(t))}\n`);
  // Errors under --json are a JSON document on stdout, like every other answer.
  const json = argv.includes('--json');
  const clippedDocument = (d: ReturnType<typeof errorDocument>) => ({
    error: {
      ...d.error,
      message: clipped(d.error.message),
      hint: d.error.hint === null ? null : clipped(d.error.hint),
    },
  });
  const report = (given: Plan12bError) => {
    // Errors say what to do next (standing rule 7): a usage error that names no next step is
    // given the command's help to read, as Commander's own usage errors are
    const e =
      given.code === 'USAGE' && given.hint === undefined
        ? new Plan12bError(
            'USAGE',
            given.message,
            `see \`${commandPath(program, argv)} --help\``,
            given.answerPrinted,
          )
        : given;
    if (json && !e.answerPrinted)
      output.out(`${JSON.stringify(clippedDocument(errorDocument(e)), null, 2)}\n`);
    err(`plan12b: error: ${e.message}`);
    if (e.hint) err(`  ${e.hint}`);
    return e.exitCode;
  };
  program.hook('preAction', (_root, action) => {
    refuseEmptyOptionValues(program, action, argv);
    refuseConflictingOutputs(program, action, argv);
    const actor = program.opts<{ actor?: string }>().actor;
    // a forwarded query changes nothing: the name is checked as in-process, the server's state kept
    if (embedded) {
      if (actor !== undefined) checkPrintableActor(actor);
      return;
    }
    const names: string[] = [];
    for (let c: typeof action | null = action; c && c !== program; c = c.parent) names.unshift(c.name());
    setRunningCommand(`plan12b ${names.join(' ')}`);
    setActor(actor);
  });
  try {
    // `plan12b exhibit --json`: Commander reads --json as an option of the group and says it does not
    // know it ("unknown option '--json'"); what is missing is the group's command
    if (json) {
      const missing = missingSubcommand(program, argv);
      if (missing !== undefined) throw missing;
    }
    await program.parseAsync([...argv]);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0)
        return 0;
      // Commander has said what is wrong on stderr; under --json the error is a document too.
      if (json)
        output.out(
          `${JSON.stringify(clippedDocument(errorDocument(new Plan12bError('USAGE', e.message.replace(/^error: /, ''), `see \`${commandPath(program, argv)} --help\``))), null, 2)}\n`,
        );
      return ERROR_CODES.USAGE.exit;
    }
    if (e instanceof ExhibitParseError) return report(exhibitParseRefusal(e));
    if (e instanceof Plan12bError) return report(e);
    // what the database itself refused (read-only, out of disk, a lost connection): exit 69
    // … or a file the user named to be written that cannot be (a missing folder): exit 66
    const refused = databaseRefusal(e) ?? calendarRefusal(e) ?? outputFileRefusal(e, argv);
    if (refused !== undefined) return report(refused);
    // Anything else is a bug in plan12b: exit 70, said as such, never "bad input".
    if (process.env.PLAN12B_DEBUG) err(String((e as Error)?.stack ?? e));
    return report(new InternalError(e));
  }
}
