import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LAYOUT_VARIANTS, layoutVariant } from '../../bench/exhibitCorpus.js';
import type { ExhibitDocument, ParsedExhibit } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { seedsAvailable } from '../support/seeds.js';
import { exhibitDocumentArb } from './exhibitArbitraries.js';
import { seedTexts } from './exhibitFixtures.js';

/** The fields parse(render(x)) = x covers (SPEC §2.1); title, exhibit label, footnotes and warnings are not. */
function covered(doc: ExhibitDocument | ParsedExhibit) {
  return {
    kind: doc.kind,
    instrument: doc.instrument,
    amendmentNumber: doc.amendmentNumber,
    effectiveDate: doc.effectiveDate,
    datedDate: doc.datedDate,
    terms: doc.terms,
    schedules: doc.schedules,
    renames: doc.renames,
    renameRules: doc.renameRules,
  };
}

describe('parseExhibit(renderExhibit(x)) deep-equals x', () => {
  it('for generated documents (kind, instrument, amendment number, dates, terms, schedules, renames, rules)', () => {
    fc.assert(
      fc.property(exhibitDocumentArb, (doc) => {
        expect(covered(parseExhibit(renderExhibit(doc), 'rendered.txt'))).toEqual(covered(doc));
      }),
      { numRuns: 300 },
    );
  });

  it('for generated documents in every layout variant (lower-case tags, no tags, collapsed whitespace, page breaks)', () => {
    fc.assert(
      fc.property(exhibitDocumentArb, fc.constantFrom(...LAYOUT_VARIANTS), (doc, variant) => {
        const text = layoutVariant(renderExhibit(doc), variant);
        expect(covered(parseExhibit(text, `${variant}.txt`))).toEqual(covered(doc));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps footnotes and the exhibit label', () => {
    fc.assert(
      fc.property(exhibitDocumentArb, (doc) => {
        const withNote = {
          ...doc,
          footnotes: ['The Distribution Fee is payable apart from the sales charge, if any.'],
        };
        const back = parseExhibit(renderExhibit(withNote), 'note.txt');
        expect(back.footnotes).toEqual(withNote.footnotes);
        expect(back.exhibit).toBe(doc.exhibit);
      }),
      { numRuns: 50 },
    );
  });

  it.skipIf(!seedsAvailable)('each seed, parsed, rendered and parsed again, has the same schedules', () => {
    for (const { file, text } of seedTexts().values()) {
      const doc = parseExhibit(text, file);
      const again = parseExhibit(renderExhibit(doc), file);
      expect(again.schedules, file).toEqual(doc.schedules);
      expect(covered(again), file).toEqual(covered(doc));
      // the title as read: seed 004 is "Amendment No. 2 to Amended and Restated …", without "the"
      expect(again.title, file).toBe(doc.title);
    }
  });
});
