import type { ChainHead, MonthInputs, MonthInputsChunk } from '../audit/closeSeal.js';
import type { RestatementMarks } from '../audit/restatementMarks.js';
import { encodeCopyValue, sqlTextLiteral } from './copyText.js';
import type { Queryable, TextRowChunkSize } from './database.js';
import { inByteOrder, typed } from './queryBuilder.js';

/**
 * The month close's records (SPEC §12): closed_month (who closed it, its seal: results hash,
 * audit chain head, inputs digest, the audit record of the close), close_result (the sealed
 * parts) and the restatements a later close reports as prior-period adjustments.
 */

export async function closedMonthsInOrder(q: Queryable): Promise<string[]> {
  const rows = await typed(q).selectFrom('closed_month').select('month').orderBy('month').execute();
  return rows.map((r) => r.month);
}

/** Each closed month and the day (UTC) it was closed, in month order (Rule 12b-1(f) records). */
export async function closedMonthDates(q: Queryable): Promise<{ month: string; closedOn: string }[]> {
  const rows = await typed(q)
    .selectFrom('closed_month')
    .select(['month', 'closed_at'])
    .orderBy('month')
    .execute();
  return rows.map((r) => ({
    month: r.month,
    closedOn: (r.closed_at instanceof Date ? r.closed_at : new Date(String(r.closed_at)))
      .toISOString()
      .slice(0, 10),
  }));
}

/** The earliest day with daily net assets recorded, or null (SPEC §12: the books start in its month). */
export async function firstNetAssetsDate(q: Queryable): Promise<string | null> {
  const rows = await q.query<{ first: string | null }>('SELECT min(date)::text AS first FROM net_assets');
  return rows[0]?.first ?? null;
}

/** Each class's last day with net assets through `to` (one aggregate read; SPEC §12 completeness). */
export async function lastNetAssetsDates(
  q: Queryable,
  to: string,
): Promise<{ portfolioId: string; class: string; lastDate: string }[]> {
  const rows = await q.query<{ portfolio_id: string; class: string; last: string }>(
    `SELECT portfolio_id, class, max(date)::text AS last FROM net_assets WHERE date <= $1
      GROUP BY portfolio_id, class ORDER BY portfolio_id COLLATE "C", class COLLATE "C"`,
    [to],
  );
  return rows.map((r) => ({ portfolioId: r.portfolio_id, class: r.class, lastDate: r.last }));
}

/** One part of every closed month's sealed results, in month order. */
export async function sealedPartOfEveryMonth(
  q: Queryable,
  part: string,
): Promise<{ month: string; content: unknown }[]> {
  const rows = await typed(q)
    .selectFrom('close_result')
    .select(['month', 'content'])
    .where('part', '=', part)
    .orderBy('month')
    .execute();
  return rows.map((r) => ({ month: r.month, content: parsedJson(r.content) }));
}

/** Opens the month's record; it is sealed by {@link sealClosedMonth} in the same transaction. */
export async function insertClosedMonth(q: Queryable, month: string, closedBy: string): Promise<void> {
  await typed(q).insertInto('closed_month').values({ month, closed_by: closedBy }).execute();
}

export interface MonthSealRecord {
  readonly month: string;
  readonly resultsHash: string;
  readonly chain: ChainHead;
  readonly inputsDigest: string;
  readonly auditSeq: number;
}

/** Seals the month: after this the row can no longer change (trigger closed_month_no_update). */
export async function sealClosedMonth(q: Queryable, seal: MonthSealRecord): Promise<void> {
  await typed(q)
    .updateTable('closed_month')
    .set({
      results_hash: seal.resultsHash,
      chain_seq: String(seal.chain.seq),
      chain_hash: seal.chain.hash,
      inputs_digest: seal.inputsDigest,
      audit_seq: String(seal.auditSeq),
    })
    .where('month', '=', seal.month)
    .execute();
}

export async function insertCloseResult(
  q: Queryable,
  r: { month: string; part: string; json: string; contentHash: string },
): Promise<void> {
  await q.query(
    'INSERT INTO close_result (month, part, content, content_hash) VALUES ($1, $2, $3::json, $4)',
    [r.month, r.part, r.json, r.contentHash],
  );
}

