import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// SPEC §2.1, real-exhibits-15 01 (JNL Series Trust's distribution agreement amendment, 2016): the
// schedule's rate column headed "Maximum" / "12b-1 Fee1" (a footnote's digit glued to "Fee"), each
// fund's classes stacked in one cell ("Class A" / "Class B") beside their rates ("0.20%" / "None"),
// and the amending clause "is hereby deleted and replaced in its entirety". Invented fixture in the
// rendered-HTML style.
const TEXT = `Amendment to Alder Series Trust
Distribution Agreement
Whereas, the Board of Trustees of the Trust has approved a new Fund.
|1.
|Schedule A to the Agreement is hereby deleted and replaced in its entirety with Schedule A dated March 1, 2018, attached hereto.
Schedule A
|
Fund
|
Class
|
Maximum
12b-1 Fee1
|
Alder Bond Fund
|
Class A
Class B
|
0.20%
None
|
Alder Alt 20 Fund
|
Class A
|
None
`;

describe('stacked class and rate cells under "Maximum" / "12b-1 Fee1"', () => {
  it('reads each class its rate — the footnote digit no part of the heading, "None" no fee', () => {
    // was refused: "a rate (0.20%) with no column heading above it" ("Fee1" named no fee)
    const doc = parseExhibit(TEXT, 'alder-jnl.htm');
    expect(
      doc.schedules[0]!.entries.map((e) => [e.portfolio, e.class, e.serviceFeePct, e.aggregateFeePct]),
    ).toEqual([
      ['Alder Bond Fund', 'A', null, '0.20'],
      ['Alder Bond Fund', 'B', null, '0.00'],
      ['Alder Alt 20 Fund', 'A', null, '0.00'],
    ]);
  });

  it('reads "is hereby deleted and replaced in its entirety" as the amending clause', () => {
    // was read as a schedule filed on its own (no "hereby amended" in the body)
    const doc = parseExhibit(TEXT, 'alder-jnl.htm');
    expect(doc.kind).toBe('agreement-amendment');
    // "Amendment to Alder Series Trust / Distribution Agreement": the trust is the Registrant, not a
    // word of the agreement's title
    expect(doc.instrument).toMatchObject({
      title: 'Distribution Agreement',
      registrant: 'Alder Series Trust',
    });
    expect(doc.schedules.map((s) => [s.name, s.replacesEntirely])).toEqual([['Schedule A', true]]);
    // …and JNL's later wording, its "in its entirety" between commas
    const commas = parseExhibit(
      TEXT.replace(
        'deleted and replaced in its entirety with',
        'deleted and replaced, in its entirety, with',
      ),
      'alder-jnl-2022.htm',
    );
    expect(commas.kind).toBe('agreement-amendment');
    expect(commas.schedules.map((s) => [s.name, s.replacesEntirely])).toEqual([['Schedule A', true]]);
  });

  it('keeps such an amendment cut before the schedule it replaces incomplete, saying so', () => {
    // the clause replaces Schedule A, the excerpt ends before it: nothing to record, and the gap says
    // why (SPEC §2.1: read only in part), as for every amendment cut before its schedule
    const cut = TEXT.slice(0, TEXT.indexOf('Schedule A\n|'));
    const doc = parseExhibit(cut, 'alder-jnl-cut.htm');
    expect(doc.kind).toBe('agreement-amendment');
    expect(doc.schedules).toEqual([]);
    expect(doc.completeness.complete).toBe(false);
    expect(doc.completeness.gaps).toContainEqual(
      expect.objectContaining({
        fact: 'text',
        schedule: 'Schedule A',
        reason:
          'Schedule A is replaced "with Schedule A dated March 1, 2018, attached hereto", but the document does not contain it',
      }),
    );
  });
});
