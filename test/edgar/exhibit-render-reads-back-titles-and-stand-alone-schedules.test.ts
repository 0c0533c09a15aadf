import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';
import { corpusAvailable, corpusDir } from './corpusDocuments.js';

/**
 * SPEC §2.1: `exhibit render` writes a parsed exhibit back out, and parse(render(x)) = x — its
 * title and kind too, not only its schedules. The seeds' layout gives back a title composed from
 * the instrument ("… Agreement of AIM Tax-Exempt Funds"), so a title naming the parties ("…
 * between AIM Tax-Exempt Funds (…) and A I M Distributors, Inc.") came back as another; and a
 * schedule filed on its own (kind `schedule`) came back as a plan. These real exhibits now read
 * back whole.
 */
const FIELDS = [
  'kind',
  'title',
  'exhibit',
  'instrument',
  'amendmentNumber',
  'effectiveDate',
  'datedDate',
  'terms',
  'schedules',
  'renames',
  'renameRules',
  'footnotes',
] as const;
const fields = (d: object) =>
  Object.fromEntries(FIELDS.map((k) => [k, (d as Record<string, unknown>)[k] ?? null]));

function roundTrip(file: string) {
  const x = parseExhibit(readFileSync(file, 'utf8'), file);
  const text = renderExhibit(x);
  const back = parseExhibit(text, 'rendering.txt');
  return { x, back, text };
}

describe.skipIf(!corpusAvailable)('parse(render(x)) = x on real exhibits', () => {
  it.each([
    // titles naming the parties to the agreement
    ['02_aim-taxexempt-MDA-classAC-amend1-2001.txt', 'agreement-amendment'],
    ['07_aim-taxexempt-MDA-classA-A3-C-amend2-2002.txt', 'agreement-amendment'],
    // schedules filed on their own
    ['03_pacificlife-classB-scheduleA-2001.txt', 'schedule'],
    ['10_heritage-classA-scheduleA-2003.txt', 'schedule'],
    ['11_heritage-classC-scheduleA-2003.txt', 'schedule'],
    ['htm_rendered/23_mainstay-funds-trust-classC-scheduleA-2015.txt', 'schedule'],
    ['htm_rendered/24_usaa-adviser-shares-scheduleA-2018.txt', 'schedule'],
  ])('%s (%s) reads back as it was read, title and kind included', (name, kind) => {
    const { x, back, text } = roundTrip(join(corpusDir, name));
    expect(x.kind).toBe(kind);
    expect(back.rendering).toBe(true);
    expect(fields(back), text).toEqual(fields(x));
  });

  it('a schedule on its own keeps its dates as such a schedule gives them', () => {
    // Heritage: "Dated: March 29, 1993, as amended on August 30, 2002 and on November 14, 2003."
    const { x, text } = roundTrip(join(corpusDir, '10_heritage-classA-scheduleA-2003.txt'));
    expect([x.instrument.datedAsOf, x.effectiveDate, x.datedDate]).toEqual([
      '1993-03-29',
      '2003-11-14',
      '2003-11-14',
    ]);
    expect(text).toContain('Dated: March 29, 1993, as amended on November 14, 2003.');
    expect(text).not.toMatch(/SECTION 1\./);
  });
});

describe.skipIf(!seedsAvailable)('parse(render(x)) = x on the seeds', () => {
  it('every seed reads back whole, in the seeds’ own layout', () => {
    for (const f of seedFiles().filter((f) => f.endsWith('.txt'))) {
      const { x, back, text } = roundTrip(f);
      expect(fields(back), f).toEqual(fields(x));
      expect(text, f).toMatch(/SECTION 1\.|AMENDMENT NO\./);
    }
  });
});
