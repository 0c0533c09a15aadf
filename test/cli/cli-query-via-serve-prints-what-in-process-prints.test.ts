import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/api/server.js';
import { FORWARDABLE_QUERIES, forwardableQuery } from '../../src/cli/forwardableQuery.js';
import { forwardToServe } from '../../src/cli/serveForward.js';
import { serveDiscoveryPath } from '../../src/store/serveDiscovery.js';
import { type CliRun, runCliAsync, runCliInProcess } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { demoJanuaryClosedStore } from '../support/demoOpen.js';

/**
 * Issue 13 item 4, differential: every query command the CLI forwards to a running `plan12b serve`
 * prints, through the server, exactly what it prints in-process on the same store with the same
 * arguments — stdout, stderr and exit code, in its human, --json and --csv forms, errors included.
 * The store is the demo complex's (its months open but January, closed by `plan12b close`, so that
 * sealed reads are compared too). The reference runs first, in-process; then the server holds the store (in
 * this process) and each line goes through the CLI's forward (src/cli/serveForward.ts) over HTTP;
 * two lines are spawned as real processes (the fast path of bin/plan12b.js, answered by the
 * server). The lines the server must not answer (--no-server, a file to write, a write) are declined
 * by that same fast path (forwardToServe, asserted) and then run as `main` runs them, in this
 * process (runCliInProcess): the store's lock names this process, which the discovery file names as
 * the server's, as it would name another's.
 */

interface Case {
  readonly args: readonly string[];
  readonly reference?: CliRun;
}

/**
 * The commands whose --json and --csv forms are compared too: one of each way of printing (a
 * registry view, a report, a sealed read, the audit log, a CSV of rows). Every other command is
 * compared in its human form, the one most sensitive to where it runs (a terminal's width, the
 * environment); each form goes through the same forward, so more of them would prove no more.
 */
const EVERY_FORM = new Set(['schedule', 'fees', 'monthly-calculation', 'close', 'audit log', 'redemptions']);

/** Each line, and its --json and --csv forms where the command has them and is in EVERY_FORM. */
function withForms(lines: readonly (readonly string[])[]): string[][] {
  const out: string[][] = [];
  for (const line of lines) {
    out.push([...line]);
    const command = forwardableQuery(line)?.command;
    if (command === undefined || !EVERY_FORM.has(command)) continue;
    const flags = FORWARDABLE_QUERIES[command]?.flags ?? [];
    // a form the line already has is the line itself: run twice, it would prove nothing more
    for (const form of ['--json', '--csv'])
      if (flags.includes(form) && !line.includes(form)) out.push([...line, form]);
  }
  return out;
}

