import { describe, expect, it } from 'vitest';
import { htmlCellText } from '../../src/edgar/htmlText.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// An Invesco-style HTML amendment (SPEC §2.1: exhibits filed as .htm are read as .txt ones are).
// What it must yield is read off the document by hand: Amendment No. 4, effective April 30, 2022,
// one Class C fund at 0.75 / 0.25 / 1.00 under the group heading.
function amendment(tableRows: string, around: (table: string) => string = (t) => t): string {
  const table = `<table>
<tr><td>Portfolio</td><td>Share Class</td><td>Maximum Asset<br>Based Sales<br>Charge</td><td>Maximum<br>Shareholder<br>Services Fee</td><td>Maximum<br>Aggregate Fee</td></tr>
${tableRows}
<tr><td>Invesco Small Cap Growth Fund</td><td>Class C</td><td>0.75%</td><td>0.25%</td><td>1.00%&#8221;</td></tr>
</table>`;
  return `<p align="center"><b>AMENDMENT NO. 4<br>TO<br>DISTRIBUTION AND SERVICE PLAN (COMPENSATION)<br>CLASS C SHARES</b></p>
<p>The Distribution and Service Plan (the &#8220;Plan&#8221;), dated as of May 24, 2019, pursuant to Rule 12b-1, is hereby amended, effective April&nbsp;30, 2022, as follows:</p>
<p>NOW THEREFORE, Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:</p>
<p align="center">&#8220;SCHEDULE A</p>
<p align="center">AIM GROWTH SERIES (INVESCO GROWTH SERIES)</p>
${around(table)}
<p>All other terms and provisions of the Plan not amended herein shall remain in full force and effect.</p>`;
}

const SMALL_CAP = {
  registrant: 'AIM GROWTH SERIES (INVESCO GROWTH SERIES)',
  portfolio: 'Invesco Small Cap Growth Fund',
  class: 'C',
  assetBasedSalesChargePct: '0.75',
  assetBasedSalesChargeBound: 'maximum',
  serviceFeePct: '0.25',
  aggregateFeePct: '1.00',
};

describe('hostile HTML exhibits are read as a browser shows them, in linear time', () => {
  it('200,000 nested unclosed <font> tags and 100,000 end tags matching nothing are read at once', () => {
    // htmlparser2's Parser prepends every open element to an array and searches it for every end
    // tag: this document (2.4 MB) took it minutes; the tokenizer alone reads it in a pass
    const html = `<html><body>${amendment('', (t) => `${'<font size=2>'.repeat(200_000)}${t}`)}${'<span>'.repeat(100_000)}${'</div>'.repeat(100_000)}</body></html>`;
    const doc = parseExhibit(html, 'nested.htm');
    expect(doc).toMatchObject({ kind: 'plan-amendment', amendmentNumber: 4, effectiveDate: '2022-04-30' });
    expect(doc.schedules.map((s) => s.entries)).toEqual([[SMALL_CAP]]);
  });

  it('a <head> whose end tag is missing ends where the body’s first block begins', () => {
    // "<HTML><HEAD><TITLE>…</TITLE>" straight into "<P …>": once the whole document was head
    const html = `<HTML><HEAD><TITLE>EX-99.M</TITLE>\n${amendment('')}`;
    expect(htmlCellText(html).split('\n')[0]).toBe('AMENDMENT NO. 4');
    const doc = parseExhibit(html, 'headless.htm');
    expect(doc.schedules.map((s) => s.entries)).toEqual([[SMALL_CAP]]);
  });

  it('rows inside comments, scripts and styles are never entries', () => {
    const fake = (name: string) =>
      `<tr><td>${name}</td><td>Class C</td><td>0.75%</td><td>0.25%</td><td>1.00%</td></tr>`;
    const html = `<html><head><style>td:after{content:"x"}</style></head><body>${amendment(
      `<!-- ${fake('Invesco Comment Fund')} -->
<script>document.write('${fake('Invesco Script Fund')}');</script>
<style>/* ${fake('Invesco Style Fund')} */</style>`,
    )}<!-- <p>&#8220;SCHEDULE A</p><table>${fake('Invesco Second Comment Fund')}</table> --></body></html>`;
    const doc = parseExhibit(html, 'hidden.htm');
    expect(doc.schedules.map((s) => s.entries)).toEqual([[SMALL_CAP]]);
  });

  it('a <script/> or <title/> written self-closed hides nothing after it', () => {
    expect(
      htmlCellText('<head><title/></head><script src="x.js"/><p>A</p><table><tr><td>Fund</td></tr></table>'),
    ).toBe('A\n|Fund\n');
  });

  it.each(['&#0;', '&#xD800;', '&#99999999;', '\uFFFD'])(
    'a name holding %s (read as U+FFFD, a character lost) is refused on its line, not recorded as another portfolio',
    (mark) => {
      const html = amendment(
        `<tr><td>Invesco Summit${mark} Fund</td><td>Class C</td><td>0.75%</td><td>0.25%</td><td>1.00%</td></tr>`,
      );
      let error: unknown;
      try {
        parseExhibit(html, 'lost.htm');
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({
        name: 'ExhibitParseError',
        file: 'lost.htm',
        line: 8,
        reason: expect.stringContaining('the portfolio name "Invesco Summit\uFFFD Fund" holds U+FFFD'),
      });
      // the same row without the mark is read
      const doc = parseExhibit(
        amendment(
          '<tr><td>Invesco Summit Fund</td><td>Class C</td><td>0.75%</td><td>0.25%</td><td>1.00%</td></tr>',
        ),
        'ok.htm',
      );
      expect(doc.schedules[0]!.entries.map((e) => e.portfolio)).toEqual([
        'Invesco Summit Fund',
        'Invesco Small Cap Growth Fund',
      ]);
    },
  );
});
