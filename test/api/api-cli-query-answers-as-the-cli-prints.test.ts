import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdentity } from '../../src/buildIdentity.js';
import { runCliInProcess } from '../support/cli.js';
import { dialects } from '../support/databases.js';
import { seedsAvailable } from '../support/seeds.js';
import { storeSnapshot } from '../support/storeSnapshot.js';
import { type ApiFixture, apiFixture } from './apiFixture.js';

/**
 * POST /api/cli/query (issue 13 item 4) on PGlite and on the server: a query command line is
 * answered with what the CLI prints in-process on the same store — stdout, stderr, exit code —
 * because the server runs the same command on the store it holds. A line that is not a query, a
 * CLI of another build and the audit log without the auditor's permission are refused, and
 * nothing is written.
 */
describe.skipIf(!seedsAvailable).each(dialects)('POST /api/cli/query on %s', (dialect) => {
  let f: ApiFixture;
  const build = buildIdentity() ?? 'unbuilt';
  const ask = (args: readonly string[], token?: string, as = build) =>
    f.request('POST', '/api/cli/query', {
      body: JSON.stringify({ args, build: as }),
      type: 'application/json',
      ...(token ? { token } : {}),
    });

  beforeAll(async () => {
    f = await apiFixture(dialect);
  });
  afterAll(async () => {
    await f?.close();
  });

  it('answers each line with the stdout, stderr and exit code of the CLI in-process', async () => {
    const lines = [
      ['schedule', '--as-of', '2007-01-15', '--class', 'C'],
      ['fees', '--from', '2007-01-01', '--to', '2007-01-31', '--csv'],
      ['fees', '--from', '2007-01-01', '--to', '2007-01-31', '--json'],
      ['portfolio', 'history', 'AIM Value Fund'],
      ['portfolio', 'history', 'No Such Fund', '--json'],
      ['journal', '--month', '2007-13'],
    ];
    // the reference is the CLI in-process on the same store: on the server it opens the schema
    // beside the API's connections; a PGlite folder is held by the API (the differential test in
    // test/cli compares that case, running the reference before the server opens the folder)
    for (const args of lines) {
      const res = await ask(args);
      expect(res.status, args.join(' ')).toBe(200);
      const { sequence, ...answer } = (await res.json()) as {
        exitCode: number;
        stdout: string;
        stderr: string;
        sequence: ['stdout' | 'stderr', number][];
      };
      // the order of the writes cuts stdout and stderr whole
      for (const stream of ['stdout', 'stderr'] as const)
        expect(
          sequence.filter(([s]) => s === stream).reduce((n, [, k]) => n + k, 0),
          `${args.join(' ')} ${stream}`,
        ).toBe(answer[stream].length);
      if (dialect === 'postgres') {
        const reference = await runCliInProcess(['--db', f.tdb.target, ...args]);
        expect({ args, ...answer }).toEqual({
          args,
          exitCode: reference.code,
          stdout: reference.stdout,
          stderr: reference.stderr,
        });
      } else expect(answer.stdout + answer.stderr, args.join(' ')).not.toBe('');
    }
  });

  it('refuses what is not a query, another build, a line naming a --db, and the audit log to a viewer; nothing is written', async () => {
    const before = await f.store.use((db) => storeSnapshot(db));
    const refusals: [readonly string[], string | undefined, string, number, string][] = [
      [['net-assets', 'import', 'na.csv'], undefined, build, 400, 'USAGE'],
      [['close', '--month', '2007-01'], f.tokens.operator, build, 400, 'USAGE'],
      [
        ['fees', '--from', '2007-01-01', '--to', '2007-01-31', '--xlsx', '/tmp/f.xlsx'],
        undefined,
        build,
        400,
        'USAGE',
      ],
      [['schedule', '--as-of', '2007-01-15'], undefined, '0.0.0+another-build', 409, 'CONFLICT'],
      [['audit', 'log'], f.tokens.viewer, build, 403, 'FORBIDDEN'],
      // the server answers from the store it holds, never from another --db named in the line
      [['--db', '/nonexistent/x', 'schedule', '--as-of', '2007-01-15'], undefined, build, 400, 'USAGE'],
    ];
    for (const [args, token, as, status, code] of refusals) {
      const res = await ask(args, token, as);
      expect({ args, status: res.status }).toEqual({ args, status });
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    }
    const audit = await ask(['audit', 'log', '--csv'], f.tokens.auditor);
    expect(audit.status).toBe(200);
    expect(((await audit.json()) as { exitCode: number }).exitCode).toBe(0);
    expect(await f.store.use((db) => storeSnapshot(db))).toEqual(before);
  });
});
