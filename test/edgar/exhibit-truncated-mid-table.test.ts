import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { seedsAvailable } from '../support/seeds.js';
import { seedTexts } from './exhibitFixtures.js';

describe.skipIf(!seedsAvailable)(
  'a document cut off inside a schedule: what is complete, and a typed completeness gap import refuses',
  () => {
    const seed = () => seedTexts().get('000')!;

    it('cut after a complete row: the rows before it and "document ends inside Schedule A after N entries"', () => {
      const { text, file } = seed();
      const cut = text.slice(0, text.indexOf('AIM Global Equity Fund'));
      const doc = parseExhibit(cut, file);
      const names = doc.schedules[0]!.entries.map((e) => e.portfolio);
      expect(names[names.length - 1]).toBe('AIM Conservative Allocation Fund');
      expect(names).toHaveLength(13);
      expect(doc.completeness.complete).toBe(false);
      expect(doc.completeness.gaps).toEqual([
        expect.objectContaining({
          fact: 'text',
          schedule: 'Schedule A',
          reason: expect.stringMatching(/^document ends inside Schedule A after 13 entries; /),
        }),
      ]);
    });

    it('a partially cut last row ("… 0.25%   0.2") is dropped and named in the warning', () => {
      const { text, file } = seed();
      const at = text.indexOf('AIM Global Equity Fund');
      const cut = text.slice(0, text.indexOf('0.50%', at) - 3);
      const doc = parseExhibit(cut, file);
      expect(doc.schedules[0]!.entries).toHaveLength(13);
      expect(doc.completeness.gaps[0]!.reason).toMatch(/after 13 entries; .*line \d+/);
    });

    it('a last row cut inside its last rate ("0.5") is not read as 0.50', () => {
      const { text, file } = seed();
      const at = text.indexOf('AIM Global Equity Fund');
      const cut = text.slice(0, text.indexOf('0.50%', at) + 3);
      const doc = parseExhibit(cut, file);
      expect(doc.schedules[0]!.entries).toHaveLength(13);
      expect(doc.completeness.gaps[0]!.reason).toMatch(/may be cut off/);
    });

    it('cut before the first row of the schedule: an error naming the last line', () => {
      const { text, file } = seed();
      const cut = text.slice(0, text.indexOf('AIM Capital Development Fund'));
      expect(() => parseExhibit(cut, file)).toThrow(/document ends inside Schedule A before its first entry/);
    });

    it('a plain list cut inside a name keeps the names before it (Agreement Schedule A-1)', () => {
      const { text, file } = seedTexts().get('003')!;
      const cut = text.slice(0, text.indexOf('AIM Libra Fund') + 7);
      const doc = parseExhibit(cut, file);
      const names = doc.schedules[0]!.entries.map((e) => e.portfolio);
      expect(names[names.length - 1]).toBe('AIM Global Science and Technology Fund');
      expect(doc.completeness.gaps.map((g) => g.reason)).toContainEqual(
        expect.stringMatching(/^document ends inside Schedule A-1 after \d+ entries/),
      );
    });

    it('an amendment cut before its only date (Amendment No. 2 states it on the Dated: line): no date, and cut', () => {
      const { text, file } = seedTexts().get('004')!;
      const cut = text.slice(0, text.indexOf('AIM Libra Fund') + 7);
      const doc = parseExhibit(cut, file);
      expect(doc.effectiveDate).toBeNull();
      expect(doc.completeness.gaps.map((g) => g.fact).sort()).toEqual(['effective-date', 'text']);
    });
  },
);

describe.skipIf(!seedsAvailable)(
  'a row inside a rate table whose rates cannot be read is an error naming its line',
  () => {
    it('reports the 1-based line of the unreadable row', () => {
      const { text, file } = seedTexts().get('001')!;
      const lines = text.split('\n');
      const i = lines.findIndex((l) => l.startsWith('AIM Energy Fund'));
      lines[i] = 'AIM Energy Fund                                  0.20%        n/a        0.45%';
      try {
        parseExhibit(lines.join('\n'), file);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ExhibitParseError);
        expect((e as ExhibitParseError).line).toBe(i + 1);
        expect((e as ExhibitParseError).message).toMatch(
          new RegExp(`^${file}:${i + 1}: Schedule A row could not be read`),
        );
      }
    });

    it('a row with one rate too many is an error too', () => {
      const { text, file } = seedTexts().get('001')!;
      const broken = text.replace(/(AIM Leisure Fund\s+0\.20%\s+0\.25%\s+0\.45%)/, '$1   0.10%');
      expect(() => parseExhibit(broken, file)).toThrow(/more rates than the 3 columns/);
    });
  },
);
