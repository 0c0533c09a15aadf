import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { expect } from 'vitest';
import { isBusinessDay } from '../../src/calendar/nyseCalendar.js';
import type { CliRun } from '../support/cli.js';
import { freshDatabase } from '../support/databases.js';
import { seedFiles } from '../support/seeds.js';
import { servedQueries } from '../support/servedQueries.js';

/**
 * A fresh embedded store driven only through the CLI's own commands (in process), as the
 * independent checker drives plan12b: files written to a temp folder, imported, queried with --json.
 * The store begins as a copy of the run's migrated one (test/support/databases.ts), not an initdb
 * of its own: a checker's `init` finds it current (how a new folder is created is
 * two-inits-of-a-new-store…'s subject).
 */
export interface CliStore {
  readonly dir: string;
  /** runs a command that must succeed; returns its stdout */
  ok(...args: string[]): Promise<string>;
  /** runs a command with --json and parses its stdout */
  json<T>(...args: string[]): Promise<T>;
  /** writes a file in the store's folder and returns its path */
  file(name: string, lines: readonly string[]): string;
  /** any command, run as {@link CliStore.ok} runs it, whatever it exits with */
  run(...args: string[]): Promise<CliRun>;
  /** closes the store kept open for queries (below) and removes the folder */
  remove(): Promise<void>;
}

/**
 * The commands run as a user's are by default (test/support/servedQueries.ts): the queries answered
 * on the store kept open from the query before, as the on-demand query server answers them; the
 * writes as the CLI runs them. What is checked is what they print and write, worked by hand.
 */
export async function cliStore(prefix: string): Promise<CliStore> {
  const dir = mkdtempSync(join(tmpdir(), `plan12b-${prefix}-`));
  const served = servedQueries((await freshDatabase('pglite', dir)).target);
  const run = (args: string[]) => served.run(['--actor', 'calc7 checker', ...args]);
  return {
    dir,
    async ok(...args) {
      const r = await run(args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      return r.stdout;
    },
    async json(...args) {
      const r = await run([...args, '--json']);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      return r.json();
    },
    file(name, lines) {
      const path = join(dir, name);
      writeFileSync(path, `${lines.join('\n')}\n`);
      return path;
    },
    run: (...args) => run(args),
    async remove() {
      await served.release();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The Class B Agreement (seed 003) and its Amendment No. 2 (seed 004): 0.75% / 0.25%. */
export function classBAgreementSeeds(): string[] {
  return seedFiles().filter((f) => /\/00[34]_/.test(f));
}

/** Every NYSE business day from `from` through `to`. */
export function businessDays(from: string, to: string): string[] {
  const out: string[] = [];
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d.toISOString().slice(0, 10) <= to;
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    const iso = d.toISOString().slice(0, 10);
    if (isBusinessDay(iso)) out.push(iso);
  }
  return out;
}

/** The text PDFKit wrote: each content stream inflated, its TJ strings (hex, WinAnsi) joined. */
export function pdfText(file: string): string {
  const bytes = readFileSync(file);
  const latin = bytes.toString('latin1');
  const out: string[] = [];
  for (const m of latin.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = latin.indexOf('endstream', start);
    let body: Buffer;
    try {
      body = inflateSync(bytes.subarray(start, end));
    } catch {
      continue;
    }
    for (const tj of body.toString('latin1').matchAll(/\[(.*?)\]\s*TJ/gs))
      out.push(
        [...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)]
          .map((h) => Buffer.from(h[1]!, 'hex').toString('latin1'))
          .join('')
          // WinAnsi's dashes and quotes, which latin1 leaves as C1 controls
          .replace(/\u0096/g, '–')
          .replace(/\u0097/g, '—')
          .replace(/\u0092/g, '’'),
      );
  }
  return out.join('\n');
}

/** A simple CSV line parser (quoted fields with commas). */
export function csvRows(text: string): Record<string, string>[] {
  const lines = text.trim().split('\n');
  const split = (line: string) => {
    const out: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        out.push(cur);
        cur = '';
      } else cur += ch;
    }
    out.push(cur);
    return out;
  };
  const header = split(lines[0]!);
  return lines.slice(1).map((l) => Object.fromEntries(split(l).map((v, i) => [header[i]!, v])));
}
