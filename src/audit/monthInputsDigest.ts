import { addDays, monthEnd, monthStart } from '../calendar/isoDate.js';
import { governingRatesText } from '../registry/closedPeriodChange.js';
import type { Registry } from '../registry/registry.js';
import { loadApprovals } from '../store/approvalsRepository.js';
import {
  closeAuditSeq,
  closedMonthsInOrder,
  LEDGER_KEY_KINDS,
  ledgerKeyChunks,
  ledgerPortfolioKeyCount,
  ledgerStateAtCopyText,
  ledgerStateCopyText,
  type MonthInputOptions,
  monthInputChunks,
} from '../store/closeRepository.js';
import type { Queryable } from '../store/database.js';
import { EXHIBIT_A_HOLDINGS_KIND, exhibitAHoldingsChunks } from '../store/exhibitAHoldingsRepository.js';
import { registryOfInputs } from '../store/registryInputs.js';
import { loadBoardRates, loadDocumentsAsSealed } from '../store/registryStore.js';
import { loadSettings } from '../store/settingsRepository.js';
import { loadTerminations } from '../store/terminationsRepository.js';
import {
  type MonthInputsChunk,
  streamedMonthInputsDigest,
  streamedMonthInputsDigestsByKind,
} from './closeSeal.js';
import { digestOfKind, LEDGER_STATE, RECORDS, withMoreKinds } from './inputDigestKinds.js';
import { LEDGER_STATE_AT_END, LedgerStateAsItStands, LedgerStateRowsDigest } from './ledgerStateDigest.js';

/**
 * The inputs digest a close seals (SPEC §12: "a closed month is locked"; `audit verify` finds an
 * input of a closed month changed outside plan12b).
 *
 * Version 3, sealed as `v3:` + `kind=digest` for each kind (comma-separated, kinds in byte
 * order), covers everything that governs the month's sealed results, so that `audit verify` finds
 * a change to any of it by SQL and names the kinds that changed: the feeds (net assets, provider
 * assets, Class B transactions, omnibus rows), the Transfers, distributor terms and Class B terms
 * (CDSC schedules, conversion periods, redemption fees), the Board's rates, the service
 * agreements, their terminations and assignments, the Plan and Agreement terminations, the
 * accounts' omnibus flags, the approvals and the exhibits recorded by the close — and `governing`:
 * the rates that governed each class on each day of the month, derived from the documents (as the
 * close saw them), rates, approvals, terminations and settings recorded now, which plan12b never
 * changes for a closed month (a change that would is refused), so that a setting or a record
 * inserted by SQL that changes what governed is found too.
 *
 * Version 2 (`v2:` + one digest) covered the feeds, Board rates, service agreement events and
 * terminations; version 1 (no prefix) the feeds. A month sealed with either is checked as it was
 * sealed.
 */
const GOVERNING = 'v2:';

/**
 * The digest a close seals now. `registry`: the close's own (issue 14 item 4: a close derives the
 * registry once), derived from what is recorded now — at the close, the documents as sealed.
 */
export function sealingMonthInputsDigest(q: Queryable, month: string, registry?: Registry): Promise<string> {
  return recordsDigest(q, month, false, registry);
}

/**
 * Version 4 (SPEC §12: the close seals its results): a v3 digest of the month's inputs, read
 * before the close's steps, with `classBLedgerState`, the Class B ledger the close wrote at the
 * month's end (and `classBLedgerStateBefore`, the state before the month it built from the
 * earlier transactions, when it did), digested from the COPY text it wrote
 * (ledgerStateDigest.ts). The ledger is derived from the transactions but kept as stored state
 * that the next close starts from: a lot edited by SQL would change every later month's
 * redemptions and CDSC.
 */
export function withSealedLedgerState(
  inputsDigest: string,
  ledger: LedgerStateRowsDigest,
  month: string,
  keys: readonly (readonly [kind: string, digest: string])[] = [],
): string {
  return withMoreKinds(LEDGER_STATE, inputsDigest, [...ledger.kinds(monthStart(month)), ...keys]);
}

