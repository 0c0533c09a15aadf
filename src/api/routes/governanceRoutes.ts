import { z } from '@hono/zod-openapi';
import { parseQuarter } from '../../calendar/quarter.js';
import { Plan12bError } from '../../errors.js';
import { boardReport } from '../../reports/boardReport.js';
import { writeBoardReportPdf } from '../../reports/boardReportPdf.js';
import { finraCapReport } from '../../reports/finraCapReport.js';
import { whatIfReport } from '../../reports/whatIfReport.js';
import { defineRoute } from '../apiRoute.js';
import { pdfBytes } from '../pdfBytes.js';
import { IsoDate, looseObject, Month } from '../schemas.js';

/** Governance and compliance (SPEC §10): the FINRA cap, the board report, what-if. */

const Quarter = z
  .string()
  .regex(/^\d{4}Q[1-4]$/i)
  .openapi({ example: '2025Q4', description: 'a calendar quarter' });
const Pct = z
  .string()
  .regex(/^\d+(\.\d+)?$/)
  .openapi({ example: '0.50', description: 'a rate in percent per annum, as a decimal string' });

function quarterOf(text: string) {
  const q = parseQuarter(text);
  if (q === null) throw new Plan12bError('USAGE', `${JSON.stringify(text)} is not a quarter`, 'give e.g. 2025Q4');
  return q;
}

const boardReportQuery = z.object({ quarter: Quarter });

export const governanceRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/finra-cap',
    operationId: 'finraCap',
    summary: 'the FINRA Rule 2341 aggregate cap ledger of a class, month by month (plan12b finra-cap)',
    tag: 'governance',
    permission: 'read',
    query: z.object({ class: z.string().min(1), portfolio: z.string().optional(), through: Month }),
    response: looseObject({ classes: z.array(looseObject({})), warnings: z.array(z.string()) }).openapi(
      'FinraCap',
    ),
    errors: ['USAGE', 'NOT_FOUND', 'BAD_INPUT'],
    run: ({ query, use }) =>
      use((db) =>
        db.transaction(
          (q) =>
            finraCapReport(q, {
              class: query.class,
              through: query.through,
              ...(query.portfolio ? { portfolio: query.portfolio } : {}),
            }),
          { isolation: 'repeatable read' },
        ),
      ),
  }),
  defineRoute({
    method: 'get',
    path: '/api/board-report',
    operationId: 'boardReport',
    summary:
      'the quarterly report to the board (Plan §8): instruments in force, fees, amounts spent by purpose, FINRA cap, approvals, continuance (plan12b board-report)',
    tag: 'governance',
    permission: 'read',
    query: boardReportQuery,
    response: looseObject({ quarter: z.string(), warnings: z.array(z.string()) }).openapi('BoardReport'),
    errors: ['USAGE'],
    run: ({ query, use }) =>
      use((db) => db.transaction((q) => boardReport(q, quarterOf(query.quarter)), { isolation: 'repeatable read' })),
  }),
  defineRoute({
    method: 'get',
    path: '/api/board-report/pdf',
    operationId: 'boardReportPdf',
    summary: 'the quarterly report to the board as PDF (plan12b board-report --pdf)',
    tag: 'governance',
    permission: 'read',
    query: boardReportQuery,
    response: 'pdf',
    errors: ['USAGE'],
    async run({ query, use }) {
      const report = await use((db) =>
        db.transaction((q) => boardReport(q, quarterOf(query.quarter)), { isolation: 'repeatable read' }),
      );
      return pdfBytes((path) => writeBoardReportPdf(report, { preparedAt: new Date().toISOString() }, path));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/what-if',
    operationId: 'whatIf',
    summary:
      'the annual effect of another rate on fees and on each payee, from the recorded year; writes nothing (plan12b what-if)',
    tag: 'governance',
    permission: 'read',
    query: z.object({
      portfolio: z.string().min(1),
      class: z.string().min(1),
      distributionFee: Pct,
      serviceFee: Pct.optional(),
      from: IsoDate.optional(),
    }),
    response: looseObject({ payees: z.array(looseObject({})), warnings: z.array(z.string()) }).openapi('WhatIf'),
    errors: ['USAGE', 'NOT_FOUND', 'REFUSED'],
    run: ({ query, use }) =>
      use((db) =>
        db.transaction(
          (q) =>
            whatIfReport(q, {
              portfolio: query.portfolio,
              class: query.class,
              distributionFeePct: query.distributionFee,
              ...(query.serviceFee ? { serviceFeePct: query.serviceFee } : {}),
              ...(query.from ? { from: query.from } : {}),
            }),
          { isolation: 'repeatable read' },
        ),
      ),
  }),
];
