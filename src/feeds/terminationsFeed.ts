import { sha256 } from '../audit/auditChain.js';
import { requireDateOfNyseCalendar } from '../calendar/nyseCalendar.js';
import { Plan12bError, type Problem } from '../errors.js';
import {
  type AgreementNotice,
  contradictedTermination,
  FIFTEENTH_A_NOTICE,
  type Termination,
  terminationLabel,
  terminationNoticeWarning,
  terminationProblem,
} from '../governance/termination.js';
import type { DecodedRow } from '../import/csvFeed.js';
import { enumField, isoDateField, nameField, optionalField, textField } from '../import/feedFields.js';
import { type FeedDefinition, type FeedOptions, runFeedImport } from '../import/feedImport.js';
import type { PlannedChange } from '../import/importPlan.js';
import { runStateChange } from '../import/stateChange.js';
import { requirePrintableText } from '../import/statedText.js';
import { didYouMeanPortfolio } from '../registry/closestPortfolioName.js';
import { portfolioOrAll } from '../registry/portfolioOrAll.js';
import type { Registry } from '../registry/registry.js';
import { currentActor } from '../store/actor.js';
import type { Database } from '../store/database.js';
import { loadRegistry } from '../store/registryStore.js';
import { insertTerminations, loadTerminations } from '../store/terminationsRepository.js';

/**
 * The terminations feed (Plan §9; Agreement FIFTEENTH): `instrument,portfolio,class,date,by[,notice_date][,reason]`.
 * `portfolio` all (or empty) for every portfolio, `class` empty for every class.
 */
export const TERMINATIONS_FEED_COLUMNS = {
  instrument: { type: enumField(['plan', 'agreement'] as const) },
  portfolio: { type: optionalField(nameField('portfolio')) },
  class: { type: optionalField(nameField('class')) },
  date: { type: isoDateField() },
  by: { type: enumField(['trustees', 'shareholders', 'distributor'] as const) },
  notice_date: { type: optionalField(isoDateField()), optional: true },
  reason: { type: optionalField(textField()), optional: true },
} as const;

export interface TerminationInput {
  readonly instrument: 'plan' | 'agreement';
  readonly portfolio: string | null;
  readonly class: string | null;
  readonly date: string;
  readonly by: Termination['votedBy'];
  readonly noticeDate: string | null;
  readonly reason: string | null;
}

/** A termination as given, resolved against the registry, or the field and reason it is refused. */
export function terminationOf(
  input: TerminationInput,
  registry: Registry,
):
  | Termination
  | {
      field: string;
      value?: string;
      reason: string;
      unknownPortfolio?: true;
      unknownClass?: true;
    } {
  let portfolioId: string | null = null;
  if (input.portfolio !== null) {
    const p = portfolioOrAll(registry, input.portfolio, input.date);
    if ('problem' in p)
      return { field: 'portfolio', value: input.portfolio, reason: p.problem, unknownPortfolio: true };
    portfolioId = p.id;
  }
  if (
    input.class !== null &&
    !registry
      .classKeys()
      .some(
        (k) =>
          (portfolioId === null || k.portfolioId === portfolioId) &&
          k.class.toLowerCase() === input.class!.toLowerCase(),
      )
  )
    return {
      field: 'class',
      value: input.class,
      reason: `no instrument covers Class ${input.class}${input.portfolio ? ` of ${input.portfolio}` : ''}`,
      unknownClass: true,
    };
  // FIFTEENTH(A) ends the Agreement "with respect to the Shares of any Portfolio": an agreement
  // must list the portfolio's class (the Class B Agreement cannot be terminated for Class R
  // shares). A Plan termination needs only an instrument covering the class: for Class B, whose
  // Plan is not among the documents, it is read as Complete Termination of the Plan (FIFTEENTH(B)).
  if (input.instrument === 'agreement' && !agreementCovers(registry, portfolioId, input.class))
    return {
      field: input.class === null ? 'portfolio' : 'class',
      value: input.class ?? input.portfolio ?? 'all',
      reason: `no Agreement covers ${input.class === null ? 'any class' : `Class ${input.class}`}${input.portfolio ? ` of ${input.portfolio}` : ''}: there is no agreement to terminate`,
    };
  const t = {
    instrument: input.instrument,
    portfolioId,
    portfolioName: portfolioId === null ? null : registry.identities.nameOn(portfolioId, input.date),
    class: input.class,
    effectiveDate: input.date,
    votedBy: input.by,
    noticeDate: input.noticeDate,
    reason: input.reason,
  };
  const why = terminationProblem(t, agreementNotice(registry, portfolioId, input.class));
  if (why) return why;
  const id = sha256(
    JSON.stringify([t.instrument, portfolioId, t.class?.toLowerCase() ?? null, t.effectiveDate]),
  );
  return Object.freeze({ kind: 'termination', id, ...t });
}

