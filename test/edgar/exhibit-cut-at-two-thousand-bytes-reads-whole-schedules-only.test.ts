import { describe, expect, it } from 'vitest';
import { exhibitText } from '../../src/edgar/exhibitBytes.js';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { CUT_AT_2000_BYTES_EXHIBITS } from './cutAtTwoThousandBytesExhibits.js';

// SPEC §2.1: an exhibit kept as its first 2,000 bytes (the corpus's excerpts) reads as its
// hand-worked reading says when its schedule is whole, wherever after it the cut falls; cut
// inside a schedule, it reads only in part — refused, or read with the gap named — never shortened.
describe('exhibits cut at 2,000 bytes as the corpus keeps them', () => {
  for (const { file, text, tailBytes, cut, expected } of CUT_AT_2000_BYTES_EXHIBITS) {
    it(file, () => {
      const bytes = Buffer.concat([
        Buffer.from(text, 'utf8'),
        Buffer.from(tailBytes ?? []),
        Buffer.from('\n'),
      ]);
      // the corpus's cut: 2,000 bytes of the filing and one newline
      if (cut) expect(bytes.length).toBe(2001);
      let doc: ReturnType<typeof parseExhibit>;
      try {
        doc = parseExhibit(exhibitText(bytes), file);
      } catch (e) {
        expect(e).toBeInstanceOf(ExhibitParseError);
        expect('readsOnlyInPart' in expected).toBe(true);
        return;
      }
      if ('readsOnlyInPart' in expected) {
        expect(doc.completeness.complete).toBe(false);
        expect(doc.completeness.gaps.map((g) => g.reason).join('\n')).toContain(expected.readsOnlyInPart);
        return;
      }
      expect({
        kind: doc.kind,
        amendmentNumber: doc.amendmentNumber,
        effectiveDate: doc.effectiveDate,
        instrument: {
          kind: doc.instrument.kind,
          classes: doc.instrument.classes,
          datedAsOf: doc.instrument.datedAsOf,
          registrant: doc.instrument.registrant,
        },
        schedules: doc.schedules.map((s) => ({
          name: s.name,
          replacesEntirely: s.replacesEntirely,
          entries: s.entries.map((e) => ({
            registrant: e.registrant,
            portfolio: e.portfolio,
            class: e.class,
            assetBasedSalesChargePct: e.assetBasedSalesChargePct,
            serviceFeePct: e.serviceFeePct,
            aggregateFeePct: e.aggregateFeePct,
          })),
        })),
        renames: doc.renames,
        complete: doc.completeness.complete,
      }).toEqual(expected);
    });
  }
});

describe('a UTF-8 document cut inside its last character', () => {
  it('loses that character, and the rest stays UTF-8', () => {
    // "Fund’s" cut after the first two of the three bytes of ’ (E2 80 99)
    expect(exhibitText(Uint8Array.from([...Buffer.from('“A” Fund'), 0xe2, 0x80, 0x0a]))).toBe('“A” Fund\n');
    expect(exhibitText(Uint8Array.from([...Buffer.from('A Fund'), 0xe2, 0x80, 0x0a]))).toBe('A Fund\n');
  });
  it('a Windows-1252 document is still read as Windows-1252, its last letter too', () => {
    // 0x93 0x94 are “ ”: no UTF-8 anywhere; a lone 0xE9 after ASCII is é
    expect(exhibitText(Uint8Array.from([0x93, 0x41, 0x94, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]))).toBe(
      '“A” Café\n',
    );
    expect(exhibitText(Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x0a]))).toBe('Café\n');
  });
});
