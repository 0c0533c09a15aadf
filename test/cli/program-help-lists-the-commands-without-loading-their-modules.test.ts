import { describe, expect, it } from 'vitest';
import { COMMAND_SUMMARIES } from '../../src/cli/commandSummaries.js';
import {
  asksForTheProgramOnly,
  buildProgram,
  buildWholeProgram,
  COMMAND_MODULES,
} from '../../src/cli/main.js';

/**
 * `plan12b --help` loaded every command module (the XLSX, PDF and HTTP libraries among them) to
 * list the commands: about 0.95 s of CPU, three times one command's `--help`. It is answered from
 * the commands' summaries (src/cli/commandSummaries.ts) with no module loaded; these tests check
 * that the summaries say what the modules register, so that the help printed is the same.
 */
const noContext = () => {
  throw new Error('no command runs here');
};

const argv = (...a: string[]) => ['node', 'plan12b', ...a];

describe('plan12b --help without the command modules', () => {
  it('the summaries name every command in order, with the term and description its module gives it', async () => {
    const whole = await buildWholeProgram(noContext);
    const help = whole.createHelp();
    expect(
      whole.commands.map((c) => ({
        name: c.name(),
        term: help.subcommandTerm(c),
        description: c.description(),
      })),
    ).toEqual(COMMAND_SUMMARIES.map((s) => ({ ...s })));
    expect(COMMAND_SUMMARIES.map((s) => s.name)).toEqual(COMMAND_MODULES.flatMap(([names]) => names));
  });

  it('prints the help the whole program prints, from commands no module registered', async () => {
    const whole = await buildWholeProgram(noContext);
    const cheap = await buildProgram(noContext, argv('--help'));
    expect(cheap.helpInformation()).toBe(whole.helpInformation());
    // `close [options] [show]`, `help [command]`: the terms, not the stubs' own
    expect(cheap.helpInformation()).toMatch(/\n {2}close \[options\] \[show\] +close a month/);
    expect(cheap.helpInformation()).toMatch(/\n {2}help \[command\] +display help for command/);
    // no module registered them: no command has an option or a subcommand of its own
    expect(cheap.commands.filter((c) => c.options.length > 0 || c.commands.length > 0)).toEqual([]);
  });

  it('takes the short way only when the line names no command', async () => {
    for (const line of [['--help'], ['-h'], ['help'], [], ['--db', 'fees', '--help'], ['--version']])
      expect(asksForTheProgramOnly(argv(...line)), line.join(' ')).toBe(true);
    for (const line of [['fees', '--help'], ['help', 'fees'], ['--', 'fees'], ['feez']])
      expect(asksForTheProgramOnly(argv(...line)), line.join(' ')).toBe(false);
    // `plan12b help fees` is `plan12b fees --help`: the fees module alone
    const helpFees = await buildProgram(noContext, argv('help', 'fees'));
    expect(helpFees.commands.map((c) => c.name())).toEqual(['fees', 'journal']);
  });

  it('plan12b help and plan12b alone answer as before: help on stdout (0), help as a usage error (64)', async () => {
    let out = '';
    let err = '';
    const io = { out: (t: string) => (out += t), err: (t: string) => (err += t) };
    const shown = await buildProgram(noContext, argv('help'), io);
    await expect(shown.parseAsync(argv('help'))).rejects.toMatchObject({ exitCode: 0 });
    expect(out).toContain('Commands:\n  init [options]');
    const alone = await buildProgram(noContext, argv(), io);
    await expect(alone.parseAsync(argv())).rejects.toMatchObject({ code: 'commander.help', exitCode: 1 });
    expect(err).toContain('Commands:\n  init [options]');
  });
});
