import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ParsedExhibit } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { seedFiles } from '../support/seeds.js';
import { roundTripFields as fields } from './roundTripFields.js';

/**
 * SPEC §2.1 parse(render(x)) = x on four real exhibits of fixtures/real-exhibits-9 whose renderings
 * did not read back: a Series II plan (a class no "PORTFOLIO - …" label names), two Invesco plan
 * titles that capitals in the seeds' layout do not give back (words after the plan's name,
 * "(Reimbursement)", the filing's "Class AXShares"), and an amendment cut at its schedule's heading.
 * Each rendering stays marked as one (import refuses it).
 */

const dir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'real-exhibits-9');
const parsed = (name: string): ParsedExhibit => {
  const f = join(dir, name);
  return parseExhibit(readFileSync(f, 'utf8'), f);
};

function renderedAndBack(x: ParsedExhibit): { text: string; back: ParsedExhibit } {
  const text = renderExhibit(x);
  const back = parseExhibit(text, 'rendering.txt');
  expect(back.rendering).toBe(true);
  expect(fields(back), text).toEqual(fields(x));
  return { text, back };
}

describe('exhibit render reads back the real exhibits of real-exhibits-9', () => {
  it('a Series II schedule names its class "(SERIES II SHARES)" under its heading, as filed', () => {
    const x = parsed('07_aim-variable-insurance-funds-seriesII-plan-amend6-2005.txt');
    expect(x.schedules[0]!.entries.map((e) => e.class)).toEqual(['Series II', 'Series II']);
    const { text, back } = renderedAndBack(x);
    const lines = text.split('\n').map((l) => l.trim());
    expect(lines).toContain('(SERIES II SHARES)');
    // "PORTFOLIO - CLASS Series II SHARES" was read as a row without rates
    expect(text).not.toMatch(/CLASS Series II/);
    expect(back.schedules[0]!.entries.map((e) => `${e.portfolio} ${e.assetBasedSalesChargePct}`)).toEqual([
      'AIM V.I. Aggressive Growth Fund 0.25',
      'AIM V.I. Basic Balanced Fund 0.25',
    ]);
  });

  it('a plan title with words after the plan name and "(Reimbursement)" comes back whole', () => {
    const x = parsed('htm_rendered/08_invesco-plan-of-distribution-classABC-reimbursement-amend4-2011.txt');
    const { back } = renderedAndBack(x);
    expect(back.title).toBe(
      'Amendment No. 4 to Plan of Distribution Pursuant to Rule 12b-1 (Class A Shares, Class B Shares, Class C Shares) (Reimbursement)',
    );
    expect(back.instrument.title).toBe('Plan of Distribution');
  });

  it('a title part in the filing letters ("Class AXShares") is printed as filed and comes back so', () => {
    const x = parsed('htm_rendered/23_invesco-plan-of-distribution-reimbursement-amend5-typo-1010-2012.txt');
    const { text, back } = renderedAndBack(x);
    expect(text).toContain('Class AXShares');
    expect(back.title).toContain('(Class A Shares, Class AXShares, Class B Shares');
    expect(back.title.endsWith('(Reimbursement)')).toBe(true);
    expect(back.instrument.classes).toEqual(['A', 'AX', 'B', 'BX', 'C', 'CX', 'R', 'RX']);
  });

  it('an amendment cut at the heading of its schedule renders cut there and reads back cut', () => {
    const x = parsed(
      'htm_rendered/24_invesco-MDA-classB-B5-second-restated-amend3-schedule-after-signatures-2010.txt',
    );
    expect(x.schedules).toEqual([{ name: 'Schedule A', replacesEntirely: true, entries: [] }]);
    const { text, back } = renderedAndBack(x);
    // the schedule comes after the date line and the document stops inside it, its quote open
    const lines = text.trimEnd().split('\n');
    expect(lines.findIndex((l) => l.startsWith('Dated: October 29, 2010'))).toBeLessThan(
      lines.indexOf('|"SCHEDULE A'),
    );
    expect(lines[lines.length - 1]).toBe('|(CLASS B SHARES AND CLASS B5 SHARES)');
    // still read only in part: import refuses it as it refused the filing
    expect(back.completeness.complete).toBe(false);
    expect(back.completeness.gaps.map((g) => g.schedule)).toEqual(['Schedule A']);
  });

  it('a plan or agreement cut before its first entry is rendered without an amending sentence', () => {
    // the seeds' plan and agreement, read as if cut at their first schedule's heading
    const whole = seedFiles()
      .map((f) => parseExhibit(readFileSync(f, 'utf8'), f))
      .filter((x) => x.kind === 'plan' || x.kind === 'agreement');
    expect(whole.map((x) => x.kind).sort()).toEqual(['agreement', 'plan']);
    for (const w of whole) {
      const x = { ...w, footnotes: [], schedules: [{ ...w.schedules[0]!, entries: [] }] };
      const { text, back } = renderedAndBack(x);
      // "NOW THEREFORE, … is hereby deleted …" is an amendment's; a plan adopts its schedule
      expect(text).not.toMatch(/NOW THEREFORE|hereby amended|attached to this amendment/);
      expect(back.completeness.complete).toBe(false);
    }
  });
});
