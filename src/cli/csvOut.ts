/**
 * A cell a spreadsheet would read as a formula (OWASP "CSV injection"): it begins with `=`, `+`,
 * `-`, `@`, a tab or a carriage return. A plain decimal number such as "-12.50" is a number, not
 * a formula, and stays as it is so that a negative amount still adds up in the sheet.
 */
export function isFormulaLike(s: string): boolean {
  return /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s);
}

/** The text of a cell as written to CSV or XLSX: a formula-like text gets a leading single quote. */
export function neutralisedCell(s: string): string {
  return isFormulaLike(s) ? `'${s}` : s;
}

/**
 * A cell as plan12b wrote it read back (`class-b-terms list --csv` imports again unchanged,
 * FORMATS.md): the leading single quote {@link neutralisedCell} put before a formula-like text is
 * taken off; any other text stays as it is.
 */
export function cellReadBack(s: string): string {
  return s.startsWith("'") && isFormulaLike(s.slice(1)) ? s.slice(1) : s;
}

/**
 * Text as a workbook holds it (ECMA-376 ST_Xstring): a character XML 1.0 cannot hold — U+FFFE,
 * U+FFFF, half a surrogate pair, a C0 control — written as `_xHHHH_`, which Excel reads back as the
 * character, and an underscore that would start such an escape ("Fund_x0041_") written as
 * `_x005F_`, so Excel shows the text recorded. Held raw, U+FFFF made the workbook one Excel reports
 * as corrupt (sharedStrings.xml not well-formed), and ExcelJS drops a control character unseen.
 */
export function workbookText(s: string): string {
  return s.replace(
    /_(?=x[0-9A-Fa-f]{4}_)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/gu,
    (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}

/** RFC 4180 CSV text from rows of strings and numbers; formula-like cells are neutralised. */
export function toCsv<T extends object>(columns: readonly string[], rows: readonly T[]): string {
  const cell = (v: unknown) => {
    const s = neutralisedCell(v === null || v === undefined ? '' : String(v));
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [
    columns.map(cell).join(','),
    ...rows.map((r) => columns.map((c) => cell((r as Record<string, unknown>)[c])).join(',')),
  ].join('\n');
}
