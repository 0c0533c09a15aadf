import { z } from '@hono/zod-openapi';
import {
  BUSINESS_DAYS_AFTER_MAX,
  businessDayAfter,
  holidayName,
  isBusinessDay,
} from '../../calendar/nyseCalendar.js';
import { defineRoute } from '../apiRoute.js';
import { DateText, IsoDate } from '../schemas.js';

/** The NYSE business-day calendar (SPEC §9), as `plan12b calendar` answers it. */

export const calendarRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/calendar/business-day',
    operationId: 'businessDayAfter',
    summary:
      'the n-th NYSE business day after a date, e.g. the Monthly Calculation due date (plan12b calendar business-day)',
    tag: 'calendar',
    permission: 'read',
    query: z.object({
      after: IsoDate.openapi({ description: 'the date to count from (not itself counted)' }),
      n: z.coerce
        .number()
        .int()
        .min(1)
        .max(BUSINESS_DAYS_AFTER_MAX)
        .default(1)
        .openapi({ type: 'integer', example: 10, description: 'how many business days after (default 1)' }),
    }),
    response: z.object({ after: DateText, n: z.number().int(), date: DateText }),
    errors: ['USAGE'],
    run: async ({ query }) => ({
      after: query.after,
      n: query.n,
      date: businessDayAfter(query.after, query.n),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/calendar/is-business-day',
    operationId: 'isBusinessDay',
    summary: 'whether the NYSE is open on a date, and why not (plan12b calendar is-business-day)',
    tag: 'calendar',
    permission: 'read',
    query: z.object({ date: IsoDate }),
    response: z.object({ date: DateText, businessDay: z.boolean(), reason: z.string().nullable() }),
    errors: ['USAGE'],
    async run({ query }) {
      const open = isBusinessDay(query.date);
      return {
        date: query.date,
        businessDay: open,
        reason: open ? null : (holidayName(query.date) ?? 'weekend'),
      };
    },
  }),
];
