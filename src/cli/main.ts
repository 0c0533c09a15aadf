import { Command, CommanderError } from 'commander';
import { ExhibitParseError } from '../edgar/exhibitDocument.js';
import { ERROR_CODES, errorDocument, InternalError, Plan12bError } from '../errors.js';
import { setActor } from '../store/actor.js';
import { setRunningCommand } from '../store/database.js';
import { registerAuditCommands } from './commands/audit.js';
import { registerBoardReportCommands } from './commands/boardReport.js';
import { registerCalendarCommands } from './commands/calendar.js';
import { registerClassBCommands } from './commands/classB.js';
import { registerCloseCommand } from './commands/close.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerExhibitCommands } from './commands/exhibit.js';
import { registerExhibitDiffCommand } from './commands/exhibitDiff.js';
import { registerFeesCommands } from './commands/fees.js';
import { registerFinraCapCommands } from './commands/finraCap.js';
import { registerInitCommand } from './commands/init.js';
import { registerMonthlyCalculationCommands } from './commands/monthlyCalculation.js';
import { registerNetAssetsCommands } from './commands/netAssets.js';
import { registerPortfolioCommands } from './commands/portfolio.js';
import { registerRatesCommands } from './commands/rates.js';
import { registerScheduleCommand } from './commands/schedule.js';
import { registerServeCommand } from './commands/serve.js';
import { registerServiceFeesCommands } from './commands/serviceFees.js';
import { registerTokensCommands } from './commands/tokens.js';
import { registerTransfersCommands } from './commands/transfers.js';
import { registerWhatIfCommand } from './commands/whatIf.js';
import { type CliContext, makeContext } from './context.js';

export function buildProgram(getContext: () => CliContext): Command {
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
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerInitCommand(program, getContext);
  registerExhibitCommands(program, getContext);
  registerExhibitDiffCommand(program, getContext);
  registerScheduleCommand(program, getContext);
  registerPortfolioCommands(program, getContext);
  registerRatesCommands(program, getContext);
  registerCalendarCommands(program, getContext);
  registerNetAssetsCommands(program, getContext);
  registerFeesCommands(program, getContext);
  registerServiceFeesCommands(program, getContext);
  registerClassBCommands(program, getContext);
  registerTransfersCommands(program, getContext);
  registerMonthlyCalculationCommands(program, getContext);
  registerWhatIfCommand(program, getContext);
  registerFinraCapCommands(program, getContext);
  registerBoardReportCommands(program, getContext);
  registerCloseCommand(program, getContext);
  registerAuditCommands(program, getContext);
  registerDemoCommand(program, getContext);
  registerTokensCommands(program, getContext);
  registerServeCommand(program, getContext);
  program.commands.forEach(function configure(c: Command) {
    c.exitOverride();
    c.commands.forEach(configure);
  });
  return program;
}

/** Runs the CLI; resolves to the exit code (see ERROR_CODES). */
export async function main(argv: readonly string[]): Promise<number> {
  let ctx: CliContext | undefined;
  const program = buildProgram(() => {
    ctx ??= makeContext(program.opts<{ db?: string }>().db);
    return ctx;
  });
  const err = (t: string) => process.stderr.write(`${t}\n`);
  // Errors under --json are a JSON document on stdout, like every other answer.
  const json = argv.includes('--json');
  const report = (e: Plan12bError) => {
    if (json && !e.answerPrinted) process.stdout.write(`${JSON.stringify(errorDocument(e), null, 2)}\n`);
    err(`plan12b: error: ${e.message}`);
    if (e.hint) err(`  ${e.hint}`);
    return e.exitCode;
  };
  program.hook('preAction', (_root, action) => {
    const names: string[] = [];
    for (let c: typeof action | null = action; c && c !== program; c = c.parent) names.unshift(c.name());
    setRunningCommand(`plan12b ${names.join(' ')}`);
    setActor(program.opts<{ actor?: string }>().actor);
  });
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0)
        return 0;
      // Commander has said what is wrong on stderr; under --json the error is a document too.
      if (json)
        process.stdout.write(
          `${JSON.stringify(errorDocument(new Plan12bError('USAGE', e.message.replace(/^error: /, ''))), null, 2)}\n`,
        );
      return ERROR_CODES.USAGE.exit;
    }
    if (e instanceof ExhibitParseError)
      return report(
        new Plan12bError(
          'BAD_INPUT',
          e.message,
          'nothing was written; the file is not an exhibit plan12b can read in full',
        ),
      );
    if (e instanceof Plan12bError) return report(e);
    // Anything else is a bug in plan12b: exit 70, said as such, never "bad input".
    if (process.env.PLAN12B_DEBUG) err(String((e as Error)?.stack ?? e));
    return report(new InternalError(e));
  }
}
