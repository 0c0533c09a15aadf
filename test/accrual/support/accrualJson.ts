/** Bigint-safe JSON for comparing accrual results in assertions. */
export function accrualJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v)));
}
