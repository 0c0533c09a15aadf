import { z } from '@hono/zod-openapi';
import { APPROVALS_FEED_COLUMNS, importApprovals } from '../../feeds/approvalsFeed.js';
import { EXPENDITURES_FEED_COLUMNS, importExpenditures } from '../../feeds/expendituresFeed.js';
import { GROSS_SALES_FEED_COLUMNS, importGrossSales } from '../../feeds/grossSalesFeed.js';
import { importPrimeRate, PRIME_RATE_FEED_COLUMNS } from '../../feeds/primeRateFeed.js';
import {
  importTerminations,
  recordTermination,
  TERMINATIONS_FEED_COLUMNS,
} from '../../feeds/terminationsFeed.js';
import { withdrawExhibit } from '../../import/exhibitWithdrawal.js';
import { setGovernanceSetting } from '../../import/governanceSettingChange.js';
import { defineRoute } from '../apiRoute.js';
import { IsoDate, looseObject } from '../schemas.js';
import { type FeedUpload, feedRoute } from './importRoutes.js';

/**
 * The governance records by upload and by request (issue 12, through the API of issue 13): the
 * Board's approvals and votes, terminations, the FINRA cap's gross sales and prime rate, the
 * Distributor's expenditures — each through the same import function as its CLI command, so
 * the one pipeline, audited with the token's actor — and the changes an administrator makes: a
 * governance setting, withdrawing an exhibit imported by mistake.
 */
const header = (columns: object) => Object.keys(columns).join(',');

const GOVERNANCE_FEEDS: readonly FeedUpload[] = [
  {
    feed: 'approvals',
    operationId: 'importApprovals',
    header: header(APPROVALS_FEED_COLUMNS),
    restatable: false,
    run: (db, f, b) => importApprovals(db, f, b),
  },
  {
    feed: 'terminations',
    operationId: 'importTerminations',
    header: header(TERMINATIONS_FEED_COLUMNS),
    restatable: false,
    run: (db, f, b) => importTerminations(db, f, b),
  },
  {
    feed: 'gross-sales',
    operationId: 'importGrossSales',
    header: header(GROSS_SALES_FEED_COLUMNS),
    restatable: true,
    run: (db, f, b, restate) => importGrossSales(db, f, b, { restate }),
  },
  {
    feed: 'prime-rate',
    operationId: 'importPrimeRate',
    header: header(PRIME_RATE_FEED_COLUMNS),
    restatable: true,
    run: (db, f, b, restate) => importPrimeRate(db, f, b, { restate }),
  },
  {
    feed: 'expenditures',
    operationId: 'importExpenditures',
    header: header(EXPENDITURES_FEED_COLUMNS),
    restatable: true,
    run: (db, f, b, restate) => importExpenditures(db, f, b, { restate }),
  },
];

export const governanceWriteRoutes = [
  ...GOVERNANCE_FEEDS.map(feedRoute),
  defineRoute({
    method: 'post',
    path: '/api/terminations',
    operationId: 'terminate',
    summary:
      'terminate the Plan (Plan §9) or the Agreement (FIFTEENTH(A)) for a portfolio (or all) and a class (or all) from a date (plan12b terminate)',
    tag: 'governance',
    permission: 'operate',
    changesState: true,
    body: {
      kind: 'json',
      schema: z.object({
        instrument: z.enum(['plan', 'agreement']).default('plan'),
        portfolio: z.string().min(1).openapi({ description: 'any name the portfolio ever had, or all' }),
        class: z.string().min(1).nullable().default(null),
        date: IsoDate.openapi({ description: 'the first day no payment is due' }),
        by: z.enum(['trustees', 'shareholders', 'distributor']),
        noticeDate: IsoDate.nullable().default(null),
        reason: z.string().max(1000).nullable().default(null),
      }),
    },
    response: z.object({ recorded: z.boolean(), termination: looseObject({}) }),
    status: 200,
    errors: ['USAGE', 'BAD_INPUT', 'CONFLICT', 'REFUSED'],
    run: ({ body, use }) =>
      use((db) => recordTermination(db, body as Parameters<typeof recordTermination>[1])),
  }),
  defineRoute({
    method: 'post',
    path: '/api/settings/{key}',
    operationId: 'setSetting',
    summary: 'set a governance setting (plan12b settings set KEY VALUE): approvals.enforce, continuance.*',
    tag: 'governance',
    permission: 'administer',
    changesState: true,
    params: z.object({ key: z.string().openapi({ param: { name: 'key', in: 'path' } }) }),
    body: { kind: 'json', schema: z.object({ value: z.string().min(1).max(200) }) },
    response: z.object({ key: z.string(), value: z.string(), changed: z.boolean() }),
    status: 200,
    errors: ['USAGE', 'BAD_INPUT', 'REFUSED'],
    run: ({ params, body, use }) =>
      use((db) => setGovernanceSetting(db, params.key, (body as { value: string }).value)),
  }),
  defineRoute({
    method: 'post',
    path: '/api/exhibits/{hash}/withdraw',
    operationId: 'withdrawExhibit',
    summary:
      'withdraw an exhibit imported by mistake (plan12b exhibit withdraw HASH --reason TEXT): no longer used; closed months adjusted at the next close',
    tag: 'registry',
    permission: 'administer',
    changesState: true,
    params: z.object({
      hash: z
        .string()
        .regex(/^[0-9a-f]{6,64}$/, 'a content hash, or its first characters')
        .openapi({ param: { name: 'hash', in: 'path' } }),
    }),
    body: { kind: 'json', schema: z.object({ reason: z.string().min(1).max(1000) }) },
    response: looseObject({}).openapi({ description: 'the withdrawal, as --json prints it' }),
    status: 200,
    errors: ['USAGE', 'BAD_INPUT', 'REFUSED', 'CONFLICT'],
    run: ({ params, body, use }) =>
      use((db) => withdrawExhibit(db, params.hash, (body as { reason: string }).reason)),
  }),
];
