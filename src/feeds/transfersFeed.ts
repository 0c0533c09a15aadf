import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { isIsoDate } from '../calendar/isoDate.js';
import { BadInputError, Plan12bError, type RowProblem } from '../errors.js';
import { normalizeRatePct, parseRateMicroPct } from '../money/rate.js';
import type { Registry } from '../registry/registry.js';
import { currentActor } from '../store/actor.js';
import { appendAudit } from '../store/auditLog.js';
import type { Database, Queryable } from '../store/database.js';
import { loadRegistry } from '../store/registryStore.js';
import { createTransfer, type Transfer } from '../transfers/transfer.js';
import { readCsvFeed } from './csvRows.js';

export const TRANSFER_COLUMNS = [
  'id',
  'assignee',
  'address',
  'portfolio',
  'twelve_b1_portion_pct',
  'cdsc_portion_pct',
  'doi_from',
  'doi_to',
  'effective_date',
  'notice_received_date',
  'payment',
  'depository_agent',
] as const;

interface TransferRow {
  readonly id: string;
  readonly assignee: string;
  readonly address: string;
  readonly portfolio_name: string | null;
  readonly twelve_b1_portion_pct: string | null;
  readonly cdsc_portion_pct: string | null;
  readonly doi_from: string | null;
  readonly doi_to: string | null;
  readonly effective_date: string;
  readonly notice_received_date: string | null;
  readonly payment: 'direct' | 'depository';
  readonly depository_agent: string | null;
}

const pct = (v: string | null) => (v === null ? null : normalizeRatePct(v));

function sameRow(a: TransferRow, b: TransferRow): boolean {
  return (
    a.assignee === b.assignee &&
    a.address === b.address &&
    (a.portfolio_name ?? '').toLowerCase() === (b.portfolio_name ?? '').toLowerCase() &&
    pct(a.twelve_b1_portion_pct) === pct(b.twelve_b1_portion_pct) &&
    pct(a.cdsc_portion_pct) === pct(b.cdsc_portion_pct) &&
    a.doi_from === b.doi_from &&
    a.doi_to === b.doi_to &&
    a.effective_date === b.effective_date &&
    a.notice_received_date === b.notice_received_date &&
    a.payment === b.payment &&
    (a.depository_agent ?? '') === (b.depository_agent ?? '')
  );
}

export async function loadTransferRows(q: Queryable): Promise<TransferRow[]> {
  return q.query<TransferRow>(
    `SELECT id, assignee, address, portfolio_name, twelve_b1_portion_pct, cdsc_portion_pct, doi_from, doi_to,
            effective_date, notice_received_date, payment, depository_agent FROM transfer ORDER BY id`,
  );
}

/** The recorded Transfers as domain values, portfolios resolved through the registry. */
export async function loadTransfers(q: Queryable, registry: Registry): Promise<Transfer[]> {
  return (await loadTransferRows(q)).map((r) =>
    createTransfer({
      id: r.id,
      assignee: r.assignee,
      address: r.address,
      portfolioId:
        r.portfolio_name === null
          ? null
          : (registry.identities.resolve(r.portfolio_name) ?? r.portfolio_name),
      twelveB1PortionPct: pct(r.twelve_b1_portion_pct),
      cdscPortionPct: pct(r.cdsc_portion_pct),
      doiFrom: r.doi_from,
      doiTo: r.doi_to,
      effectiveDate: r.effective_date,
      noticeReceivedDate: r.notice_received_date,
      payment: r.payment,
      depositoryAgent: r.depository_agent,
    }),
  );
}

