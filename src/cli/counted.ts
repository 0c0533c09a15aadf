/**
 * A count and its noun as a person writes it: `1 row`, `2 rows`, `0 rows`. The import lines
 * printed `1 rows` and `1 new Transfer(s)`.
 */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
