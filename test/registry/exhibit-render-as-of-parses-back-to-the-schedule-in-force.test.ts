import { describe, expect, it } from 'vitest';
import { scheduleDocumentAsOf } from '../../src/cli/scheduleDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { Plan12bError } from '../../src/errors.js';
import { buildRegistry } from '../../src/registry/registry.js';
import { seedDocuments } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

// SPEC §2.1 parse(render(x)) = x, for x the schedule in force on a day (`exhibit render --as-of D
// [--class C]`): every effective date of the seeds, the day before and the day after, each class.
const DATES = [
  '2002-06-02',
  '2002-06-03',
  '2003-08-17',
  '2003-08-18',
  '2003-10-28',
  '2003-10-29',
  '2003-10-30',
  '2004-10-14',
  '2004-10-15',
  '2004-10-16',
  '2006-03-30',
  '2006-03-31',
  '2006-04-01',
];
const CLASSES = [undefined, 'A', 'B', 'C', 'K', 'R'] as const;

describe.skipIf(!seedsAvailable)(
  'exhibit render --as-of parses back to the schedule in force (SPEC §2.1)',
  () => {
    const registry = seedsAvailable ? buildRegistry(seedDocuments()) : (undefined as never);

    it('every date and class with entries: the rendering parses to the same entries and rates', () => {
      let rendered = 0;
      for (const date of DATES)
        for (const cls of CLASSES) {
          const inForce = registry.scheduleAsOf(date, cls ? { class: cls } : {}).entries;
          if (inForce.length === 0) continue;
          rendered++;
          const back = parseExhibit(
            renderExhibit(scheduleDocumentAsOf(registry, date, cls).document),
            'conformed.txt',
          );
          expect(back.effectiveDate, `${date} ${cls}`).toBe(date);
          const row = (e: {
            registrant: string | null;
            portfolio: string;
            class: string | null;
            assetBasedSalesChargePct: string | null;
            assetBasedSalesChargeBound: string | null;
            serviceFeePct: string | null;
            aggregateFeePct: string | null;
          }) =>
            // a group heading is printed in capitals ("AIM Funds Group" of the Sixth A&R plan's title
            // reads back as "AIM FUNDS GROUP"): names match case-insensitively (SPEC §2)
            [
              e.registrant?.toUpperCase(),
              e.portfolio,
              e.class,
              e.assetBasedSalesChargePct,
              e.assetBasedSalesChargeBound,
              e.serviceFeePct,
              e.aggregateFeePct,
            ].join('|');
          const expected = inForce.map((e) => row({ ...e, ...e.scheduleRates })).sort();
          const got = back.schedules.flatMap((s) => s.entries.map(row)).sort();
          expect(got, `${date} ${cls ?? 'all classes'}`).toEqual(expected);
        }
      // 2002-06-03..2003-08-17: A, C, R and all; from 2003-08-18 B too; from 2004-10-15 K too
      expect(rendered).toBeGreaterThan(60);
    });

    it('a day or class with nothing in force is NOT_FOUND (66), never an exhibit parse refuses', () => {
      // Class K starts with Amendment No. 6 on 2004-10-15; nothing at all before 2002-06-03
      for (const [date, cls] of [
        ['2004-10-14', 'K'],
        ['2002-06-02', undefined],
        ['2006-04-01', 'Q'],
      ] as const) {
        expect(registry.scheduleAsOf(date, cls ? { class: cls } : {}).entries).toHaveLength(0);
        let thrown: unknown;
        try {
          scheduleDocumentAsOf(registry, date, cls);
        } catch (e) {
          thrown = e;
        }
        expect(thrown, `${date} ${cls}`).toBeInstanceOf(Plan12bError);
        expect((thrown as Plan12bError).code).toBe('NOT_FOUND');
        expect((thrown as Plan12bError).exitCode).toBe(66);
      }
    });
  },
);
