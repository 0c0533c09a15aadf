import { closestName } from '../closestName.js';
import type { PortfolioIdentities } from './portfolioIdentity.js';
import { nameKey } from './portfolioName.js';

/**
 * The portfolio name a person most likely meant by a name no document ever gave (SPEC §2: any
 * name a portfolio ever had is accepted), so that an error can say "did you mean …?": the names
 * every portfolio ever had, a portfolio's names one answer (src/closestName.ts).
 * @example closestPortfolioName(identities, 'sumit energy fund') // 'Summit Energy Fund'
 */
export function closestPortfolioName(identities: PortfolioIdentities, asked: string): string | undefined {
  const want = nameKey(asked);
  // a feed names the same unknown portfolio on many rows: each name is looked for once
  const known = nearestByIdentities.get(identities) ?? new Map<string, string | undefined>();
  nearestByIdentities.set(identities, known);
  if (!known.has(want))
    known.set(
      want,
      closestName(
        identities.portfolios.flatMap((p) => p.names.map((name) => ({ name, group: p.id }))),
        asked,
      ),
    );
  return known.get(want);
}

const nearestByIdentities = new WeakMap<PortfolioIdentities, Map<string, string | undefined>>();

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
