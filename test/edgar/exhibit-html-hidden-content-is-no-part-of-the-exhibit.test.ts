import { describe, expect, it } from 'vitest';
import { hidesElement } from '../../src/edgar/hiddenContent.js';
import { htmlCellText } from '../../src/edgar/htmlText.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// SPEC §2.1: an .htm exhibit is read as filed, that is as EDGAR shows it. Word saves its "hidden"
// font effect as style="display:none;mso-hide:all"; EDGARizer drafts leave template rows in
// <tr style="display: none">, <template> or <noscript>. A browser shows none of it, so none of it
// is a title, a date or an entry. Expected reading, by hand: Amendment No. 2, effective
// 1999-09-01, Schedule A with the two visible Class B rows at 0.75 / 0.25 / 1.00.
function amendment(hidden: string, hiddenTitle = ''): string {
  return `<html><head><title>AIM SERIES TRUST</title></head><body>
${hiddenTitle}
<p align="center"><b>AMENDMENT NO. 2</b></p>
<p align="center"><b>TO THE</b></p>
<p align="center"><b>MASTER DISTRIBUTION PLAN OF AIM SERIES TRUST</b></p>
<p align="center"><b>(CLASS B SHARES)</b></p>
<p>The Master Distribution Plan of AIM Series Trust (the &#147;Plan&#148;), dated as of June 1, 1998, is hereby amended, effective as of September 1, 1999, as follows:</p>
<p>Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:</p>
<p align="center">&#147;SCHEDULE A</p>
<table>
<tr><td>PORTFOLIO</td><td>MAXIMUM ASSET BASED SALES CHARGE</td><td>MAXIMUM SERVICE FEE</td><td>MAXIMUM AGGREGATE FEE</td></tr>
<tr><td>AIM Global Trends Fund</td><td>0.75%</td><td>0.25%</td><td>1.00%</td></tr>
${hidden}
<tr><td>AIM Small Cap Opportunities Fund</td><td>0.75%</td><td>0.25%</td><td>1.00%&#148;</td></tr>
</table>
<p>All other terms and provisions of the Plan not amended herein shall remain in full force and effect.</p>
<p>Dated: September 1, 1999</p>
</body></html>`;
}

const row = (name: string) => `<td>${name}</td><td>0.75%</td><td>0.25%</td><td>1.00%</td>`;

function portfolios(html: string): string[] {
  return parseExhibit(html, 'hidden.htm').schedules.flatMap((s) => s.entries.map((e) => e.portfolio));
}

const VISIBLE = ['AIM Global Trends Fund', 'AIM Small Cap Opportunities Fund'];

describe('HTML content a browser does not show is no part of the exhibit', () => {
  it('rows inside <template>, <noscript>, display:none, visibility:hidden, mso-hide and [hidden] are no entries', () => {
    for (const hidden of [
      `<template><tr>${row('AIM Template Fund')}</tr></template>`,
      `<noscript><tr>${row('AIM Noscript Fund')}</tr></noscript>`,
      `<tr style="display: none">${row('AIM Invisible Fund')}</tr>`,
      `<tr style='DISPLAY:NONE;mso-hide:all'>${row('AIM Word Hidden Fund')}</tr>`,
      `<tr style="mso-hide: all">${row('AIM Mso Hidden Fund')}</tr>`,
      `<tr style="color:red; visibility : hidden !important">${row('AIM Visibility Fund')}</tr>`,
      `<tr hidden>${row('AIM Attribute Fund')}</tr>`,
      // a hidden row whose end tag is missing ends at the next row, as HTML ends it
      `<tr style="display:none">${row('AIM Unclosed Fund')}`,
      // a nested table inside a hidden row: its rows do not end the hidden one
      `<tr style="display:none"><td><table><tr><td>x</td></tr><tr>${row('AIM Nested Fund')}</tr></table></td><td>0.75%</td></tr>`,
    ]) {
      expect(portfolios(amendment(hidden)), hidden).toEqual(VISIBLE);
    }
  });

  it('a visible element inside a hidden one stays hidden; a hidden title is no title', () => {
    const html = amendment(
      `<tr style="display:none"><td><span style="display:inline">AIM Shown Inside Fund</span></td><td>0.75%</td><td>0.25%</td><td>1.00%</td></tr>`,
      '<div style="display:none"><p>AMENDMENT NO. 99 TO THE PLAN</p><p>Dated: January 1, 1990</p></div>',
    );
    const doc = parseExhibit(html, 'hidden.htm');
    expect(doc).toMatchObject({
      kind: 'plan-amendment',
      title: 'Amendment No. 2 to the Master Distribution Plan of AIM Series Trust (Class B Shares)',
      amendmentNumber: 2,
      effectiveDate: '1999-09-01',
      datedDate: '1999-09-01',
    });
    expect(doc.schedules.flatMap((s) => s.entries)).toEqual(
      VISIBLE.map((portfolio) => ({
        registrant: 'AIM Series Trust',
        portfolio,
        class: 'B',
        assetBasedSalesChargePct: '0.75',
        assetBasedSalesChargeBound: 'maximum',
        serviceFeePct: '0.25',
        aggregateFeePct: '1.00',
      })),
    );
  });

  it('a hidden <p> without its end tag ends at the next block; hidden void elements hide nothing', () => {
    expect(htmlCellText('<p style="display:none">draft note<p>Shown</p><br style="display:none">After')).toBe(
      'Shown\nAfter\n',
    );
    expect(htmlCellText('<div>a<span style="display:none">b</span>c</div>')).toBe('ac\n');
    expect(htmlCellText('<div hidden><div>x</div>y</div>z')).toBe('z\n');
  });

  it('styles that show an element do not hide it', () => {
    expect(hidesElement({ style: 'display:block' })).toBe(false);
    expect(hidesElement({ style: 'font-family:Times; display:inline-block' })).toBe(false);
    expect(hidesElement({ style: 'mso-display:none-ish' })).toBe(false);
    expect(hidesElement({ style: 'display : none' })).toBe(true);
    expect(hidesElement({ hidden: '' })).toBe(true);
  });
});
