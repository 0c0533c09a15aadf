/**
 * SPEC §11, project rule 7: long work shows a progress bar on a terminal and stays quiet when
 * piped. A feed import (here `net-assets import`, through the one pipeline every feed shares)
 * draws a bar per phase on a terminal's stderr, reaching each phase's total; piped, or under
 * --json, it draws nothing, and what it prints on stdout is the same byte for byte. The import
 * tells its progress a slice or a chunk at a time, never a row at a time.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import type { CliContext } from '../../src/cli/context.js';
import { buildProgram } from '../../src/cli/main.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { DECODE_SLICE_RECORDS } from '../../src/import/csvFeed.js';
import type { FeedProgress } from '../../src/import/feedImport.js';
import { importContractSeeds } from '../feeds/support/feedContracts.js';
import { freshDatabase, pgliteCopyOf, type TestDatabase } from '../support/databases.js';
import { fakeTerminal } from '../support/fakeTerminal.js';

// Every NYSE business day of 2007–2016 for AIM Value Fund class C (seed 002): no gap, more rows
// than one decode slice, so that the reading count advances more than once.
const days = businessDaysBetween('2007-01-03', '2016-12-30');
const ROWS = days.length;
const csv = Buffer.from(
  `date,portfolio,class,net_assets\n${days.map((d) => `${d},AIM Value Fund,C,1000000.00`).join('\n')}\n`,
);

describe('feed import progress bar: on a terminal only', () => {
  let template: TestDatabase;
  const stores: TestDatabase[] = [];
  let file: string;

  beforeAll(async () => {
    template = await freshDatabase('pglite');
    const db = await template.open();
    await importContractSeeds(db);
    await db.close();
    file = join(mkdtempSync(join(tmpdir(), 'plan12b-progress-')), 'na.csv');
    writeFileSync(file, csv);
  });
  afterAll(async () => {
    for (const s of [template, ...stores]) await s?.drop();
  });

  /** Runs `net-assets import FILE [--json]` in-process on a copy of the seeded store. */
  async function run(interactive: boolean, json: boolean) {
    const store = await pgliteCopyOf(template.target);
    stores.push(store);
    const terminal = fakeTerminal();
    let out = '';
    let err = '';
    const ctx: CliContext = {
      dbTarget: store.target,
      workload: 'long-work',
      out: (t) => {
        out += t.endsWith('\n') ? t : `${t}\n`;
      },
      err: (t) => {
        err += t.endsWith('\n') ? t : `${t}\n`;
      },
      interactive,
      progressStream: terminal.stream,
    };
    const argv = ['node', 'plan12b', 'net-assets', 'import', file, ...(json ? ['--json'] : [])];
    const program = await buildProgram(() => ctx, argv);
    await program.parseAsync(argv);
    return { out, err, drawn: terminal.drawn() };
  }

  it('tells its progress per slice, in phase order, each phase reaching its total', async () => {
    expect(ROWS).toBeGreaterThan(DECODE_SLICE_RECORDS);
    const store = await pgliteCopyOf(template.target);
    stores.push(store);
    const db = await store.open();
    const told: FeedProgress[] = [];
    try {
      const r = await importNetAssets(db, 'na.csv', csv, { onProgress: (p) => told.push(p) });
      expect(r.inserted).toBe(ROWS);
    } finally {
      await db.close();
    }
    const phases = [...new Set(told.map((p) => p.phase))];
    expect(phases).toEqual(['reading', 'checking', 'writing']);
    for (const phase of phases) {
      const of = told.filter((p) => p.phase === phase);
      expect(of.at(-1)).toEqual({ phase, done: ROWS, total: ROWS });
      for (let i = 1; i < of.length; i++) expect(of[i]!.done).toBeGreaterThanOrEqual(of[i - 1]!.done);
    }
    // reading: once per slice of records (the header is a record), then once more at its end
    const slices = Math.ceil((ROWS + 1) / DECODE_SLICE_RECORDS);
    expect(told.filter((p) => p.phase === 'reading').length).toBe(slices + 1);
    expect(told.filter((p) => p.phase === 'reading' && p.done > 0 && p.done < ROWS).length).toBeGreaterThan(
      0,
    );
    // never a row at a time
    expect(told.length).toBeLessThan(20);
  });

  it('draws a bar on a terminal reaching each total; piped or --json draws nothing and stdout is the same', async () => {
    const tty = await run(true, false);
    const piped = await run(false, false);
    const ttyJson = await run(true, true);
    const pipedJson = await run(false, true);

    expect(tty.drawn).toContain('reading rows');
    expect(tty.drawn).toContain('writing rows');
    expect(tty.drawn).toContain(`${ROWS}/${ROWS}`);
    // the bar is drawn on the terminal, never through the command's own stdout or stderr text
    expect(tty.out).not.toContain('[');
    expect(tty.err).toBe(piped.err);

    expect(piped.drawn).toBe('');
    expect(ttyJson.drawn).toBe('');
    expect(pipedJson.drawn).toBe('');

    expect(tty.out).toBe(piped.out);
    expect(tty.out).toBe(`${file}: ${ROWS} rows; ${ROWS} new, 0 unchanged, 0 restated\n`);
    expect(ttyJson.out).toBe(pipedJson.out);
    expect(JSON.parse(ttyJson.out)).toMatchObject({ rows: ROWS, inserted: ROWS });
  });
});
