import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, buildWholeProgram } from '../../src/cli/main.js';

const noContext = () => {
  throw new Error('no command runs here');
};

/** Every command of the program, its subcommands after it. */
function everyCommand(program: Command): Command[] {
  return program.commands.flatMap((c) => [c, ...everyCommand(c)]);
}

/**
 * --help documents every option a command takes, and says which must be given: `lots --help`
 * listed --account like --as-of, and the user learnt it was required from the error.
 */
describe('--help marks the options that must be given', () => {
  it('each required option of every command is marked (required), and no other', async () => {
    const program = await buildWholeProgram(noContext);
    const options = everyCommand(program).flatMap((c) =>
      c.options.map((o) => ({
        option: `${c.name()} ${o.flags}`,
        mandatory: o.mandatory,
        shown: c.createHelp().optionDescription(o),
      })),
    );
    expect(options.filter((o) => o.mandatory).length).toBeGreaterThan(20);
    for (const { option, mandatory, shown } of options)
      expect(shown.includes('(required)'), option).toBe(mandatory);
  });

  it('lots --help: --account is required, --as-of is not', async () => {
    const program = await buildProgram(noContext, ['node', 'plan12b', 'lots', '--help']);
    const help = program.commands.find((c) => c.name() === 'lots')!.helpInformation();
    expect(help).toMatch(/--account <account> +the account \(required\)/);
    expect(help).not.toMatch(/--as-of <date>.*\(required\)/);
  });

  it('each command lists the options of the program it also accepts (--db, --actor, --no-server)', async () => {
    const program = await buildProgram(noContext, ['node', 'plan12b', 'fees', '--help']);
    const help = program.commands.find((c) => c.name() === 'fees')!.helpInformation();
    expect(help).toContain('Global Options:');
    for (const flag of ['--db <target>', '--actor <name>', '--no-server']) expect(help).toContain(flag);
  });
});
