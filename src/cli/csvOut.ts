/** RFC 4180 CSV text from rows of strings and numbers. */
export function toCsv<T extends object>(columns: readonly string[], rows: readonly T[]): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [
    columns.join(','),
    ...rows.map((r) => columns.map((c) => cell((r as Record<string, unknown>)[c])).join(',')),
  ].join('\n');
}