/**
 * The written notice the Agreement covering the class (null: any) of the portfolio (null: any) is
 * terminated on, as its text states it (FIFTEENTH(A) "on sixty (60) days' written notice";
 * edgar/terminationNoticeClause.ts); an Agreement whose parse has none (its text states none, or an
 * older build imported it) keeps FIFTEENTH(A)'s sixty days. Of several, the first by key.
 */
export function agreementNotice(
  registry: Registry,
  portfolioId: string | null,
  shareClass: string | null,
): AgreementNotice {
  const stated = registry.instruments
    .filter(
      (i) =>
        i.kind === 'agreement' &&
        i.statedTerminationNotice &&
        listsClassOf(registry, i, portfolioId, shareClass),
    )
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))[0]?.statedTerminationNotice;
  return stated ? { days: stated.days, atMost: stated.atMost, text: stated.text } : FIFTEENTH_A_NOTICE;
}

/** Whether an agreement lists the class (null: any) of the portfolio (null: any) in any schedule version. */
function agreementCovers(registry: Registry, portfolioId: string | null, shareClass: string | null): boolean {
  return registry.instruments.some(
    (i) => i.kind === 'agreement' && listsClassOf(registry, i, portfolioId, shareClass),
  );
}

/** Whether the instrument lists the class (null: any) of the portfolio (null: any) in any schedule version. */
function listsClassOf(
  registry: Registry,
  instrument: Registry['instruments'][number],
  portfolioId: string | null,
  shareClass: string | null,
): boolean {
  const cls = shareClass?.toLowerCase() ?? null;
  return [...instrument.schedules.values()].some((versions) =>
    versions.some((v) =>
      v.entries.some(
        (e) =>
          (cls === null || e.class.toLowerCase() === cls) &&
          (portfolioId === null ||
            registry.identities.resolveOn(e.portfolio, v.effectiveDate) === portfolioId),
      ),
    ),
  );
}

type Row = DecodedRow<{
  instrument: 'plan' | 'agreement';
  portfolio: string | null;
  class: string | null;
  date: string;
  by: Termination['votedBy'];
  notice_date: string | null;
  reason: string | null;
}>;

type TerminationChange = PlannedChange & { readonly termination: Termination };

interface TerminationsState {
  readonly recorded: ReadonlyMap<string, Termination>;
  readonly candidates: readonly { line: number; termination: Termination; notice: AgreementNotice }[];
  readonly problems: readonly Problem[];
}

export interface TerminationsImportResult {
  readonly file: string;
  readonly rows: number;
  readonly inserted: number;
  readonly unchanged: number;
  /** FIFTEENTH(A): Agreement terminations recorded without the date of their written notice */
  readonly warnings: readonly string[];
}

function sameTermination(a: Termination, b: Termination): boolean {
  return a.votedBy === b.votedBy && a.noticeDate === b.noticeDate && (a.reason ?? '') === (b.reason ?? '');
}

