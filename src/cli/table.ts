import type { CliContext } from './context.js';

/** A plain aligned text table for terminal output (JSON is the machine format). */
export function printTable(
  ctx: CliContext,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (/^-?[\d.,]+%?$/.test(c) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  ctx.out(line(header));
  ctx.out(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) ctx.out(line(r));
}
