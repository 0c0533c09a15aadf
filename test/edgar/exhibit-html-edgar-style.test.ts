import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { differences } from './corpusComparison.js';
import { corpusAvailable, corpusExpected, corpusText } from './corpusDocuments.js';
import { corpusAsHtml, preWrapped } from './edgarHtml.js';
import { exhibitDocumentArb } from './exhibitArbitraries.js';

describe('HTML exhibits as filed on EDGAR are read into the same document model (issue 11)', () => {
  it('a hand-written Invesco-style HTML amendment: entities, <br> inside heading cells, "%" in its own cell', () => {
    const html = `<html><head><title>d181181dex99m3d.htm</title></head><body>
<p align="center"><b>AMENDMENT NO. 3<br>TO<br>DISTRIBUTION AND SERVICE PLAN (COMPENSATION)</b></p>
<p align="center">CLASS C SHARES</p>
<p>The Distribution and Service Plan (the &#8220;Plan&#8221;), dated as of May 24, 2019, is hereby amended, dated September&nbsp;30, 2020, as follows:</p>
<p>NOW THEREFORE, Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:</p>
<p align="center">&#8220;SCHEDULE A</p>
<p align="center">AIM SECTOR FUNDS (INVESCO SECTOR FUNDS)</p>
<table><tr><td>Portfolio</td><td>Share Class</td><td>Maximum Asset<br>Based Sales<br>Charge</td><td>Maximum<br>Shareholder<br>Services Fee</td><td>Maximum<br>Aggregate Fee</td></tr>
<tr><td>Invesco Gold &amp; Special Minerals Fund</td><td>Class C</td><td>0.75</td><td>%</td><td>0.25</td><td>%</td><td>1.00</td><td>%&#8221;</td></tr>
</table></body></html>`;
    const doc = parseExhibit(html, 'd181181dex99m3d.htm');
    expect(doc).toMatchObject({ kind: 'plan-amendment', amendmentNumber: 3, effectiveDate: '2020-09-30' });
    expect(doc.completeness.complete).toBe(true);
    expect(doc.schedules[0]).toEqual({
      name: 'Schedule A',
      replacesEntirely: true,
      entries: [
        {
          registrant: 'AIM SECTOR FUNDS (INVESCO SECTOR FUNDS)',
          portfolio: 'Invesco Gold & Special Minerals Fund',
          class: 'C',
          assetBasedSalesChargePct: '0.75',
          assetBasedSalesChargeBound: 'maximum',
          serviceFeePct: '0.25',
          aggregateFeePct: '1.00',
        },
      ],
    });
  });

  it.skipIf(!corpusAvailable)(
    'each corpus HTML exhibit, built back into HTML tables, reads exactly as its rendering and as expected.json says',
    () => {
      const htmlOnes = corpusExpected().filter((w) => w.file.startsWith('htm_rendered/'));
      expect(htmlOnes).toHaveLength(21);
      for (const want of htmlOnes) {
        const rendered = corpusText(want.file);
        const html = corpusAsHtml(rendered);
        const fromHtml = parseExhibit(html, want.file.replace(/\.txt$/, '.htm'));
        const fromRendering = parseExhibit(rendered, want.file.replace(/\.txt$/, '.htm'));
        // the same reading, but for its line numbers: the HTML file's own (SPEC §2.1 "naming the
        // file and line"), each the line of the file that holds the text the rendering's names
        const unlined = (d: typeof fromHtml) => ({
          ...d,
          warnings: d.warnings.map((w) => w.replace(/\bline \d+/g, 'line N')),
          completeness: { ...d.completeness, gaps: d.completeness.gaps.map((g) => ({ ...g, line: 0 })) },
        });
        expect(unlined(fromHtml), want.file).toEqual(unlined(fromRendering));
        const htmlLines = html.split('\n');
        const renderedLines = rendered.split('\n');
        fromHtml.completeness.gaps.forEach((g, k) => {
          const text = renderedLines[fromRendering.completeness.gaps[k]!.line - 1]!.replace(/^\|/, '').trim();
          expect(htmlLines[g.line - 1], `${want.file}: gap ${k}`).toContain(
            text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
          );
        });
        expect(differences(fromHtml, want), want.file).toEqual([]);
      }
    },
  );

  it('`exhibit render` output wrapped in <pre> (an EDGAR text exhibit filed as HTML) reads as the text does', () => {
    fc.assert(
      fc.property(exhibitDocumentArb, (doc) => {
        const text = renderExhibit(doc);
        const fromHtml = parseExhibit(preWrapped(text), 'rendered.htm');
        const fromText = parseExhibit(text, 'rendered.htm');
        expect(fromHtml).toEqual(fromText);
        expect(fromHtml.schedules).toEqual(doc.schedules);
        expect(fromHtml.effectiveDate).toBe(doc.effectiveDate);
      }),
      { numRuns: 100 },
    );
  });
});
