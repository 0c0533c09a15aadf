import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';

/**
 * SPEC §2: an instrument is its kind, registrant, classes and date, and "rates missing from the
 * schedule come from the instrument's terms". AIM signed two Amended and Restated Master Distribution
 * Agreements on August 18, 2003: one for Class B (seed 003: 0.75% distribution fee, 0.25% service
 * fee) and one "(ALL CLASSES OF SHARES EXCEPT CLASS B SHARES)", whose Schedule A lists funds and
 * classes without rates. The second's title was read as Class B: its amendments joined the Class B
 * Agreement, and Class A, C, K … entries were quoted at 0.75 / 0.25 / 1.00 from the Class B terms.
 *
 * The documents below are real-exhibits-9's 16 (.htm) and 05 (text), cut by the corpus inside their
 * schedules, made whole here the way the filings close: the list ends at a fund whose classes are
 * all printed, with the closing quote, the closing clause and a "Dated:" line.
 */

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (f: string) => readFileSync(join(here, 'fixtures', 'real-exhibits-9', f), 'utf8');

/** 16 up to AIM Core Strategies Fund's "Class C", closed */
function amendment9Whole(): string {
  const src = fixture('htm_rendered/16_aim-MDA-all-classes-except-B-amend9-2004.txt');
  const body = src.slice(0, src.indexOf('AIM Dent Demographic Trends Fund')).replace(/[\s|]+$/, '');
  return `${body}”\nAll other terms and provisions of the Agreement not amended hereby shall remain in full force and effect.\nDated: April 30, 2004\n`;
}

/** 05 up to AIM Aggressive Growth Fund's "Class R", closed */
function draftAmendment1Whole(): string {
  const lines = fixture('05_aim-MDA-all-classes-except-B-amend-bracket-1-2003.txt').split('\n');
  const last = lines.map((l) => l.trim()).lastIndexOf('Class R');
  return [
    ...lines.slice(0, last),
    `${lines[last]}"`,
    '',
    '         All other terms and provisions of the Agreement not amended hereby',
    'shall remain in full force and effect.',
    '',
    'Dated: November 4, 2003',
    '',
  ].join('\n');
}

describe('the Master Distribution Agreement for all classes except Class B', () => {
  it('a text Schedule A of funds with their classes to the right, closed by its quote, is read whole', () => {
    const doc = parseExhibit(draftAmendment1Whole(), 'amendment-1.txt');
    expect(doc.completeness.gaps).toEqual([]);
    expect(doc.effectiveDate).toBe('2003-11-04');
    expect(doc.instrument.exceptClasses).toEqual(['B']);
    expect(doc.schedules[0]!.entries.map((e) => `${e.registrant} | ${e.portfolio} | ${e.class}`)).toEqual([
      'AIM ADVISOR FUNDS | AIM International Core Equity Fund | A',
      'AIM ADVISOR FUNDS | AIM International Core Equity Fund | C',
      'AIM ADVISOR FUNDS | AIM International Core Equity Fund | R',
      'AIM ADVISOR FUNDS | AIM Real Estate Fund | A',
      'AIM ADVISOR FUNDS | AIM Real Estate Fund | C',
      'AIM ADVISOR FUNDS | AIM Real Estate Fund | Investor',
      'AIM EQUITY FUNDS | AIM Aggressive Growth Fund | A',
      'AIM EQUITY FUNDS | AIM Aggressive Growth Fund | C',
      'AIM EQUITY FUNDS | AIM Aggressive Growth Fund | R',
    ]);
  });

  it('is known by its naming clause where the title names no class', () => {
    // Invesco's later amendments name it in the body only: "amends the First Restated Master
    // Distribution Agreement (all Classes of shares except Class B and Class B5 Shares) (the
    // "Agreement")" (real-exhibits-9/19); 16 without its title's "(ALL CLASSES … EXCEPT …)" line
    const titled = parseExhibit(amendment9Whole(), 'amendment-9.txt');
    const untitled = parseExhibit(
      amendment9Whole().replace('(ALL CLASSES OF SHARES EXCEPT CLASS B SHARES)\n', ''),
      'amendment-9-untitled.txt',
    );
    expect(untitled.title).toBe('Amendment No. 9 to Amended and Restated Master Distribution Agreement');
    expect(untitled.instrument).toEqual(titled.instrument);
    expect(untitled.instrument.exceptClasses).toEqual(['B']);
  });

  describe.skipIf(!seedsAvailable)(
    'imported beside the Class B Agreement of the same date (seed 003)',
    () => {
      let store: TestDatabase;
      let dir: string;
      const cli = (...args: string[]) => runCliInProcess(['--db', store.target, ...args]);
      beforeAll(async () => {
        store = await freshDatabase('pglite');
        dir = mkdtempSync(join(tmpdir(), 'all-but-b-'));
        const nine = join(dir, 'amendment-9.txt');
        const one = join(dir, 'amendment-1.txt');
        writeFileSync(nine, amendment9Whole());
        writeFileSync(one, draftAmendment1Whole());
        const classB = seedFiles().find((f) => f.includes('003_'))!;
        const r = await cli('exhibit', 'import', classB, one, nine);
        expect(r.code, r.stderr).toBe(0);
      });
      afterAll(async () => {
        await store.drop();
        rmSync(dir, { recursive: true, force: true });
      });

      it('quotes no Class B rate for its Class A entries, and keeps Class B as it was', async () => {
        const a = (await cli('schedule', '--as-of', '2004-06-01', '--class', 'A', '--json')).json<{
          entries: {
            portfolio: string;
            assetBasedSalesChargePct: string | null;
            aggregateFeePct: string | null;
          }[];
        }>();
        // Amendment No. 9 (April 30, 2004) replaced Amendment No. 1's Schedule A: one instrument
        expect(a.entries.map((e) => e.portfolio)).toEqual([
          'INVESCO Core Equity Fund',
          'INVESCO Total Return Fund',
          'INVESCO Advantage Health Sciences Fund',
          'INVESCO Multi-Sector Fund',
          'AIM Aggressive Growth Fund',
          'AIM Basic Value II Fund',
          'AIM Blue Chip Fund',
          'AIM Capital Development Fund',
          'AIM Charter Fund',
          'AIM Constellation Fund',
          'AIM Core Strategies Fund',
        ]);
        expect(
          a.entries.every((e) => e.assetBasedSalesChargePct === null && e.aggregateFeePct === null),
        ).toBe(true);
        const b = (await cli('schedule', '--as-of', '2004-06-01', '--class', 'B', '--json')).json<{
          count: number;
          entries: { assetBasedSalesChargePct: string | null }[];
        }>();
        expect(b.count).toBe(82);
        expect(b.entries.every((e) => e.assetBasedSalesChargePct === '0.75')).toBe(true);
      });
    },
  );
});
