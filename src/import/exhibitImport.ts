import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { sha256 } from '../audit/auditChain.js';
import { canonicalJson } from '../audit/closeSeal.js';
import { monthEnd } from '../calendar/isoDate.js';
import { exhibitText } from '../edgar/exhibitBytes.js';
import type { ExhibitDocument, StatedByUser } from '../edgar/exhibitDocument.js';
import { importableDocument } from '../edgar/importableDocument.js';
import { parseExhibit } from '../edgar/parseExhibit.js';
import { Plan12bError, type Problem, ProblemsError } from '../errors.js';
import {
  closedPeriodChange,
  closedPeriodNewlyGoverned,
  closedPeriodRename,
} from '../registry/closedPeriodChange.js';
import { buildRegistry } from '../registry/registry.js';
import { statedInstrumentProblem, statementAddsToTitle } from '../registry/statedInstrument.js';
import type { StoredDocument } from '../registry/storedDocument.js';
import { currentActor } from '../store/actor.js';
import type { Database, Queryable } from '../store/database.js';
import { loadGovernance } from '../store/governanceStore.js';
import { firstDayWithNetAssets } from '../store/netAssetsRepository.js';
import {
  closedRowsRefiled,
  insertDocument,
  insertStatement,
  listDocuments,
  loadBoardRates,
  loadDocuments,
  loadEveryParsedDocument,
  refreshPortfolioNames,
  replaceStatement,
  storedParses,
} from '../store/registryStore.js';
import { clausesTheStoredParseLacks } from './clausesTheStoredParseLacks.js';
import { refiledReason } from './refiledClosedRows.js';
import { runStateChange } from './stateChange.js';
import { statedAgainOtherwise } from './statedAgainOtherwise.js';
import { requirePrintableText } from './statedText.js';

export interface ExhibitFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

export interface ExhibitImportResult {
  readonly imported: { file: string; id: string; title: string; effectiveDate: string }[];
  readonly unchanged: { file: string; id: string }[];
  /**
   * SPEC §2.1: the instrument the user stated an amendment amends, recorded by this import
   * (`--amends`); `replaces`: the statement it corrects, where one was recorded before
   */
  readonly stated: { file: string; id: string; title: string; amends: string; replaces?: string }[];
  readonly warnings: string[];
}

