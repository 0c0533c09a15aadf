/**
 * SPEC §3: splitting one amount among parties by the largest-remainder method at cent
 * granularity; the parts always add up to the whole; ties go to the party listed first.
 *
 * @example largestRemainder(100n, [1n, 1n, 1n]) → [34n, 33n, 33n]
 */
export function largestRemainder(totalCents: bigint, weights: readonly bigint[]): bigint[] {
  if (weights.length === 0) throw new RangeError('largestRemainder needs at least one party');
  let weightSum = 0n;
  for (const w of weights) {
    if (w < 0n) throw new RangeError('weights must be non-negative');
    weightSum += w;
  }
  if (weightSum === 0n) throw new RangeError('weights must not all be zero');
  const neg = totalCents < 0n;
  const total = neg ? -totalCents : totalCents;
  const parts = weights.map((w) => (total * w) / weightSum);
  const remainders = weights.map((w, i) => ({ i, r: (total * w) % weightSum }));
  let left = total - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i] = parts[i]! + 1n;
    left -= 1n;
  }
  const out = neg ? parts.map((p) => -p) : parts;
  let check = 0n;
  for (const p of out) check += p;
  if (check !== totalCents) throw new Error('largestRemainder: parts do not add up to the whole');
  return out;
}