function parsedJson(content: unknown): unknown {
  return typeof content === 'string' ? JSON.parse(content) : content;
}

/** One sealed part of a closed month, or undefined if the month (or the part) is not sealed. */
export async function loadCloseResult(
  q: Queryable,
  month: string,
  part: string,
): Promise<unknown | undefined> {
  const row = await typed(q)
    .selectFrom('close_result')
    .select('content')
    .where('month', '=', month)
    .where('part', '=', part)
    .executeTakeFirst();
  return row ? parsedJson(row.content) : undefined;
}

/** Each closed month's sealed inputs digest, in month order (months sealed without one left out). */
export async function sealedInputsDigests(q: Queryable): Promise<{ month: string; inputsDigest: string }[]> {
  const rows = await typed(q)
    .selectFrom('closed_month')
    .select(['month', 'inputs_digest'])
    .where('inputs_digest', 'is not', null)
    .orderBy('month')
    .execute();
  return rows.map((r) => ({ month: r.month, inputsDigest: r.inputs_digest! }));
}

/** The audit record of a month's close (null: not closed, or sealed before schema 14 named it). */
export async function closeAuditSeq(q: Queryable, month: string): Promise<number | null> {
  const row = await typed(q)
    .selectFrom('closed_month')
    .select('audit_seq')
    .where('month', '=', month)
    .executeTakeFirst();
  return row?.audit_seq == null ? null : Number(row.audit_seq);
}

/** A closed month as sealed, with every part as stored, for verification (`only`: one month). */
export interface SealedMonth {
  readonly month: string;
  readonly closedAt: string;
  readonly closedBy: string;
  readonly resultsHash: string | null;
  /** null for a month sealed before the chain head and inputs digest were sealed (schema < 14) */
  readonly chain: ChainHead | null;
  readonly inputsDigest: string | null;
  readonly auditSeq: number | null;
  readonly parts: readonly {
    readonly part: string;
    readonly content: unknown;
    readonly contentHash: string;
  }[];
}

export async function loadSealedMonths(q: Queryable, only?: string): Promise<SealedMonth[]> {
  let monthsQuery = typed(q).selectFrom('closed_month').selectAll();
  let partsQuery = typed(q).selectFrom('close_result').select(['month', 'part', 'content', 'content_hash']);
  if (only !== undefined) {
    monthsQuery = monthsQuery.where('month', '=', only);
    partsQuery = partsQuery.where('month', '=', only);
  }
  const months = await monthsQuery.orderBy('month').execute();
  const parts = await partsQuery.orderBy('month').orderBy(inByteOrder('part')).execute();
  return months.map((m) => ({
    month: m.month,
    closedAt: m.closed_at instanceof Date ? m.closed_at.toISOString() : String(m.closed_at),
    closedBy: m.closed_by,
    resultsHash: m.results_hash,
    chain:
      m.chain_seq === null || m.chain_hash === null ? null : { seq: Number(m.chain_seq), hash: m.chain_hash },
    inputsDigest: m.inputs_digest,
    auditSeq: m.audit_seq === null ? null : Number(m.audit_seq),
    parts: parts
      .filter((p) => p.month === m.month)
      .map((p) => ({ part: p.part, content: parsedJson(p.content), contentHash: p.content_hash })),
  }));
}

export type RestatementTable =
  | 'net_assets_restatement'
  | 'provider_assets_restatement'
  /** a withdrawn exhibit (issue 11 item 7): the closed months it could have governed */
  | 'exhibit_withdrawal_restatement';

/** The closed months that restatements not yet reported as prior-period adjustments touch. */
export async function unadjustedRestatementMonths(q: Queryable, table: RestatementTable): Promise<string[]> {
  const rows = await typed(q)
    .selectFrom(table)
    .select('closed_month')
    .distinct()
    .where('closed_month', 'is not', null)
    .where('adjusted_in', 'is', null)
    .orderBy('closed_month')
    .execute();
  return rows.map((r) => r.closed_month!);
}

/**
 * Every net-assets and provider-assets restatement of an import the audit log recorded, and every
 * closed month an exhibit withdrawal restated, with the closed month it touches and the close that
 * reported it (`audit verify`: restatementMarks.ts).
 */
