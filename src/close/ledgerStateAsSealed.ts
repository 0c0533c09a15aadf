import { digestOfKind } from '../audit/inputDigestKinds.js';
import {
  LEDGER_STATE_AT_END,
  LedgerStateAsItStands,
  LedgerStateDigestsByDate,
  LedgerStateRowsDigest,
  noLedgerStateRowsDigest,
} from '../audit/ledgerStateDigest.js';
import { addDays, monthEnd, monthStart } from '../calendar/isoDate.js';
import { Plan12bError } from '../errors.js';
import { loadClassBTerms } from '../store/classBTermsRepository.js';
import { ledgerStateAtCopyText, ledgerStateCopyText, sealedInputsDigests } from '../store/closeRepository.js';
import type { Queryable } from '../store/database.js';
import {
  digestLedgerStateReads,
  type LedgerStateReadsDigest,
  latestLedgerStateMonth,
  ledgerStateDatesBetween,
  ledgerStateMonths,
} from '../store/ledgerStateRepository.js';
import { bootstrapLedgerState } from './ledgerStateBootstrap.js';

/** What the close's check read: the rows, and the ledger it starts from when it read it whole. */
export interface LedgerStateCheck {
  /** the COPY text rows read (state and remembered issuances): none where the month pass's read was hashed */
  readonly rowsRead: number;
  /**
   * The ledger as it stood at the end of the month before, as sealed (the bounded check), and
   * nothing stored after it: the close's own seal of its month end adds what it writes to it.
   * Null after the full check.
   */
  readonly startsFrom: LedgerStateAsItStands | null;
}

/** The close's check of the ledger it starts from, answered once the close's steps have run. */
export interface PendingLedgerStateCheck {
  /** After the steps: what {@link refuseLedgerStateChanged} answers, refusing as it does. */
  settle(): Promise<LedgerStateCheck>;
  /**
   * A step failed: where the ledger the close started from was changed outside plan12b, that is
   * said (exit 69, naming the dates), as the check before the steps said it; else `error` as it was.
   */
  failed(error: unknown): Promise<never>;
}

/**
 * The ledger the month pass read at the end of M−1, hashed as it read it (month9): every account's
 * state row and remembered issuances as `ledgerStateAtCopyText` gives them (ledgerStateRepository.ts
 * `digestLedgerStateReads`). Whole when the pass said it read every range once, in key order.
 */
class LedgerStateAsThePassRead implements LedgerStateReadsDigest {
  readonly stands = new LedgerStateAsItStands();
  taking = true;
  /** a row dated after `asOf` (by `through`) was read */
  rowsAfter = false;
  private wholeReads = 0;
  private lastKey = -1;
  private inOrder = true;
  constructor(
    readonly asOf: string,
    readonly through: string,
  ) {}
  addLine(key: number, day: number, line: string): void {
    // ranges ascend and each is read in key order: a key going back is a range read twice
    if (key < this.lastKey) this.inOrder = false;
    this.lastKey = key;
    this.stands.addLine(key, day, line);
  }
  rowAfter(): void {
    this.taking = false;
    this.rowsAfter = true;
  }
  readWhole(): void {
    this.wholeReads++;
  }
  /** Every account's rows handed over, once. */
  whole(): boolean {
    return this.taking && this.inOrder && this.wholeReads === 1;
  }
}

/** The months sealed before M, and M−1's seal of its month end's whole ledger where it made one. */
interface SealsBefore {
  /** the end of M−1 */
  readonly through: string;
  readonly sealed: readonly { month: string; inputsDigest: string }[];
  /** M−1's close and its `classBLedgerStateAtEnd`, or null: the bounded check cannot apply */
  readonly atEnd: { readonly month: string; readonly digest: string } | null;
}

async function sealsBefore(q: Queryable, month: string): Promise<SealsBefore> {
  const through = addDays(monthStart(month), -1);
  const sealed = (await sealedInputsDigests(q)).filter((s) => s.month < month);
  const last = sealed[sealed.length - 1];
  const digest = last === undefined ? undefined : digestOfKind(last.inputsDigest, LEDGER_STATE_AT_END);
  return {
    through,
    sealed,
    atEnd:
      last !== undefined && digest !== undefined && monthEnd(last.month) === through
        ? { month: last.month, digest }
        : null,
  };
}

/**
 * {@link refuseLedgerStateChanged}, its bounded check taken from the month pass's own read (issue
 * 14, month9: the state at the end of M−1 was read a second time, one row per account, only to be
 * hashed). Where the bounded check applies — M−1's close sealed the ledger as it stood at its end
 * and every account's state there is a month end some close completed, so the pass builds nothing
 * before it reads — the pass's reads of that state are hashed as it reads them (probed through M's
 * end, as the check reads, so that a row stored after M−1 is seen) and the digest compared once the
 * steps have run, before the seal; nothing is read for it. Where the pass did not read the ledger
 * whole (no Class B month applied: a close without the Monthly Calculation, a state stored at M's
 * end), or read a row after M−1, the check reads it as {@link refuseLedgerStateChanged} does. A
 * step that fails meanwhile — a ledger changed by SQL can make the pass fail first — is answered by
 * the full check: a changed ledger is refused as before (exit 69). Otherwise (the full check, the
 * books' first close's replay) the check is made now, before the steps, as it was.
 */
