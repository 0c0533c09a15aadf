import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importableDocument } from '../../src/edgar/importableDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';

/**
 * Filings break pages anywhere: Amendment No. 6 (seed 001) with a page break (page number and
 * `<PAGE>`) inside its footnote's sentence reads the footnote whole, as without the break; a break
 * after a footnote's sentence has ended does not join what follows to it.
 */
describe.skipIf(!seedsAvailable)('a footnote across a page break', () => {
  const file = seedFiles().find((f) => f.includes('001_'))!;
  const text = readFileSync(file, 'utf8');
  const footnote =
    'The Distribution Fee is payable apart from the sales charge, if any, as stated in the current prospectus for the applicable Portfolio (or Class thereof).';
  const pageBreak = ['', '                                       4', '<PAGE>', ''];

  it('is read whole when the break falls inside its sentence', () => {
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('payable apart from the sales charge'));
    expect(at).toBeGreaterThan(0);
    const broken = [...lines.slice(0, at + 1), ...pageBreak, ...lines.slice(at + 1)].join('\n');
    const whole = importableDocument(parseExhibit(text, 'seed-001.txt'), 'seed-001.txt');
    const read = importableDocument(parseExhibit(broken, 'seed-001-broken.txt'), 'seed-001-broken.txt');
    expect(whole.footnotes).toEqual([footnote]);
    expect(read.footnotes).toEqual([footnote]);
    expect(read.schedules).toEqual(whole.schedules);
  });

  it('is not joined to what follows when its sentence ended before the break', () => {
    const lines = text.split('\n');
    const end = lines.findIndex((l) => l.includes('thereof)."'));
    expect(end).toBeGreaterThan(0);
    const broken = [...lines.slice(0, end + 1), ...pageBreak, ...lines.slice(end + 1)].join('\n');
    const read = importableDocument(parseExhibit(broken, 'seed-001-broken.txt'), 'seed-001-broken.txt');
    expect(read.footnotes).toEqual([footnote]);
  });
});
