import { monthEnd, monthStart } from '../calendar/isoDate.js';

/**
 * What a restatement of a closed month leads to, and where to read it now (SPEC §4, §12): the
 * import said only "a prior-period adjustment is due", leaving the treasurer to guess where it
 * shows. The closed months it touched, in order, each as the `fees` question that lists it pending.
 */
export function restatementNextStep(closedMonths: readonly (string | null)[]): string | null {
  const months = [...new Set(closedMonths.filter((m): m is string => m !== null))].sort();
  if (months.length === 0) return null;
  const first = months[0]!;
  const last = months.at(-1)!;
  return `next: the next close reports the prior-period adjustment of ${months.join(', ')}, split among the parties the sealed month paid; until then \`plan12b fees --from ${monthStart(first)} --to ${monthEnd(last)}\` lists it as pending`;
}