export async function restatementMarks(q: Queryable): Promise<RestatementMarks[]> {
  const rows = await q.textRows(
    `SELECT 'net-assets', r.id, r.portfolio_id || ' class ' || r.class, r.date::text, r.closed_month, r.adjusted_in,
            'import ' || r.import_id, f.audit_seq
       FROM net_assets_restatement r JOIN feed_import f ON f.id = r.import_id WHERE f.audit_seq IS NOT NULL
     UNION ALL
     SELECT 'provider-assets', r.id, r.provider_id || ' ' || r.portfolio_id || ' class ' || r.class, r.date::text,
            r.closed_month, r.adjusted_in, 'import ' || r.import_id, f.audit_seq
       FROM provider_assets_restatement r JOIN feed_import f ON f.id = r.import_id WHERE f.audit_seq IS NOT NULL
     UNION ALL
     -- a withdrawal by the first exhibit.withdraw record naming its document: the one that wrote it
     -- (none: a finding of commandRecords.ts; a second: forged, a finding there, and the marks still
     -- checked against the first — hostile5)
     SELECT 'exhibit-withdrawal', r.id, 'document ' || left(r.document_id, 16), NULL, r.closed_month, r.adjusted_in,
            'exhibit.withdraw', min(a.seq)
       FROM exhibit_withdrawal_restatement r
       JOIN audit_log a ON a.action = 'exhibit.withdraw' AND a.content_hash = r.document_id
      GROUP BY r.id, r.document_id, r.closed_month, r.adjusted_in
     ORDER BY 1, 2`,
  );
  return rows.map(([feed, id, what, date, closedMonth, adjustedIn, recordedBy, seq]) => ({
    feed: feed as RestatementMarks['feed'],
    id: Number(id),
    what: what!,
    date: date ?? null,
    closedMonth: closedMonth ?? null,
    adjustedIn: adjustedIn ?? null,
    recordedBy: recordedBy!,
    auditSeq: Number(seq),
  }));
}

/** Marks every unreported restatement of a closed month as reported in this month's close. */
export async function markRestatementsAdjusted(
  q: Queryable,
  table: RestatementTable,
  month: string,
): Promise<void> {
  await typed(q)
    .updateTable(table)
    .set({ adjusted_in: month })
    .where('closed_month', 'is not', null)
    .where('adjusted_in', 'is', null)
    .execute();
}

/**
 * The month's inputs as recorded (the reads behind the inputs digest), one query per kind, every
 * value as text and every list in a fixed order (byte order), the kinds in byte order of their
 * names (the order the digest takes them in). With `asSealed`, restatements recorded after the
 * month closed are undone (their old values taken), so that verify sees the inputs the close saw.
 * The SQL takes no parameters (the store's bulk reads take none): the dates are literals.
 */
