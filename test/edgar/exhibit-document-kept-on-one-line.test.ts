import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { relinedFlattenedText } from '../../src/edgar/flattenedText.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { seedsAvailable } from '../support/seeds.js';
import { rows, seedTexts } from './exhibitFixtures.js';

// Some renderings of EDGAR .txt pages keep the whole document on one line, after the filing's
// document header (type, sequence, file name, description). The reader breaks it into lines again
// at its structure; where the structure is lost (lists printed side by side) it refuses.
const flat = (text: string) => `${text.replace(/\s+/g, ' ').trim()}\n`;

const appendixAmendment = flat(`EX-99.E4 6 k5521ex99-e4.txt AMEND.NO.2 TO 1ST AMENDED MASTER DISTRIBUTION AGMT
EXHIBIT e(4)
AMENDMENT NO. 2 TO THE FIRST AMENDED AND RESTATED MASTER DISTRIBUTION AGREEMENT
(CLASS A SHARES AND CLASS C SHARES)
The First Amended and Restated Master Distribution Agreement (the "Agreement"), dated June 1,
2001, by and between Tamarack Ridge Funds, a Delaware business trust, and Tamarack Distributors,
Inc., a Delaware corporation, is hereby amended as follows:
1. The following paragraph is added at the end of Section FOURTH: (A): "The public offering price
of the Institutional Class shares of the Trust shall be the net asset value per share."
2. Appendix A to the Agreement is hereby deleted in its entirety and replaced with the following:
"APPENDIX A TO FIRST AMENDED AND RESTATED MASTER DISTRIBUTION AGREEMENT OF TAMARACK RIDGE FUNDS
CLASS A SHARES -------------- Tamarack Basin Value Fund Tamarack High Yield Fund Tamarack High Yield
Fund II Tamarack Summit Growth Fund
CLASS C SHARES -------------- Tamarack Basin Value Fund Tamarack Summit Growth Fund
INSTITUTIONAL CLASS SHARES -------------------------- Tamarack Summit Growth Fund"
All other terms and provisions of the Agreement not amended herein shall remain in full force and effect.
Dated: April 9, 2003 TAMARACK RIDGE FUNDS Attest: /s/ JANE ROE By: /s/ JOHN DOE
----------------------------- Assistant Secretary`);

describe('a text exhibit kept on one line', () => {
  it('is read as the document it is: its title, dates, Registrant and every list entry', () => {
    const doc = parseExhibit(appendixAmendment, 'one-line.txt');
    expect(doc.kind).toBe('agreement-amendment');
    expect(doc.exhibit).toBe('e(4)');
    expect(doc.amendmentNumber).toBe(2);
    expect(doc.effectiveDate).toBe('2003-04-09');
    expect(doc.instrument).toMatchObject({ kind: 'agreement', datedAsOf: '2001-06-01', classes: ['A', 'C'] });
    expect(doc.schedules.map((s) => [s.name, s.replacesEntirely])).toEqual([['Appendix A', true]]);
    expect(
      rows(doc)
        .map((r) => r.split(' | ').slice(1, 3).join(' '))
        .sort(),
    ).toEqual(
      [
        'Tamarack Basin Value Fund A',
        'Tamarack High Yield Fund A',
        'Tamarack High Yield Fund II A',
        'Tamarack Summit Growth Fund A',
        'Tamarack Basin Value Fund C',
        'Tamarack Summit Growth Fund C',
        'Tamarack Summit Growth Fund Institutional',
      ].sort(),
    );
    expect(doc.warnings[0]).toMatch(/keeps the document on one line/);
    expect(doc.completeness.complete).toBe(true);
  });

  it('lists printed side by side cannot be told apart once on one line: refused, saying why', () => {
    const sideBySide = appendixAmendment.replace(
      'CLASS A SHARES -------------- Tamarack Basin Value Fund',
      'CLASS A SHARES CLASS C SHARES -------------- -------------- Tamarack Basin Value Fund',
    );
    expect(() => parseExhibit(sideBySide, 'side-by-side.txt')).toThrow(ExhibitParseError);
    expect(() => parseExhibit(sideBySide, 'side-by-side.txt')).toThrow(/side by side/);
  });

  it('cut inside its list: read only in part, never a shorter list taken as whole', () => {
    const cut = appendixAmendment.slice(0, appendixAmendment.indexOf('CLASS C SHARES --') + 40);
    const doc = parseExhibit(cut, 'cut.txt');
    expect(doc.completeness.complete).toBe(false);
  });

  it('a document filed with its lines, or cells of an HTML rendering, is left as it is', () => {
    expect(relinedFlattenedText('AMENDMENT NO. 1\nTO THE PLAN\n')).toBeNull();
    expect(relinedFlattenedText(`|${'Tamarack Basin Value Fund |0.25 |% '.repeat(40)}`)).toBeNull();
  });

  it.skipIf(!seedsAvailable)(
    'a seed kept on one line reads as filed, or is refused: never read otherwise',
    () => {
      for (const { file, text } of seedTexts().values()) {
        const asFiled = parseExhibit(text, file);
        let oneLine: ReturnType<typeof parseExhibit> | null = null;
        try {
          oneLine = parseExhibit(flat(text.replace(/<[^>]*>/g, ' ')), file);
        } catch (e) {
          expect(e, file).toBeInstanceOf(ExhibitParseError);
        }
        if (oneLine?.completeness.complete) expect(rows(oneLine), file).toEqual(rows(asFiled));
      }
    },
  );
});
