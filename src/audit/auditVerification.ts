import { type AuditRecord, GENESIS_HASH, verifyAuditChain } from './auditChain.js';
import { type BoardRateWrite, boardRateFindings, type StoredBoardRate } from './boardRateRecords.js';
import { type ChainHead, sealedPartHash, sealedResultsHash } from './closeSeal.js';
import { type CommandWrite, commandWriteFindings } from './commandRecords.js';
import {
  exhibitImportFindings,
  type PortfolioNameRow,
  portfolioNameFindings,
  type StoredDocumentImport,
  type StoredStatement,
  statementFindings,
} from './importedRecords.js';
import { changedInputKinds, inputKindLabel } from './inputDigestKinds.js';
import { type RestatementMarks, restatementMarkFindings } from './restatementMarks.js';

/**
 * `audit verify` (SPEC §12; issue 9), pure: the chain itself (every hash and link, so an edited,
 * reordered or inserted record is found), and the anchors that live outside the log (so deleted
 * newest records and a truncated log are found too): each closed month's sealed chain head and
 * close record, each feed import's audit record, and a head the user kept (`audit anchor`).
 * Each closed month's results hash is recomputed from its sealed parts, and its inputs digest
 * from today's data with recorded restatements undone.
 */

export interface SealedMonthEvidence {
  readonly month: string;
  readonly resultsHash: string | null;
  readonly chain: ChainHead | null;
  readonly inputsDigest: string | null;
  readonly auditSeq: number | null;
  readonly parts: readonly {
    readonly part: string;
    readonly content: unknown;
    readonly contentHash: string;
  }[];
  /** the month's inputs digest recomputed now, restatements recorded since the close undone */
  readonly inputsDigestNow: string;
  /**
   * The month's Class B redemptions as stored now (what `redemptions` shows), against the hash of
   * their detail sealed in part class-b; null or absent: not sealed as a hash, or not checked.
   */
  readonly redemptionsDetail?: {
    readonly redemptions: number;
    readonly sealedSha256: string;
    readonly recomputedSha256: string;
  } | null;
}

export interface AuditEvidence {
  readonly records: readonly AuditRecord[];
  readonly sealedMonths: readonly SealedMonthEvidence[];
  readonly feedImports: readonly { id: number; feed: string; fileName: string; auditSeq: number }[];
  /** the head recorded outside the log at the last append (`audit_head`); null or absent: none */
  readonly recordedHead?: ChainHead | null;
  /** the governance settings stored (key, value); absent: not checked */
  readonly settings?: readonly (readonly [string, string])[];
  /** the documents stored since the log began, each to be named by its import's record; absent: not checked */
  readonly documentImports?: readonly StoredDocumentImport[];
  /** the instruments stated amended (SPEC §2.1), each to be said by an import's record; absent: not checked */
  readonly statements?: readonly StoredStatement[];
  /** the name → portfolio table as stored and as derived from the documents now; absent: not checked */
  readonly portfolioNames?: {
    readonly stored: readonly PortfolioNameRow[];
    readonly derived: readonly PortfolioNameRow[];
  };
  /** rows only a command writes (provider terminations, withdrawals), each with its record; absent: not checked */
  readonly commandWrites?: readonly CommandWrite[];
  /** the restatements of imports the log recorded, with their marks; absent: not checked */
  readonly restatements?: readonly RestatementMarks[];
  /** the Board-set rates stored since the log began and the `rates.set` records; absent: not checked */
  readonly boardRates?: {
    readonly writes: readonly BoardRateWrite[];
    readonly stored: readonly StoredBoardRate[];
  };
}

/** A head the user kept: its hash, with its seq when given as SEQ:HASH. */
export interface KeptAnchor {
  readonly seq: number | null;
  readonly hash: string;
}

export interface AuditFinding {
  /**
   * what is wrong: the chain, an anchor outside it, a closed month's seal or its inputs, or a
   * record that differs from the audit record that wrote it (a setting)
   */
  readonly kind: 'chain' | 'anchor' | 'seal' | 'inputs' | 'record';
  readonly reason: string;
}

export interface AuditReport {
  readonly ok: boolean;
  readonly records: number;
  readonly head: ChainHead;
  readonly closedMonths: number;
  readonly anchoredImports: number;
  /** the first record whose hash or link is wrong (as before) */
  readonly firstBad: { seq: number; reason: string } | null;
  readonly findings: readonly AuditFinding[];
}

