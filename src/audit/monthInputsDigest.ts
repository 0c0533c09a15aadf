import { monthEnd, monthStart } from '../calendar/isoDate.js';
import { monthInputChunks } from '../store/closeRepository.js';
import type { Queryable } from '../store/database.js';
import { streamedMonthInputsDigest } from './closeSeal.js';

/**
 * The inputs digest a close seals (SPEC §12: "a closed month is locked"; `audit verify` finds an
 * input of a closed month changed outside plan12b). Version 2, sealed as `v2:` + the digest, also
 * covers what governed the month besides its feeds — the Board's rates, service agreements'
 * terminations and assignments, Plan and Agreement terminations — whose change by SQL otherwise
 * went unnoticed (a termination moved into a closed month: `audit verify` said "intact" and
 * `close show` showed the seal as verified). A month sealed with a digest without the prefix is
 * checked as it was sealed.
 */
const GOVERNING = 'v2:';

/** The digest a close seals now. */
export async function sealingMonthInputsDigest(q: Queryable, month: string): Promise<string> {
  return `${GOVERNING}${await digest(q, month, { asSealed: false, governing: true })}`;
}

/** The digest of a closed month's inputs today, restatements since undone, in its seal's version. */
export async function sealedMonthInputsDigestNow(
  q: Queryable,
  month: string,
  sealed: string | null,
): Promise<string> {
  const governing = sealed?.startsWith(GOVERNING) ?? false;
  const now = await digest(q, month, { asSealed: true, governing });
  return governing ? `${GOVERNING}${now}` : now;
}

function digest(
  q: Queryable,
  month: string,
  opts: { asSealed: boolean; governing: boolean },
): Promise<string> {
  return streamedMonthInputsDigest(monthInputChunks(q, month, monthStart(month), monthEnd(month), opts));
}
