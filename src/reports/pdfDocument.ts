import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The characters PDF's standard fonts (Helvetica, the only ones PDFKit has without a font file)
 * can print: WinAnsiEncoding — Latin-1 and these 27 more. Any other character (a Greek, Cyrillic
 * or Hebrew name) was written as bytes of another letter: the printed name was not the recorded one.
 */
const WIN_ANSI_BEYOND_LATIN1 = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

/** Whether any text in `content` (a report: strings anywhere inside it) falls outside WinAnsi. */
export function needsUnicodeFont(content: unknown): boolean {
  const text = JSON.stringify(content) ?? '';
  for (const ch of text) if (ch.codePointAt(0)! > 0xff && !WIN_ANSI_BEYOND_LATIN1.includes(ch)) return true;
  return false;
}

/** DejaVu Sans (npm `dejavu-fonts-ttf`): Latin, Greek, Cyrillic, Hebrew, Armenian, Georgian, … */
function unicodeFontFiles(): { regular: string; bold: string } | null {
  try {
    const require = createRequire(import.meta.url);
    const dir = require.resolve('dejavu-fonts-ttf/package.json').replace(/package\.json$/, 'ttf/');
    const fonts = { regular: `${dir}DejaVuSans.ttf`, bold: `${dir}DejaVuSans-Bold.ttf` };
    return existsSync(fonts.regular) && existsSync(fonts.bold) ? fonts : null;
  } catch {
    return null;
  }
}

/**
 * A new PDFKit document. PDFKit (with its fonts) is loaded on the first PDF a process writes,
 * not when a command that only may write one starts: most runs of `fees` or `monthly-calculation`
 * write none, and loading it costs more than their answer.
 *
 * `content` is what the document will print: where any of its text is beyond what Helvetica can
 * print, the names "Helvetica" and "Helvetica-Bold" are bound to DejaVu Sans (embedded, subset), so
 * every name prints as recorded; a document of WinAnsi text stays in Helvetica, byte for byte as
 * before. A script DejaVu lacks (CJK) prints as missing-glyph boxes, never as other letters.
 */
export async function newPdfDocument(
  options: PDFKit.PDFDocumentOptions,
  content?: unknown,
): Promise<PDFKit.PDFDocument> {
  const { default: PDFDocument } = await import('pdfkit');
  const fonts = content !== undefined && needsUnicodeFont(content) ? unicodeFontFiles() : null;
  if (fonts === null) return new PDFDocument(options);
  // the first font is loaded (and kept by its name) when the document is made: start in DejaVu,
  // so that "Helvetica" is first asked for after it names DejaVu too
  const doc = new PDFDocument({ ...options, font: fonts.regular });
  doc.registerFont('Helvetica', fonts.regular);
  doc.registerFont('Helvetica-Bold', fonts.bold);
  return doc;
}