describe('a CLI query answered by plan12b serve prints what it prints in-process', () => {
  let tdb: TestDatabase;
  let server: RunningServer | undefined;
  const cases: Case[] = [];
  const db = () => ['--db', tdb.target];

  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    // a copy of the run's demo complex with January closed by `plan12b close --month 2025-01`, which
    // exited 0 (test/support/demoOpen.ts), recorded once per run
    await demoJanuaryClosedStore(tdb.target);
    const documents = (await runCliInProcess([...db(), 'exhibit', 'list', '--json'])).json<{
      documents: { id: string; kind: string }[];
    }>().documents;
    const amendment = documents.find((d) => d.kind === 'amendment') ?? documents.at(-1)!;

    const lines = withForms([
      ['schedule', '--as-of', '2025-06-30'],
      ['schedule', '--as-of', '2025-06-30', '--class', 'B'],
      ['schedule', '--as-of', '2025-06-30', '--portfolio', 'No Such Fund'],
      ['portfolio', 'history', 'Summit Capital Growth Fund'],
      ['exhibit', 'list'],
      ['exhibit', 'render', '--as-of', '2025-06-30', '--class', 'B'],
      ['exhibit', 'diff', amendment.id],
      ['rates', 'list'],
      ['fees', '--from', '2025-01-01', '--to', '2025-02-28'],
      ['fees', '--from', '2025-02-01', '--to', '2025-02-28', '--class', 'B', '--daily'],
      ['journal', '--month', '2025-01'],
      ['journal', '--month', '2025-02'],
      ['providers', 'list'],
      ['service-fees', '--month', '2025-01'],
      ['class-b-terms', 'list'],
      ['redemptions', '--from', '2025-01-01', '--to', '2025-01-31'],
      ['lots', '--account', 'B100001'],
      ['conversions', '--month', '2025-01'],
      ['cdsc', '--month', '2025-01'],
      ['transfers', 'list'],
      ['transfers', 'statement', '--assignee', 'Keystone Receivables Trust', '--month', '2025-01'],
      ['distributor-share', '--month', '2025-01'],
      ['monthly-calculation', '--month', '2025-01'],
      ['monthly-calculation', '--month', '2025-02'],
      // Class C: the same report form (payees, notes, the FINRA cap line too) at half the CPU of Class B's
      // (Class B's per-vintage recompute is the what-if test's), and a shorter hold of the event loop
      ['what-if', '--portfolio', 'Summit Core Stock Fund', '--class', 'C', '--distribution-fee', '0.50'],
      ['finra-cap', '--class', 'B', '--through', '2025-03'],
      ['board-report', '--quarter', '2025Q1'],
      ['close', 'show', '--month', '2025-01'],
      ['close', 'show', '--month', '2025-01', '--csv', '--part', 'journal'],
      ['approvals', 'list'],
      ['continuance', '--as-of', '2025-06-30'],
      ['terminations', 'list'],
      ['settings', 'list'],
      ['audit', 'verify'],
      ['audit', 'anchor'],
      ['audit', 'log', '--action', 'month.*'],
      // product errors: printed as in-process, with the same exit code
      ['portfolio', 'history', 'No Such Fund'],
      ['schedule', '--as-of', '2025-13-45'],
      ['close', 'show', '--month', '2025-06'],
      ['fees', '--from', '2025-02-01', '--to', '2025-01-01'],
      ['lots', '--account', 'NO-SUCH-ACCOUNT'],
    ]);
    for (const args of lines) {
      expect(forwardableQuery([...db(), ...args]), args.join(' ')).toBeDefined();
      cases.push({ args, reference: await runCliInProcess([...db(), ...args]) });
    }
    server = await startServer({
      dbTarget: tdb.target,
      port: 0,
      host: '127.0.0.1',
      logger: pino({ level: 'silent' }),
      rateLimit: { perSecond: 0, burst: 0 },
    });
  });

  afterAll(async () => {
    await server?.close();
    await tdb?.drop();
  });

  it('covers every forwarded command, and errors of several kinds', () => {
    const covered = new Set(cases.map((c) => forwardableQuery(c.args)?.command));
    expect([...covered].sort()).toEqual(Object.keys(FORWARDABLE_QUERIES).sort());
    const codes = new Set(cases.map((c) => c.reference!.code));
    expect([...codes].sort()).toEqual([0, 64, 66]);
    // every in-process run said something: a comparison of two empty outputs proves nothing
    for (const c of cases) expect(c.reference!.stdout + c.reference!.stderr, c.args.join(' ')).not.toBe('');
  });

  it('answers every line through the server with the same stdout, stderr and exit code', async () => {
    for (const c of cases) {
      let stdout = '';
      let stderr = '';
      const code = await forwardToServe(
        [...db(), ...c.args],
        {},
        {
          out: (t) => {
            stdout += t;
          },
          err: (t) => {
            stderr += t;
          },
        },
      );
      expect({ args: c.args.join(' '), code, stdout, stderr }).toEqual({
        args: c.args.join(' '),
        code: c.reference!.code,
        stdout: c.reference!.stdout,
        stderr: c.reference!.stderr,
      });
    }
  });

  it('writes the discovery file beside the data folder, readable by its owner only', () => {
    expect(server!.discoveryFile).toBe(serveDiscoveryPath(tdb.target));
    expect(statSync(server!.discoveryFile!).mode & 0o777).toBe(0o600);
  });

  it('is what the real CLI does: a spawned query is answered by the server, an error too', async () => {
    for (const args of [
      ['schedule', '--as-of', '2025-06-30'],
      ['schedule', '--as-of', '2025-13-45', '--json'],
    ]) {
      const reference = cases.find((c) => c.args.join(' ') === args.join(' '))!.reference!;
      // the server holds the folder: only the forward can answer (in-process would exit 69)
      const run = await runCliAsync([...db(), ...args]);
      expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
        code: reference.code,
        stdout: reference.stdout,
        stderr: reference.stderr,
      });
    }
  });

  it('--no-server and PLAN12B_NO_SERVER=1 run in-process, which says at once that serve holds the folder', async () => {
    const noForward = { out: () => {}, err: () => {} };
    const line = [...db(), 'schedule', '--as-of', '2025-06-30'];
    expect(await forwardToServe(line, { PLAN12B_NO_SERVER: '1' }, noForward)).toBeUndefined();
    expect(await forwardToServe(['--no-server', ...line], {}, noForward)).toBeUndefined();
    const run = await runCliInProcess(['--no-server', ...line], { PLAN12B_LOCK_WAIT_SECONDS: '600' });
    expect(run.code).toBe(69);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`is held by plan12b serve (process ${process.pid}, ${server!.url})`);
    // a line that writes a file runs in-process too (the server writes no file for a client)
    const xlsxLine = [
      ...db(),
      'fees',
      '--from',
      '2025-01-01',
      '--to',
      '2025-01-31',
      '--xlsx',
      join(tdb.target, '..', 'f.xlsx'),
    ];
    expect(await forwardToServe(xlsxLine, {}, noForward)).toBeUndefined();
    const xlsx = await runCliInProcess(xlsxLine, { PLAN12B_LOCK_WAIT_SECONDS: '600' });
    expect(xlsx.code).toBe(69);
    expect(xlsx.stderr).toContain('but not a write, a file to write (--pdf, --xlsx, …) or --no-server');
  });

  it('refuses a write while serve holds the folder, at once, saying to use the API or stop serve', async () => {
    const csv = join(tdb.target, '..', 'na-extra.csv');
    writeFileSync(csv, 'date,portfolio,class,net_assets\n2025-03-03,Summit Core Stock Fund,B,1000000.00\n');
    // a wait of 600 s would time the test out: the refusal does not wait for the lock
    const write = [...db(), 'net-assets', 'import', csv];
    expect(await forwardToServe(write, {}, { out: () => {}, err: () => {} })).toBeUndefined();
    const run = await runCliInProcess(write, { PLAN12B_LOCK_WAIT_SECONDS: '600' });
    expect(run.code).toBe(69);
    expect(run.stderr).toContain(`plan12b: error: the database ${tdb.target} is held by plan12b serve`);
    expect(run.stderr).toContain(
      `for those use its dashboard or API at ${server!.url} (a change needs an operator or admin token)`,
    );
    expect(run.stderr).toContain(`or stop it (kill ${process.pid}) and run this command again`);
  });

  it('removes the discovery file when it stops', async () => {
    const file = server!.discoveryFile!;
    await server!.close();
    server = undefined;
    expect(() => statSync(file)).toThrow();
  });
});
