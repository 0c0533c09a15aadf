import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/calendar/isoDate.js';
import type { StatedByUser } from '../../src/edgar/exhibitDocument.js';
import { importableDocument } from '../../src/edgar/importableDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { amendmentDiff } from '../../src/registry/amendmentDiff.js';
import { buildRegistry } from '../../src/registry/registry.js';
import type { StoredDocument } from '../../src/registry/storedDocument.js';
import { documentId } from '../../src/store/exhibitImport.js';
import { corpusAvailable, corpusDir } from '../edgar/corpusDocuments.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';

// SPEC §2: "Import order never changes the result: importing the same documents in any order
// yields the same registry and the same answers to every query." The seeds' 120 orders are
// registry-import-order-120; here the real corpus exhibits, one family at a time: the AIM/INVESCO
// amendments (renames by pair and by rule, a portfolio moving between registrants, Schedule A-1
// replaced while A-2 stays, a draft and its signed version) with the seeds they amend, and the
// stand-alone schedules of the other families (Heritage/Eagle amended schedules on one date,
// MainStay, Manning & Napier).

const H = 'htm_rendered';
/** The corpus files of one family; a draft or form gets its date (or class) stated, as on import. */
const AIM: [string, StatedByUser?][] = [
  ['01_aim-series-trust-classB-plan-amend1-1998.txt'],
  ['02_aim-taxexempt-MDA-classAC-amend1-2001.txt'],
  ['04_aim-growth-series-MDA-classAC-amend1-draft-2002.txt', { effectiveDate: '2002-03-01' }],
  ['05_aim-growth-series-MDA-classAC-amend1-2002.txt'],
  ['06_aim-advisor-funds-MDA-classACR-amend3-2002.txt'],
  ['07_aim-taxexempt-MDA-classA-A3-C-amend2-2002.txt'],
  ['08_aim-taxexempt-MDA-classA-A3-C-Inv-amend3-2003.txt', { effectiveDate: '2003-07-01' }],
  ['09_aim-advisor-funds-MDA-classACR-Inv-amend4-2003.txt', { effectiveDate: '2003-07-01' }],
  [`${H}/19_invesco-classA-exA3-amend2-2010.txt`],
  [`${H}/20_invesco-investor-class-first-restated-amend4-2013.txt`],
  [`${H}/26_invesco-service-plan-classA-AIF-amend1-2019.txt`],
  [`${H}/27_invesco-ds-plan-comp-classCR-AIS-amend1-2020.txt`],
  [`${H}/28_invesco-ds-plan-comp-classACR-ACST-amend1-2020.txt`],
  [`${H}/29_invesco-service-plan-classA-AEF-amend1-2020.txt`],
  [`${H}/30_invesco-ds-plan-comp-classC-taxexempt-amend1-2020.txt`],
  [`${H}/31_invesco-ds-plan-comp-classCR-sector-amend3-2020.txt`],
  [`${H}/32_invesco-service-plan-classA-AIF-amend4-2020.txt`],
];
const OTHERS: [string, StatedByUser?][] = [
  ['10_heritage-classA-scheduleA-2003.txt'],
  ['11_heritage-classC-scheduleA-2003.txt'],
  [`${H}/15_heritage-classC-scheduleA-2008.txt`],
  [`${H}/16_heritage-classR3-scheduleA-2008.txt`],
  [`${H}/17_eagle-classA-scheduleA-form-2009.txt`, { effectiveDate: '2009-08-15' }],
  [`${H}/18_eagle-classC-scheduleA-form-2009.txt`, { effectiveDate: '2009-08-15' }],
  [`${H}/21_mainstay-classA-B-C-Investor-scheduleA-2013.txt`],
  [`${H}/23_mainstay-funds-trust-classC-scheduleA-2015.txt`],
  [`${H}/22_manning-napier-exhibitA-fee-schedule-2014.txt`],
  [`${H}/33_manning-napier-exhibitA-fee-schedule-2020.txt`],
  ['03_pacificlife-classB-scheduleA-2001.txt'],
  [`${H}/24_usaa-adviser-shares-scheduleA-2018.txt`],
  [`${H}/13_aarp-funds-scheduleA-2006.txt`, { class: 'A' }],
];

function stored(path: string, stated: StatedByUser = {}): StoredDocument {
  const bytes = readFileSync(path);
  return {
    id: documentId(bytes),
    fileName: basename(path),
    doc: importableDocument(parseExhibit(bytes.toString('utf8'), path), path, stated),
  };
}

/** Every answer the registry gives: the schedule on each effective date and the day before, every name's history, each document's diff, the warnings. */
function answers(docs: readonly StoredDocument[]): Map<string, string> {
  const registry = buildRegistry(docs);
  const out = new Map<string, string>();
  const dates = new Set(docs.flatMap((d) => [d.doc.effectiveDate, addDays(d.doc.effectiveDate, -1)]));
  for (const d of [...dates].sort()) out.set(`schedule ${d}`, JSON.stringify(registry.scheduleAsOf(d)));
  for (const p of registry.identities.portfolios)
    for (const n of p.names) out.set(`history ${n}`, JSON.stringify(registry.portfolioHistory(n)));
  for (const d of docs) out.set(`diff ${d.fileName}`, JSON.stringify(amendmentDiff(registry, d)));
  out.set('warnings', JSON.stringify(registry.warnings));
  return out;
}

/** A fixed shuffle (so a failure names the same order every run). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = Math.floor((s / 2147483648) * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function expectSameAnswers(
  docs: readonly StoredDocument[],
  orders: readonly (readonly StoredDocument[])[],
): void {
  const reference = answers(docs);
  expect(reference.size).toBeGreaterThan(docs.length);
  for (const order of orders) {
    const got = answers(order);
    expect([...got.keys()].sort()).toEqual([...reference.keys()].sort());
    for (const [k, v] of reference)
      expect(got.get(k), `${k} after ${order.map((d) => d.fileName.slice(0, 3))}`).toBe(v);
  }
}

describe.skipIf(!corpusAvailable || !seedsAvailable)(
  'import order never changes the answers on the real corpus (SPEC §2)',
  () => {
    it('AIM/INVESCO: the seeds and the corpus amendments, forward and reversed', () => {
      const docs = [
        ...seedFiles().map((f) => stored(f)),
        ...AIM.map(([f, s]) => stored(join(corpusDir, f), s)),
      ];
      expect(docs).toHaveLength(22);
      expectSameAnswers(docs, [[...docs].reverse()]);
    });

    it('the other families, forward, reversed and shuffled', () => {
      const docs = OTHERS.map(([f, s]) => stored(join(corpusDir, f), s));
      expectSameAnswers(docs, [[...docs].reverse(), shuffled(docs, 7), shuffled(docs, 8)]);
    });
  },
);
