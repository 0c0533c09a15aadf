import { sha256 } from '../audit/auditChain.js';
import { Plan12bError } from '../errors.js';
import { normalizeRatePct } from '../money/rate.js';
import type { BoardRate } from '../registry/boardRate.js';
import { buildRegistry } from '../registry/registry.js';
import { currentActor } from './actor.js';
import { appendAudit } from './auditLog.js';
import type { Database } from './database.js';
import { loadBoardRates, loadDocuments } from './registryStore.js';

/**
 * Records a Board-set current rate (SPEC §2). Refused above the governing entry's maxima, or on
 * a day the class is not covered; the same rate twice changes nothing.
 */
export async function setBoardRate(db: Database, rate: BoardRate): Promise<{ recorded: boolean }> {
  const normal: BoardRate = {
    ...rate,
    distributionFeePct: rate.distributionFeePct === null ? null : normalizeRatePct(rate.distributionFeePct),
    serviceFeePct: rate.serviceFeePct === null ? null : normalizeRatePct(rate.serviceFeePct),
  };
  return db.transaction(async (tx) => {
    const rates = await loadBoardRates(tx);
    const registry = buildRegistry(await loadDocuments(tx), rates);
    const pid = registry.identities.resolve(normal.portfolio);
    if (pid === undefined)
      throw new Plan12bError(
        'NOT_FOUND',
        `no portfolio has ever been named ${JSON.stringify(normal.portfolio)}`,
        'check the name, or import the exhibit that lists it',
      );
    const why = registry.checkBoardRate(normal);
    if (why)
      throw new Plan12bError(
        'REFUSED',
        `rate refused: ${why}`,
        'a Board may set rates at or below the schedule maxima only',
      );
    const same = rates.find(
      (r) =>
        registry.identities.resolve(r.portfolio) === pid &&
        r.class === normal.class &&
        r.effectiveDate === normal.effectiveDate,
    );
    if (same) {
      const num = (v: string | null) => (v === null ? null : normalizeRatePct(v));
      if (
        num(same.distributionFeePct) === normal.distributionFeePct &&
        num(same.serviceFeePct) === normal.serviceFeePct
      )
        return { recorded: false };
      throw new Plan12bError(
        'CONFLICT',
        `a different Board-set rate is already recorded for ${normal.portfolio} class ${normal.class} effective ${normal.effectiveDate}`,
        'record the new rate with its own effective date; recorded rates are never edited',
      );
    }
    await tx.query(
      `INSERT INTO board_rate (portfolio_name, class, effective_date, distribution_fee_pct, service_fee_pct, reason, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        registry.identities.nameOn(pid, normal.effectiveDate),
        normal.class,
        normal.effectiveDate,
        normal.distributionFeePct,
        normal.serviceFeePct,
        normal.reason,
        currentActor(),
      ],
    );
    await appendAudit(tx, {
      action: 'rates.set',
      subject: `${normal.portfolio} class ${normal.class} from ${normal.effectiveDate}`,
      contentHash: sha256(JSON.stringify(normal)),
      detail: `distribution ${normal.distributionFeePct ?? '—'}%, service ${normal.serviceFeePct ?? '—'}%${normal.reason ? `: ${normal.reason}` : ''}`,
    });
    return { recorded: true };
  });
}