export const terminationsFeed: FeedDefinition<
  typeof TERMINATIONS_FEED_COLUMNS,
  TerminationsState,
  TerminationChange,
  TerminationsImportResult
> = {
  name: 'terminations',
  columns: TERMINATIONS_FEED_COLUMNS,
  // A termination governs every day from its date on (payments stop): one dated in or before the
  // latest closed month would alter sealed results.
  closedMonthRule: 'refuse-through-latest',

  async load(tx, rows, ctx) {
    const registry = await loadRegistry(tx);
    const recorded = new Map((await loadTerminations(tx)).map((t) => [t.id, t]));
    const problems: Problem[] = [];
    const candidates: { line: number; termination: Termination; notice: AgreementNotice }[] = [];
    for (const { line, row } of rows as readonly Row[]) {
      const t = terminationOf(
        {
          instrument: row.instrument,
          portfolio: row.portfolio,
          class: row.class,
          date: row.date,
          by: row.by,
          noticeDate: row.notice_date,
          reason: row.reason,
        },
        registry,
      );
      if ('field' in t) problems.push({ file: ctx.file, line, ...t });
      else
        candidates.push({ line, termination: t, notice: agreementNotice(registry, t.portfolioId, t.class) });
    }
    return { recorded, candidates, problems };
  },

  plan(_rows, state, ctx) {
    const problems: Problem[] = [...state.problems];
    const changes: TerminationChange[] = [];
    const seen = new Map<string, number>();
    const warnings: string[] = [];
    let unchanged = 0;
    for (const { line, termination, notice } of state.candidates) {
      const first = seen.get(termination.id);
      if (first !== undefined) {
        problems.push({
          file: ctx.file,
          line,
          field: 'date',
          reason: `the same termination as line ${first}`,
        });
        continue;
      }
      seen.set(termination.id, line);
      const was = state.recorded.get(termination.id);
      if (was) {
        if (sameTermination(was, termination)) unchanged++;
        else
          problems.push({
            code: 'CONFLICT',
            file: ctx.file,
            line,
            field: 'by',
            reason: 'this termination is already recorded with a different vote, notice or reason',
          });
        continue;
      }
      // Plan §9 / FIFTEENTH(A): a class's instrument ends once; another date for it is a contradiction
      const recordedClash = contradictedTermination(termination, [...state.recorded.values()]);
      if (recordedClash) {
        problems.push({
          code: 'CONFLICT',
          file: ctx.file,
          line,
          field: 'date',
          value: termination.effectiveDate,
          reason: `${terminationLabel(recordedClash)} is already recorded: the ${termination.instrument} ends once for a portfolio's class (Plan §9; FIFTEENTH(A)), so a termination on another date may not end what it ended, nor be ended by it; a recorded termination is never edited`,
        });
        continue;
      }
      const inFile = changes.find((c) => contradictedTermination(termination, [c.termination]) !== null);
      if (inFile) {
        problems.push({
          file: ctx.file,
          line,
          field: 'date',
          value: termination.effectiveDate,
          reason: `line ${inFile.line} terminates ${terminationLabel(inFile.termination)}: the ${termination.instrument} ends once for a portfolio's class (Plan §9; FIFTEENTH(A)): keep the right date only`,
        });
        continue;
      }
      changes.push({ line, datedOn: termination.effectiveDate, kind: 'new', termination });
      const unchecked = terminationNoticeWarning(termination, notice);
      if (unchecked !== null) warnings.push(`line ${line}: ${unchecked}`);
    }
    return { changes, unchanged, problems, warnings };
  },

  apply: (tx, plan, _state, ctx) =>
    insertTerminations(
      tx,
      plan.changes.map((c) => c.termination),
      ctx.importId,
      ctx.actor,
    ),

  result: (plan, _state, ctx) => ({
    file: ctx.file,
    rows: ctx.rows,
    inserted: plan.changes.length,
    unchanged: plan.unchanged,
    warnings: plan.warnings,
  }),
  conflictHint: 'a recorded termination is never edited',
};

