/**
 * The name a person most likely meant by one nothing was ever named (a portfolio, a service
 * provider, a Transfer), so that an error can say "did you mean …?" (the CLI contract: errors say
 * what to do next). Names compare in any case, whitespace collapsed: the one name that contains
 * what was asked ("Summit Small Cap" → "Summit Small Cap Fund", "DLR-001" → "DLR-0001"), else the
 * one name whose words the words asked begin ("Summit Tech Fund" → "Summit Technology Fund"), else
 * (either failing, or naming several) the one name nearest by edit distance, within a sixth of its
 * length and at least 2 edits
 * ("Sumit Energy Fund" → "Summit Energy Fund", "TR-2025-1" → "TR-2025-01"). Names of one `group`
 * (the names a portfolio had over time) are one answer, the last of them that matches. Undefined
 * when nothing is near, or names of two groups are equally near.
 * @example closestName([{ name: 'DLR-0001' }, { name: 'BNK-0001' }], 'dlr-001') // 'DLR-0001'
 */
export function closestName(
  candidates: readonly { readonly name: string; readonly group?: string }[],
  asked: string,
): string | undefined {
  const want = keyOf(asked);
  if (want === '') return undefined;
  const names = new Map<string, { name: string; group: string }>();
  for (const c of candidates) names.set(keyOf(c.name), { name: c.name, group: c.group ?? c.name });
  const one = (matches: readonly { name: string; group: string }[]) =>
    matches.length > 0 && matches.every((m) => m.group === matches[0]!.group)
      ? matches.at(-1)!.name
      : undefined;
  const containing = [...names].filter(([k]) => want.length >= 4 && k.includes(want)).map(([, n]) => n);
  // several containing it, or beginning with its words, are weighed by edit distance below
  const contained = one(containing);
  if (contained !== undefined) return contained;
  const abbreviating = [...names]
    .filter(([k]) => abbreviates(want.split(' '), k.split(' ')))
    .map(([, n]) => n);
  const abbreviated = one(abbreviating);
  if (abbreviated !== undefined) return abbreviated;
  let nearest: { distance: number; matches: { name: string; group: string }[] } | undefined;
  for (const [k, n] of names) {
    const limit = Math.max(2, Math.floor(Math.max(k.length, want.length) / 6));
    const d = editDistance(want, k, limit);
    if (d > limit) continue;
    if (nearest === undefined || d < nearest.distance) nearest = { distance: d, matches: [n] };
    else if (d === nearest.distance) nearest.matches.push(n);
  }
  return nearest === undefined ? undefined : one(nearest.matches);
}

/** `did you mean "NAME"? ` to begin a hint with, or nothing when no name is near (see above). */
export function didYouMean(
  candidates: readonly { readonly name: string; readonly group?: string }[],
  asked: string,
): string {
  const near = closestName(candidates, asked);
  return near === undefined ? '' : `did you mean ${JSON.stringify(near)}? `;
}

function keyOf(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Whether each word of `asked` begins a word of `words`, in order. */
function abbreviates(asked: readonly string[], words: readonly string[]): boolean {
  let at = 0;
  for (const a of asked) {
    while (at < words.length && !words[at]!.startsWith(a)) at++;
    if (at === words.length) return false;
    at++;
  }
  return true;
}

/** Levenshtein distance of a and b, or limit + 1 as soon as it must exceed limit. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length]!;
}
