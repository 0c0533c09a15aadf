import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importableDocument } from '../../src/edgar/importableDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import type { Approval } from '../../src/governance/approval.js';
import { buildRegistry, type Registry } from '../../src/registry/registry.js';
import type { StoredDocument } from '../../src/registry/storedDocument.js';
import { documentId } from '../../src/store/exhibitImport.js';
import { corpusAvailable, corpusDir } from '../edgar/corpusDocuments.js';
import { BOARD_CARRIES, governance } from '../governance/support/testPlan.js';

// SPEC §2: import order never changes the result — nor what a recorded approval is of. Corpus 26
// amends AIM Investment Funds' Class A "Service Plan" dated as of May 24, 2019; 29 amends AIM
// Equity Funds' plan of the same title and date. With 26 alone the plan is keyed
// `plan||a|2019-05-24`; once 29 is imported each trust's plan is keyed by its trust. The Board's
// continuance of 2020-05-10, recorded (by the plan's title) while only 26 was imported, is of AIM
// Investment Funds' plan, and stays so: the same answers as with 26 and 29 imported first and the
// continuance recorded naming 26.
//   first deadline: one year after 2019-05-24 (later than the 2003-06-30 setting) = 2020-05-24
//   AIM Investment Funds: met by 2020-05-10 → in force, next deadline 2021-05-24
//   AIM Equity Funds: none → lapsed, ends on the day after 2020-05-24 = 2020-05-25

const H = 'htm_rendered';
const AIF_26 = `${H}/26_invesco-service-plan-classA-AIF-amend1-2019.txt`;
const AEF_29 = `${H}/29_invesco-service-plan-classA-AEF-amend1-2020.txt`;

function stored(path: string): StoredDocument {
  const bytes = readFileSync(join(corpusDir, path));
  return {
    id: documentId(bytes),
    fileName: basename(path),
    doc: importableDocument(parseExhibit(bytes.toString('utf8'), path), path),
  };
}

/** The Board's continuance as the approvals feed records it against the instrument named. */
function continuanceOf(registry: Registry, key: string, document: StoredDocument | null): Approval {
  const instrument = registry.instruments.find((i) => i.key === key)!;
  return {
    kind: 'approval',
    id: `continuance-${document?.id ?? key}`,
    meetingDate: '2020-05-10',
    body: 'board',
    subject: 'continuance',
    documentId: document?.id ?? null,
    instrumentKey: instrument.key,
    instrumentDocumentIds: instrument.documentIds,
    approvedName: document?.fileName ?? instrument.title,
    portfolioId: null,
    portfolioName: null,
    class: null,
    vote: BOARD_CARRIES,
  };
}

const answers = (registry: Registry) =>
  registry
    .continuance('2020-12-31')
    .map((c) => [
      c.instrumentKey,
      c.status,
      c.nextDeadline,
      c.endsOn,
      c.periods.map((p) => [p.deadline, p.metBy?.meetingDate ?? null]),
    ])
    .sort();

const AIF_KEY = 'plan|aim investment funds (invesco investment funds)|a|2019-05-24';
const AEF_KEY = 'plan|aim equity funds (invesco equity funds)|a|2019-05-24';
const EXPECTED = [
  [AEF_KEY, 'lapsed', null, '2020-05-25', [['2020-05-24', null]]],
  [
    AIF_KEY,
    'in force',
    '2021-05-24',
    null,
    [
      ['2020-05-24', '2020-05-10'],
      ['2021-05-24', null],
    ],
  ],
];

describe.skipIf(!corpusAvailable)(
  'an approval of a trust’s plan stays its own whatever is imported later',
  () => {
    const aif = corpusAvailable ? stored(AIF_26) : (undefined as never);
    const aef = corpusAvailable ? stored(AEF_29) : (undefined as never);
    const opts = { enforce: false };

    it('recorded by title with 26 alone, then 29 imported: AIM Investment Funds’ plan is continued, AIM Equity Funds’ lapsed', () => {
      const alone = buildRegistry([aif]);
      expect(alone.instruments.map((i) => i.key)).toEqual(['plan||a|2019-05-24']);
      const recorded = continuanceOf(alone, 'plan||a|2019-05-24', null);
      const both = buildRegistry([aif, aef], [], governance([recorded], opts));
      expect(answers(both)).toEqual(EXPECTED);
      // and the same as importing both first, then recording the continuance naming 26
      const first = buildRegistry([aif, aef]);
      const named = continuanceOf(first, AIF_KEY, aif);
      expect(answers(buildRegistry([aef, aif], [], governance([named], opts)))).toEqual(answers(both));
    });

    it('recorded by title with 26 alone, then 29 imported and 26 withdrawn: AIM Equity Funds’ plan, now keyed as 26’s was, is not continued by it', () => {
      const alone = buildRegistry([aif]);
      const recorded = continuanceOf(alone, 'plan||a|2019-05-24', null);
      // 29 alone is keyed plan||a|2019-05-24 again; its first deadline 2020-05-24 passed unmet
      expect(answers(buildRegistry([aef], [], governance([recorded], opts)))).toEqual([
        ['plan||a|2019-05-24', 'lapsed', null, '2020-05-25', [['2020-05-24', null]]],
      ]);
    });

    it('recorded naming 26 with both imported, then 29 gone: still AIM Investment Funds’ plan', () => {
      const named = continuanceOf(buildRegistry([aif, aef]), AIF_KEY, aif);
      const alone = buildRegistry([aif], [], governance([named], opts));
      expect(answers(alone)).toEqual([
        [
          'plan||a|2019-05-24',
          'in force',
          '2021-05-24',
          null,
          [
            ['2020-05-24', '2020-05-10'],
            ['2021-05-24', null],
          ],
        ],
      ]);
    });
  },
);
