import type { StatedByUser } from '../edgar/exhibitDocument.js';

const OPTION: Record<keyof StatedByUser, string> = {
  effectiveDate: '--effective-date',
  class: '--class',
  registrant: '--registrant',
  amends: '--amends',
};

/**
 * A document imported again, byte for byte, with a fact stated otherwise than when it was first
 * imported: the same bytes twice change nothing (SPEC §12), so the first statement stands and the
 * new one is not recorded. SPEC §2.1 says what the user states is recorded as such, and §2 that
 * import order never changes the result: were this silent, the registry would keep whichever
 * statement came first without a word. The warning says what was kept and what was not.
 *
 * @example statedAgainOtherwise('d.txt', { effectiveDate: '2002-03-01' }, { effectiveDate: '2002-04-01' })
 *   → 'd.txt: already imported with --effective-date 2002-03-01 stated; the --effective-date 2002-04-01 stated now is not recorded (the same document twice changes nothing; it stays as first imported)'
 */
export function statedAgainOtherwise(
  fileName: string,
  before: StatedByUser | undefined,
  now: StatedByUser | undefined,
): string | null {
  const keys = (Object.keys(OPTION) as (keyof StatedByUser)[]).filter(
    (k) => now?.[k] !== undefined && now[k] !== before?.[k],
  );
  if (keys.length === 0) return null;
  const was = keys.map((k) => (before?.[k] === undefined ? `no ${OPTION[k]}` : `${OPTION[k]} ${before[k]}`));
  const is = keys.map((k) => `${OPTION[k]} ${now![k]}`);
  return `${fileName}: already imported with ${was.join(', ')} stated; the ${is.join(', ')} stated now ${keys.length === 1 ? 'is' : 'are'} not recorded (the same document twice changes nothing; it stays as first imported)`;
}
