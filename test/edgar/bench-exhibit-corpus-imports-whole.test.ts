import { describe, expect, it } from 'vitest';
import { generateExhibitCorpus } from '../../bench/exhibitCorpus.js';
import { importableDocument } from '../../src/edgar/importableDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

/**
 * The exhibit-import benchmark imports the generated corpus (`bench/exhibitImportBench.ts`: 1,000
 * exhibits of seed 7): every one of them must be a document the reader takes whole, or the
 * benchmark measures a refusal (it did: a title naming a class that no schedule reached reads as a
 * document cut short, and the import refused it).
 */
describe('the benchmark’s generated exhibits', () => {
  it('are each read whole and importable, as the import benchmark imports them', () => {
    const refused: string[] = [];
    for (const { name, text } of generateExhibitCorpus(1000, 7)) {
      try {
        importableDocument(parseExhibit(text, name), name);
      } catch (e) {
        refused.push(`${name}: ${(e as Error).message.slice(0, 200)}`);
      }
    }
    expect(refused).toEqual([]);
  });
});