/**
 * A head kept outside the database (`audit anchor`): HASH or SEQ:HASH. A sequence number beyond
 * the integers a record can have is not one plan12b printed (it would be compared rounded, and
 * reported as a truncated log): not an anchor.
 */
export function parseKeptAnchor(text: string): KeptAnchor | null {
  const m = /^(?:(\d+):)?([0-9a-f]{64})$/.exec(text.trim().toLowerCase());
  if (!m) return null;
  const seq = m[1] === undefined ? null : Number(m[1]);
  if (seq !== null && !Number.isSafeInteger(seq)) return null;
  return { seq, hash: m[2]! };
}

export function verifyAuditEvidence(evidence: AuditEvidence, kept: KeptAnchor | null = null): AuditReport {
  const { records } = evidence;
  const findings: AuditFinding[] = [];
  const chain = verifyAuditChain(records);
  if (chain.firstBad)
    findings.push({ kind: 'chain', reason: `record ${chain.firstBad.seq}: ${chain.firstBad.reason}` });
  const bySeq = new Map(records.map((r) => [r.seq, r]));
  const last = records.at(-1);
  const head: ChainHead = last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
  const missing = (seq: number, what: string) =>
    `${what} names audit record ${seq}, but the log ${
      records.length === 0 ? 'is empty (truncated)' : `ends at record ${head.seq}`
    }`;

  for (const m of evidence.sealedMonths) {
    const where = `closed month ${m.month}`;
    if (m.resultsHash === null) {
      findings.push({ kind: 'seal', reason: `${where} has no results hash (its seal was removed)` });
      continue;
    }
    // The close's own record: named by the month (schema ≥ 14), else found by action and subject.
    const closeRecord =
      m.auditSeq !== null
        ? bySeq.get(m.auditSeq)
        : records.find((r) => r.action === 'month.close' && r.subject === m.month);
    if (!closeRecord)
      findings.push({
        kind: 'anchor',
        reason:
          m.auditSeq !== null
            ? missing(m.auditSeq, `${where}`)
            : `${where} has no month.close record in the audit log`,
      });
    else if (
      closeRecord.action !== 'month.close' ||
      closeRecord.subject !== m.month ||
      closeRecord.contentHash !== m.resultsHash
    )
      findings.push({
        kind: 'seal',
        reason: `${where}: its results hash ${m.resultsHash} is not the one its close recorded in audit record ${closeRecord.seq} (${closeRecord.contentHash})`,
      });
    if (m.chain === null || m.inputsDigest === null) continue; // sealed before schema 14
    if (m.chain.seq > 0) {
      const r = bySeq.get(m.chain.seq);
      if (!r)
        findings.push({
          kind: 'anchor',
          reason: missing(m.chain.seq, `${where} sealed the chain head that`),
        });
      else if (r.hash !== m.chain.hash)
        findings.push({
          kind: 'anchor',
          reason: `${where} sealed audit record ${m.chain.seq} with hash ${m.chain.hash}; the log's record ${m.chain.seq} has ${r.hash}`,
        });
    }
    for (const p of m.parts)
      if (sealedPartHash(p.content) !== p.contentHash)
        findings.push({
          kind: 'seal',
          reason: `${where}: sealed part ${p.part} does not match its hash (its content was changed)`,
        });
    const recomputed = sealedResultsHash({ parts: m.parts, chain: m.chain, inputsDigest: m.inputsDigest });
    if (recomputed !== m.resultsHash)
      findings.push({
        kind: 'seal',
        reason: `${where}: its results hash does not match its sealed parts, chain head and inputs digest`,
      });
    const rd = m.redemptionsDetail;
    if (rd && rd.recomputedSha256 !== rd.sealedSha256)
      findings.push({
        kind: 'seal',
        reason: `${where}: its Class B redemptions as stored now (${rd.redemptions}) are not the detail sealed in part class-b (hash ${rd.sealedSha256} sealed, ${rd.recomputedSha256} now)`,
      });
    if (m.inputsDigestNow !== m.inputsDigest) {
      const changed = changedInputKinds(m.inputsDigest, m.inputsDigestNow);
      findings.push({
        kind: 'inputs',
        reason:
          changed === null
            ? `${where}: its inputs (net assets, provider assets, Class B transactions, transfers, terms, omnibus rows) differ from those sealed, and no restatement records the change`
            : `${where}: what governed it differs from what was sealed, and no restatement records the change: ${changed.map(inputKindLabel).join('; ')}`,
      });
    }
  }

  for (const f of evidence.feedImports) {
    const r = bySeq.get(f.auditSeq);
    if (!r)
      findings.push({
        kind: 'anchor',
        reason: missing(f.auditSeq, `${f.feed} import ${f.id} (${f.fileName})`),
      });
    else if (!r.action.startsWith(`${f.feed}.`) || r.subject !== f.fileName)
      findings.push({
        kind: 'anchor',
        reason: `${f.feed} import ${f.id} (${f.fileName}) names audit record ${f.auditSeq}, which records ${r.action} ${r.subject}`,
      });
  }

  // every append records the head outside the log: the newest record of a command that is
  // neither a close nor a feed import (settings set, rates set, …) is anchored by it alone
  const recorded = evidence.recordedHead;
  if (recorded && (recorded.seq !== head.seq || recorded.hash !== head.hash)) {
    const inLog = bySeq.get(recorded.seq);
    findings.push({
      kind: 'anchor',
      reason:
        inLog === undefined
          ? `the last record appended was record ${recorded.seq}, but the log ${records.length === 0 ? 'is empty (truncated)' : `ends at record ${head.seq}`}`
          : inLog.hash !== recorded.hash
            ? `the last record appended was record ${recorded.seq} with hash ${recorded.hash}, but the log's record ${recorded.seq} has hash ${inLog.hash}`
            : `the last record appended was record ${recorded.seq}, but the log goes on to record ${head.seq}`,
    });
  }

  if (evidence.settings) findings.push(...settingFindings(records, evidence.settings));
  if (evidence.documentImports) findings.push(...exhibitImportFindings(records, evidence.documentImports));
  if (evidence.statements) findings.push(...statementFindings(records, evidence.statements));
  if (evidence.commandWrites) findings.push(...commandWriteFindings(records, evidence.commandWrites));
  if (evidence.boardRates)
    findings.push(...boardRateFindings(evidence.boardRates.writes, evidence.boardRates.stored));
  if (evidence.portfolioNames)
    findings.push(...portfolioNameFindings(evidence.portfolioNames.stored, evidence.portfolioNames.derived));
  if (evidence.restatements)
    findings.push(...restatementMarkFindings(evidence.restatements, evidence.sealedMonths));

  if (kept) {
    const r = kept.seq !== null ? bySeq.get(kept.seq) : records.find((x) => x.hash === kept.hash);
    if (!r || r.hash !== kept.hash)
      findings.push({
        kind: 'anchor',
        reason: `the kept head ${kept.seq !== null ? `${kept.seq}:` : ''}${kept.hash} is not in the log (it ends at record ${head.seq})`,
      });
  }

  return {
    ok: findings.length === 0,
    records: records.length,
    head,
    closedMonths: evidence.sealedMonths.length,
    anchoredImports: evidence.feedImports.length,
    firstBad: chain.firstBad,
    findings,
  };
}

