import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commandKey, HELP_EXAMPLES } from '../../src/cli/helpExamples.js';
import { buildWholeProgram } from '../../src/cli/main.js';
import { runCliInProcess } from '../support/cli.js';

/**
 * `--json` and `--csv` each choose what a command prints: given together, `fees --json --csv`
 * printed JSON and dropped the CSV without a word. The line is a usage error (exit 64) naming the
 * two and the one to drop, in --json too (the error document on stdout). The --help examples
 * still run as rule 7's tree walk asks them (every-command-keeps-standing-rule-7: an example's own
 * --csv is left out when --json is added); here each example of a command that has both options
 * is run with both and refused. The check comes before the store is opened, so the folder need
 * not hold one.
 */
const noContext = () => {
  throw new Error('no command runs here');
};

function everyCommand(program: Command): Command[] {
  return program.commands.flatMap((c) => [c, ...everyCommand(c)]);
}

/** Options of an example that name a file to write: left out here, as the tree walk does. */
const FILE_OPTIONS = new Set(['--xlsx', '--pdf', '--out', '--payments-csv', '--statements', '--db']);

/** The example's words after `plan12b`, up to a shell redirection, without files, --json or --csv. */
function exampleArgs(example: string): string[] {
  const out: string[] = [];
  const words = [...example.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => ({ w: m[1] ?? m[2]!, bare: !!m[2] }));
  for (let i = 1; i < words.length; i++) {
    const { w, bare } = words[i]!;
    if (bare && (w === '>' || w === '&&' || w.startsWith('$('))) break;
    if (w === '--csv' || w === '--json') continue;
    if (FILE_OPTIONS.has(w)) i++;
    else out.push(w);
  }
  return out;
}

describe('--json and --csv given together', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'plan12b-json-csv-')), 'db');

  it('fees --json --csv is exit 64 naming both and the one to drop, as a JSON error document', async () => {
    const r = await runCliInProcess([
      '--db',
      db,
      'fees',
      '--from',
      '2025-01-01',
      '--to',
      '2025-03-31',
      '--json',
      '--csv',
    ]);
    expect(r.code).toBe(64);
    const doc = r.json<{ error: { code: string; exit: number; message: string; hint: string } }>();
    expect(doc.error).toMatchObject({
      code: 'USAGE',
      exit: 64,
      message: '--json and --csv each choose what `plan12b fees` prints; give one of them',
      hint: 'drop --csv to print JSON, or --json to print CSV; see `plan12b fees --help`',
    });
    expect(r.stderr).toContain('plan12b: error: --json and --csv each choose what `plan12b fees` prints');
  });

  it('without --json the error is text on stderr only, and the order of the two does not matter', async () => {
    const r = await runCliInProcess(['--db', db, 'settings', 'list', '--csv', '--json']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('--json and --csv each choose what `plan12b settings list` prints');
    const alone = await runCliInProcess(['--db', db, 'journal', '--month', '2025-12', '--csv']);
    // one format alone is no usage error: the folder holds no store, so the query finds none (66)
    expect(alone.code).toBe(66);
  });

  it('every --help example of a command with both options is refused when given both', async () => {
    const program = await buildWholeProgram(noContext);
    const both = everyCommand(program).filter(
      (c) =>
        c.commands.length === 0 &&
        c.options.some((o) => o.long === '--json') &&
        c.options.some((o) => o.long === '--csv'),
    );
    // the first example of each: every such command, one line each
    const lines = both.flatMap((c) => (HELP_EXAMPLES[commandKey(c)] ?? []).slice(0, 1).map(exampleArgs));
    expect(lines.length).toBeGreaterThan(20);
    // `close --month M` (no `show`) prints no CSV: its own usage error names `close show`
    // (close-csv-xlsx-or-part-without-show-is-a-usage-error)
    const asked = lines.filter((args) => args[0] !== 'close' || args[1] === 'show');
    expect(asked.length).toBe(lines.length - 1);
    const wrong: string[] = [];
    // `close show`: the third example of close
    asked.push(exampleArgs(HELP_EXAMPLES.close![2]!));
    for (const args of asked) {
      const r = await runCliInProcess(['--db', db, ...args, '--json', '--csv']);
      const doc = JSON.parse(r.stdout) as { error?: { code: string; message: string } };
      if (r.code !== 64 || doc.error?.code !== 'USAGE' || !doc.error.message.startsWith('--json and --csv'))
        wrong.push(`${args.join(' ')} → ${r.code} ${r.stdout.slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
  });
});
