import { type AuditFinding, verifyAuditEvidence } from '../audit/auditVerification.js';
import { sealedMonthInputsDigestNow } from '../audit/monthInputsDigest.js';
import { monthEnd, monthStart } from '../calendar/isoDate.js';
import { Plan12bError } from '../errors.js';
import { redemptionsReport } from '../reports/classBRedemptionsReport.js';
import { loadAuditLog } from '../store/auditLog.js';
import { loadSealedMonths } from '../store/closeRepository.js';
import type { Queryable } from '../store/database.js';
import { readSnapshot } from '../store/readSnapshot.js';
import { loadRegistry } from '../store/registryStore.js';
import { type ClosedMonthRestatement, restatementsOfClosedMonth } from '../store/sealedResultsRepository.js';
import type { CloseCompleteness } from './inputCompleteness.js';
import { COMPLETENESS_PART } from './monthClose.js';
import { redemptionsDetailHash } from './sealedRedemptions.js';

/** `plan12b close show --month`: a closed month's sealed results, verified against their seal. */
export interface ClosedMonthView {
  readonly month: string;
  readonly closedAt: string;
  readonly closedBy: string;
  readonly resultsHash: string;
  /** every part's hash, the results hash, the close's audit record and the inputs recomputed: all agree */
  readonly verified: true;
  /** what the close accepted about its inputs (absent for a month closed before it was recorded) */
  readonly completeness: CloseCompleteness | null;
  readonly partHashes: readonly { readonly part: string; readonly contentHash: string }[];
  readonly parts: Readonly<Record<string, unknown>>;
  /**
   * Issue 14 item 4: the month's Class B redemptions are sealed as totals and a hash of the
   * detail; the detail recomputed now from the month's inputs, and whether it hashes the same.
   * Null for a month closed before the detail was sealed as a hash.
   */
  readonly classBDetail: {
    readonly redemptions: number;
    readonly sealedSha256: string;
    readonly recomputedSha256: string;
    readonly matches: boolean;
  } | null;
  /** SPEC §12: the restatements of its days recorded since, beside the sealed results (never in them) */
  readonly restatementsSince: readonly (ClosedMonthRestatement & { readonly portfolio: string })[];
}

/** Each restatement with its portfolio's name on the restated day. */
async function named(
  tx: Queryable,
  restatements: readonly ClosedMonthRestatement[],
): Promise<(ClosedMonthRestatement & { portfolio: string })[]> {
  if (restatements.length === 0) return [];
  const registry = await loadRegistry(tx);
  return restatements.map((r) => ({
    ...r,
    portfolio: registry.identities.get(r.portfolioId)
      ? registry.identities.nameOn(r.portfolioId, r.date)
      : r.portfolioId,
  }));
}

/**
 * SPEC §12: reading a closed month shows its sealed results. Read in one snapshot, and verified
 * as `audit verify` verifies a closed month (each part's hash recomputed from its stored content,
 * the results hash from the parts, chain head and inputs digest, the close's own audit record,
 * the inputs recomputed as sealed): a month whose seal does not verify is refused (69) with the
 * findings, never shown as if it were sealed.
 */
export async function showClosedMonth(db: Queryable, month: string): Promise<ClosedMonthView> {
  const { sealed, records, inputsDigestNow, restatements, classBDetail } = await readSnapshot(
    db,
    async (tx) => {
      const [m] = await loadSealedMonths(tx, month);
      if (m === undefined)
        return { sealed: undefined, records: [], inputsDigestNow: '', restatements: [], classBDetail: null };
      return {
        sealed: m,
        classBDetail: await classBDetailNow(tx, month, m.parts),
        restatements: await named(tx, await restatementsOfClosedMonth(tx, month)),
        records: await loadAuditLog(tx),
        inputsDigestNow: await sealedMonthInputsDigestNow(tx, month, m.inputsDigest),
      };
    },
  );
  if (sealed === undefined)
    throw new Plan12bError(
      'NOT_FOUND',
      `${month} is not closed`,
      `close it with \`plan12b close --month ${month}\`; \`plan12b audit log --action month.close\` lists the closes`,
    );
  const report = verifyAuditEvidence({
    records,
    sealedMonths: [{ ...sealed, inputsDigestNow }],
    feedImports: [],
  });
  const findings: AuditFinding[] = [...report.findings];
  if (sealed.resultsHash === null || !report.ok)
    throw new Plan12bError(
      'DATABASE',
      `${month}'s sealed results do not verify: ${findings.map((f) => f.reason).join('; ')}`,
      'the database was changed outside plan12b; run `plan12b audit verify` for every finding and restore from a backup',
    );
  const parts = Object.fromEntries(sealed.parts.map((p) => [p.part, p.content]));
  return {
    month,
    closedAt: sealed.closedAt,
    closedBy: sealed.closedBy,
    resultsHash: sealed.resultsHash,
    verified: true,
    completeness: (parts[COMPLETENESS_PART] as CloseCompleteness | undefined) ?? null,
    partHashes: sealed.parts.map((p) => ({ part: p.part, contentHash: p.contentHash })),
    parts,
    classBDetail,
    restatementsSince: restatements,
  };
}

/** The month's redemptions recomputed from today's data, against the sealed hash of their detail. */
export async function classBDetailNow(
  tx: Queryable,
  month: string,
  parts: readonly { part: string; content: unknown }[],
): Promise<ClosedMonthView['classBDetail']> {
  const content = parts.find((p) => p.part === 'class-b')?.content as
    | { redemptions?: { detailSha256?: unknown } }
    | undefined;
  const sealedSha256 = content?.redemptions?.detailSha256;
  if (typeof sealedSha256 !== 'string') return null;
  const now = await redemptionsReport(tx, monthStart(month), monthEnd(month));
  const recomputedSha256 = redemptionsDetailHash(now.redemptions);
  return {
    redemptions: now.redemptions.length,
    sealedSha256,
    recomputedSha256,
    matches: recomputedSha256 === sealedSha256,
  };
}