export function documentId(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The document without the instrument the user stated it amends (`--amends`): the parse as its bytes
 * read, with the other stated facts; the statement is kept beside it (`exhibit_statement`).
 */
function withoutStatedAmends(doc: ExhibitDocument): ExhibitDocument {
  if (doc.statedByUser === undefined) return doc;
  const { amends: _amends, ...stated } = doc.statedByUser;
  const { statedByUser: _stated, ...rest } = doc;
  return Object.keys(stated).length > 0 ? { ...rest, statedByUser: stated } : rest;
}

/** Reads every file first: one that cannot be read fails the whole call before anything is written. */
export function readExhibits(
  files: readonly ExhibitFile[],
  onRead?: () => void,
  stated: StatedByUser = {},
): StoredDocument[] {
  // what the user states is recorded and printed as the document's own words (SPEC §2.1)
  // … so a stated fact is a name: never empty (the API's `?class=` was taken as stated)
  for (const [what, value] of [
    ['the registrant', stated.registrant],
    ['the class', stated.class],
    ['the instrument amended', stated.amends],
  ] as const) {
    if (value === undefined) continue;
    if (value.trim() === '')
      throw new Plan12bError(
        'USAGE',
        `${what} is empty`,
        `state ${what} (or leave it out where the document gives it); nothing was written`,
      );
    requirePrintableText(value, what);
  }
  const read = files.map((f) => {
    onRead?.();
    const text = exhibitText(f.bytes);
    const doc = importableDocument(parseExhibit(text, f.fileName), f.fileName, stated);
    return { id: documentId(f.bytes), fileName: f.fileName, doc };
  });
  if (stated.amends === undefined) return read;
  // --amends is recorded for an amendment whose title does not already say it (statedInstrument.ts)
  const used = read.map(
    (d): StoredDocument =>
      d.doc.statedByUser?.amends === undefined || statementAddsToTitle(d.doc)
        ? d
        : { ...d, doc: withoutStatedAmends(d.doc) },
  );
  // … and where none needs it, it would be dropped unsaid
  if (!used.some((d) => d.doc.statedByUser?.amends !== undefined))
    throw new ProblemsError(
      read.map((d) => ({
        file: d.fileName,
        line: 1,
        field: 'amends',
        value: stated.amends!,
        reason:
          d.doc.kind === 'plan-amendment' || d.doc.kind === 'agreement-amendment'
            ? `"${d.doc.title}" already says "${stated.amends}" in its title: import it without --amends`
            : `"${d.doc.title}" is not an amendment: --amends states which instrument an amendment amends; import it without --amends`,
      })),
      'nothing was written',
    );
  return used;
}

/**
 * The clauses a later reader reads that an earlier build's stored parse may lack (Plan §7 /
 * FOURTEENTH `continuance`; FIFTEENTH(A) / Plan §10(a) `terminationNotice`):
 * each set a stored parse may be without.
 */
const LATER_CLAUSES: readonly (readonly string[])[] = [
  ['continuance', 'terminationNotice'],
  ['terminationNotice'],
  ['continuance'],
];

/**
 * `plan12b exhibit import`: through the state-change door — one transaction under the writer
 * lock and one audit record for the whole command; the same bytes twice change nothing
 * (documents are keyed by the SHA-256 of their bytes); the registry is derived anew from all
 * documents in canonical order, so import order never changes it (SPEC §2, §12). A new document
 * effective in a closed month would alter its sealed results, and is refused.
 */
export async function importExhibits(
  db: Database,
  files: readonly ExhibitFile[],
  onRead?: () => void,
  stated: StatedByUser = {},
): Promise<ExhibitImportResult> {
  const parsed = readExhibits(files, onRead, stated);
  const actor = currentActor();
  return runStateChange(db, 'exhibit.import', async (tx, closed) => {
    const records = await listDocuments(tx);
    const existing = new Set(records.map((r) => r.id));
    // SPEC §12 (the same file twice changes nothing): a file whose bytes differ from a stored
    // document's only where the reader reads nothing (line ends, a byte order mark, blank lines)
    // reads as it, fact for fact — it is that document, not a twin that would outlive its
    // withdrawal (hostile6). Keyed by the canonical JSON of the parse as stored.
    const readAs = new Map<string, string>();
    const parseKey = (doc: unknown) => canonicalJson(JSON.parse(JSON.stringify(doc)));
    const live = (id: string) => records.find((r) => r.id === id)?.withdrawal == null;
    // a stored document in force before a withdrawn one that reads the same (twins stored before)
    const parses = (await storedParses(tx)).sort((a, b) => Number(live(b.id)) - Number(live(a.id)));
    for (const p of parses) {
      const key = parseKey(p.parsed);
      if (!readAs.has(key)) readAs.set(key, p.id);
    }
    // … and a stored parse made by a build that did not read a clause the reader reads now
    // (continuance, terminationNotice) reads as this parse without it: stored parses only
    const storedKeys = new Set(parses.map((p) => parseKey(p.parsed)));
    const asOlderBuildsRead = (doc: ExhibitDocument): string | undefined => {
      for (const drop of LATER_CLAUSES) {
        const older = Object.fromEntries(Object.entries(doc).filter(([k]) => !drop.includes(k)));
        const key = parseKey(older);
        if (storedKeys.has(key)) return readAs.get(key);
      }
      return undefined;
    };
    const twins = new Map<number, string>();
    for (const [i, d] of parsed.entries()) {
      if (existing.has(d.id)) continue;
      const key = parseKey(d.doc);
      const twin = readAs.get(key) ?? asOlderBuildsRead(d.doc);
      if (twin !== undefined && twin !== d.id) twins.set(i, twin);
      else readAs.set(key, d.id);
    }
    const imported: ExhibitImportResult['imported'] = [];
    const unchanged: ExhibitImportResult['unchanged'] = [];
    const statedNow: ExhibitImportResult['stated'] = [];
    const warnings: string[] = [];
    // documents stored before, whose amended instrument the user states now (SPEC §2.1)
    const statedLater: StoredDocument[] = [];
    // … of those, the ones whose recorded statement this one corrects: id → the statement replaced
    const replacing = new Map<string, string>();
    const fresh: { d: StoredDocument; bytes: number }[] = [];
    // a withdrawn document stays withdrawn: importing its bytes again does not bring it back
    const withdrawn: Problem[] = parsed.flatMap((d, i) => {
      const id = twins.get(i) ?? d.id;
      const w = records.find((r) => r.id === id)?.withdrawal;
      return w == null
        ? []
        : [
            {
              code: 'REFUSED' as const,
              file: d.fileName,
              line: 1,
              field: null,
              reason: `this document (${id.slice(0, 16)})${id === d.id ? '' : `, which this file reads as,`} was withdrawn on ${w.withdrawnAt} by ${w.withdrawnBy}: ${w.reason}; it stays withdrawn`,
            },
          ];
    });
    if (withdrawn.length > 0) throw new ProblemsError(withdrawn);
    let stored: StoredDocument[] | null = null;
    for (const [i, d] of parsed.entries()) {
      const twin = twins.get(i);
      if (twin !== undefined) {
        unchanged.push({ file: d.fileName, id: twin });
        const first = records.find((r) => r.id === twin);
        const named = first?.fileName ?? parsed.find((p) => p.id === twin)?.fileName ?? twin.slice(0, 16);
        warnings.push(
          `${d.fileName}: reads as the same document as ${named} (${twin.slice(0, 16)})${first === undefined ? '' : `, imported ${first.importedAt}`}: its bytes differ only where the reader reads nothing (line ends, a byte order mark, blank lines); nothing changed (it keeps that name and hash)`,
        );
        const lacks = clausesTheStoredParseLacks(
          d.fileName,
          parses.find((p) => p.id === twin)?.parsed,
          d.doc,
        );
        if (lacks !== null) warnings.push(lacks);
        continue;
      }
      if (existing.has(d.id)) {
        unchanged.push({ file: d.fileName, id: d.id });
        // the same bytes under another name: the document keeps the name it was first imported as
        const first = records.find((r) => r.id === d.id);
        if (first !== undefined && first.fileName !== basename(d.fileName))
          warnings.push(
            `${d.fileName}: the same document as ${first.fileName}, imported ${first.importedAt}; nothing changed (it keeps that name)`,
          );
        // Plan §7 / FOURTEENTH, FIFTEENTH(A) / Plan §10(a): clauses an older build did not read
        const lacks = clausesTheStoredParseLacks(
          d.fileName,
          parses.find((p) => p.id === d.id)?.parsed,
          d.doc,
        );
        if (lacks !== null) warnings.push(lacks);
        // SPEC §2.1/§12: a fact stated otherwise than at the first import is not recorded: say so
        if (d.doc.statedByUser !== undefined) {
          stored ??= [...(await loadEveryParsedDocument(tx)), ...fresh.map((f) => f.d)];
          const was = stored.find((s) => s.id === d.id);
          const before = was?.doc.statedByUser;
          let now = d.doc.statedByUser;
          // … except the instrument an amendment amends, stated for the first time: a second
          // instrument imported since may have made its title fit two (eachTitlesOwnInstrument.ts);
          // or stated otherwise than recorded: the user corrects a wrong statement (checked as a
          // new one, refused where it would change a closed month; audited, old and new)
          if (now.amends !== undefined && before?.amends !== now.amends && was !== undefined) {
            if (before?.amends !== undefined) replacing.set(d.id, before.amends);
            statedLater.push({
              ...was,
              fileName: first?.fileName ?? was.fileName,
              doc: { ...was.doc, statedByUser: { ...before, amends: now.amends } },
            });
            const { amends: _a, ...rest } = now;
            now = rest;
          }
          const warning = statedAgainOtherwise(d.fileName, before, now);
          if (warning !== null) warnings.push(warning);
        }
        continue;
      }
      existing.add(d.id);
      fresh.push({ d, bytes: files[i]!.bytes.length });
    }
    // SPEC §2.1: a stated instrument must be one the amendment can amend, named by a stored document
    const stating = [...fresh.map((f) => f.d), ...statedLater].filter(
      (d) => d.doc.statedByUser?.amends !== undefined,
    );
    if (stating.length > 0) {
      const others = (await loadDocuments(tx)).filter((x) => !stating.some((d) => d.id === x.id));
      const every = [...others, ...fresh.map((f) => f.d).filter((d) => !stating.includes(d)), ...stating];
      const problems: Problem[] = stating.flatMap((d) => {
        const reason = statedInstrumentProblem(d, every);
        return reason === null
          ? []
          : [{ file: d.fileName, line: 1, field: 'amends', value: d.doc.statedByUser!.amends!, reason }];
      });
      if (problems.length > 0)
        throw new ProblemsError(
          problems,
          'nothing was written; name the instrument as the warning of `plan12b exhibit import` or `plan12b schedule --json` lists it',
        );
    }
    const refused: Problem[] = fresh.flatMap(({ d }) => {
      const month = closed.closedMonthOf(d.doc.effectiveDate);
      return month === null
        ? []
        : [
            {
              code: 'REFUSED' as const,
              file: d.fileName,
              line: 1,
              field: 'effective date',
              value: d.doc.effectiveDate,
              reason: `${month} is closed; a document effective ${d.doc.effectiveDate} would alter its sealed results`,
            },
          ];
    });
    if (refused.length > 0) throw new ProblemsError(refused);
    // SPEC §12: nor one effective before the closed months that would change what governed in
    // one (an amendment dated before the books' first month that still governs in it); a class
    // nothing governed that a document now governs is not refused (the complex's other funds)
    // unless it has net assets on those days (below)
    if ((fresh.length > 0 || statedLater.length > 0) && closed.months.size > 0) {
      const documents = await loadDocuments(tx);
      const rates = await loadBoardRates(tx);
      const governance = await loadGovernance(tx);
      const before = buildRegistry(documents, rates, governance);
      // a document stated to amend an instrument replaces itself as stored before
      const withDocs = (ds: readonly StoredDocument[]) =>
        buildRegistry([...documents.filter((x) => !ds.some((d) => d.id === x.id)), ...ds], rates, governance);
      const all = [...fresh.map((f) => f.d), ...statedLater];
      const afterAll = withDocs(all);
      const after = (ds: readonly StoredDocument[]) => (ds === all ? afterAll : withDocs(ds));
      await refuseEachOrTogether(
        all,
        (ds) => {
          const registry = after(ds);
          return (
            closedPeriodChange(before, registry, closed.months, { newlyGovernedAllowed: true }) ??
            closedPeriodRename(before, registry, closed.months)
          );
        },
        (hit) =>
          `${hit.month} is closed: this document would change what governed ${hit.portfolio}${hit.class === '—' ? '' : ` class ${hit.class}`} on ${hit.day} (${hit.before} → ${hit.after})`,
        'together, these documents would change what governed in a closed month',
      );
      // SPEC §12: nor one that newly governs, on closed days, a class with net assets on them
      // (a provider's customers' assets, the service fees' base, are within those, SPEC §5) — the sealed month said "no instrument, no fees"; it would now say fees were due
      // (a class with no assets there accrues nothing either way, and stays accepted)
      await refuseEachOrTogether(
        all,
        (ds) => newlyGovernedWithAssets(tx, closedPeriodNewlyGoverned(before, after(ds), closed.months)),
        (hit) =>
          `${hit.month} is closed: this document would newly govern ${hit.portfolio} class ${hit.class} from ${hit.from} (no instrument → ${hit.after}), and it has net assets on ${hit.date}: the sealed month accrued no fees for the class and a closed month is locked; nothing was written (a document effective after the last closed month covers the class from then on)`,
        'together, these documents would newly govern a class with net assets in a closed month',
      );
      // SPEC §12: nor one whose renames re-file rows of a closed month under another portfolio
      // (its rename reveals that a name with rows of its own is another portfolio's: the rows
      // would move, whatever the rename's date — one effective after the closed months that
      // moves none of their rows is accepted)
      const lockedThrough = monthEnd(closed.latest!);
      await refuseEachOrTogether(
        all,
        async (ds) => (await closedRowsRefiled(tx, after(ds), lockedThrough))[0] ?? null,
        (hit) => refiledReason(hit, closed.months, 'this document'),
        'together, these documents would re-file rows of a closed month under another portfolio',
      );
    }
    for (const { d, bytes } of fresh) {
      // the document's parse is its bytes as read; the instrument it amends, as stated, is kept
      // beside it (exhibit_statement), where a statement made later is kept too
      const amends = d.doc.statedByUser?.amends;
      await insertDocument(tx, {
        ...d,
        doc: withoutStatedAmends(d.doc),
        storedName: basename(d.fileName),
        byteLength: bytes,
        importedBy: actor,
      });
      if (amends !== undefined) {
        await insertStatement(tx, { documentId: d.id, amends, statedBy: actor });
        statedNow.push({ file: d.fileName, id: d.id, title: d.doc.title, amends });
      }
      imported.push({ file: d.fileName, id: d.id, title: d.doc.title, effectiveDate: d.doc.effectiveDate });
      for (const w of d.doc.warnings) warnings.push(`${d.fileName}: ${w}`);
    }
    for (const d of statedLater) {
      const amends = d.doc.statedByUser!.amends!;
      const replaces = replacing.get(d.id);
      if (replaces === undefined) await insertStatement(tx, { documentId: d.id, amends, statedBy: actor });
      else await replaceStatement(tx, { documentId: d.id, amends, statedBy: actor });
      statedNow.push({
        file: d.fileName,
        id: d.id,
        title: d.doc.title,
        amends,
        ...(replaces === undefined ? {} : { replaces }),
      });
    }
    if (imported.length === 0 && statedLater.length === 0)
      return { result: { imported, unchanged, stated: statedNow, warnings }, audit: null };
    const registry = buildRegistry(await loadDocuments(tx), await loadBoardRates(tx));
    await refreshPortfolioNames(tx, registry);
    warnings.push(...registry.warnings);
    return {
      result: { imported, unchanged, stated: statedNow, warnings },
      audit: {
        // the documents imported, as `audit verify` finds each stored document's import by them
        // (importedRecords.ts); a command that only states what stored amendments amend names those
        subject: (imported.length > 0 ? imported.map((i) => i.file) : statedLater.map((d) => d.fileName))
          .map((f) => basename(f))
          .join(', '),
        contentHash: sha256(
          (imported.length > 0
            ? imported.map((i) => i.id)
            : statedLater.map((d) => `${d.id} amends ${d.doc.statedByUser!.amends}`)
          ).join('\n'),
        ),
        // what the user stated for facts the reader could not find is recorded as such
        detail: [
          ...fresh.map(({ d }) =>
            d.doc.statedByUser === undefined
              ? d.doc.title
              : `${d.doc.title}; stated by the user: ${JSON.stringify(d.doc.statedByUser)}`,
          ),
          ...statedLater.map(
            (d) =>
              `${d.doc.title} (imported before); stated by the user: ${JSON.stringify({ amends: d.doc.statedByUser!.amends })}${
                replacing.has(d.id)
                  ? ` (replacing the statement recorded before: ${JSON.stringify({ amends: replacing.get(d.id) })})`
                  : ''
              }`,
          ),
        ].join('; '),
      },
    };
  });
}

/** The first newly governed closed span whose class has net assets in it, and the first such day; or null. */
async function newlyGovernedWithAssets(
  q: Queryable,
  spans: ReturnType<typeof closedPeriodNewlyGoverned>,
): Promise<(ReturnType<typeof closedPeriodNewlyGoverned>[number] & { date: string }) | null> {
  for (const s of spans) {
    const date = await firstDayWithNetAssets(q, { portfolioId: s.portfolioId, class: s.class }, s.from, s.to);
    if (date !== null) return { ...s, date };
  }
  return null;
}

/**
 * SPEC §12: documents that together would change a closed month are refused — each one that would
 * alone, at its effective date; where none would alone, all of them, together.
 */
async function refuseEachOrTogether<H>(
  documents: readonly StoredDocument[],
  hitOf: (ds: readonly StoredDocument[]) => H | null | Promise<H | null>,
  reason: (hit: H) => string,
  together: string,
): Promise<void> {
  if ((await hitOf(documents)) === null) return;
  const problems: Problem[] = [];
  for (const d of documents) {
    const hit = await hitOf([d]);
    if (hit !== null)
      problems.push({
        code: 'REFUSED',
        file: d.fileName,
        line: 1,
        field: 'effective date',
        value: d.doc.effectiveDate,
        reason: reason(hit),
      });
  }
  if (problems.length === 0)
    for (const d of documents)
      problems.push({ code: 'REFUSED', file: d.fileName, line: 1, field: null, reason: together });
  throw new ProblemsError(problems);
}
