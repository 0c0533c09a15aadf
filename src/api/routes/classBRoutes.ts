import { z } from '@hono/zod-openapi';
import { Plan12bError } from '../../errors.js';
import { cdscReport } from '../../reports/classBCdscReport.js';
import { conversionsReport } from '../../reports/classBConversionsReport.js';
import { lotsReport } from '../../reports/classBLotsReport.js';
import { redemptionsReport } from '../../reports/classBRedemptionsReport.js';
import { listClassBTerms } from '../../reports/classBTermsList.js';
import { defineRoute } from '../apiRoute.js';
import { IsoDate, looseObject, Month } from '../schemas.js';

/** Class B shares (SPEC §6): lots, redemptions, conversions, CDSC, terms. */
export const classBRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/class-b/lots',
    operationId: 'lots',
    summary: "an account's Class B lots (plan12b lots)",
    tag: 'class B',
    permission: 'read',
    query: z.object({ account: z.string().min(1), asOf: IsoDate.optional() }),
    response: looseObject({
      account: z.string(),
      asOf: z.string().nullable(),
      lots: z.array(looseObject({ lotId: z.string(), shares: z.string(), kind: z.string() })),
    }).openapi('Lots'),
    errors: ['USAGE', 'NOT_FOUND'],
    run: ({ query, use }) => use((db) => lotsReport(db, query.account, query.asOf)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/class-b/redemptions',
    operationId: 'redemptions',
    summary: 'Class B redemptions with CDSC, fees and lot pieces (plan12b redemptions)',
    tag: 'class B',
    permission: 'read',
    query: z.object({ from: IsoDate, to: IsoDate }),
    response: looseObject({
      redemptions: z.array(looseObject({ txnId: z.string(), cdsc: z.string() })),
      totals: looseObject({ gross: z.string(), cdsc: z.string(), net: z.string() }),
    }).openapi('Redemptions'),
    errors: ['USAGE'],
    async run({ query, use }) {
      if (query.from > query.to)
        throw new Plan12bError('USAGE', `from ${query.from} is after to ${query.to}`);
      return use((db) => redemptionsReport(db, query.from, query.to));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/class-b/conversions',
    operationId: 'conversions',
    summary: 'Class B shares due to convert at the end of a month (plan12b conversions)',
    tag: 'class B',
    permission: 'read',
    query: z.object({ month: Month }),
    response: looseObject({ conversions: z.array(looseObject({})), totalShares: z.string() }),
    errors: ['USAGE'],
    run: ({ query, use }) => use((db) => conversionsReport(db, query.month)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/class-b/cdsc',
    operationId: 'cdsc',
    summary: "a month's CDSC per portfolio and distributor: Earned CDSC (plan12b cdsc)",
    tag: 'class B',
    permission: 'read',
    query: z.object({ month: Month }),
    response: looseObject({
      month: z.string(),
      rows: z.array(looseObject({ portfolio: z.string() })),
      totalCdsc: z.string(),
    }),
    errors: ['USAGE'],
    run: ({ query, use }) => use((db) => cdscReport(db, query.month)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/class-b/terms',
    operationId: 'classBTerms',
    summary: 'the recorded Class B terms rules and the defaults (plan12b class-b-terms list)',
    tag: 'class B',
    permission: 'read',
    response: looseObject({ rules: z.array(looseObject({})), defaults: looseObject({}) }),
    errors: [],
    run: ({ use }) => use((db) => listClassBTerms(db)),
  }),
];
