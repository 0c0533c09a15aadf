import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, COMMAND_MODULES, commandWord, wasmTierFor, workloadOf } from '../../src/cli/main.js';

const noContext = () => {
  throw new Error('no command runs here');
};

describe('the CLI loads only the module of the command it runs', () => {
  it('each entry of COMMAND_MODULES registers exactly the commands it names', async () => {
    for (const [names, load] of COMMAND_MODULES) {
      const program = new Command('plan12b');
      for (const register of await load()) register(program, noContext);
      expect(program.commands.map((c) => c.name()).sort()).toEqual([...names].sort());
    }
  });

  it('no command is named twice, and --help lists every command of every module', async () => {
    const all = COMMAND_MODULES.flatMap(([names]) => names);
    expect(new Set(all).size).toBe(all.length);
    const program = await buildProgram(noContext, ['node', 'plan12b', '--help']);
    expect(program.commands.map((c) => c.name())).toEqual(all);
  });

  it('a named command builds a program with only its own module', async () => {
    const program = await buildProgram(noContext, ['node', 'plan12b', '--db', 'x', 'fees', '--from', 'y']);
    expect(program.commands.map((c) => c.name())).toEqual(['fees', 'journal']);
    // an unknown word: every command, so that Commander can say which ones exist
    const typo = await buildProgram(noContext, ['node', 'plan12b', 'feez']);
    expect(typo.commands.length).toBe(COMMAND_MODULES.flatMap(([n]) => n).length);
  });

  it('finds the command word after the program options that take a value', () => {
    expect(commandWord(['node', 'plan12b', 'schedule', '--as-of', 'd'])).toBe('schedule');
    expect(commandWord(['node', 'plan12b', '--db', 'schedule', 'fees'])).toBe('fees');
    expect(commandWord(['node', 'plan12b', '--actor', 'ann', '--json', 'close', '--month', 'm'])).toBe(
      'close',
    );
    expect(commandWord(['node', 'plan12b', '--help'])).toBeUndefined();
    expect(commandWord(['node', 'plan12b', '--', 'schedule'])).toBeUndefined();
  });

  it("runs queries at V8's baseline WebAssembly tier with a small buffer pool, long work and imports at the optimising tier with PostgreSQL's default pool", () => {
    const argv = (...a: string[]) => ['node', 'plan12b', ...a];
    expect(workloadOf(argv('schedule', '--as-of', '2025-06-30'))).toBe('query');
    expect(workloadOf(argv('monthly-calculation', '--month', '2025-12', '--pdf', 'mc.pdf'))).toBe('query');
    expect(workloadOf(argv('close', '--month', '2025-01'))).toBe('long-work');
    expect(workloadOf(argv('--db', 'd', 'exhibit', 'import', 'a.txt'))).toBe('long-work');
    expect(wasmTierFor(argv('schedule', '--as-of', '2025-06-30'))).toBe('baseline');
    expect(wasmTierFor(argv('--db', 'close', 'fees'))).toBe('baseline');
    expect(wasmTierFor(argv('close', '--month', '2025-01'))).toBe('optimizing');
    expect(wasmTierFor(argv('demo'))).toBe('optimizing');
    expect(wasmTierFor(argv('serve'))).toBe('optimizing');
    // the query server started on demand answers queries: ready sooner at the baseline tier
    expect(wasmTierFor(argv('--db', 'd', 'serve', '--on-demand'))).toBe('baseline');
    expect(wasmTierFor(argv('transactions', 'import', 'a.csv'))).toBe('optimizing');
    expect(wasmTierFor(argv('net-assets', 'import', 'n.csv', '--restate'))).toBe('optimizing');
    expect(wasmTierFor(argv('--help'))).toBe('optimizing');
    expect(wasmTierFor(argv('schedule'), 'optimizing')).toBe('optimizing');
    expect(wasmTierFor(argv('close'), 'baseline')).toBe('baseline');
    expect(wasmTierFor(argv('close'), 'fast')).toBe('optimizing');
  });
});