export async function checkLedgerStateAsThePassReads(
  q: Queryable,
  month: string,
): Promise<PendingLedgerStateCheck> {
  const seals = await sealsBefore(q, month);
  const { through, sealed, atEnd } = seals;
  if (
    atEnd === null ||
    // the pass builds the state at the end of M−1 first where no close completed it
    (await latestLedgerStateMonth(q, through)) !== through
  ) {
    const checked = await refuseLedgerStateChanged(q, month, seals);
    return {
      settle: async () => checked,
      failed: async (error) => {
        throw error;
      },
    };
  }
  const read = new LedgerStateAsThePassRead(through, monthEnd(month));
  digestLedgerStateReads(q, read);
  /** the full check: every date through M−1 that differs is named (exit 69) */
  const fullCheck = async () => {
    const full = await refuseLedgerStateChangedSince(q, month, sealed);
    if (full.problems.length > 0) throw changedOutside(month, full.problems);
    return full;
  };
  return {
    async settle() {
      digestLedgerStateReads(q, null);
      if (read.whole()) {
        // nothing read for the check: the pass's rows were hashed as it read them
        if (read.stands.digest() === atEnd.digest) return { rowsRead: 0, startsFrom: read.stands };
        await fullCheck();
        throw changedOutside(month, [
          `the ledger as it stood at ${through} is not as the close of ${atEnd.month} sealed it`,
        ]);
      }
      if (read.rowsAfter) {
        // as the check before the steps: a row stored after M−1 hides an account's state at it
        const full = await fullCheck();
        return { rowsRead: full.rowsRead, startsFrom: null };
      }
      // the pass did not read the ledger whole: read as before (it wrote nothing at M's end)
      return refuseLedgerStateChanged(q, month, seals);
    },
    async failed(error) {
      digestLedgerStateReads(q, null);
      try {
        await fullCheck();
      } catch (refused) {
        // a ledger changed outside plan12b is said as such; a check that cannot run (a server's
        // transaction aborted by the failed statement) leaves the error as it was
        if (refused instanceof Plan12bError) throw refused;
      }
      throw error;
    },
  };
}

/**
 * SPEC §12 (a closed month is locked; what was changed outside plan12b is exit 69), issue 14 (the
 * close's cost bounded by the accounts): the close of month M starts from the Class B ledger as it
 * stood at the end of M−1 — each account's latest `class_b_ledger_state` row on or before it, and
 * its `class_b_ledger_last_held` rows. The close of M−1 sealed that whole state
 * (`classBLedgerStateAtEnd`), so this reads one row per account, hashes it and compares one
 * digest; the earlier dates are `audit verify`'s. Where the digests differ, or M−1 was sealed
 * without it (an older build; the books' first month), or a row is stored after the end of M−1,
 * the full check below names every date that differs.
 */
export async function refuseLedgerStateChanged(
  q: Queryable,
  month: string,
  seals?: SealsBefore,
): Promise<LedgerStateCheck> {
  const { through, sealed, atEnd } = seals ?? (await sealsBefore(q, month));
  if (atEnd !== null) {
    const stands = new LedgerStateAsItStands();
    for await (const text of ledgerStateAtCopyText(q, monthEnd(month))) stands.addCopyText(text);
    // a row stored after the end of M−1 (written ahead of the closes) hides an account's state at it
    if (!stands.hasRowsAfter(through)) {
      if (stands.digest() === atEnd.digest) return { rowsRead: stands.rows, startsFrom: stands };
      const full = await refuseLedgerStateChangedSince(q, month, sealed);
      throw changedOutside(month, [
        ...full.problems,
        ...(full.problems.length === 0
          ? [`the ledger as it stood at ${through} is not as the close of ${atEnd.month} sealed it`]
          : []),
      ]);
    }
  }
  const full = await refuseLedgerStateChangedSince(q, month, sealed);
  if (full.problems.length > 0) throw changedOutside(month, full.problems);
  // the books' first close: the latest complete state written ahead, at M−1 or before it
  const ahead = sealed.length === 0 ? await latestLedgerStateMonth(q, through) : null;
  if (ahead !== null) {
    // the seal reads the ledger at the month's end (a row written ahead after M−1 is in it)
    const replayed = await refuseLedgerStateNotAsReplayed(q, month, ahead);
    return { rowsRead: full.rowsRead + replayed.rows, startsFrom: null };
  }
  return { rowsRead: full.rowsRead, startsFrom: null };
}