/**
 * The governance settings as the log wrote them (SPEC §12: every command that changes state is
 * recorded): each stored setting must have the value of the last `settings.set` record for its
 * key (detail `KEY = VALUE`), and each key such a record set must still be stored. A setting has
 * no date and no history, so a closed month's seal cannot hold it; its effect on what governed a
 * closed month is the month's `governing` input.
 */
function settingFindings(
  records: readonly AuditRecord[],
  stored: readonly (readonly [string, string])[],
): AuditFinding[] {
  const written = new Map<string, { seq: number; value: string }>();
  for (const r of records) {
    if (r.action !== 'settings.set' || !r.detail.startsWith(`${r.subject} = `)) continue;
    written.set(r.subject, { seq: r.seq, value: r.detail.slice(r.subject.length + 3) });
  }
  const findings: AuditFinding[] = [];
  const now = new Map(stored);
  for (const [key, value] of [...now].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const w = written.get(key);
    if (w === undefined)
      findings.push({
        kind: 'record',
        reason: `setting ${key} is ${JSON.stringify(value)}, but no settings.set record in the audit log wrote it`,
      });
    else if (w.value !== value)
      findings.push({
        kind: 'record',
        reason: `setting ${key} is ${JSON.stringify(value)}, but the audit log's last settings.set for it (record ${w.seq}) set ${JSON.stringify(w.value)}`,
      });
  }
  for (const [key, w] of [...written].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    if (!now.has(key))
      findings.push({
        kind: 'record',
        reason: `setting ${key} is not stored, but the audit log's settings.set record ${w.seq} set it to ${JSON.stringify(w.value)}`,
      });
  return findings;
}
