import { z } from '@hono/zod-openapi';
import { toCsv } from '../../cli/csvOut.js';
import { Plan12bError } from '../../errors.js';
import { AMENDMENT_DIFF_COLUMNS, amendmentDiffAnswer } from '../../registry/amendmentDiffAnswer.js';
import { amendmentDiffSheet } from '../../reports/xlsxSheets.js';
import { withdrawnDocumentRegistries } from '../../store/withdrawnDocumentRegistry.js';
import { CsvText, defineRoute, XlsxSheets } from '../apiRoute.js';
import { DateText, FormatOrXlsx, looseObject } from '../schemas.js';

const Change = z
  .object({
    change: z.enum(['added', 'removed', 'renamed', 'moved', 're-rated']),
    portfolioId: z.string(),
    portfolio: z.string(),
    class: z.string(),
    before: z.string().nullable(),
    after: z.string().nullable(),
    // the day it takes effect: the effective date, or the later approval it waited for (Plan §§5–6, §11)
    from: DateText,
  })
  .openapi('AmendmentChange');

/** What a document changed in the schedule in force (plan12b exhibit diff; the dashboard's amendment diff). */
export const amendmentRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/registry/documents/{id}/diff',
    operationId: 'documentDiff',
    summary:
      'what an imported document changed: entries added, removed, renamed, moved, re-rated (plan12b exhibit diff)',
    tag: 'registry',
    permission: 'read',
    params: z.object({
      id: z.string().openapi({
        param: { name: 'id', in: 'path' },
        description: 'the document id (SHA-256 of its bytes) or a unique prefix of 8 or more characters',
      }),
    }),
    response: z
      .object({
        document: looseObject({ id: z.string(), title: z.string(), effectiveDate: DateText.nullable() }),
        withdrawal: z
          .object({ reason: z.string(), withdrawnBy: z.string(), withdrawnAt: z.string() })
          .nullable()
          .openapi({
            description:
              'null while the document is in force; a withdrawn one answers what it changed while in force',
          }),
        before: DateText.nullable(),
        from: DateText.nullable(),
        changes: z.array(Change),
        warnings: z.array(z.string()),
      })
      .openapi('AmendmentDiff'),
    query: z.object({
      format: FormatOrXlsx.openapi({
        description: 'csv: one line per change (text/csv); xlsx: the workbook of plan12b exhibit diff --xlsx',
      }),
    }),
    csv: true,
    xlsx: true,
    errors: ['NOT_FOUND'],
    async run({ params, query, store, read }) {
      // as `plan12b exhibit diff --csv` prints it
      const answer = (diff: ReturnType<typeof amendmentDiffAnswer>) =>
        query.format === 'xlsx'
          ? new XlsxSheets([amendmentDiffSheet(diff)], `diff-${diff.document.id.slice(0, 8)}.xlsx`)
          : query.format === 'csv'
            ? new CsvText(toCsv(AMENDMENT_DIFF_COLUMNS, diff.changes))
            : diff;
      const { registry, documents } = await store.registry();
      // the id, or a unique prefix of 8 or more characters, as `plan12b exhibit diff` takes it (the
      // CLI's lists show 16): a prefix that names one document is that document
      const wanted = params.id.toLowerCase();
      const matches = wanted.length >= 8 ? documents.filter((x) => x.id.startsWith(wanted)) : [];
      // a withdrawn document is listed (GET /api/registry/documents): its diff is history
      const withdrawn =
        matches.length === 0 && wanted.length >= 8
          ? await read((q) => withdrawnDocumentRegistries(q, (id) => id.startsWith(wanted)))
          : [];
      if (matches.length === 1 && withdrawn.length === 0)
        return answer(amendmentDiffAnswer(registry, matches[0]!, null));
      const [w] = withdrawn;
      if (w && withdrawn.length === 1 && matches.length === 0)
        return answer(amendmentDiffAnswer(w.registry, w.document, w.withdrawal));
      const found = matches.length + withdrawn.length;
      throw new Plan12bError(
        'NOT_FOUND',
        found === 0
          ? `no document has the id ${params.id}`
          : `${found} documents have ids beginning ${params.id}`,
        'see the ids in /api/registry/documents; give at least 8 characters',
      );
    },
  }),
];
