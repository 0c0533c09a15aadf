import { z } from '@hono/zod-openapi';
import { showClosedMonth } from '../../close/closedMonthView.js';
import { assertClosable, nextMonth } from '../../close/closeOrder.js';
import { parseNamedClass } from '../../close/inputCompleteness.js';
import { Plan12bError } from '../../errors.js';
import { CSV_PARTS, closedMonthPartCsv } from '../../reports/closedMonthPartCsv.js';
import { closedMonthPartSheet } from '../../reports/xlsxSheets.js';
import { currentActor } from '../../store/actor.js';
import { firstNetAssetsDate } from '../../store/closeRepository.js';
import { closedMonthList, monthStatus } from '../../store/monthStatusRepository.js';
import { loadRegistry } from '../../store/registryStore.js';
import { CsvText, defineRoute, XlsxSheets } from '../apiRoute.js';
import { SealedParts } from '../reportSchemas.js';
import { FormatOrXlsx, IsoDate, Month } from '../schemas.js';

/** The month close (SPEC §12): start one, follow it, and read a month's state. */

const CloseJob = z
  .object({
    id: z.string(),
    month: z.string(),
    startedBy: z.string(),
    startedAt: z.string(),
    options: z.object({
      first: z.boolean(),
      acceptEnded: z.array(z.string()),
      instructedDueDate: z.string().nullable(),
    }),
    state: z.enum(['running', 'sealed', 'failed']),
    step: z.object({ title: z.string(), index: z.number().int(), count: z.number().int() }).nullable(),
    finishedAt: z.string().nullable(),
    result: z
      .object({
        month: z.string(),
        closedBy: z.string(),
        resultsHash: z.string(),
        parts: z.array(z.string()),
      })
      .nullable(),
    error: z.looseObject({ code: z.string(), message: z.string() }).nullable(),
  })
  .openapi('CloseJob');

const MonthStatus = z
  .object({
    month: z.string(),
    state: z.enum(['open', 'sealed']),
    closedAt: z.string().nullable(),
    closedBy: z.string().nullable(),
    resultsHash: z.string().nullable(),
    auditSeq: z.number().int().nullable(),
    parts: z.array(z.object({ part: z.string(), contentHash: z.string() })),
  })
  .openapi('MonthStatus');

/** PORTFOLIO:CLASS, split at the last colon, both sides non-blank (the CLI's --accept-ended). */
function namesClass(text: string): boolean {
  const at = text.lastIndexOf(':');
  return at > 0 && text.slice(0, at).trim() !== '' && text.slice(at + 1).trim() !== '';
}

/** What `plan12b close --month M [--first] [--accept-ended P:C …] [--due-date D]` takes (SPEC §12). */
const CloseRequest = z
  .object({
    month: Month,
    dueDate: IsoDate.optional().openapi({
      description: 'a later payment date the Distributor instructs in writing (SEVENTH(B); --due-date)',
    }),
    first: z.boolean().default(false).openapi({
      description:
        'start the books at this month (--first): only while no month is closed; recorded in the sealed completeness part and audited',
    }),
    acceptEnded: z
      .array(
        z
          .string()
          .refine(namesClass, { message: 'name each class as PORTFOLIO:CLASS, e.g. "AIM Value Fund:C"' })
          .openapi({ example: 'AIM Value Fund:C' }),
      )
      .max(1000)
      .default([])
      .openapi({
        description:
          'classes whose net-assets feed stopped before the month end, accepted as ended (--accept-ended PORTFOLIO:CLASS); sealed in the completeness part and audited',
      }),
  })
  .openapi('CloseRequest');

const ClosedMonthView = z
  .looseObject({
    month: z.string(),
    closedAt: z.string(),
    closedBy: z.string(),
    resultsHash: z.string(),
    verified: z.literal(true),
    completeness: z
      .looseObject({
        startsBooks: z.boolean(),
        acceptedAsEnded: z.array(z.looseObject({ portfolio: z.string(), class: z.string() })),
      })
      .nullable(),
    partHashes: z.array(z.object({ part: z.string(), contentHash: z.string() })),
    parts: SealedParts,
    restatementsSince: z.array(z.looseObject({ date: z.string() })),
  })
  .openapi('ClosedMonthView');