/** `plan12b terminations import`. */
export function importTerminations(
  db: Database,
  file: string,
  bytes: Uint8Array,
  opts: Pick<FeedOptions, 'onProgress'> = {},
): Promise<TerminationsImportResult> {
  return runFeedImport(
    db,
    terminationsFeed,
    { file, bytes },
    { ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) },
  );
}

/**
 * `plan12b terminate`: one termination through the state-change door (writer lock, one
 * transaction, closed months, one audit record). Refused when dated in or before the latest
 * closed month; the same termination twice changes nothing.
 */
export async function recordTermination(
  db: Database,
  input: TerminationInput,
): Promise<{ recorded: boolean; termination: Termination; warnings: string[] }> {
  requireDateOfNyseCalendar(input.date);
  if (input.noticeDate !== null) requireDateOfNyseCalendar(input.noticeDate);
  if (input.reason !== null) requirePrintableText(input.reason, 'the reason');
  return runStateChange<{ recorded: boolean; termination: Termination; warnings: string[] }>(
    db,
    'terminations.terminate',
    async (tx, closed) => {
      const registry = await loadRegistry(tx);
      const t = terminationOf(input, registry);
      // a portfolio no document ever named is not found (66), as for `rates set` and every query;
      // a file's row naming one stays a problem of the file (terminations import)
      if ('unknownPortfolio' in t)
        throw new Plan12bError(
          'NOT_FOUND',
          `no portfolio has ever been named ${JSON.stringify(input.portfolio)}`,
          `${didYouMeanPortfolio(registry.identities, input.portfolio ?? '')}check the name (or write all), or import the exhibit that lists it; nothing was written`,
        );
      // so is a class no instrument names (for the portfolio), as for `rates set` and `fees --class`
      if ('unknownClass' in t)
        throw new Plan12bError(
          'NOT_FOUND',
          t.reason,
          'check the class (`plan12b schedule --as-of DATE` lists the classes in force); nothing was written',
        );
      if ('field' in t)
        throw new Plan12bError(
          'BAD_INPUT',
          `--${t.field.replace('_', '-')}: ${t.reason}`,
          'nothing was written',
        );
      const was = (await loadTerminations(tx)).find((x) => x.id === t.id);
      if (was) {
        if (sameTermination(was, t))
          return { result: { recorded: false, termination: was, warnings: [] }, audit: null };
        throw new Plan12bError(
          'CONFLICT',
          'this termination is already recorded with a different vote, notice or reason',
          'a recorded termination is never edited',
        );
      }
      const clash = contradictedTermination(t, await loadTerminations(tx));
      if (clash)
        throw new Plan12bError(
          'CONFLICT',
          `${terminationLabel(clash)} is already recorded: the ${t.instrument} ends once for a portfolio's class (Plan §9; FIFTEENTH(A))`,
          'a recorded termination is never edited',
        );
      if (closed.latest !== null && t.effectiveDate.slice(0, 7) <= closed.latest)
        throw new Plan12bError(
          'REFUSED',
          `${closed.latest} is closed; a termination from ${t.effectiveDate} would alter its sealed results`,
          'date the termination in an open month',
        );
      await insertTerminations(tx, [t], null, currentActor());
      const unchecked = terminationNoticeWarning(t, agreementNotice(registry, t.portfolioId, t.class));
      return {
        result: { recorded: true, termination: t, warnings: unchecked === null ? [] : [unchecked] },
        audit: {
          subject: `${t.instrument} ${t.portfolioName ?? 'all portfolios'} class ${t.class ?? 'all'} from ${t.effectiveDate}`,
          contentHash: t.id,
          detail: `by ${t.votedBy}${t.noticeDate ? `, notice ${t.noticeDate}` : ''}${t.reason ? `: ${t.reason}` : ''}`,
        },
      };
    },
  );
}
