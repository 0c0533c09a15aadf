import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command, Option } from 'commander';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORWARDABLE_QUERIES, forwardableQuery } from '../../src/cli/forwardableQuery.js';
import { buildWholeProgram } from '../../src/cli/main.js';

const noContext = () => {
  throw new Error('no command runs here');
};

/** The options of the query commands that name a file: they run in-process, never through serve. */
const FILE_OPTIONS = new Set(['--xlsx', '--pdf', '--out', '--payments-csv', '--statements']);
/** Options of `close` that close a month: `close show` is forwarded without them. */
const CLOSING_OPTIONS = new Set(['--first', '--accept-ended', '--due-date']);

function commandAt(program: Command, words: readonly string[]): Command | undefined {
  let c: Command | undefined = program;
  for (const w of words) c = c?.commands.find((s) => s.name() === w);
  return c;
}

/**
 * Issue 13 item 4: which command lines the CLI may ask `plan12b serve` (src/cli/forwardableQuery.ts).
 * The table is checked against the commands as registered, so that an option added to a query
 * command must be placed: forwarded, or kept in-process because it names a file.
 */
describe('the command lines plan12b serve answers for the CLI', () => {
  it('names, for each query command, exactly the options it takes, less those that name a file', async () => {
    const program = await buildWholeProgram(noContext);
    for (const [words, shape] of Object.entries(FORWARDABLE_QUERIES)) {
      const command = commandAt(program, words.split(' '));
      expect(command, words).toBeDefined();
      const options = ((command as Command).options as readonly Option[]).filter(
        (o) => words !== 'close' || !CLOSING_OPTIONS.has(o.long!),
      );
      const takes = (o: Option) => o.required || o.optional;
      const values = options.filter((o) => takes(o) && !FILE_OPTIONS.has(o.long!)).map((o) => o.long);
      const flags = options.filter((o) => !takes(o)).map((o) => o.long);
      expect({ words, values: [...values].sort(), flags: [...flags].sort() }).toEqual({
        words,
        values: [...(shape.values ?? [])].sort(),
        flags: [...(shape.flags ?? [])].sort(),
      });
    }
  });

  it('forwards the query lines, with the program options anywhere, and says which store and which permission', () => {
    expect(forwardableQuery(['schedule', '--as-of', '2025-06-30', '--json'])).toEqual({
      command: 'schedule',
      db: undefined,
      withoutDb: ['schedule', '--as-of', '2025-06-30', '--json'],
      audit: false,
    });
    // the server answers from its own store: the line it is sent has no --db
    expect(forwardableQuery(['--db', 'd', 'exhibit', 'list', '--csv'])).toEqual({
      command: 'exhibit list',
      db: 'd',
      withoutDb: ['exhibit', 'list', '--csv'],
      audit: false,
    });
    expect(forwardableQuery(['fees', '--from=2025-01-01', '--to', '2025-01-31', '--db=/x/y'])).toMatchObject({
      command: 'fees',
      db: '/x/y',
      withoutDb: ['fees', '--from=2025-01-01', '--to', '2025-01-31'],
    });
    expect(forwardableQuery(['fees', '--portfolio', '--db', '--from', 'x', '--to', 'y'])).toMatchObject({
      db: undefined,
      withoutDb: ['fees', '--portfolio', '--db', '--from', 'x', '--to', 'y'],
    });
    expect(forwardableQuery(['portfolio', 'history', 'Summit Capital Growth Fund'])?.command).toBe(
      'portfolio history',
    );
    expect(
      forwardableQuery(['close', '--month', '2025-01', 'show', '--csv', '--part', 'journal']),
    ).toMatchObject({ command: 'close' });
    expect(forwardableQuery(['--actor', 'ann', 'audit', 'log', '--actor', 'bob', '--csv'])).toEqual({
      command: 'audit log',
      db: undefined,
      withoutDb: ['--actor', 'ann', 'audit', 'log', '--actor', 'bob', '--csv'],
      audit: true,
    });
  });

  it('keeps in-process every write, file, help and --no-server line', () => {
    const inProcess = [
      [],
      ['close', '--month', '2025-01'], // closes the month
      ['close', '--month', '2025-01', 'again'],
      ['exhibit', 'import', 'a.txt'],
      ['exhibit', 'render', 'parsed.json'], // a file on this machine
      ['exhibit', 'parse', 'a.txt'],
      ['net-assets', 'import', 'na.csv'],
      ['rates', 'set', '--portfolio', 'P', '--class', 'A', '--from', '2025-01-01'],
      ['tokens', 'list'],
      ['fees', '--from', '2025-01-01', '--to', '2025-01-31', '--xlsx', 'f.xlsx'],
      ['journal', '--month', '2025-01', '--out', 'j.csv'],
      ['monthly-calculation', '--month', '2025-01', '--pdf', 'mc.pdf'],
      ['service-fees', '--month', '2025-01', '--statements', 'dir'],
      ['schedule', '--as-of', '2025-06-30', '--help'],
      ['schedule', '-h'],
      ['--no-server', 'schedule', '--as-of', '2025-06-30'],
      ['schedule', '--as-of'], // the value is missing: Commander says so, in-process
      ['portfolio', 'history'],
      ['portfolio', 'history', 'A', 'B'],
      ['schedule', '--', '--as-of', '2025-06-30'],
      ['calendar', 'business-day', '--after', '2025-01-01'], // needs no store at all
    ];
    for (const line of inProcess) expect(forwardableQuery(line), line.join(' ')).toBeUndefined();
  });

  it('never forwards a line that names a file option, whatever else it holds (property)', () => {
    const commands = Object.keys(FORWARDABLE_QUERIES);
    fc.assert(
      fc.property(
        fc.constantFrom(...commands),
        fc.constantFrom(...FILE_OPTIONS),
        fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.startsWith('-')),
        fc.nat(4),
        (command, option, file, at) => {
          const shape = FORWARDABLE_QUERIES[command]!;
          const line = [
            ...command.split(' '),
            ...(typeof shape.positional === 'object' ? [shape.positional.literal] : []),
            ...(typeof shape.positional === 'number' ? Array(shape.positional).fill('x') : []),
            ...(shape.flags ?? []),
          ];
          const i = Math.min(at + command.split(' ').length, line.length);
          line.splice(i, 0, option, file);
          expect(forwardableQuery(line)).toBeUndefined();
        },
      ),
    );
  });
});

