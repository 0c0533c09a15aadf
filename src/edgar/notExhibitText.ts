/**
 * Why an exhibit's text is no exhibit as filed, in words the user can act on (SPEC §2.1: exhibits
 * come as filed, plain text or HTML; a document it cannot read gives a clear error naming the file
 * and line). Before, a UTF-16 copy (Notepad's "Unicode"), a PDF or a ZIP renamed .txt, and a text
 * with one stray NUL were all "file is binary (NUL bytes)" on line 1, wherever the NUL was.
 * `text`: the bytes as exhibitBytes.ts decodes them (UTF-8, else Windows-1252 byte for byte).
 * Null when the text is none of these.
 */
export function notExhibitText(text: string): { line: number; reason: string } | null {
  if (text.startsWith('%PDF-'))
    return {
      line: 1,
      reason:
        'the file is a PDF, not an exhibit as filed; download the exhibit’s .txt or .htm document from EDGAR and read that',
    };
  if (text.startsWith('PK\u0003\u0004'))
    return {
      line: 1,
      reason:
        'the file is a ZIP archive (or a .docx or .xlsx), not an exhibit as filed; take the exhibit’s .txt or .htm document out of it and read that',
    };
  if (looksLikeUtf16(text))
    return {
      line: 1,
      reason:
        'the file is UTF-16 text (as Notepad saves “Unicode”), not an exhibit as filed; save it as UTF-8 or download the exhibit from EDGAR again',
    };
  const nul = text.indexOf('\u0000');
  if (nul >= 0)
    return {
      line: lineOf(text, nul),
      reason: `the file holds a NUL byte (character ${nul - text.lastIndexOf('\n', nul - 1)} of this line): it is binary, or damaged; download the exhibit from EDGAR again`,
    };
  return null;
}

/** A UTF-16 byte-order mark read as Windows-1252 (ÿþ, þÿ), or a NUL beside each of the first four characters. */
function looksLikeUtf16(text: string): boolean {
  if (text.startsWith('\u00ff\u00fe') || text.startsWith('\u00fe\u00ff')) return true;
  if (text.length < 8) return false;
  const nulAt = (parity: number) =>
    [0, 1, 2, 3].every(
      (i) => text.charCodeAt(2 * i + parity) === 0 && text.charCodeAt(2 * i + 1 - parity) !== 0,
    );
  return nulAt(0) || nulAt(1);
}

/** The 1-based line of an offset, counting line ends as the reader does (CRLF, CR, LF, form feed). */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0c || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) line++;
  }
  return line;
}
