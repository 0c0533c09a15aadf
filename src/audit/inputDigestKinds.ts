/**
 * The kinds of a v3 inputs digest (monthInputsDigest.ts), pure: `audit verify` names the kinds
 * whose digest differs from the one sealed (SPEC §12: verification names what changed).
 */

/** The prefix of a v3 digest: `v3:kind=digest,kind=digest…`. */
export const RECORDS = 'v3:';

/**
 * The kinds of input whose digest differs between a v3 digest sealed and one recomputed (in byte
 * order), or null when either is not v3 (an older digest names no kinds).
 */
export function changedInputKinds(sealed: string, now: string): string[] | null {
  const parse = (d: string) =>
    d.startsWith(RECORDS)
      ? new Map(
          d
            .slice(RECORDS.length)
            .split(',')
            .map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)] as const),
        )
      : null;
  const a = parse(sealed);
  const b = parse(now);
  if (a === null || b === null) return null;
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
}

/** What each kind of a v3 digest covers, as `audit verify` names it (docs/FORMATS.md). */
const KIND_LABELS: Readonly<Record<string, string>> = {
  approvals: 'approvals (board and shareholder votes)',
  boardRates: 'Board rates',
  classBAccounts: "accounts' omnibus flags",
  classBTermsRules: 'Class B terms (CDSC schedules, conversion periods, redemption fees)',
  classBTransactions: 'Class B transactions',
  classBTransactionsBefore: "Class B transactions before the books' first month",
  distributorTerms: 'distributor terms and rights assignments',
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