/**
 * What the stored ledger names by key, by kind (closeRepository.ts `ledgerKeyChunks`): the
 * accounts' keys, the Free Shares' attributions and the first `portfolioKeys` portfolio keys, the
 * last kind's digest written `N:digest` so that verify reads the keys the close sealed. Sealed in
 * v4 digests since hostile4; a month sealed without them is checked without them.
 */
async function ledgerKeysDigest(
  q: Queryable,
  month: string,
  portfolioKeys: number,
): Promise<[kind: string, digest: string][]> {
  const kinds = await streamedMonthInputsDigestsByKind(
    ledgerKeyChunks(q, month, monthStart(month), monthEnd(month), portfolioKeys),
  );
  return kinds.map(([kind, d]) => [kind, kind === LEDGER_KEY_KINDS.portfolios ? `${portfolioKeys}:${d}` : d]);
}

/** The number of portfolio keys a v4 digest sealed (`classBLedgerPortfolios=N:…`), or null when it sealed none. */
function sealedPortfolioKeys(sealed: string): number | null {
  // a count no store has (the sealed digest changed by SQL) is left out: the kind then differs
  const m = new RegExp(`,${LEDGER_KEY_KINDS.portfolios}=(\\d{1,9}):`).exec(sealed);
  return m === null ? null : Number(m[1]);
}

/**
 * The Exhibit A holdings kept at the month's computation dates (exhibitAHoldingsRepository.ts
 * `exhibitAHoldingsChunks`): those after `after`, the end of the closed month before it (`-`:
 * none, the books' first month, whose close keeps every date by its end), through its end,
 * written `after:digest` so that verify reads the rows the close sealed. Sealed in v4 digests
 * since exa2; a month sealed without it is checked without it.
 */
async function exhibitAHoldingsDigest(
  q: Queryable,
  month: string,
  after: string | null,
): Promise<[kind: string, digest: string]> {
  const [[kind, d]] = (await streamedMonthInputsDigestsByKind(
    exhibitAHoldingsChunks(q, after, monthEnd(month)),
  )) as [[string, string]];
  return [kind, `${after ?? '-'}:${d}`];
}

/** The lower bound a v4 digest sealed for its holdings (`exhibitAHoldings=after:…`): undefined when none was sealed. */
function sealedHoldingsAfter(sealed: string): string | null | undefined {
  // a bound no close writes (the sealed digest changed by SQL) is left out: the kind then differs
  const m = new RegExp(`,${EXHIBIT_A_HOLDINGS_KIND}=(-|\\d{4}-\\d{2}-\\d{2}):`).exec(sealed);
  return m === null ? undefined : m[1] === '-' ? null : m[1];
}

/**
 * Whether the kept Exhibit A holdings a closed month sealed (`exhibitAHoldings=after:digest`) read
 * now as sealed; null when the seal holds none (made before exa2, or not v4). A later close reads
 * them instead of recounting the lots (monthClose.ts: a close refuses a kept row it relies on
 * that no longer reads as sealed and that a recount contradicts; hostile5).
 */
export async function keptHoldingsAsSealed(
  q: Queryable,
  month: string,
  sealed: string,
): Promise<boolean | null> {
  if (!sealed.startsWith(LEDGER_STATE)) return null;
  const after = sealedHoldingsAfter(sealed);
  if (after === undefined) return null;
  const [kind, now] = await exhibitAHoldingsDigest(q, month, after);
  return sealed.includes(`,${kind}=${now},`) || sealed.endsWith(`,${kind}=${now}`);
}

/**
 * The v4 digest a close seals: {@link withSealedLedgerState} of what it wrote — or, where it wrote
 * no row at the month's end because the state there was stored before it (written ahead of the
 * closes: a restore, a benchmark's setup; the close then takes it as it is), of what is stored.
 */
