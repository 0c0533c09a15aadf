import { counted } from './counted.js';

/**
 * The line a Class B feed import (`accounts`, `transactions`, `distributors import`) prints, worded
 * as every other feed's (`FILE: N rows; N new, N unchanged, …`): it printed the result's keys as
 * they are in JSON (`rows 4840, inserted 0, unchanged 4840, accounts 0, redemptionsWritten 0`).
 */
export function classBImportLine(file: string, result: object): string {
  const r = result as Record<string, unknown>;
  const part = (key: string, words: string, one = words) =>
    typeof r[key] === 'number' ? [counted(r[key], one, words)] : [];
  const counts = [
    ...part('inserted', 'new'),
    ...part('updated', 'updated'),
    ...part('unchanged', 'unchanged'),
  ];
  const replayed = [
    ...part('accounts', 'accounts replayed', 'account replayed'),
    ...part('redemptionsWritten', 'redemptions written', 'redemption written'),
  ];
  return `${file}: ${[...part('rows', 'rows', 'row'), counts.join(', '), replayed.join(', ')].filter((s) => s !== '').join('; ')}`;
}
