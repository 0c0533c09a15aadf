import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { needsUnicodeFont } from '../../src/reports/pdfDocument.js';
import { writeProviderStatementPdf } from '../../src/reports/providerStatementPdf.js';
import type { ProviderMonth } from '../../src/reports/serviceFeesReport.js';

/**
 * PDF's standard Helvetica prints WinAnsi only (Latin-1 and 27 more). A provider named in Greek
 * ("Τράπεζα Πειραιώς") was written as bytes of other letters: the statement named someone else.
 * Now a document whose text goes beyond WinAnsi embeds DejaVu Sans, whose ToUnicode map carries
 * each letter's code point (Τ U+03A4, Π U+03A0, ώ U+03CE); one in WinAnsi ("Café Securities",
 * é U+00E9 is Latin-1) stays in Helvetica as before.
 */
const provider = (name: string): ProviderMonth => ({
  id: 'P-1',
  name,
  kind: 'bank',
  exhibit: 'B',
  agreement: 'Bank Shareholder Service Agreement',
  agreementDate: '2025-01-02',
  ownRatePct: null,
  terminationEffective: null,
  amount: '0.00',
  classes: [],
});
const report = {
  month: '2025-03',
  paymentDate: '2025-04-14',
  priorPeriodAdjustments: { providers: [], distributor: [] },
};

/** The PDF's bytes as Latin-1, and every stream it holds inflated (the fonts' ToUnicode maps). */
function pdfParts(file: string): { raw: string; streams: string } {
  const bytes = readFileSync(file);
  const raw = bytes.toString('latin1');
  const streams: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    try {
      streams.push(inflateSync(bytes.subarray(start, raw.indexOf('endstream', start))).toString('latin1'));
    } catch {
      // a stream not deflated (none expected) or a font program PDFKit wrote otherwise
    }
  }
  return { raw, streams: streams.join('\n') };
}

describe('a PDF prints every name as recorded, whatever its script', () => {
  it('which texts Helvetica cannot print', () => {
    expect(needsUnicodeFont({ name: 'Café Securities — “Plan” €5' })).toBe(false);
    expect(needsUnicodeFont({ name: 'Τράπεζα Πειραιώς' })).toBe(true);
    expect(needsUnicodeFont({ deep: [{ name: 'Сбербанк' }] })).toBe(true);
    expect(needsUnicodeFont({ name: 'Ş' })).toBe(true); // U+015E: not in WinAnsi
  });

  it('a Greek provider name: DejaVu Sans embedded, its letters mapped to their code points', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pdf-greek-')), 'statement.pdf');
    await writeProviderStatementPdf(report, provider('Τράπεζα Πειραιώς'), file);
    const { raw, streams } = pdfParts(file);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    for (const codePoint of ['03a4', '03a0', '03ce'])
      expect(streams.toLowerCase()).toContain(`<${codePoint}>`);
  });

  it('a Latin-1 provider name: Helvetica, no font embedded', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pdf-latin-')), 'statement.pdf');
    await writeProviderStatementPdf(report, provider('Café Securities'), file);
    const { raw } = pdfParts(file);
    expect(raw).toContain('/BaseFont /Helvetica');
    expect(raw).not.toContain('DejaVu');
  });
});
