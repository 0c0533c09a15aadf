import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandKey, HELP_EXAMPLES } from '../../src/cli/helpExamples.js';
import { buildWholeProgram } from '../../src/cli/main.js';
import { ERROR_CODES, type ErrorCode } from '../../src/errors.js';
import type { Database } from '../../src/store/database.js';
import { runCliOnOpenStore } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';

/**
 * Standing rule 7 ("Users first") over the whole command tree, so that a command added without it
 * fails here: every command has --json; every command whose answer a person opens (a list, a
 * report, a statement) has --csv and --xlsx FILE, the others are named below with what they print
 * instead; and every command line of the --help examples, run with --json on a new store, prints
 * one JSON document — an error as `{"error":{…}}` whose exit is the code's own (src/errors.ts),
 * never 70, with a next step (`hint`).
 */

const noContext = () => {
  throw new Error('no command runs here');
};

function everyCommand(program: Command): Command[] {
  return program.commands.flatMap((c) => [c, ...everyCommand(c)]);
}

/** Commands whose answer is not a table a person opens, and what each prints instead. */
const NOT_A_TABLE: Readonly<Record<string, string>> = {
  init: 'the schema version the store is at',
  'exhibit import': 'the documents imported',
  'exhibit withdraw': 'the document withdrawn',
  'exhibit render': 'the text of an exhibit (a document, read back by exhibit parse)',
  'rates set': 'the rate recorded',
  'calendar business-day': 'one date',
  'calendar is-business-day': 'yes or no, and the next business day',
  'net-assets import': 'the counts of rows recorded',
  'providers import': 'the counts of rows recorded',
  'providers terminate': 'the termination recorded',
  'providers assign': 'the assignment recorded',
  'provider-assets import': 'the counts of rows recorded',
  'accounts import': 'the counts of rows recorded',
  'transactions import': 'the counts of rows recorded',
  'distributors import': 'the counts of rows recorded',
  'class-b-terms import': 'the counts of rows recorded',
  'transfers import': 'the counts of rows recorded',
  'transfers notice': 'the notice recorded',
  'omnibus import': 'the counts of rows recorded',
  'gross-sales import': 'the counts of rows recorded',
  'prime-rate import': 'the counts of rows recorded',
  'expenditures import': 'the counts of rows recorded',
  'audit verify': 'a verdict on the chain and the seals',
  'audit anchor': 'the chain head, SEQ:HASH',
  'approvals import': 'the counts of rows recorded',
  'terminations import': 'the counts of rows recorded',
  terminate: 'the termination recorded',
  'settings set': 'the setting recorded',
  demo: 'a summary; its files are the reports of the demo complex',
  'tokens create': 'the token, once',
  'tokens revoke': 'the token revoked',
  serve: 'the address it listens on',
};

/** Options of an example that name a file to write: left out, the answer is asked as --json. */
const FILE_OPTIONS = new Set(['--xlsx', '--pdf', '--out', '--payments-csv', '--statements', '--db']);

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

/** The example's command line asked as --json, without the files it would write or its own --db. */
function asJson(example: string): string[] {
  const w = words(example).slice(1);
  const args: string[] = [];
  for (let i = 0; i < w.length; i++) {
    if (w[i] === '--csv' || w[i] === '--json') continue;
    if (FILE_OPTIONS.has(w[i]!)) i++;
    else args.push(w[i]!);
  }
  return [...args, '--json'];
}

describe('standing rule 7 on every command', () => {
  it('every command has --json; every command a person opens has --csv and --xlsx, the rest say why not', async () => {
    const program = await buildWholeProgram(noContext);
    const leaves = everyCommand(program).filter((c) => c.commands.length === 0);
    const has = (c: Command, flag: string) => c.options.some((o) => o.long === flag);
    expect(leaves.filter((c) => !has(c, '--json')).map(commandKey)).toEqual([]);
    const tables = leaves.filter((c) => NOT_A_TABLE[commandKey(c)] === undefined);
    expect(tables.filter((c) => !has(c, '--csv') || !has(c, '--xlsx')).map(commandKey)).toEqual([]);
    // the list names commands that exist and print no table (else it is out of date)
    const keys = new Map(leaves.map((c) => [commandKey(c), c]));
    expect(Object.keys(NOT_A_TABLE).filter((k) => !keys.has(k))).toEqual([]);
    expect(Object.keys(NOT_A_TABLE).filter((k) => has(keys.get(k)!, '--csv'))).toEqual([]);
  });

  describe('each --help example asked as --json on a new store', () => {
    let tdb: TestDatabase;
    let db: Database;
    beforeAll(async () => {
      tdb = await freshDatabase('pglite');
      db = await tdb.open();
    });
    afterAll(async () => {
      await db.close();
      await tdb.drop();
    });

    it('prints one JSON document; an error carries its code, the exit of that code and a next step', async () => {
      const program = await buildWholeProgram(noContext);
      const lines = new Set<string>();
      for (const c of everyCommand(program).filter((c) => c.commands.length === 0)) {
        const key = commandKey(c);
        // the demo takes minutes and serve runs until stopped: their own files run them
        if (key === 'demo' || key === 'serve') continue;
        for (const example of HELP_EXAMPLES[key] ?? []) lines.add(JSON.stringify(asJson(example)));
      }
      expect(lines.size).toBeGreaterThan(60);
      const bad: string[] = [];
      for (const line of lines) {
        const args = JSON.parse(line) as string[];
        const r = await runCliOnOpenStore(db, ['--db', tdb.target, ...args], { PLAN12B_FAULT: '' });
        const said = `plan12b ${args.join(' ')} → ${r.code}`;
        let doc: { error?: { code: ErrorCode; exit: number; message: string; hint: string | null } };
        try {
          doc = JSON.parse(r.stdout);
        } catch {
          bad.push(`${said}: not one JSON document: ${r.stdout.slice(0, 100)}`);
          continue;
        }
        if (r.code === 0) {
          if (doc.error !== undefined) bad.push(`${said}: an error document with exit 0`);
          continue;
        }
        const e = doc.error;
        if (e === undefined) bad.push(`${said}: no error document`);
        else if (r.code === 70) bad.push(`${said}: a bug: ${e.message}`);
        else if (ERROR_CODES[e.code]?.exit !== r.code || e.exit !== r.code)
          bad.push(`${said}: code ${e.code}, exit ${e.exit}`);
        else if (!e.message || !e.hint) bad.push(`${said}: no next step: ${e.message}`);
      }
      expect(bad).toEqual([]);
    });
  });
});
