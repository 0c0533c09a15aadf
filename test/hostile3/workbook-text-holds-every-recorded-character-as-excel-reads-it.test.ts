import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { workbookText } from '../../src/cli/csvOut.js';
import { xlsxBytes } from '../../src/reports/xlsxOut.js';

/**
 * A text reaches a workbook from documents plan12b does not check character by character (an
 * exhibit's title "MASTER DISTRIBUTION\uffff PLAN" was imported): U+FFFF held raw made
 * sharedStrings.xml not well-formed, a workbook Excel reports as corrupt. ECMA-376 ST_Xstring
 * writes such a character as _xHHHH_, and an underscore that would start such an escape as
 * _x005F_, so Excel shows the text recorded.
 */

describe('text as a workbook holds it', () => {
  it.each([
    ['Master Distribution\uffff Plan', 'Master Distribution_xFFFF_ Plan'],
    ['Fund \ufffe', 'Fund _xFFFE_'],
    ['Bell\u0007', 'Bell_x0007_'],
    ['Half \ud800 pair', 'Half _xD800_ pair'],
    // already an escape in the text: its underscore escaped, so Excel does not read "FundA"
    ['Fund_x0041_', 'Fund_x005F_x0041_'],
    // nothing to escape
    ['Fund_x41_ and a_b', 'Fund_x41_ and a_b'],
    ['Café 😀 Fund', 'Café 😀 Fund'],
  ])('%j is written %j', (text, written) => {
    expect(workbookText(text)).toBe(written);
  });

  it('a workbook of such texts is read back (as Excel reads it) as the texts recorded', async () => {
    const bytes = await xlsxBytes([
      {
        name: 'Exhibits',
        title: 'Imported exhibits \uffff',
        columns: [{ key: 'title' }, { key: 'amount', kind: 'money' }],
        rows: [
          { title: 'Master Distribution\uffff Plan', amount: '1.00' },
          { title: '=cmd\ufffe', amount: '2.00' },
        ],
      },
    ]);
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Exhibits')!;
    // row 1 the title, row 2 the header, then the rows; the reader decodes _xHHHH_ as Excel does
    expect([ws.getCell('A1').value, ws.getCell('A3').value, ws.getCell('A4').value]).toEqual([
      'Imported exhibits \uffff',
      'Master Distribution\uffff Plan',
      "'=cmd\ufffe",
    ]);
    const sharedStrings = await sharedStringsXml(bytes);
    expect(sharedStrings).toContain('Master Distribution_xFFFF_ Plan');
    expect(sharedStrings).not.toMatch(/[\uffff\ufffe]/);
    expect(ws.getCell('B4').value).toBe(2);
  });
});

/** xl/sharedStrings.xml of a workbook, read from its zip entry (a local file header, then the data). */
async function sharedStringsXml(bytes: Buffer): Promise<string> {
  const name = Buffer.from('xl/sharedStrings.xml');
  const at = bytes.indexOf(name);
  expect(at).toBeGreaterThan(30);
  const header = at - 30;
  expect(bytes.readUInt32LE(header)).toBe(0x04034b50);
  const method = bytes.readUInt16LE(header + 8);
  const size = bytes.readUInt32LE(header + 18);
  const extra = bytes.readUInt16LE(header + 28);
  const start = at + name.length + extra;
  const data = bytes.subarray(start, start + size);
  return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
}