/**
 * SPEC §12 (what was changed outside plan12b is exit 69), issue 14 item 1 (a state written ahead
 * of the closes: a restore, a benchmark's set-up): the books' first close of M takes a complete
 * state stored at the end of M−1 as it stands (classBLedgerMonth.ts builds it only where none is
 * stored), and no close sealed it; where the latest complete state is at an earlier month end
 * `date`, the close builds M−1 for the accounts with transactions by then, and an account without
 * any starts from its row at `date` or before. So the ledger as it stands at `date` must be what
 * the transactions through `date` replay to (the bootstrap, ledgerStateBootstrap.ts): the bootstrap
 * replays every account with transactions by then and, writing nothing, hands the rows it would
 * write at `date` to a digest as their COPY text — the text the store would give back, as every
 * close's seal of the rows it writes is (month9: the replay was written into the store on a
 * savepoint with the stored state through `date` set aside, read back and rolled back; at
 * 1,000,000 accounts ~280 s of the first close). With the stored state through `date` set aside
 * the ledger at `date` is exactly those rows (a row dated after `date` through M−1 is at a date no
 * close wrote, refused by the full check above). A state edited or planted by SQL is refused
 * (exit 69) naming the date; the state compared is what the close starts from, sealed as it
 * stands at M's end with what the close writes (`classBLedgerStateAtEnd`). Cost: one replay of
 * every account's transactions through `date`, at the books' first close only.
 */
async function refuseLedgerStateNotAsReplayed(
  q: Queryable,
  month: string,
  date: string,
): Promise<LedgerStateAsItStands> {
  const stored = new LedgerStateAsItStands();
  for await (const text of ledgerStateAtCopyText(q, date)) stored.addCopyText(text);
  const rows = new LedgerStateRowsDigest();
  await bootstrapLedgerState(q, date, await loadClassBTerms(q), { digestOnly: rows });
  // every row replayed is at `date`: the ledger as it would then stand there
  const replayed = new LedgerStateAsItStands().withWritten(rows, date)!;
  if (stored.digest() !== replayed.digest())
    throw new Plan12bError(
      'DATABASE',
      `class_b_ledger_state holds a ledger at ${date} that is not what the transactions through it replay to: the Class B ledger the books' first close, of ${month}, starts from was changed outside plan12b`,
      `restore the database from a backup, or remove the state stored through ${date} (its class_b_ledger_state_month row and class_b_ledger_state rows) so the close builds it from the transactions`,
    );
  return stored;
}

function changedOutside(month: string, problems: readonly string[]): Plan12bError {
  return new Plan12bError(
    'DATABASE',
    `class_b_ledger_state holds ${problems.join('; ')}: the Class B ledger the close of ${month} starts from was changed outside plan12b`,
    'run `plan12b audit verify` to find what changed, and restore the database from a backup',
  );
}

/**
 * The full check (a close after one sealed by an older build; and to name what differs): every
 * stored date through the end of M−1 is compared with the seal of the close that computed it
 * (digest v4: `classBLedgerState` for its own month end, `classBLedgerStateBefore` for the state
 * the books' first close built); a date no close sealed is taken as it stands only when it is a
 * complete month end before the books' first month (a state written ahead of the closes: a
 * restore, a benchmark's set-up), and refused otherwise (a row planted at 2005-03-20 would be an
 * account's latest state). Every date that differs is named. Its cost grows with the ledger's
 * history (every month end stored), hence the bounded check above.
 */
async function refuseLedgerStateChangedSince(
  q: Queryable,
  month: string,
  sealed: readonly { month: string; inputsDigest: string }[],
): Promise<{ rowsRead: number; problems: string[] }> {
  let rowsRead = 0;
  const through = addDays(monthStart(month), -1);
  const sealedBy = new Map<string, { month: string; digest: string }>();
  let firstClosed: string | null = null;
  for (const s of sealed) {
    firstClosed ??= s.month;
    const own = digestOfKind(s.inputsDigest, 'classBLedgerState');
    if (own !== undefined) sealedBy.set(monthEnd(s.month), { month: s.month, digest: own });
    const before = digestOfKind(s.inputsDigest, 'classBLedgerStateBefore');
    if (before !== undefined)
      sealedBy.set(addDays(monthStart(s.month), -1), { month: s.month, digest: before });
  }
  const digests = new LedgerStateDigestsByDate();
  for await (const text of ledgerStateCopyText(q, { through })) {
    for (const b of text) if (b === 10) rowsRead++;
    digests.addCopyText(text);
  }
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
  // A row dated inside M, before its end: no close wrote it (M's own close writes at M's end, and a
  // state written ahead of the closes is at a month end). Taken, it would be that account's state
  // at M's end, sealed as it stands (month9 found a row planted at 2005-05-15 closed and verified).
  for (const date of await ledgerStateDatesBetween(q, through, monthEnd(month)))
    if (!(complete.has(date) && date === monthEnd(date.slice(0, 7))))
      problems.push(`a ledger at ${date}, inside ${month}, which no close wrote`);
  return { rowsRead, problems };
}