function validate(
  file: string,
  bytes: Uint8Array,
  registry: Registry,
): { rows: (TransferRow & { line: number })[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const rows: (TransferRow & { line: number })[] = [];
  const seen = new Map<string, number>();
  for (const { line, values: v } of readCsvFeed(file, bytes, TRANSFER_COLUMNS)) {
    const bad = (field: string, reason: string) => problems.push({ file, line, field, reason });
    const before = problems.length;
    const opt = (s: string | undefined) => (s === undefined || s === '' ? null : s);
    if (!v.id) bad('id', 'empty; every Transfer needs an id');
    else if (seen.has(v.id)) bad('id', `duplicate id ${v.id} (first on line ${seen.get(v.id)})`);
    else seen.set(v.id, line);
    if (!v.assignee) bad('assignee', 'empty; the notice of Transfer names the Assignee (EIGHTH(B))');
    if (!v.address) bad('address', 'empty; the notice of Transfer gives the Assignee’s address (EIGHTH(B))');
    const portfolio = opt(v.portfolio);
    const portfolioName = portfolio === null || portfolio.toLowerCase() === 'all' ? null : portfolio;
    if (portfolioName !== null && registry.identities.resolve(portfolioName) === undefined)
      bad(
        'portfolio',
        `unknown portfolio ${JSON.stringify(portfolioName)}; give a name it ever had, or "all"`,
      );
    const p12 = opt(v.twelve_b1_portion_pct);
    const pc = opt(v.cdsc_portion_pct);
    for (const [field, value] of [
      ['twelve_b1_portion_pct', p12],
      ['cdsc_portion_pct', pc],
    ] as const) {
      if (value === null) continue;
      try {
        if (parseRateMicroPct(value) > parseRateMicroPct('100')) bad(field, `${value}% is more than 100%`);
      } catch {
        bad(field, `${JSON.stringify(value)} is not a percent (e.g. 50 or 12.5)`);
      }
    }
    if (p12 === null && pc === null)
      bad('twelve_b1_portion_pct', 'the Transfer gives neither a 12b-1 Portion nor a CDSC Portion');
    for (const field of ['doi_from', 'doi_to', 'effective_date', 'notice_received_date'] as const) {
      const d = opt(v[field]);
      if (d === null) {
        if (field === 'effective_date') bad(field, 'empty; when does the Transfer take effect?');
      } else if (!isIsoDate(d)) bad(field, `${JSON.stringify(d)} is not a date (YYYY-MM-DD)`);
    }
    const payment = opt(v.payment) ?? 'direct';
    if (payment !== 'direct' && payment !== 'depository')
      bad('payment', `${JSON.stringify(payment)}: use direct or depository`);
    if (payment === 'depository' && !opt(v.depository_agent))
      bad('depository_agent', 'payment through a depository needs the agent (EIGHTH(D))');
    if (problems.length > before) continue;
    const row: TransferRow & { line: number } = {
      line,
      id: v.id!,
      assignee: v.assignee!,
      address: v.address!,
      portfolio_name: portfolioName,
      twelve_b1_portion_pct: p12,
      cdsc_portion_pct: pc,
      doi_from: opt(v.doi_from),
      doi_to: opt(v.doi_to),
      effective_date: v.effective_date!,
      notice_received_date: opt(v.notice_received_date),
      payment: payment as 'direct' | 'depository',
      depository_agent: opt(v.depository_agent),
    };
    try {
      createTransfer({
        id: row.id,
        assignee: row.assignee,
        address: row.address,
        portfolioId: row.portfolio_name,
        twelveB1PortionPct: p12,
        cdscPortionPct: pc,
        doiFrom: row.doi_from,
        doiTo: row.doi_to,
        effectiveDate: row.effective_date,
        noticeReceivedDate: row.notice_received_date,
        payment: row.payment,
        depositoryAgent: row.depository_agent,
      });
    } catch (e) {
      bad('id', (e as Error).message);
      continue;
    }
    rows.push(row);
  }
  return { rows, problems };
}

/**
 * `plan12b transfers import`: all-or-nothing and idempotent by id; a Transfer once recorded is
 * never edited (a changed row is refused — record the notice with `plan12b transfers notice`).
 */
export async function importTransfers(
  db: Database,
  file: string,
  bytes: Uint8Array,
): Promise<{ inserted: number; unchanged: number }> {
  return db.transaction(async (tx) => {
    const registry = await loadRegistry(tx);
    const { rows, problems } = validate(file, bytes, registry);
    if (problems.length > 0) throw new BadInputError(problems);
    const existing = new Map((await loadTransferRows(tx)).map((r) => [r.id, r]));
    const conflicts: RowProblem[] = [];
    const fresh = rows.filter((r) => {
      const old = existing.get(r.id);
      if (!old) return true;
      if (!sameRow(old, r))
        conflicts.push({
          file,
          line: r.line,
          field: 'id',
          reason: `Transfer ${r.id} is already recorded with other terms; Transfers are never edited — record a new one`,
        });
      return false;
    });
    if (conflicts.length > 0) throw new BadInputError(conflicts);
    const actor = currentActor();
    for (const r of fresh) {
      await tx.query(
        `INSERT INTO transfer (id, assignee, address, portfolio_name, twelve_b1_portion_pct, cdsc_portion_pct, doi_from, doi_to,
                               effective_date, notice_received_date, payment, depository_agent, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          r.id,
          r.assignee,
          r.address,
          r.portfolio_name,
          r.twelve_b1_portion_pct,
          r.cdsc_portion_pct,
          r.doi_from,
          r.doi_to,
          r.effective_date,
          r.notice_received_date,
          r.payment,
          r.depository_agent,
          actor,
        ],
      );
    }
    if (fresh.length > 0)
      await appendAudit(tx, {
        action: 'transfers.import',
        subject: basename(file),
        contentHash: createHash('sha256').update(bytes).digest('hex'),
        detail: fresh.map((r) => `${r.id} → ${r.assignee}`).join('; '),
      });
    return { inserted: fresh.length, unchanged: rows.length - fresh.length };
  });
}

/** EIGHTH(B): records the date the Fund received the notice of Transfer (once). */
export async function recordTransferNotice(
  db: Database,
  id: string,
  receivedDate: string,
): Promise<{ recorded: boolean }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ notice_received_date: string | null }>(
      'SELECT notice_received_date FROM transfer WHERE id = $1',
      [id],
    );
    if (!row) throw new Plan12bError('NOT_FOUND', `no Transfer ${id}`, 'see `plan12b transfers list`');
    if (row.notice_received_date === receivedDate) return { recorded: false };
    if (row.notice_received_date !== null)
      throw new Plan12bError(
        'CONFLICT',
        `the notice of Transfer ${id} was recorded as received on ${row.notice_received_date}`,
      );
    await tx.query('UPDATE transfer SET notice_received_date = $2 WHERE id = $1', [id, receivedDate]);
    await appendAudit(tx, {
      action: 'transfers.notice',
      subject: id,
      contentHash: createHash('sha256').update(`${id}|${receivedDate}`).digest('hex'),
      detail: `notice received ${receivedDate}`,
    });
    return { recorded: true };
  });
}