export async function sealingWithLedgerState(
  q: Queryable,
  month: string,
  inputsDigest: string,
  ledger: LedgerStateRowsDigest,
  /** the ledger as it stood at the end of the month before, as the close's check read it, or null */
  startsFrom: LedgerStateAsItStands | null = null,
): Promise<string> {
  if (!ledger.hasRowsFrom(monthStart(month)))
    for await (const text of ledgerStateCopyText(q, [monthEnd(month)])) ledger.addCopyText(text);
  // the ledger as it stands at the month's end: what the close started from with what it wrote,
  // or (the books' first month, a store sealed by an older build) read
  const atEnd = startsFrom?.withWritten(ledger, monthEnd(month)) ?? (await ledgerStateAt(q, monthEnd(month)));
  const keys = await ledgerKeysDigest(q, month, await ledgerPortfolioKeyCount(q));
  keys.push([LEDGER_STATE_AT_END, atEnd.digest()]);
  const before = (await closedMonthsInOrder(q)).filter((m) => m < month);
  const after = before.length === 0 ? null : monthEnd(before[before.length - 1]!);
  keys.push(await exhibitAHoldingsDigest(q, month, after));
  return withSealedLedgerState(inputsDigest, ledger, month, keys);
}

/** The Class B ledger as it stands at `date`, read (closeRepository.ts `ledgerStateAtCopyText`). */
async function ledgerStateAt(q: Queryable, date: string): Promise<LedgerStateAsItStands> {
  const stands = new LedgerStateAsItStands();
  for await (const text of ledgerStateAtCopyText(q, date)) stands.addCopyText(text);
  return stands;
}

/** The v4 digest of a closed month now: its v3 inputs and the ledger state stored at its end (and before, if sealed). */
async function ledgerStateDigestNow(q: Queryable, month: string, sealed: string): Promise<string> {
  const ledger = new LedgerStateRowsDigest();
  const before = sealed.includes(',classBLedgerStateBefore=');
  const asOf = [monthEnd(month), ...(before ? [addDays(monthStart(month), -1)] : [])];
  for await (const text of ledgerStateCopyText(q, asOf)) ledger.addCopyText(text);
  const portfolioKeys = sealedPortfolioKeys(sealed);
  const keys = portfolioKeys === null ? [] : await ledgerKeysDigest(q, month, portfolioKeys);
  // sealed since month8: the ledger as it stood at the month's end (every account's latest state)
  if (digestOfKind(sealed, LEDGER_STATE_AT_END) !== undefined)
    keys.push([LEDGER_STATE_AT_END, (await ledgerStateAt(q, monthEnd(month))).digest()]);
  const holdingsAfter = sealedHoldingsAfter(sealed);
  if (holdingsAfter !== undefined) keys.push(await exhibitAHoldingsDigest(q, month, holdingsAfter));
  const records = await termsAsSealed(q, month, await recordsDigest(q, month, true), sealed);
  return withSealedLedgerState(records, ledger, month, keys);
}

const TERMS = 'distributorTerms';

/**
 * A v3/v4 digest of now with its distributor terms as the seal read them. Since session 53 a close
 * reads each term once as it reads in the month (a term ended after the month, recorded again, is
 * the same term in it); a seal made before read every record. Where the two differ, the seal is
 * checked against the records read as it read them — those recorded before its close (by their
 * imports' audit records): a term recorded again after the close (ended later still) is one more
 * record the seal never read (hostile5: it was reported as changed). The substitution holds only
 * when those records read every record's way as sealed and, read once, as all records read now:
 * a record added since that reads otherwise in the month is a change, found.
 */
async function termsAsSealed(q: Queryable, month: string, now: string, sealed: string): Promise<string> {
  const kindIn = (d: string) => new RegExp(`(?:^|[:,])${TERMS}=([^,]*)`).exec(d)?.[1];
  const was = kindIn(sealed);
  const is = kindIn(now);
  if (was === undefined || is === undefined || was === is) return now;
  const closeSeq = await closeAuditSeq(q, month);
  const read = async (termsAsRecorded: boolean) => {
    const [terms] = await streamedMonthInputsDigestsByKind(
      monthInputChunks(q, month, monthStart(month), monthEnd(month), {
        asSealed: true,
        governing: true,
        records: true,
        termsAsRecorded,
        onlyKind: TERMS,
        ...(closeSeq === null ? {} : { termsRecordedBefore: closeSeq }),
      }),
    );
    return terms?.[1];
  };
  const asSealed = (await read(true)) === was && (closeSeq === null || (await read(false)) === is);
  return asSealed ? now.replace(`${TERMS}=${is}`, `${TERMS}=${was}`) : now;
}

