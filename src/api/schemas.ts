import { z } from '@hono/zod-openapi';
import { isIsoDate, isMonth } from '../calendar/isoDate.js';
import { isMonthOfNyseCalendar, NYSE_FIRST_YEAR, NYSE_LAST_YEAR } from '../calendar/nyseCalendar.js';
import { ERROR_CODES, type ErrorCode } from '../errors.js';
import { hasControlCharacter } from '../import/statedText.js';

/**
 * The shapes the API shares (issue 13 item 1), declared once: each validates requests and
 * becomes part of /openapi.json. Money and rates are decimal strings (SPEC §3), as in --json.
 */

export const IsoDate = z
  .string()
  .refine(isIsoDate, { message: 'not a date; write YYYY-MM-DD' })
  .openapi({ example: '2024-03-31', format: 'date' });

export const Month = z
  .string()
  .refine(isMonth, { message: 'not a month; write YYYY-MM' })
  .refine(isMonthOfNyseCalendar, {
    message: `outside the years plan12b keeps (${NYSE_FIRST_YEAR}–${NYSE_LAST_YEAR})`,
  })
  .openapi({ example: '2024-03', pattern: '^\\d{4}-\\d{2}$' });

/**
 * A rate in percent per annum, as the feeds read a rate cell (src/money/decimalText.ts; docs/
 * FORMATS.md "Numbers"): digits, at most six decimals, the digits before the point optional
 * (`.25` is 0.25); no sign, exponent or comma, no point without a digit after it. A JSON string or
 * a query value is the number exactly: no spaces around. The CLI's rate options read the same.
 */
export const RatePct = z
  .string()
  .regex(
    /^(?:\d+(?:\.\d{1,6})?|\.\d{1,6})$/,
    'a rate in percent per annum, e.g. 0.25 or .25: digits, at most 6 decimals, no sign, exponent or comma',
  )
  .openapi({ example: '0.25', description: 'a rate in percent per annum, as a decimal string' });

/**
 * An exact decimal in an answer (shares, a percentage, a price): digits, a point and more digits
 * if it has any, a leading minus if negative — never a JSON number (SPEC §3).
 */
export const Decimal = z
  .string()
  .regex(/^-?\d+(?:\.\d+)?$/)
  .openapi({ example: '1234.5678', description: 'an exact decimal, as a string' });

/**
 * Money in an answer (SPEC §3: "decimal strings, two places"): "1234.50", "-0.01". Written out in
 * place, never a component of /openapi.json (nor Pct, DateText): @hono/zod-openapi writes a
 * component made nullable as `allOf: [$ref, {type: [string, null]}]`, which refuses the null.
 */
export const Money = z
  .string()
  .regex(/^-?\d+\.\d{2}$/)
  .openapi({
    example: '1234.50',
    description: 'money in dollars: an exact decimal string of two places, never a JSON number (SPEC §3)',
  });

/** A rate or a share in percent in an answer ("0.25" is 0.25%), as an exact decimal string. */
export const Pct = z
  .string()
  .regex(/^-?\d+(?:\.\d+)?$/)
  .openapi({
    example: '0.25',
    description: 'percent, as an exact decimal string ("0.25" is 0.25%)',
  });

/** A day in an answer: an ISO 8601 calendar date, YYYY-MM-DD. */
export const DateText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .openapi({ format: 'date', example: '2025-01-31', description: 'a day, YYYY-MM-DD' });

/** "true"/"false" in a query string. */
export const Flag = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');

export const Problem = z
  .object({
    code: z.enum(['BAD_INPUT', 'CONFLICT', 'REFUSED']).optional(),
    file: z.string(),
    line: z.number().int(),
    field: z.string().nullable(),
    value: z.string().optional(),
    reason: z.string(),
  })
  .openapi('Problem');

export const ErrorDocument = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
      exit: z.number().int().openapi({ description: 'the exit code the CLI gives for the same error' }),
      message: z.string(),
      hint: z.string().nullable(),
      problems: z.array(Problem),
    }),
  })
  .openapi('Error');

/** A report's object: its documented fields checked, other fields passed through as computed. */
export const looseObject = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape);

/** What a closed month read carries beside its report (SPEC §12: sealed or recomputed). */
export const MonthReadingFields = {
  basis: z.enum(['sealed', 'recomputed']).optional(),
  close: z
    .looseObject({ closedAt: z.string(), closedBy: z.string(), resultsHash: z.string().nullable() })
    .optional(),
  adjustmentsSince: z.array(z.looseObject({ kind: z.string() })).optional(),
};

/**
 * The name of an uploaded file, as problems and the audit log cite it: printable, one line (a
 * newline or an escape sequence in it would forge a line of `audit log` or repaint the terminal
 * that prints it).
 */
export const UploadFileName = z
  .string()
  // an empty name would be cited as the file of every problem (":2: date: …") and in the audit log
  .min(1, { message: 'a file name is not empty (leave fileName out for the default)' })
  .max(200)
  .refine((s) => !hasControlCharacter(s), {
    message: 'a file name holds no control character, line break or invisible format character',
  });

export const ImportQuery = z.object({
  fileName: UploadFileName.optional().openapi({
    description: 'the name problems and the audit log cite (default: upload.csv)',
  }),
  restate: Flag.openapi({
    description: 'allow rows that change recorded values (net-assets, provider-assets)',
  }),
});

/** `format=csv`: the answer as the CSV the CLI's `--csv` prints (text/csv), else JSON. */
export const Format = z
  .enum(['json', 'csv'])
  .optional()
  .openapi({ description: 'csv: the CSV the CLI prints with --csv, as text/csv (default json)' });

/**
 * `format=xlsx` besides csv, on a route whose CLI command writes `--xlsx FILE`: the same workbook,
 * as application/vnd.openxmlformats-officedocument.spreadsheetml.sheet (the route declares `xlsx`).
 */
export const FormatOrXlsx = z.enum(['json', 'csv', 'xlsx']).optional().openapi({
  description:
    'csv: the CSV the CLI prints with --csv, as text/csv; xlsx: the workbook the CLI writes with --xlsx, as application/vnd.openxmlformats-officedocument.spreadsheetml.sheet (default json)',
});
