/**
 * FINRA Rule 2341(d)(2) (SPEC §10): the ABSC stops accruing when the remaining amount is exhausted,
 * and new gross sales later make room again. An exhaustion is a run of days from the first day the
 * cap cut the ABSC to the first later day whose ABSC was paid in full again (`resumedOn`; null
 * while still exhausted). Days that accrue nothing neither end nor extend a run.
 * @example
 * // days 1..4 accrue 10 each, allowed 10, 4, 0, 10: one exhaustion from day 2, resumed on day 4
 */
export interface CapExhaustion {
  readonly from: string;
  readonly resumedOn: string | null;
}

export function capExhaustions(
  days: readonly { readonly date: string; readonly accruedCents: bigint; readonly allowedCents: bigint }[],
): CapExhaustion[] {
  const out: CapExhaustion[] = [];
  let open: string | null = null;
  for (const d of days) {
    if (d.accruedCents <= 0n) continue;
    const cut = d.allowedCents < d.accruedCents;
    if (cut && open === null) open = d.date;
    else if (!cut && open !== null) {
      out.push({ from: open, resumedOn: d.date });
      open = null;
    }
  }
  if (open !== null) out.push({ from: open, resumedOn: null });
  return out;
}

/**
 * The exhaustions in words, e.g. "exhausted on 2025-05-15 (the ABSC accrued again from 2025-08-01,
 * after new gross sales made room) and again on 2025-10-03, still exhausted".
 */
export function describeExhaustions(list: readonly CapExhaustion[]): string {
  return list
    .map(
      (e, i) =>
        `${i === 0 ? 'exhausted on' : 'again on'} ${e.from}${
          e.resumedOn === null
            ? list.length > 1
              ? ', still exhausted'
              : ''
            : ` (the asset-based sales charge accrued again from ${e.resumedOn}, after new gross sales made room)`
        }`,
    )
    .join(' and ');
}
