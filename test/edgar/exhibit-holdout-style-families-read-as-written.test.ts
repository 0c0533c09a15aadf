import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { rows } from './exhibitFixtures.js';
import { HOLDOUT_STYLE_EXHIBITS } from './holdoutStyleExhibits.js';

// SPEC §2.1: each exhibit reads as its hand-worked reading says, field by field, or is refused
// naming its file and the line it cannot read — never misread, never a bug.
describe('exhibits in the holdout families’ styles with layouts the corpus does not show', () => {
  for (const { file, about, text, expected } of HOLDOUT_STYLE_EXHIBITS) {
    it(`${file}: ${about}`, () => {
      if ('refusedAtLine' in expected) {
        let error: unknown;
        try {
          parseExhibit(text, file);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(ExhibitParseError);
        expect(error).toMatchObject({ file, line: expected.refusedAtLine });
        expect((error as ExhibitParseError).reason).toContain(expected.reason);
        return;
      }
      const doc = parseExhibit(text, file);
      expect(rows(doc)).toEqual(expected.rows);
      expect(doc.schedules.map((s) => [s.name, s.replacesEntirely, s.entries.length])).toEqual(
        expected.schedules,
      );
      expect({
        kind: doc.kind,
        amendmentNumber: doc.amendmentNumber,
        effectiveDate: doc.effectiveDate,
        registrant: doc.instrument.registrant,
        classes: doc.instrument.classes,
        renames: doc.renames,
        footnotes: doc.footnotes,
        complete: doc.completeness.complete,
      }).toEqual({
        kind: expected.kind,
        amendmentNumber: expected.amendmentNumber,
        effectiveDate: expected.effectiveDate,
        registrant: expected.registrant,
        classes: expected.classes,
        renames: expected.renames,
        footnotes: expected.footnotes,
        complete: expected.complete,
      });
      if (expected.datedDate !== undefined) expect(doc.datedDate).toBe(expected.datedDate);
      if (expected.datedAsOf !== undefined) expect(doc.instrument.datedAsOf).toBe(expected.datedAsOf);
    });
  }
});
