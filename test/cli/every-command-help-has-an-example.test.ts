import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commandKey, HELP_EXAMPLES } from '../../src/cli/helpExamples.js';
import { buildProgram, buildWholeProgram } from '../../src/cli/main.js';

const noContext = () => {
  throw new Error('no command runs here');
};

/** Every command of the program, its subcommands after it. */
function everyCommand(program: Command): Command[] {
  return program.commands.flatMap((c) => [c, ...everyCommand(c)]);
}

/** A shell line's words up to its first `>`, `&&` or `$(`: the command line plan12b is given. */
function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/"([^"]*)"|(\S+)/g)) {
    const w = m[1] ?? m[2]!;
    if (m[2] !== undefined && (w === '>' || w === '&&' || w.startsWith('$('))) break;
    out.push(w);
  }
  return out;
}

describe('the CLI contract: every command’s --help ends with an example', () => {
  it('every command without subcommands has an example, and every example names a command', async () => {
    const program = await buildWholeProgram(noContext);
    const leaves = everyCommand(program).filter((c) => c.commands.length === 0);
    expect(leaves.length).toBeGreaterThan(50);
    expect(leaves.map(commandKey).filter((k) => HELP_EXAMPLES[k] === undefined)).toEqual([]);
    const keys = new Set(everyCommand(program).map(commandKey));
    expect(Object.keys(HELP_EXAMPLES).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('each example is a command line its command reads: no unknown option, every required one given', async () => {
    const program = await buildWholeProgram(noContext);
    const byKey = new Map(everyCommand(program).map((c) => [commandKey(c), c]));
    for (const [key, examples] of Object.entries(HELP_EXAMPLES))
      for (const example of examples) {
        const argv = words(example);
        expect(argv[0], example).toBe('plan12b');
        const path = key.split(' ');
        // `close show …`: an argument of close, not a subcommand
        expect(argv.slice(1, 1 + path.length), example).toEqual(path);
        const command = byKey.get(key)!;
        // the program's own options (--db, --actor) are read after the command too
        const { unknown } = command.parseOptions(argv.slice(1 + path.length));
        const programOptions = program.options.map((o) => o.long);
        const ownUnknown = unknown.filter(
          (w, i) => !programOptions.includes(w) && !programOptions.includes(unknown[i - 1]),
        );
        expect(ownUnknown, example).toEqual([]);
        for (const o of command.options.filter((o) => o.mandatory))
          expect(argv.includes(o.long!), `${example}: ${o.long}`).toBe(true);
      }
  });

  it('--help prints the examples after the options', async () => {
    let help = '';
    const argv = ['node', 'plan12b', 'fees', '--help'];
    const program = await buildProgram(noContext, argv, { out: (t) => (help += t), err: () => {} });
    await expect(program.parseAsync(argv)).rejects.toMatchObject({ code: 'commander.helpDisplayed' });
    expect(help).toContain('Options:');
    expect(help.indexOf('Examples:')).toBeGreaterThan(help.indexOf('Options:'));
    expect(help).toContain('$ plan12b fees --from 2025-01-01 --to 2025-03-31 --json');
  });
});
