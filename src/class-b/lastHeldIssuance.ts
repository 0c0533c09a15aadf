/**
 * What an account's ledger remembers of Commission Shares it no longer holds (SPEC §6: "a share
 * reached through a chain of free exchanges is traced back to that first issuance"; §7, Exhibit A
 * 2(b): a reinvestment may state the DOI its Free Shares derive from, and the attribution follows
 * those shares). For each portfolio and Date of Original Issuance whose Commission Shares the
 * account held and no longer holds there: the portfolios that first issued them, weighted by the
 * shares last held — those held just before the activity (redemption, Free Exchange Transaction,
 * conversion) that took the last of them.
 *
 * Only a DOI some of whose last-held shares were first issued by ANOTHER portfolio (they reached
 * this one by a Free Exchange Transaction) is remembered: for the others the reinvesting portfolio
 * is the first issuer anyway (freeShareAttribution.ts's fallback), so an account that never
 * exchanged remembers nothing. Entries are replaced when the DOI is emptied again, and kept in
 * (portfolio, DOI, issuing portfolio) order.
 */
export interface LastHeldIssuance {
  /** the portfolio the shares were last held in */
  readonly portfolioId: string;
  readonly dateOfOriginalIssuance: string;
  /** the portfolio that first issued them */
  readonly issuingPortfolioId: string;
  /** the shares of that first issuance last held there, in 1/10,000 share */
  readonly shareUnits: bigint;
}

/** The canonical order of an account's remembered issuances: portfolio, DOI, issuing portfolio. */
export function compareLastHeld(a: LastHeldIssuance, b: LastHeldIssuance): number {
  if (a.portfolioId !== b.portfolioId) return a.portfolioId < b.portfolioId ? -1 : 1;
  if (a.dateOfOriginalIssuance !== b.dateOfOriginalIssuance)
    return a.dateOfOriginalIssuance < b.dateOfOriginalIssuance ? -1 : 1;
  if (a.issuingPortfolioId !== b.issuingPortfolioId)
    return a.issuingPortfolioId < b.issuingPortfolioId ? -1 : 1;
  return 0;
}

/**
 * The remembered issuances after an activity took `taken` (its Commission Share pieces, of any
 * DOI) from `portfolioId`, where `stillHeld(doi)` says whether Commission Shares of that DOI are
 * left there. A DOI emptied forgets what was remembered of it before and remembers the pieces by
 * issuing portfolio, if any of them came from another portfolio. Returns `memory` itself when
 * nothing changes (the common case: no exchange ever).
 * @example
 *   // fund-b's last 50 shares of DOI 2023-03-01, first issued by fund-a, redeemed
 *   rememberLastHeld([], 'fund-b', [{ dateOfOriginalIssuance: '2023-03-01', issuingPortfolioId: 'fund-a',
 *     shareUnits: 500_000n }], () => false)
 *   // → [{ portfolioId: 'fund-b', dateOfOriginalIssuance: '2023-03-01', issuingPortfolioId: 'fund-a', shareUnits: 500_000n }]
 */
export function rememberLastHeld(
  memory: readonly LastHeldIssuance[],
  portfolioId: string,
  taken: readonly {
    readonly dateOfOriginalIssuance: string;
    readonly issuingPortfolioId: string;
    readonly shareUnits: bigint;
  }[],
  stillHeld: (doi: string) => boolean,
): readonly LastHeldIssuance[] {
  if (memory.length === 0 && taken.every((p) => p.issuingPortfolioId === portfolioId)) return memory;
  let out: LastHeldIssuance[] | null = null;
  const dois = [...new Set(taken.map((p) => p.dateOfOriginalIssuance))];
  for (const doi of dois) {
    if (stillHeld(doi)) continue;
    const mine = taken.filter((p) => p.dateOfOriginalIssuance === doi);
    out ??= [...memory];
    out = out.filter((m) => !(m.portfolioId === portfolioId && m.dateOfOriginalIssuance === doi));
    if (mine.every((p) => p.issuingPortfolioId === portfolioId)) continue;
    const byIssuer = new Map<string, bigint>();
    for (const p of mine)
      byIssuer.set(p.issuingPortfolioId, (byIssuer.get(p.issuingPortfolioId) ?? 0n) + p.shareUnits);
    for (const [issuingPortfolioId, shareUnits] of byIssuer)
      out.push(Object.freeze({ portfolioId, dateOfOriginalIssuance: doi, issuingPortfolioId, shareUnits }));
  }
  return out === null ? memory : Object.freeze(out.sort(compareLastHeld));
}
