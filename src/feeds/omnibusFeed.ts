import { monthEnd, monthStart } from '../calendar/isoDate.js';
import { formatShareUnits } from '../class-b/shareUnits.js';
import type { Problem } from '../errors.js';
import { monthField, nameField, sharesField } from '../import/feedFields.js';
import {
  type FeedDefinition,
  type FeedOptions,
  type FeedProgressListener,
  runFeedImport,
} from '../import/feedImport.js';
import type { PlannedChange } from '../import/importPlan.js';
import { unknownPortfolioReason } from '../registry/closestPortfolioName.js';
import { portfolioOverSpan } from '../registry/nameOverSpan.js';
import type { Registry } from '../registry/registry.js';
import type { Database } from '../store/database.js';
import * as repo from '../store/omnibusRepository.js';
import { loadRegistry } from '../store/registryStore.js';

/** Exhibit A 2(c): the sub-transfer agent's figures per Omnibus Account, portfolio and month. */
export const OMNIBUS_FEED_COLUMNS = {
  month: { type: monthField() },
  account: { type: nameField('account') },
  portfolio: { type: nameField('portfolio') },
  free_shares_issued: { type: sharesField() },
  free_shares_redeemed: { type: sharesField() },
  free_shares_outstanding: { type: sharesField() },
} as const;

type Change = PlannedChange &
  repo.OmnibusMonthRow & {
    readonly portfolioName: string;
    /** a restatement (`--restate`): the figures it replaces */
    readonly old: repo.OmnibusMonthRow | null;
  };
type State = {
  registry: Registry;
  omnibus: Map<string, boolean>;
  recorded: Map<string, repo.OmnibusMonthRow>;
};
export type OmnibusImportResult = {
  readonly rows: number;
  readonly inserted: number;
  readonly unchanged: number;
  /** each recorded month corrected with `--restate`: its figures before and after */
  readonly restated: readonly {
    readonly month: string;
    readonly account: string;
    readonly portfolio: string;
    readonly old: string;
    readonly new: string;
  }[];
};

const figures = (x: repo.OmnibusMonthRow) =>
  [x.freeSharesIssued, x.freeSharesRedeemed, x.freeSharesOutstanding].map(formatShareUnits).join(' / ');

/**
 * The omnibus feed (Exhibit A 2(c); SPEC §7, §12): all-or-nothing and idempotent; a different
 * figure for a recorded month is a conflict unless `--restate` — the correction the Exhibit A
 * computation asks for when the figures do not reconcile with the transfer agent's — which
 * replaces it, the old and new figures in the import's audit record; nothing is added or restated
 * in or before a closed month, since 2(c) carries each month's attribution into the next.
 */
export const omnibusFeed: FeedDefinition<
  typeof OMNIBUS_FEED_COLUMNS,
  State,
  Change,
  OmnibusImportResult,
  FeedOptions
> = {
  name: 'omnibus',
  columns: OMNIBUS_FEED_COLUMNS,
  closedMonthRule: 'refuse-through-latest',
  conflictHint:
    'nothing was written; check the figures with the sub-transfer agent and fix the file, or, to correct a recorded month that is not closed, import it with --restate',

  load: async (tx, rows) => ({
    registry: await loadRegistry(tx),
    recorded: await repo.loadOmnibusMonths(tx),
    omnibus: await repo.omnibusFlags(
      tx,
      rows.map(({ row }) => row.account),
    ),
  }),

  plan(rows, { registry, omnibus, recorded }, ctx) {
    const problems: Problem[] = [];
    const changes: Change[] = [];
    const firstLine = new Map<string, number>();
    for (const { line, row: r } of rows) {
      const bad = (field: string, reason: string, code?: Problem['code']) =>
        problems.push({ code, file: ctx.file, line, field, reason });
      // SPEC §2: the portfolio that bore the name in the month; a name that changed hands within it is refused
      const span = portfolioOverSpan(
        registry.identities,
        r.portfolio,
        monthStart(r.month),
        monthEnd(r.month),
      );
      if (span.ambiguity !== null) {
        bad('portfolio', span.ambiguity);
        continue;
      }
      const portfolioId = span.id;
      const isOmnibus = omnibus.get(r.account);
      if (isOmnibus === undefined)
        bad('account', `unknown account ${r.account}; import it with \`accounts import\``);
      else if (!isOmnibus) bad('account', `${r.account} is not an Omnibus Account (Exhibit A 1.)`);
      if (portfolioId === undefined)
        bad('portfolio', unknownPortfolioReason(registry.identities, r.portfolio));
      if (portfolioId === undefined || !isOmnibus) continue;
      const row: Change = {
        line,
        datedOn: monthStart(r.month),
        dateField: 'month',
        kind: 'new',
        month: r.month,
        account: r.account,
        portfolioId,
        portfolioName: r.portfolio,
        freeSharesIssued: r.free_shares_issued,
        freeSharesRedeemed: r.free_shares_redeemed,
        freeSharesOutstanding: r.free_shares_outstanding,
        old: null,
      };
      const key = repo.omnibusKey(row);
      const [first, old] = [firstLine.get(key), recorded.get(key)];
      firstLine.set(key, first ?? line);
      const what = `${r.account}, ${r.portfolio}, ${r.month}`;
      if (first !== undefined) bad('month', `duplicate row for ${what} (first on line ${first})`);
      else if (old === undefined) changes.push(row);
      else if (figures(old) === figures(row)) continue;
      else if (ctx.options.restate) changes.push({ ...row, kind: 'restated', old });
      else
        bad(
          'free_shares_outstanding',
          `${what} is recorded as ${figures(old)} (issued / redeemed / outstanding), this row says ${figures(row)}; to correct a month that is not closed, import with --restate`,
          'CONFLICT',
        );
    }
    return { changes, unchanged: rows.length - changes.length, problems, warnings: [] };
  },

  async apply(tx, plan, _state, ctx) {
    await repo.insertOmnibusMonths(
      tx,
      plan.changes.filter((c) => c.kind === 'new'),
      ctx.importId,
    );
    for (const c of plan.changes)
      if (c.kind === 'restated') await repo.restateOmnibusMonth(tx, c, ctx.importId);
  },
  auditDetail: (plan) =>
    plan.changes
      .filter((c) => c.kind === 'restated')
      .map((c) => `restated ${c.account}, ${c.portfolioName}, ${c.month}: ${figures(c.old!)} → ${figures(c)}`)
      .join('; '),
  result: (plan, _state, ctx) => {
    const restated = plan.changes.filter((c) => c.kind === 'restated');
    return {
      rows: ctx.rows,
      inserted: plan.changes.length - restated.length,
      unchanged: plan.unchanged,
      restated: restated.map((c) => ({
        month: c.month,
        account: c.account,
        portfolio: c.portfolioName,
        old: figures(c.old!),
        new: figures(c),
      })),
    };
  },
};

/** `plan12b omnibus import`: the omnibus feed through the one import pipeline. */
export const importOmnibusMonths = (
  db: Database,
  file: string,
  bytes: Uint8Array,
  opts: { restate?: boolean; onProgress?: FeedProgressListener } = {},
) =>
  runFeedImport(
    db,
    omnibusFeed,
    { file, bytes },
    {
      restate: opts.restate === true,
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    },
  );
