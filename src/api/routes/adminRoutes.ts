import { z } from '@hono/zod-openapi';
import { sheetCsv } from '../../cli/tabularOutput.js';
import { setBoardRate } from '../../import/boardRateChange.js';
import { tokensSheet } from '../../reports/xlsxSheets.js';
import { CsvText, defineRoute, XlsxSheets } from '../apiRoute.js';
import { createApiToken, listTokens, revokeToken } from '../apiTokens.js';
import { ROLES } from '../roles.js';
import { DateText, FormatOrXlsx, IsoDate, Pct, RatePct as Rate } from '../schemas.js';

/** What an admin does: Board-set rates and API tokens (issue 13 item 2). */
export const adminRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/rates',
    operationId: 'setBoardRate',
    summary: 'record a Board-set rate for a class from a date (plan12b rates set); refused above the maximum',
    tag: 'registry',
    permission: 'administer',
    changesState: true,
    body: {
      kind: 'json',
      schema: z
        .object({
          portfolio: z.string().min(1),
          class: z.string().min(1),
          effectiveDate: IsoDate,
          distributionFeePct: Rate.nullable().default(null),
          serviceFeePct: Rate.nullable().default(null),
          reason: z.string().max(500).nullable().default(null),
        })
        .refine((r) => r.distributionFeePct !== null || r.serviceFeePct !== null, {
          message: 'give distributionFeePct, serviceFeePct or both',
        }),
    },
    response: z.looseObject({
      portfolio: z.string(),
      class: z.string(),
      effectiveDate: DateText,
      distributionFeePct: Pct.nullable(),
      serviceFeePct: Pct.nullable(),
      recorded: z.boolean(),
      warnings: z.array(z.string()),
    }),
    status: 200,
    errors: ['USAGE', 'BAD_INPUT', 'NOT_FOUND', 'CONFLICT', 'REFUSED'],
    async run({ body, use }) {
      const rate = body as Parameters<typeof setBoardRate>[1];
      // the rate as recorded (the portfolio's name on its date, `.25` as 0.25: SPEC §2, §3), not as sent
      return { ...rate, ...(await use((db) => setBoardRate(db, rate))) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/tokens',
    operationId: 'tokens',
    summary: 'every API token: name, role, created, revoked (never the token)',
    tag: 'tokens',
    permission: 'administer',
    query: z.object({
      format: FormatOrXlsx.openapi({
        description: 'csv: one line per token (text/csv); xlsx: the workbook of plan12b tokens list --xlsx',
      }),
    }),
    response: z.object({
      tokens: z.array(
        z.object({
          name: z.string(),
          role: z.string(),
          createdAt: z.string(),
          createdBy: z.string(),
          revokedAt: z.string().nullable(),
          revokedBy: z.string().nullable(),
        }),
      ),
    }),
    csv: true,
    xlsx: true,
    errors: ['USAGE'],
    async run({ query, read }) {
      const rows = await read((q) => listTokens(q));
      if (query.format === 'xlsx') return new XlsxSheets([tokensSheet(rows)], 'tokens.xlsx');
      return query.format === 'csv' ? new CsvText(sheetCsv(tokensSheet(rows))) : { tokens: rows };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/tokens',
    operationId: 'createToken',
    summary: 'create a token; the answer holds it ONCE (plan12b tokens create)',
    tag: 'tokens',
    permission: 'administer',
    changesState: true,
    body: { kind: 'json', schema: z.object({ name: z.string().min(1).max(64), role: z.enum(ROLES) }) },
    response: z.object({ name: z.string(), role: z.enum(ROLES), token: z.string() }),
    status: 201,
    errors: ['USAGE', 'CONFLICT'],
    run: ({ body, use }) => use((db) => createApiToken(db, body as { name: string; role: string })),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/tokens/{name}',
    operationId: 'revokeToken',
    summary: 'revoke a token (plan12b tokens revoke); the record stays',
    tag: 'tokens',
    permission: 'administer',
    changesState: true,
    params: z.object({ name: z.string().openapi({ param: { name: 'name', in: 'path' } }) }),
    response: z.object({ name: z.string(), revoked: z.boolean() }),
    errors: ['NOT_FOUND'],
    async run({ params, use, c }) {
      const out = await use((db) => revokeToken(db, params.name));
      c.get('onRevoke')?.();
      return out;
    },
  }),
];