/** The digest of a closed month's inputs today, restatements since undone, in its seal's version. */
export async function sealedMonthInputsDigestNow(
  q: Queryable,
  month: string,
  sealed: string | null,
): Promise<string> {
  if (sealed?.startsWith(LEDGER_STATE)) return ledgerStateDigestNow(q, month, sealed);
  if (sealed?.startsWith(RECORDS))
    return termsAsSealed(q, month, await recordsDigest(q, month, true), sealed);
  const governing = sealed?.startsWith(GOVERNING) ?? false;
  const now = await digest(q, month, { asSealed: true, governing });
  return governing ? `${GOVERNING}${now}` : now;
}

function digest(q: Queryable, month: string, opts: MonthInputOptions): Promise<string> {
  return streamedMonthInputsDigest(monthInputChunks(q, month, monthStart(month), monthEnd(month), opts));
}

async function recordsDigest(
  q: Queryable,
  month: string,
  asSealed: boolean,
  registry?: Registry,
): Promise<string> {
  const rows = registry
    ? governingRuns(registry, monthStart(month), monthEnd(month))
    : await governingRows(q, month);
  const governing: MonthInputsChunk = { kind: 'governing', rows };
  const chunks = monthInputChunks(q, month, monthStart(month), monthEnd(month), {
    asSealed,
    governing: true,
    records: true,
  });
  const digests = await streamedMonthInputsDigestsByKind(withChunk(chunks, governing));
  return `${RECORDS}${digests.map(([kind, d]) => `${kind}=${d}`).join(',')}`;
}

/** The chunks with one more kind's chunk in its place (kinds in byte order of their names). */
async function* withChunk(
  chunks: AsyncIterable<MonthInputsChunk>,
  extra: MonthInputsChunk,
): AsyncGenerator<MonthInputsChunk> {
  let placed = false;
  for await (const c of chunks) {
    if (!placed && c.kind > extra.kind) {
      yield extra;
      placed = true;
    }
    yield c;
  }
  if (!placed) yield extra;
}

/**
 * What governed each class on each day of the month (SPEC §2: the rates in force), as runs of
 * days with the same rates: `[portfolioId, class, from, lastDay, rates]`, the rates as
 * closedPeriodChange compares them — the comparison by which plan12b refuses an approval, a
 * setting or a document that would change what governed a closed month. Days no instrument
 * governs are left out (a document for a later class adds none).
 */
async function governingRows(q: Queryable, month: string): Promise<string[][]> {
  const { registry } = registryOfInputs({
    documents: await loadDocumentsAsSealed(q, month),
    rates: await loadBoardRates(q),
    approvals: await loadApprovals(q),
    terminations: await loadTerminations(q),
    settings: [...(await loadSettings(q))],
  });
  return governingRuns(registry, monthStart(month), monthEnd(month));
}

function governingRuns(registry: Registry, from: string, to: string): string[][] {
  const rows: string[][] = [];
  const keys = [...registry.classKeys()].sort((a, b) =>
    a.portfolioId !== b.portfolioId
      ? a.portfolioId < b.portfolioId
        ? -1
        : 1
      : a.class < b.class
        ? -1
        : a.class > b.class
          ? 1
          : 0,
  );
  for (const { portfolioId, class: cls } of keys) {
    let run: string[] | null = null;
    for (let day = from; day <= to; day = addDays(day, 1)) {
      const rates = governingRatesText(registry, portfolioId, cls, day);
      if (run !== null && rates === run[4]) {
        run[3] = day;
        continue;
      }
      if (run !== null) rows.push(run);
      run = rates === null ? null : [portfolioId, cls, day, day, rates];
    }
    if (run !== null) rows.push(run);
  }
  return rows;
}
