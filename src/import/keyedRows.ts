import type { Problem } from '../errors.js';
import type { ImportPlan, PlannedChange } from './importPlan.js';

/** A row resolved against the registry: its key, its value as recorded text, where it came from. */
export interface KeyedRow<V> {
  readonly line: number;
  readonly key: string;
  /** what a person reads in a conflict: "AIM Value Fund class C 2025-10" */
  readonly label: string;
  readonly value: V;
  readonly datedOn: string | null;
  readonly dateField?: string;
}

export type KeyedChange<V> = PlannedChange & {
  readonly value: V;
  readonly old: V | null;
  readonly label: string;
};

/**
 * The plan of a feed whose rows are values under a key (gross sales per class-month, a prime rate
 * per date, an expenditure per class, period and purpose): a key not recorded is new; the same
 * value is unchanged; another value is a conflict unless `restate`, and then a restatement.
 * Two rows of one file with the same key are refused, both lines named.
 */
export function planKeyedRows<V>(
  file: string,
  rows: readonly KeyedRow<V>[],
  recorded: ReadonlyMap<string, V>,
  opts: { restate: boolean; same: (a: V, b: V) => boolean; show: (v: V) => string; field: string },
): ImportPlan<KeyedChange<V>> {
  const problems: Problem[] = [];
  const changes: KeyedChange<V>[] = [];
  const firstLine = new Map<string, number>();
  let unchanged = 0;
  for (const r of rows) {
    const first = firstLine.get(r.key);
    if (first !== undefined) {
      problems.push({
        file,
        line: r.line,
        field: opts.field,
        value: opts.show(r.value),
        reason: `${r.label} is already given on line ${first}; give it once`,
      });
      continue;
    }
    firstLine.set(r.key, r.line);
    const old = recorded.get(r.key);
    const base = { line: r.line, datedOn: r.datedOn, value: r.value, label: r.label };
    const dated = r.dateField === undefined ? base : { ...base, dateField: r.dateField };
    if (old === undefined) changes.push({ ...dated, kind: 'new', old: null });
    else if (opts.same(old, r.value)) unchanged++;
    else if (opts.restate) changes.push({ ...dated, kind: 'restated', old });
    else
      problems.push({
        code: 'CONFLICT',
        file,
        line: r.line,
        field: opts.field,
        value: opts.show(r.value),
        reason: `${r.label} is recorded as ${opts.show(old)}; to correct it, import with --restate`,
      });
  }
  return { changes, unchanged, problems, warnings: [] };
}
