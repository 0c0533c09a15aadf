/**
 * The kinds of a v3 inputs digest (monthInputsDigest.ts), pure: `audit verify` names the kinds
 * whose digest differs from the one sealed (SPEC §12: verification names what changed).
 */

/** The prefix of a v3 digest: `v3:kind=digest,kind=digest…`. */
export const RECORDS = 'v3:';

/** The prefix of a v4 digest: v3's kinds and `classBLedgerState`, the ledger the close wrote. */
export const LEDGER_STATE = 'v4:';

/** A digest by kinds, v3 or v4: its prefix, or null. */
function kindsPrefix(d: string): string | null {
  return d.startsWith(RECORDS) ? RECORDS : d.startsWith(LEDGER_STATE) ? LEDGER_STATE : null;
}

/** A v3 digest's kinds with more kinds, as a digest of `prefix`'s version (kinds in byte order). */
export function withMoreKinds(
  prefix: string,
  digest: string,
  more: readonly (readonly [kind: string, digest: string])[],
): string {
  const from = kindsPrefix(digest);
  if (from === null) throw new Error(`not a digest by kinds: ${digest.slice(0, 8)}…`);
  const parts = [...digest.slice(from.length).split(','), ...more.map(([k, d]) => `${k}=${d}`)];
  const kindOf = (p: string) => p.slice(0, p.indexOf('='));
  parts.sort((a, b) => (kindOf(a) < kindOf(b) ? -1 : kindOf(a) > kindOf(b) ? 1 : 0));
  return `${prefix}${parts.join(',')}`;
}

/** A v3 or v4 digest's kinds and their digests, or null when it names no kinds (an older digest). */
function kindsOf(d: string): Map<string, string> | null {
  const prefix = kindsPrefix(d);
  return prefix === null
    ? null
    : new Map(
        d
          .slice(prefix.length)
          .split(',')
          .map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)] as const),
      );
}

/** The digest a v3 or v4 digest holds for `kind`, or undefined (not a kind it has, or an older digest). */
export function digestOfKind(d: string, kind: string): string | undefined {
  return kindsOf(d)?.get(kind);
}

/**
 * The kinds of input whose digest differs between a v3 (or v4) digest sealed and one recomputed
 * (in byte order), or null when either names no kinds (an older digest).
 */
export function changedInputKinds(sealed: string, now: string): string[] | null {
  const a = kindsOf(sealed);
  const b = kindsOf(now);
  if (a === null || b === null) return null;
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
}

/** What each kind of a v3 digest covers, as `audit verify` names it (docs/FORMATS.md). */
const KIND_LABELS: Readonly<Record<string, string>> = {
  approvals: 'approvals (board and shareholder votes)',
  boardRates: 'Board rates',
  classBAccounts: "accounts' omnibus flags",
  classBLedgerState: 'the Class B ledger the close wrote (lots and allowances at the month end)',
  classBLedgerAccounts: "the Class B ledger's account keys (whose lots each stored state holds)",
  classBLedgerAttributions: 'the Exhibit A 2(b) attributions of the Free Shares the Class B ledger keeps',
  classBLedgerPortfolios: "the Class B ledger's portfolio keys (which portfolio each stored lot is in)",
  classBLedgerStateAtEnd:
    "the Class B ledger as it stood at the month end (each account's latest lots and allowances)",
  classBLedgerStateBefore: "the Class B ledger the close built before the books' first month",
  classBTermsRules: 'Class B terms (CDSC schedules, conversion periods, redemption fees)',
  classBTransactions: 'Class B transactions',
  classBTransactionsBefore: "Class B transactions before the books' first month",
  distributorTerms: 'distributor terms and rights assignments',
  exhibitAHoldings: "Exhibit A's holdings kept at the computation dates (exhibit_a_holdings)",
  exhibits: 'exhibits (plans, agreements, amendments and their schedules)',
  governing: 'the rates that governed (schedules, approvals, settings, terminations)',
  netAssets: 'net assets',
  omnibus: 'omnibus rows',
  providerAssets: 'provider assets',
  serviceAgreementEvents: "service agreements' terminations and assignments",
  serviceProviders: 'service agreements',
  terminations: 'Plan and Agreement terminations',
  transfers: 'Transfers (assignees, percents)',
};

/** A kind of input named for a person: `approvals (board and shareholder votes)`. */
export function inputKindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}