export const closeRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/close',
    operationId: 'startClose',
    summary: 'start closing a month (plan12b close --month): answers at once with the job to follow',
    tag: 'close',
    permission: 'operate',
    changesState: true,
    writesAfterAnswer: true,
    body: { kind: 'json', schema: CloseRequest },
    response: CloseJob,
    status: 202,
    errors: ['USAGE', 'NOT_FOUND', 'CONFLICT', 'REFUSED'],
    async run({ body, jobs, read }) {
      const { month, dueDate, first, acceptEnded } = body as z.infer<typeof CloseRequest>;
      // said at once when it is plain; the close itself checks again under the writer lock
      const closed = await read((q) => closedMonthList(q));
      if (closed.some((m) => m.month === month))
        throw new Plan12bError(
          'CONFLICT',
          `${month} is already closed`,
          'a closed month is sealed; corrections become prior-period adjustments in the next open month',
        );
      // SPEC §12: months close in order, and --first only while no month is closed (the close's
      // own check, at once: once a month is closed the next one is known without the net assets)
      if (first || closed.length > 0)
        assertClosable(month, { closed: closed.map((m) => m.month), firstNetAssetsMonth: null, first });
      // each class named as the CLI names it, or the CLI's error (64 not a class, 66 no such portfolio)
      if (acceptEnded.length > 0) {
        const registry = await read((q) => loadRegistry(q));
        for (const text of acceptEnded) parseNamedClass(registry, text);
      }
      if (jobs.list().some((j) => j.month === month && j.state === 'running'))
        throw new Plan12bError(
          'CONFLICT',
          `a close of ${month} is already running`,
          'follow it at /api/close/jobs',
        );
      return jobs.start(month, { first, acceptEnded, instructedDueDate: dueDate ?? null }, currentActor());
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/close/jobs',
    operationId: 'closeJobs',
    summary: 'the closes this server started, running or finished',
    tag: 'close',
    permission: 'read',
    response: z.object({ jobs: z.array(CloseJob) }),
    errors: [],
    run: async ({ jobs }) => ({ jobs: jobs.list() }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/close/jobs/{id}',
    operationId: 'closeJob',
    summary: "a close's progress (its step) and, once finished, its result or error",
    tag: 'close',
    permission: 'read',
    params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }),
    response: CloseJob,
    errors: ['NOT_FOUND'],
    async run({ params, jobs }) {
      const job = jobs.get(params.id);
      if (!job)
        throw new Plan12bError(
          'NOT_FOUND',
          `no close job ${params.id} on this server`,
          'see /api/close/jobs',
        );
      return job;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/months',
    operationId: 'closedMonths',
    summary: 'every closed month, in order, and the month the next close closes',
    tag: 'close',
    permission: 'read',
    response: z.object({
      months: z.array(
        z.object({
          month: z.string(),
          closedAt: z.string(),
          closedBy: z.string(),
          resultsHash: z.string().nullable(),
        }),
      ),
      nextToClose: z.string().nullable().openapi({
        description:
          'SPEC §12: the month after the last closed one; while none is closed, the first month with daily net assets (null when none is recorded)',
      }),
    }),
    errors: [],
    run: async ({ read }) =>
      read(async (q) => {
        const months = await closedMonthList(q);
        const latest = months
          .map((m) => m.month)
          .sort()
          .at(-1);
        const firstDate = latest === undefined ? await firstNetAssetsDate(q) : null;
        return {
          months,
          nextToClose:
            latest !== undefined ? nextMonth(latest) : firstDate === null ? null : firstDate.slice(0, 7),
        };
      }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/months/{month}',
    operationId: 'monthStatus',
    summary:
      "a month's state: open, or sealed with its results hash and its parts' hashes (GET /api/months/{month}/sealed verifies and shows them)",
    tag: 'close',
    permission: 'read',
    params: z.object({ month: Month.openapi({ param: { name: 'month', in: 'path' } }) }),
    response: MonthStatus,
    errors: ['USAGE'],
    run: ({ params, read }) => read((q) => monthStatus(q, params.month)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/months/{month}/sealed',
    operationId: 'closedMonthShow',
    summary:
      "a closed month's sealed results, verified against their seal first (plan12b close show); format=csv or xlsx gives one part",
    tag: 'close',
    permission: 'read',
    params: z.object({ month: Month.openapi({ param: { name: 'month', in: 'path' } }) }),
    query: z.object({
      format: FormatOrXlsx.openapi({
        description:
          'csv: one sealed part (see part) as plan12b close show --csv prints it (text/csv); xlsx: the workbook of that part, as plan12b close show --xlsx writes it',
      }),
      part: z.enum(CSV_PARTS).default('fees').openapi({
        description:
          'with format=csv or xlsx: the sealed part to print (default fees) — service-fees: per provider and class, the lines of GET /api/service-fees?format=csv; adjustments: the prior-period adjustments per payee; class-b: the redemptions per portfolio',
      }),
    }),
    response: ClosedMonthView,
    csv: true,
    xlsx: true,
    // 404: the month is not closed; 503 (DATABASE, exit 69): its seal does not verify
    errors: ['USAGE', 'NOT_FOUND', 'DATABASE'],
    async run({ params, query, read }) {
      const view = await read((q) => showClosedMonth(q, params.month));
      if (query.format === 'xlsx')
        return new XlsxSheets([closedMonthPartSheet(view, query.part)], `${query.part}-${params.month}.xlsx`);
      return query.format === 'csv' ? new CsvText(closedMonthPartCsv(view, query.part)) : view;
    },
  }),
];
