import type { PortfolioIdentities } from './portfolioIdentity.js';
import { nameKey } from './portfolioName.js';

/**
 * The portfolio name a person most likely meant by a name no document ever gave (SPEC §2: any
 * name a portfolio ever had is accepted), so that an error can say "did you mean …?": the one
 * name that contains what was asked ("Summit Small Cap" → "Summit Small Cap Fund"), else the one
 * name whose words the words asked begin ("Summit Tech Fund" → "Summit Technology Fund"), else the
 * one name nearest by edit distance, within a sixth of its length (at least 2 edits: "Sumit Energy
 * Fund" → "Summit Energy Fund"). Undefined when nothing is near, or names of two portfolios are equally near.
 * @example closestPortfolioName(identities, 'sumit energy fund') // 'Summit Energy Fund'
 */
export function closestPortfolioName(identities: PortfolioIdentities, asked: string): string | undefined {
  const want = nameKey(asked);
  if (want === '') return undefined;
  // a feed names the same unknown portfolio on many rows: each name is looked for once
  const known = nearestByIdentities.get(identities) ?? new Map<string, string | undefined>();
  nearestByIdentities.set(identities, known);
  if (!known.has(want)) known.set(want, nearestName(identities, want));
  return known.get(want);
}

const nearestByIdentities = new WeakMap<PortfolioIdentities, Map<string, string | undefined>>();

function nearestName(identities: PortfolioIdentities, want: string): string | undefined {
  // every name by its key, with its portfolio (later names of a portfolio after earlier ones)
  const names = new Map<string, { name: string; id: string }>();
  for (const p of identities.portfolios)
    for (const name of p.names) names.set(nameKey(name), { name, id: p.id });
  // names of one portfolio are one answer: the latest of them that matches
  const one = (matches: readonly { name: string; id: string }[]) =>
    matches.length > 0 && matches.every((m) => m.id === matches[0]!.id) ? matches.at(-1)!.name : undefined;
  const containing = [...names].filter(([k]) => want.length >= 4 && k.includes(want)).map(([, n]) => n);
  if (containing.length > 0) return one(containing);
  // each word asked begins a word of the name, in order ("Summit Tech Fund" → "Summit Technology Fund")
  const abbreviating = [...names]
    .filter(([k]) => abbreviates(want.split(' '), k.split(' ')))
    .map(([, n]) => n);
  if (abbreviating.length > 0) return one(abbreviating);
  let nearest: { distance: number; matches: { name: string; id: string }[] } | undefined;
  for (const [k, n] of names) {
    const limit = Math.max(2, Math.floor(Math.max(k.length, want.length) / 6));
    const d = editDistance(want, k, limit);
    if (d > limit) continue;
    if (nearest === undefined || d < nearest.distance) nearest = { distance: d, matches: [n] };
    else if (d === nearest.distance) nearest.matches.push(n);
  }
  return nearest === undefined ? undefined : one(nearest.matches);
}

/** `did you mean "NAME"? ` before a hint, or nothing when no name is near (see above). */
export function didYouMeanPortfolio(identities: PortfolioIdentities, asked: string): string {
  const near = closestPortfolioName(identities, asked);
  return near === undefined ? '' : `did you mean ${JSON.stringify(near)}? `;
}

/**
 * A feed row's reason for a portfolio name no document ever gave: `unknown portfolio "NAME"`, with
 * ` (did you mean "NEAR"?)` when a name is near (see above).
 */
export function unknownPortfolioReason(identities: PortfolioIdentities, asked: string): string {
  const near = closestPortfolioName(identities, asked);
  return `unknown portfolio ${JSON.stringify(asked)}${near === undefined ? '' : ` (did you mean ${JSON.stringify(near)}?)`}`;
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
