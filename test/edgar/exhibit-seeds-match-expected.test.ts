import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { seedsAvailable, seedsDir } from '../support/seeds.js';
import { seedTexts } from './exhibitFixtures.js';

/** SPEC §2.1 / seeds INDEX.md: every output contains the expected.json record exactly. */
describe.skipIf(!seedsAvailable)('each seed exhibit yields its expected.json record', () => {
  const expected = seedsAvailable
    ? (JSON.parse(readFileSync(join(seedsDir, 'expected.json'), 'utf8')) as Record<
        string,
        Record<string, unknown>
      >)
    : {};
  const seeds = seedTexts();

  for (const [file, want] of Object.entries(expected)) {
    it(`${file}: every field of the expected record, entries in document order`, () => {
      const seed = [...seeds.values()].find((s) => s.file === file);
      expect(seed, `seed ${file}`).toBeDefined();
      const doc = parseExhibit(seed!.text, file) as unknown as Record<string, unknown>;
      for (const [field, value] of Object.entries(want)) {
        if (field === 'instrument') expect(doc.instrument).toMatchObject(value as object);
        else if (field === 'schedules') {
          const schedules = doc.schedules as {
            name: string;
            replacesEntirely: boolean;
            entries: unknown[];
          }[];
          const wantSchedules = value as { name: string; replacesEntirely: boolean; entries: object[] }[];
          expect(schedules.map((s) => s.name)).toEqual(wantSchedules.map((s) => s.name));
          wantSchedules.forEach((ws, i) => {
            expect(schedules[i]!.replacesEntirely).toBe(ws.replacesEntirely);
            expect(schedules[i]!.entries).toHaveLength(ws.entries.length);
            ws.entries.forEach((we, j) => {
              expect(schedules[i]!.entries[j]).toMatchObject(we);
            });
          });
        } else expect(doc[field], field).toEqual(value);
      }
    });
  }
});