function monthInputQueries(
  month: string,
  from: string,
  to: string,
  opts: MonthInputOptions,
): readonly { readonly kind: string; readonly sql: string }[] {
  const undo = opts.asSealed ? sqlTextLiteral(month) : 'NULL';
  const m = sqlTextLiteral(month);
  const f = `${sqlTextLiteral(from)}::date`;
  const t = `${sqlTextLiteral(to)}::date`;
  const C = 'COLLATE "C"';
  // the terms recorded by imports the audit log recorded before this record (termsAsSealed)
  const recordedBefore =
    opts.termsRecordedBefore === undefined
      ? ''
      : ` AND import_id IN (SELECT id FROM feed_import WHERE audit_seq IS NULL OR audit_seq < ${Number(opts.termsRecordedBefore)})`;
  const queries = [
    {
      kind: 'netAssets',
      sql: `SELECT n.portfolio_id, n.class, n.date::text AS date, COALESCE(r.old_net_assets, n.net_assets)::text AS net_assets
         FROM net_assets n
         LEFT JOIN (SELECT DISTINCT ON (portfolio_id, class, date) portfolio_id, class, date, old_net_assets
                      FROM net_assets_restatement WHERE closed_month = ${undo} ORDER BY portfolio_id, class, date, id) r
           ON r.portfolio_id = n.portfolio_id AND r.class = n.class AND r.date = n.date
        WHERE n.date BETWEEN ${f} AND ${t}
        ORDER BY n.portfolio_id ${C}, n.class ${C}, n.date`,
    },
    {
      kind: 'providerAssets',
      sql: `SELECT p.provider_id, p.portfolio_id, p.class, p.date::text AS date, COALESCE(r.old_net_assets, p.net_assets)::text AS net_assets
         FROM provider_assets p
         LEFT JOIN (SELECT DISTINCT ON (provider_id, portfolio_id, class, date) provider_id, portfolio_id, class, date, old_net_assets
                      FROM provider_assets_restatement WHERE closed_month = ${undo} ORDER BY provider_id, portfolio_id, class, date, id) r
           ON r.provider_id = p.provider_id AND r.portfolio_id = p.portfolio_id AND r.class = p.class AND r.date = p.date
        WHERE p.date BETWEEN ${f} AND ${t}
        ORDER BY p.provider_id ${C}, p.portfolio_id ${C}, p.class ${C}, p.date`,
    },
    {
      // a million rows a month at full size
      kind: 'classBTransactions',
      sql: `SELECT txn_id, account, portfolio_id, class, date::text AS date, type, shares::text AS shares,
              price::text AS price, exchange_id, waiver${
                // v3: a reinvestment's stated attribution (Exhibit A 2(b)), the order within a day
                opts.records
                  ? ', seq::text AS seq, attributed_distributor, derived_from_doi::text AS derived_from_doi'
                  : ''
              }
         FROM class_b_transaction WHERE date BETWEEN ${f} AND ${t}
        ORDER BY txn_id ${C}, account ${C}, portfolio_id ${C}`,
    },
    {
      kind: 'transfers',
      sql: `SELECT id, assignee, address, payment, effective_date::text AS effective_date,
              notice_received_date::text AS notice_received_date, doi_from::text AS doi_from, doi_to::text AS doi_to,
              twelve_b1_portion_pct::text AS twelve_b1, cdsc_portion_pct::text AS cdsc, depository_agent, portfolio_name
         FROM transfer WHERE effective_date <= ${t} ORDER BY id ${C}`,
    },
    {
      kind: 'distributorTerms',
      sql:
        opts.records && !opts.termsAsRecorded
          ? // v3 on: the terms as they read in the month, each once — terms are recorded append-only, and
            // a term ended after the month (a later record of the same term) reads in it as the term did
            `SELECT * FROM (SELECT DISTINCT distributor, portfolio_id, portfolio_name, start_date::text AS start_date,
                CASE WHEN end_date <= ${t} THEN end_date::text END AS end_date, rights_assigned_to
                FROM class_b_distributor_term WHERE start_date <= ${t}${recordedBefore}) d
              ORDER BY distributor ${C}, portfolio_id ${C}, portfolio_name ${C}, start_date ${C}, rights_assigned_to ${C},
                end_date ${C} NULLS FIRST`
          : `SELECT distributor, portfolio_id, portfolio_name, start_date::text AS start_date,
              CASE WHEN end_date <= ${t} THEN end_date::text END AS end_date, rights_assigned_to
         FROM class_b_distributor_term WHERE start_date <= ${t}${recordedBefore}
        ORDER BY distributor ${C}, portfolio_id ${C}, portfolio_name ${C}, start_date, rights_assigned_to ${C}`,
    },
    {
      kind: 'classBTermsRules',
      sql: `SELECT rule, portfolio_id, portfolio_name, doi_from::text AS doi_from, doi_to::text AS doi_to, cdsc_schedule_pct,
              conversion_years::text AS conversion_years, redemption_fee_days::text AS redemption_fee_days,
              redemption_fee_pct::text AS redemption_fee_pct
         FROM class_b_terms_rule WHERE doi_from IS NULL OR doi_from <= ${t}
        ORDER BY rule ${C}, portfolio_id ${C}, portfolio_name ${C}, doi_from, doi_to, cdsc_schedule_pct ${C},
                 conversion_years, redemption_fee_days, redemption_fee_pct`,
    },
    {
      kind: 'omnibus',
      sql: `SELECT account, portfolio_id, free_shares_issued::text AS issued, free_shares_redeemed::text AS redeemed,
              free_shares_outstanding::text AS outstanding
         FROM omnibus_month WHERE month = ${m} ORDER BY account ${C}, portfolio_id ${C}`,
    },
  ];
  if (opts.governing)
    // What governed the month besides its feeds (digest v2): the Board's rates, the service
    // agreements' terminations and assignments, the Plan's and Agreement's terminations in force
    // by its end. plan12b refuses every one of these dated in or before a closed month, so they
    // stay as sealed unless changed outside plan12b.
    queries.push(
      {
        kind: 'boardRates',
        sql: `SELECT portfolio_name, class, effective_date::text AS effective_date,
                distribution_fee_pct::text AS distribution_fee_pct, service_fee_pct::text AS service_fee_pct
           FROM board_rate WHERE effective_date <= ${t}
          ORDER BY portfolio_name ${C}, class ${C}, effective_date`,
      },
      {
        kind: 'serviceAgreementEvents',
        sql: `SELECT provider_id, event, cause, notice_date::text AS notice_date,
                effective_date::text AS effective_date, assigned_to
           FROM service_agreement_event WHERE effective_date <= ${t}
          ORDER BY provider_id ${C}, effective_date, event ${C}, id`,
      },
      {
        kind: 'terminations',
        sql: `SELECT instrument, portfolio_id, class, effective_date::text AS effective_date, voted_by,
                notice_date::text AS notice_date
           FROM termination WHERE effective_date <= ${t}
          ORDER BY instrument ${C}, portfolio_id ${C}, class ${C}, effective_date`,
      },
    );
  if (opts.records) {
    // What else governed the month (digest v3): the records behind the registry, the service
    // agreements and the accounts' omnibus flags. plan12b adds approvals, exhibits and agreements
    // after a close (those that do not change what governed a closed month), so verify takes the
    // rows recorded by the close (an approval or agreement of an import the log records by the
    // sealed chain head; a document imported before closed_at) — a row edited, deleted or
    // inserted by SQL is found; its effect on what governed is the derived `governing` kind's to find.
    const sealedAt = opts.asSealed
      ? (column: string) => `AND ${column} <= (SELECT closed_at FROM closed_month WHERE month = ${m})`
      : () => '';
    // a row of an import the log records after the close (its audit record past the sealed chain
    // head) was added since; any other row — one naming no such import included — was sealed
    const importedBySeal = opts.asSealed
      ? (column: string) =>
          `AND NOT EXISTS (SELECT 1 FROM feed_import f JOIN closed_month c ON c.month = ${m}
                            WHERE f.id = ${column} AND f.audit_seq > c.chain_seq)`
      : () => '';
    queries.push(
      {
        kind: 'approvals',
        sql: `SELECT id, meeting_date::text AS meeting_date, body, subject, document_id, instrument_key, approved_name,
                portfolio_id, portfolio_name, class, trustees_for::text AS trustees_for,
                trustees_against::text AS trustees_against, trustees_absent::text AS trustees_absent,
                disinterested_for::text AS disinterested_for, disinterested_against::text AS disinterested_against,
                disinterested_absent::text AS disinterested_absent, in_person::text AS in_person,
                called_for_purpose::text AS called_for_purpose, shares_outstanding::text AS shares_outstanding,
                shares_present::text AS shares_present, shares_for::text AS shares_for, approved::text AS approved,
                outcome
           FROM approval WHERE true ${importedBySeal('import_id')}
          ORDER BY id ${C}, meeting_date, body ${C}`,
      },
      {
        // the documents in force by its end as the close saw them: a withdrawal since is undone
        // when it was recorded for this month (exhibit_withdrawal_restatement)
        kind: 'exhibits',
        sql: `SELECT d.id, d.file_name, d.kind, d.title, d.effective_date::text AS effective_date,
                encode(sha256(convert_to(d.parsed::text, 'UTF8')), 'hex') AS parsed_sha256
           FROM exhibit_document d
          WHERE d.effective_date <= ${t} ${sealedAt('d.imported_at')}
            AND (NOT EXISTS (SELECT 1 FROM exhibit_withdrawal w WHERE w.document_id = d.id)
                 OR EXISTS (SELECT 1 FROM exhibit_withdrawal_restatement r
                             WHERE r.document_id = d.id AND r.closed_month = ${undo}))
          ORDER BY d.id ${C}`,
      },
      {
        kind: 'serviceProviders',
        sql: `SELECT id, name, kind, agreement_date::text AS agreement_date, own_rate_pct::text AS own_rate_pct
           FROM service_provider WHERE agreement_date <= ${t} ${importedBySeal('import_id')}
          ORDER BY id ${C}`,
      },
      {
        // The books' first month (no closed month before it): the Class B activity before it,
        // whose lots its redemptions take and every later month carries (a later month's earlier
        // activity is its closed predecessors' to seal); a later import may still add activity
        // before it that changes none of its redemptions
        kind: 'classBTransactionsBefore',
        sql: `SELECT txn_id, account, portfolio_id, class, date::text AS date, type, shares::text AS shares,
                price::text AS price, exchange_id, waiver, seq::text AS seq, attributed_distributor,
                derived_from_doi::text AS derived_from_doi
           FROM class_b_transaction
          WHERE date < ${f} AND NOT EXISTS (SELECT 1 FROM closed_month WHERE month < ${m})
                ${importedBySeal('import_id')}
          ORDER BY txn_id ${C}, account ${C}, portfolio_id ${C}`,
      },
      {
        // Exhibit A 2(b)/(c): the omnibus accounts with activity by its end (the flag of an account
        // with activity in a closed month never changes through plan12b). `OFFSET 0` keeps the
        // EXISTS a probe of the by-account index per omnibus account: as a semi-join PGlite grouped
        // every transaction by account to find 200 of them (200,000 accounts: 14.9 s → 0.6 s, month8)
        kind: 'classBAccounts',
        sql: `SELECT a.account, a.omnibus::text AS omnibus
           FROM class_b_account a
          WHERE a.omnibus
            AND EXISTS (SELECT 1 FROM class_b_transaction x WHERE x.account = a.account AND x.date <= ${t} OFFSET 0)
          ORDER BY a.account ${C}`,
      },
    );
  }
  return queries
    .filter((x) => opts.onlyKind === undefined || x.kind === opts.onlyKind)
    .sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

/**
 * Which reads the digest takes: `asSealed` undoes what was recorded since the close (restatements,
 * later records); `governing` adds what governed besides the feeds (digest v2); `records` the
 * records behind the registry, the agreements and the accounts (digest v3).
 */
export interface MonthInputOptions {
  readonly asSealed: boolean;
  readonly governing?: boolean;
  readonly records?: boolean;
  /**
   * The distributor terms every record as it stands, a term recorded again (ended later) read twice:
   * how seals before session 53 read them, for verify to check such a seal as it was made.
   */
  readonly termsAsRecorded?: boolean;
  /** the distributor terms of the imports recorded before this audit record only (a close's: as the close read them) */
  readonly termsRecordedBefore?: number;
  /** only this kind's read */
  readonly onlyKind?: string;
}

/**
 * The month's inputs read whole, each kind's rows at once: the reference the chunked read
 * ({@link monthInputChunks}) is tested against. A close of a large complex uses the chunked read.
 */
export async function monthInputs(
  q: Queryable,
  month: string,
  from: string,
  to: string,
  opts: MonthInputOptions,
): Promise<MonthInputs> {
  const inputs: Record<string, (string | null)[][]> = {};
  for (const { kind, sql } of monthInputQueries(month, from, to, opts)) inputs[kind] = await q.textRows(sql);
  return inputs;
}

/**
 * The month's inputs as {@link monthInputs} reads them, a chunk of rows at a time (the kinds in
 * byte order of their names, each kind's rows in order), for the streamed inputs digest: a month
 * of a million transactions is never held at once (issue 14, bounded memory).
 */
export async function* monthInputChunks(
  q: Queryable,
  month: string,
  from: string,
  to: string,
  opts: MonthInputOptions & { chunkSize?: TextRowChunkSize },
): AsyncGenerator<MonthInputsChunk> {
  for (const { kind, sql } of monthInputQueries(month, from, to, opts)) {
    yield { kind, rows: [] }; // a kind with no rows is still in the digest
    if (q.copyTextSlices !== undefined)
      // PGlite: the COPY text as it comes, digested from its bytes (no string per value)
      for await (const copyText of q.copyTextSlices(sql, opts.chunkSize)) yield { kind, copyText };
    else for await (const rows of q.textRowChunks(sql, opts.chunkSize)) yield { kind, rows };
  }
}

/** The kinds of what the stored Class B ledger names by key (digest v4; monthInputsDigest.ts). */
export const LEDGER_KEY_KINDS = {
  accounts: 'classBLedgerAccounts',
  attributions: 'classBLedgerAttributions',
  portfolios: 'classBLedgerPortfolios',
} as const;

/**
 * What the stored Class B ledger names by key, for the month `month` (`from`..`to`), a chunk of
 * rows at a time, the kinds in byte order (digest v4, ledgerKeysDigest in monthInputsDigest.ts).
 * The state's rows hold integer keys, not names: `class_b_account.account_key` says whose lots a
 * row is, `class_b_ledger_portfolio` which portfolio a lot is in, and `class_b_lot_attribution`
 * keeps the Exhibit A 2(b) attribution of a Free Share lot — each read by every later close and
 * written once, so a key or attribution changed by SQL moved lots and dollars between accounts,
 * portfolios, distributors and Assignees with every sealed digest unchanged (hostile4). Each row
 * falls in one month's scope, so verify reads it once: the accounts with a transaction and the
 * attributions of reinvestments dated in the month (by its end, for the books' first month, whose
 * close builds the ledger before it); the first `portfolioKeys` portfolio keys (the dictionary
 * only grows: later keys are later portfolios).
 */
export async function* ledgerKeyChunks(
  q: Queryable,
  month: string,
  from: string,
  to: string,
  portfolioKeys: number,
): AsyncGenerator<MonthInputsChunk> {
  const m = sqlTextLiteral(month);
  const t = `${sqlTextLiteral(to)}::date`;
  // the books' first month (no closed month before it) takes the activity before it too
  const inMonth = (date: string) =>
    `${date} <= ${t} AND (${date} >= ${sqlTextLiteral(from)}::date OR NOT EXISTS (SELECT 1 FROM closed_month WHERE month < ${m}))`;
  if (!Number.isSafeInteger(portfolioKeys) || portfolioKeys < 0)
    throw new RangeError(`${portfolioKeys} portfolio keys`);
  const queries = [
    {
      // a semi-join on purpose: most accounts have a transaction in a month, and a probe per
      // account (`OFFSET 0`) fetched the month's new rows one by one, slower in the close (month8)
      kind: LEDGER_KEY_KINDS.accounts,
      sql: `SELECT a.account_key::text, a.account FROM class_b_account a
             WHERE EXISTS (SELECT 1 FROM class_b_transaction x WHERE x.account = a.account AND ${inMonth('x.date')})
             ORDER BY a.account_key`,
    },
    {
      kind: LEDGER_KEY_KINDS.attributions,
      sql: `SELECT at.account_key::text, at.origin_txn_id, at.attribution
              FROM class_b_lot_attribution at JOIN class_b_transaction x ON x.txn_id = at.origin_txn_id
             WHERE ${inMonth('x.date')}
             ORDER BY at.account_key, at.origin_txn_id COLLATE "C"`,
    },
    {
      kind: LEDGER_KEY_KINDS.portfolios,
      sql: `SELECT portfolio_key::text, portfolio_id FROM class_b_ledger_portfolio
             WHERE portfolio_key < ${portfolioKeys} ORDER BY portfolio_key`,
    },
  ];
  for (const { kind, sql } of queries) {
    yield { kind, rows: [] }; // a kind with no rows is still in the digest
    for await (const rows of q.textRowChunks(sql)) yield { kind, rows };
  }
}

/** How many portfolio keys the stored Class B ledger has (keys 0 … n−1). */
export async function ledgerPortfolioKeyCount(q: Queryable): Promise<number> {
  const [row] = await q.textRows('SELECT count(*) FROM class_b_ledger_portfolio');
  return Number(row![0]);
}

/**
 * The Class B ledger as it stands at `asOf` (ledgerStateDigest.ts `LedgerStateAsItStands`): each
 * account's latest `class_b_ledger_state` row on or before it — one probe of the primary key per
 * account, backwards, as the close reads it — and the `class_b_ledger_last_held` rows at that
 * row's date, as COPY text of whole rows in the columns of {@link ledgerStateCopyText}.
 */
export async function* ledgerStateAtCopyText(q: Queryable, asOf: string): AsyncGenerator<Uint8Array> {
  const sql = `SELECT s.account_key::text, s.as_of::text, s.next_sequence::text, s.next_arrival::text,
         s.lot_arrival, s.lot_portfolio_key, s.lot_issuing_portfolio_key, s.lot_origin_txn_id, s.lot_free, s.lot_doi_epoch_day,
         s.lot_sequence, s.lot_share_units, s.lot_cost_cents,
         s.allowance_portfolio_key, s.allowance_year, s.allowance_units, s.allowance_used_units
    FROM class_b_account a, LATERAL (SELECT * FROM class_b_ledger_state st
      WHERE st.account_key = a.account_key AND st.as_of <= ${sqlTextLiteral(asOf)}::date
      ORDER BY st.as_of DESC LIMIT 1) s`;
  // the few remembered issuances, each kept where its state row is its account's latest (not a
  // second probe of every account's state: 5.2 s at 200,000 accounts)
  const lastHeld = `SELECT m.account_key::text, m.as_of::text, m.portfolio_key::text, m.doi_epoch_day::text,
         m.issuing_portfolio_key::text, m.share_units::text
    FROM class_b_ledger_last_held m
   WHERE m.portfolio_key IS NOT NULL AND m.as_of <= ${sqlTextLiteral(asOf)}::date
     AND EXISTS (SELECT 1 FROM class_b_ledger_state st WHERE st.account_key = m.account_key AND st.as_of = m.as_of)
     AND NOT EXISTS (SELECT 1 FROM class_b_ledger_state st WHERE st.account_key = m.account_key
                       AND st.as_of > m.as_of AND st.as_of <= ${sqlTextLiteral(asOf)}::date)`;
  for (const query of [sql, lastHeld]) yield* copyTextOf(q, query);
}

/** A query's rows as COPY text: PGlite's COPY bytes as they come; a server's rows written as COPY text. */
async function* copyTextOf(q: Queryable, query: string): AsyncGenerator<Uint8Array> {
  if (q.copyTextSlices !== undefined) {
    yield* q.copyTextSlices(query);
    return;
  }
  for await (const rows of q.textRowChunks(query))
    yield Buffer.from(rows.map((r) => `${r.map(encodeCopyValue).join('\t')}\n`).join(''));
}

/**
 * The Class B ledger state stored at the month ends `asOf` (as_of; or at every date through
 * `through`, the close's check of what it starts from: ledgerStateAsSealed.ts), as COPY text of whole rows in
 * the table's column order (digest v4: ledgerStateDigest.ts), in no particular order: PGlite's
 * COPY bytes as they come; a server's rows written as COPY text. Then the rows of
 * `class_b_ledger_last_held` at those month ends, as the close wrote them.
 */
export async function* ledgerStateCopyText(
  q: Queryable,
  asOf: readonly string[] | { readonly through: string },
): AsyncGenerator<Uint8Array> {
  const dates = Array.isArray(asOf)
    ? `as_of IN (${asOf.map((d) => `${sqlTextLiteral(d)}::date`).join(', ')})`
    : `as_of <= ${sqlTextLiteral((asOf as { through: string }).through)}::date`;
  const sql = `SELECT account_key::text, as_of::text, next_sequence::text, next_arrival::text,
         lot_arrival, lot_portfolio_key, lot_issuing_portfolio_key, lot_origin_txn_id, lot_free, lot_doi_epoch_day,
         lot_sequence, lot_share_units, lot_cost_cents,
         allowance_portfolio_key, allowance_year, allowance_units, allowance_used_units
    FROM class_b_ledger_state WHERE ${dates}`;
  // and the rows of what the ledgers remember of DOIs no longer held (migration 35), as written;
  // the "not recorded" marks of states written before it were never sealed
  const lastHeld = `SELECT account_key::text, as_of::text, portfolio_key::text, doi_epoch_day::text,
         issuing_portfolio_key::text, share_units::text
    FROM class_b_ledger_last_held WHERE portfolio_key IS NOT NULL AND ${dates}`;
  for (const query of [sql, lastHeld]) yield* copyTextOf(q, query);
}
