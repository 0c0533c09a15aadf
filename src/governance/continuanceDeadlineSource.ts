import type { DeadlineCountedFrom } from './continuance.js';

/**
 * Where a continuance deadline comes from (Plan §7; Agreement FOURTEENTH; Rule 12b-1(b)(3)(i)):
 * the first deadline's own source — `document` (the instrument's text), `rule` (a year after its
 * adoption or listing), `setting` — or, for a later one, `last-approval` (one year after the vote
 * that met the deadline before: "at least annually") or `anniversary` (year by year from the first
 * deadline, the `continuance.basis` setting).
 */
export type ContinuanceDeadlineSource = 'document' | 'rule' | 'setting' | 'last-approval' | 'anniversary';

/**
 * A deadline's source and the words that say it, from what it is counted from and the first deadline's.
 * @example
 * continuanceDeadlineSource({ kind: 'last-approval', from: '2004-06-10' }, first).why
 *   === 'Rule 12b-1(b)(3)(i), at least annually: one year after the continuance approval of 2004-06-10'
 */
export function continuanceDeadlineSource(
  counted: DeadlineCountedFrom,
  first: { readonly why: string; readonly source: 'document' | 'rule' | 'setting' },
): { source: ContinuanceDeadlineSource; why: string } {
  switch (counted.kind) {
    case 'first':
      return { source: first.source, why: first.why };
    case 'last-approval':
      return {
        source: 'last-approval',
        why: `Rule 12b-1(b)(3)(i), at least annually: one year after the continuance approval of ${counted.from}`,
      };
    case 'anniversary':
      return {
        source: 'anniversary',
        why: `year by year (continuance.basis): ${counted.years} year${counted.years === 1 ? '' : 's'} after the first deadline ${counted.from}`,
      };
  }
}
