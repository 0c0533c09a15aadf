import { describe, expect, it } from 'vitest';
import { htmlCellLines } from '../../src/edgar/htmlText.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// SPEC §2.1: "A document it cannot read, or reads only in part, gives a clear error naming the
// file and line". For an .htm that is the line of the file the user opens, not of the text the
// reader renders it to (a Word table row holds four cells on one line; a title of four <br>
// lines sits on one). Lines counted by hand in the documents below.
const HTML = [
  '<html><head><title>AIM STOCK FUNDS</title></head><body>', // 1
  '<p align=center><b>AMENDMENT NO. 1<br>TO THE<br>MASTER DISTRIBUTION PLAN<br>(CLASS K SHARES)</b></p>', // 2
  '<p>The Master Distribution Plan (the &quot;Plan&quot;), dated as of November 30, 2003, is hereby amended, effective as of', // 3
  'October 15, 2004, as follows:</p>', // 4
  '<p>Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:</p>', // 5
  '<p align=center>&quot;SCHEDULE A</p>', // 6
  '<table>', // 7
  '<tr><td><b>AIM STOCK FUNDS</b></td><td>Minimum Asset<br>Based Sales<br>Charge</td><td>Maximum<br>Service<br>Fee</td><td>Maximum<br>Aggregate<br>Fee</td></tr>', // 8
  '<tr><td>AIM Dynamics Fund</td><td>0.20%</td><td>0.25%</td><td>0.45%</td></tr>', // 9
  '<tr><td>AIM Mid Cap Stock Fund</td><td>N/A</td><td>0.25%</td><td>0.45%&quot;</td></tr>', // 10
  '</table>', // 11
  '<p>Dated: October 15, 2004</p>', // 12
  '</body></html>', // 13
].join('\n');

describe('an HTML exhibit is refused at the line of its file', () => {
  it('a rate cell that is no rate is refused at the file’s line 10, not the rendering’s', () => {
    expect(() => parseExhibit(HTML, 'm3b.htm')).toThrow(/^m3b\.htm:10: .*"N\/A"/);
  });

  it('a blank date is a gap at the file’s line of the "Dated:" paragraph, its reason citing that line', () => {
    const draft = HTML.replace('<td>N/A</td>', '<td>0.20%</td>')
      .replace('effective as of\nOctober 15, 2004, as follows:', 'as follows:')
      .replace('Dated: October 15, 2004', 'Dated: ____________, 2004');
    const doc = parseExhibit(draft, 'draft.htm');
    expect(doc.effectiveDate).toBeNull();
    expect(doc.completeness.gaps.map((g) => g.line)).toEqual([11]);
  });

  it('each rendered line knows the file line its first text comes from', () => {
    const { text, sourceLines } = htmlCellLines(
      '<p>A</p>\n\n<p>B<br>\nC</p>\n<table><tr>\n<td>\nx</td></tr></table>',
    );
    expect(text).toBe('A\nB\nC\n| x\n');
    expect(sourceLines).toEqual([1, 3, 4, 6, 7]);
  });
});