describe('the fast path of bin/plan12b.js', () => {
  it("imports Node's own modules only: not the CLI, Commander, Kysely or PGlite", () => {
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
    const seen = new Set<string>();
    const external = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(
        /(?:^|\n)\s*import\s+(?!type\b)[^'"]*?from\s+'([^']+)'|import\('([^']+)'\)/g,
      )) {
        const spec = (m[1] ?? m[2]) as string;
        if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
        else external.add(spec);
      }
    };
    visit(join(root, 'src', 'cli', 'serveForward.ts'));
    expect(
      [...external].every((s) => s.startsWith('node:')),
      [...external].join(', '),
    ).toBe(true);
    expect([...seen].map((f) => f.slice(root.length + 1)).sort()).toEqual([
      'src/buildIdentity.ts',
      'src/cli/forwardableQuery.ts',
      'src/cli/serveForward.ts',
      // the wait allowed, from the environment: a value it cannot honour is a usage error
      'src/envNumber.ts',
      'src/errors.ts',
      // the folder's real path, where its discovery file is (links resolved: node:fs, node:path)
      'src/store/dataFolderLockPath.ts',
      // the default folder (Node's globals only)
      'src/store/databaseTarget.ts',
      // a query server starting on demand is waited for (its marker, the wait allowed, one POST)
      'src/store/lockWait.ts',
      'src/store/onDemandServe.ts',
      'src/store/processAlive.ts',
      // a refusal by the server that holds the folder is its to say (the lock file's holder, hostile7)
      'src/store/processIdentity.ts',
      'src/store/serveDiscovery.ts',
      'src/store/servePost.ts',
      'src/store/writerLock.ts',
    ]);
    // and bin/plan12b.js loads the CLI only when the forward did not answer
    const bin = readFileSync(join(root, 'bin', 'plan12b.js'), 'utf8');
    // (startup1: `--version` alone is answered before either is loaded, so the forward is imported
    // on demand too, and before the CLI)
    const forward = bin.indexOf("await import('../dist/src/cli/serveForward.js')");
    const cli = bin.indexOf("await import('../dist/cli/main.js')");
    expect(forward).toBeGreaterThan(0);
    expect(cli).toBeGreaterThan(forward);
    expect(bin).not.toMatch(/^import .*dist\/(src\/)?cli\//m);
  });
});
