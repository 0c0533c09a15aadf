import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importableDocument } from '../../src/edgar/importableDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { buildRegistry } from '../../src/registry/registry.js';
import type { StoredDocument } from '../../src/registry/storedDocument.js';

/**
 * SPEC §2: ProFunds' three Schedules A of its Amended and Restated Distribution and Service Plan
 * (test/edgar/fixtures/real-exhibits-14 01–03, made whole: the cut last cell of 01 and 02's cut
 * footnote completed, 01 and 03 closed by an "Effective:" line) are one plan. They came out under
 * two instruments: 2021's title block "SCHEDULE A / PROFUNDS / AMENDED AND RESTATED / DISTRIBUTION
 * AND SERVICE PLAN" kept the Registrant's name in capitals in the title ("Profunds Amended and
 * Restated …"), where 2023's "ProFunds" in mixed case is the Registrant; and 2006's bare list,
 * naming no Registrant, was a plan of its own. Imported with the class stated (`--class Service`,
 * none of the three states it), in any order: one instrument, one title, the Registrant ProFunds.
 */
const dir = join(import.meta.dirname, '../edgar/fixtures/real-exhibits-14/htm_rendered');
const fixture = (prefix: string) =>
  readFileSync(
    join(
      dir,
      {
        '01': '01_profunds-schedule-a-distribution-and-service-plan-two-columns-2006.txt',
        '02': '02_profunds-schedule-a-distribution-and-service-plan-fka-footnotes-2021.txt',
        '03': '03_profunds-schedule-a-distribution-and-service-plan-series-two-columns-2023.txt',
      }[prefix]!,
    ),
    'utf8',
  );
const lines = (t: string) => t.replace(/\n$/, '').split('\n');
const texts: Record<string, string> = {
  // the last row's right cell "|Ut" cut: the row ends with its left cell
  '01': `${lines(fixture('01')).slice(0, -2).join('\n')}\nEffective: March 14, 2006\n`,
  '02': `${lines(fixture('02')).slice(0, -1).join('\n')}\nf/k/a Oil Equipment, Services & Distribution UltraSector ProFund\n`,
  '03': `${fixture('03')}Effective: September 11, 2023\n`,
};
const stored = (n: string): StoredDocument => ({
  id: `profunds-${n}`,
  fileName: `${n}.txt`,
  doc: importableDocument(parseExhibit(texts[n]!, `${n}.txt`), `${n}.txt`, { class: 'Service' }),
});
const documents = ['01', '02', '03'].map(stored);

describe('three Schedules A of one ProFunds plan', () => {
  it('each reads the plan by one title; 2021 and 2023 name ProFunds, 2006 no Registrant', () => {
    expect(documents.map((d) => [d.doc.instrument.title, d.doc.instrument.registrant])).toEqual([
      ['Amended and Restated Distribution and Service Plan', null],
      ['Amended and Restated Distribution and Service Plan', 'ProFunds'],
      ['Amended and Restated Distribution and Service Plan', 'ProFunds'],
    ]);
  });

  for (const [label, order] of [
    ['01, 02, 03', documents],
    ['03, 02, 01', [...documents].reverse()],
    ['02, 01, 03', [documents[1]!, documents[0]!, documents[2]!]],
  ] as const)
    it(`are one instrument of ProFunds, whose schedule each date answers (${label})`, () => {
      const registry = buildRegistry(order);
      expect(registry.instruments.map((i) => [i.name, i.registrant, i.documentIds.length])).toEqual([
        ['Amended and Restated Distribution and Service Plan', 'ProFunds', 3],
      ]);
      for (const [day, document] of [
        ['2006-03-14', '01.txt'],
        ['2021-04-23', '02.txt'],
        ['2023-09-11', '03.txt'],
      ] as const) {
        const answer = registry.scheduleAsOf(day, { portfolio: 'Bull ProFund' });
        // 2006's list names no Registrant: its entries are the instrument's, ProFunds'
        expect(answer.entries.map((e) => [e.registrant, e.instrument, e.document.file])).toEqual([
          ['ProFunds', 'Amended and Restated Distribution and Service Plan', document],
        ]);
      }
    });

  // SPEC §2: 2021's "Communication Services UltraSector ProFund1" … "1 | f/k/a Mobile
  // Telecommunications UltraSector ProFund" — the fund 2006 listed as Mobile Telecommunications —
  // is one portfolio under both names, renamed on 2021-04-23 (it was dropped then, and a new
  // portfolio began under the new name); likewise "Oil Equipment, Services & Distribution
  // UltraSector ProFund" → "Oil Equipment & Services UltraSector ProFund"
  for (const [label, order] of [
    ['01, 02, 03', documents],
    ['03, 02, 01', [...documents].reverse()],
  ] as const)
    it(`knows each "f/k/a" name as the former name of the fund it footnotes (${label})`, () => {
      const registry = buildRegistry(order);
      for (const [former, now] of [
        ['Mobile Telecommunications UltraSector ProFund', 'Communication Services UltraSector ProFund'],
        [
          'Oil Equipment, Services & Distribution UltraSector ProFund',
          'Oil Equipment & Services UltraSector ProFund',
        ],
      ] as const) {
        const id = registry.identities.resolve(now);
        expect(id).toBeDefined();
        expect(registry.identities.resolve(former)).toBe(id);
        const named = (day: string) =>
          registry
            .scheduleAsOf(day, { portfolio: former })
            .entries.map((e) => [e.portfolio, e.document.file]);
        expect(named('2021-04-22')).toEqual([[former, '01.txt']]);
        expect(named('2021-04-23')).toEqual([[now, '02.txt']]);
      }
    });
});
