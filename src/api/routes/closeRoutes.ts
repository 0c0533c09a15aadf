import { z } from '@hono/zod-openapi';
import { Plan12bError } from '../../errors.js';
import { currentActor } from '../../store/actor.js';
import { closedMonthList, monthStatus } from '../../store/monthStatusRepository.js';
import { defineRoute } from '../apiRoute.js';
import { IsoDate, Month } from '../schemas.js';

/** The month close (SPEC §12): start one, follow it, and read a month's state. */

const CloseJob = z
  .object({
    id: z.string(),
    month: z.string(),
    startedBy: z.string(),
    startedAt: z.string(),
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

export const closeRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/close',
    operationId: 'startClose',
    summary: 'start closing a month (plan12b close --month): answers at once with the job to follow',
    tag: 'close',
    permission: 'operate',
    changesState: true,
    body: {
      kind: 'json',
      schema: z.object({
        month: Month,
        dueDate: IsoDate.optional().openapi({
          description: 'a later payment date the Distributor instructs in writing',
        }),
      }),
    },
    response: CloseJob,
    status: 202,
    errors: ['USAGE', 'CONFLICT'],
    async run({ body, jobs, use }) {
      const { month, dueDate } = body as { month: string; dueDate?: string };
      // said at once when it is plain; the close itself checks again under the writer lock
      if ((await use((db) => monthStatus(db, month))).state === 'sealed')
        throw new Plan12bError(
          'CONFLICT',
          `${month} is already closed`,
          'a closed month is sealed; corrections become prior-period adjustments in the next open month',
        );
      if (jobs.list().some((j) => j.month === month && j.state === 'running'))
        throw new Plan12bError(
          'CONFLICT',
          `a close of ${month} is already running`,
          'follow it at /api/close/jobs',
        );
      return jobs.start(month, dueDate ?? null, currentActor());
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
    summary: 'every closed month, in order',
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
    }),
    errors: [],
    run: async ({ use }) => ({ months: await use((db) => closedMonthList(db)) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/months/{month}',
    operationId: 'monthStatus',
    summary: 'a month: open, or sealed with its results hash and sealed parts (close show)',
    tag: 'close',
    permission: 'read',
    params: z.object({ month: Month.openapi({ param: { name: 'month', in: 'path' } }) }),
    response: MonthStatus,
    errors: ['USAGE'],
    run: ({ params, use }) =>
      use((db) => db.transaction((q) => monthStatus(q, params.month), { isolation: 'repeatable read' })),
  }),
];
