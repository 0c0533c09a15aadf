import { digestOfKind } from '../audit/inputDigestKinds.js';
import { LedgerStateDigestsByDate, noLedgerStateRowsDigest } from '../audit/ledgerStateDigest.js';
import { addDays, monthEnd, monthStart } from '../calendar/isoDate.js';
import { Plan12bError } from '../errors.js';
import { ledgerStateCopyText, sealedInputsDigests } from '../store/closeRepository.js';
import type { Queryable } from '../store/database.js';
import { ledgerStateMonths } from '../store/ledgerStateRepository.js';

/**
 * SPEC §12 (a closed month is locked; what was changed outside plan12b is exit 69): the close of
 * month M starts from the Class B ledger stored at the end of M−1 — each account's latest
 * `class_b_ledger_state` row on or before it, and `class_b_ledger_last_held` beside it — and
 * Exhibit A reads earlier stored month ends. Each stored month end was sealed by the close that
 * computed it (digest v4: `classBLedgerState` for its own month end, `classBLedgerStateBefore` for
 * the state the books' first close built). A row edited by SQL was found by `audit verify` only:
 * the next close took it as it stood and sealed results paid by it (hostile6). So before the
 * close reads them, every stored date through the end of M−1 is compared with its seal; a date
 * no close sealed is taken as it stands only when it is a complete month end before the books'
 * first month (a state written ahead of the closes: a restore, a benchmark's set-up), and refused
 * otherwise (a row planted at 2005-03-20 would be an account's latest state). Every date that
 * differs is named.
 */
export async function refuseLedgerStateChanged(q: Queryable, month: string): Promise<void> {
  const through = addDays(monthStart(month), -1);
  const sealedBy = new Map<string, { month: string; digest: string }>();
  let firstClosed: string | null = null;
  for (const s of await sealedInputsDigests(q)) {
    if (s.month >= month) continue;
    firstClosed ??= s.month;
    const own = digestOfKind(s.inputsDigest, 'classBLedgerState');
    if (own !== undefined) sealedBy.set(monthEnd(s.month), { month: s.month, digest: own });
    const before = digestOfKind(s.inputsDigest, 'classBLedgerStateBefore');
    if (before !== undefined)
      sealedBy.set(addDays(monthStart(s.month), -1), { month: s.month, digest: before });
  }
  const digests = new LedgerStateDigestsByDate();
  for await (const text of ledgerStateCopyText(q, { through })) digests.addCopyText(text);
  const now = digests.digests();
  const complete = await ledgerStateMonths(q);
  const problems: string[] = [];
  for (const date of [...new Set([...now.keys(), ...sealedBy.keys()])].sort()) {
    if (date > through) continue;
    const seal = sealedBy.get(date);
    const digest = now.get(date) ?? noLedgerStateRowsDigest();
    if (seal !== undefined) {
      if (digest !== seal.digest)
        problems.push(`the ledger at ${date} is not as the close of ${seal.month} sealed it`);
    } else if (
      !(
        complete.has(date) &&
        date === monthEnd(date.slice(0, 7)) &&
        (firstClosed === null || date < monthStart(firstClosed))
      )
    )
      problems.push(`a ledger at ${date}, which no close wrote`);
  }
  if (problems.length > 0)
    throw new Plan12bError(
      'DATABASE',
      `class_b_ledger_state holds ${problems.join('; ')}: the Class B ledger the close of ${month} starts from was changed outside plan12b`,
      'run `plan12b audit verify` to find what changed, and restore the database from a backup',
    );
}
