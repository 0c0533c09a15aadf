import { z } from '@hono/zod-openapi';
import { scheduleDocumentAsOf } from '../../cli/scheduleDocument.js';
import { sheetCsv } from '../../cli/tabularOutput.js';
import { renderExhibit } from '../../edgar/renderExhibit.js';
import { Plan12bError } from '../../errors.js';
import { boardRateAsShown } from '../../registry/boardRate.js';
import { didYouMeanPortfolio } from '../../registry/closestPortfolioName.js';
import { scheduleAnswer } from '../../registry/scheduleAnswer.js';
import { documentListCsv, listedDocuments } from '../../reports/documentListCsv.js';
import { boardRatesSheet, documentListSheet, scheduleSheet } from '../../reports/xlsxSheets.js';
import { loadBoardRates } from '../../store/boardRatesRepository.js';
import { listDocuments, loadEveryParsedDocument } from '../../store/registryStore.js';
import { CsvText, defineRoute, XlsxSheets } from '../apiRoute.js';
import { DateText, FormatOrXlsx, IsoDate, looseObject, Pct } from '../schemas.js';

/** The registry (SPEC §2), answered from the registry the server keeps derived (apiStore). */

/** The rates as the schedule states them, before any Board-set rate (SPEC §2). */
const ScheduleRates = looseObject({
  assetBasedSalesChargePct: Pct.nullable(),
  serviceFeePct: Pct.nullable(),
  aggregateFeePct: Pct.nullable(),
});

/** An approval behind an entry (SPEC §10): the meeting's date and the vote. */
const ApprovalLine = looseObject({ id: z.string(), meetingDate: DateText, body: z.string() });

const ScheduleAnswer = looseObject({
  registrant: z.string().nullable(),
  portfolio: z.string(),
  portfolioId: z.string(),
  class: z.string(),
  assetBasedSalesChargePct: Pct.nullable(),
  serviceFeePct: Pct.nullable(),
  aggregateFeePct: Pct.nullable(),
  rateSource: z.enum(['schedule', 'board']),
  scheduleRates: ScheduleRates.optional(),
  instrument: z.string(),
  schedule: z.string(),
  inForceSince: DateText,
  document: looseObject({ id: z.string(), file: z.string(), title: z.string(), effectiveDate: DateText }),
  approvals: z.array(ApprovalLine).optional(),
  lapse: z
    .object({
      instrument: z.string(),
      kind: z.enum(['plan', 'agreement']),
      missedDeadline: DateText,
      endsOn: DateText,
      feesStop: z.boolean(),
      text: z.string(),
    })
    .nullable()
    .openapi({
      description:
        'its instrument had lapsed by the date for want of annual continuance (Plan §7; Agreement FOURTEENTH, per Portfolio), whatever approvals.enforce says; null when not',
    }),
}).openapi('ScheduleEntry');

/** An entry effective by the date that does not govern on it for want of an approval (issue 12). */
const PendingScheduleEntry = looseObject({
  portfolioId: z.string(),
  portfolio: z.string(),
  class: z.string(),
  instrument: z.string(),
  schedule: z.string(),
  document: z.string(),
  documentId: z.string(),
  amendmentNumber: z.number().int().nullable(),
  effectiveDate: DateText,
  governsFrom: DateText.nullable().openapi({
    description: 'the later day it governs from once approved; null while pending',
  }),
  reason: z.string(),
}).openapi('PendingScheduleEntry');

export const registryRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/registry/schedule',
    operationId: 'scheduleAsOf',
    summary: 'the schedule entries in force on a date (plan12b schedule --as-of)',
    tag: 'registry',
    permission: 'read',
    query: z.object({
      asOf: IsoDate,
      class: z.string().optional().openapi({ example: 'B' }),
      portfolio: z.string().optional().openapi({ description: 'any name the portfolio ever had' }),
      format: FormatOrXlsx.openapi({
        description:
          'csv: one row per entry, with the document it comes from, as plan12b schedule --csv (text/csv); xlsx: the workbook of plan12b schedule --xlsx',
      }),
    }),
    response: z
      .object({
        asOf: DateText,
        class: z.string().nullable(),
        count: z.number().int(),
        entries: z.array(ScheduleAnswer),
        pending: z.array(PendingScheduleEntry),
        warnings: z.array(z.string()),
      })
      .openapi('Schedule'),
    csv: true,
    xlsx: true,
    errors: ['USAGE', 'NOT_FOUND'],
    async run({ query, store }) {
      const { registry } = await store.registry();
      // the same answer as `plan12b schedule --json`, pending entries included (FORMATS.md)
      const answer = scheduleAnswer(registry, query.asOf, query);
      if (query.format === 'xlsx')
        return new XlsxSheets([scheduleSheet(query.asOf, answer.entries)], `schedule-${query.asOf}.xlsx`);
      // … and `--csv`: the rows of the workbook's one sheet
      return query.format === 'csv'
        ? new CsvText(sheetCsv(scheduleSheet(query.asOf, answer.entries)))
        : answer;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/registry/portfolios/{name}/history',
    operationId: 'portfolioHistory',
    summary: 'a portfolio’s names, registrants, classes and rates over time (plan12b portfolio history)',
    tag: 'registry',
    permission: 'read',
    params: z.object({ name: z.string().openapi({ param: { name: 'name', in: 'path' } }) }),
    response: looseObject({
      portfolioId: z.string(),
      names: z.array(
        looseObject({ name: z.string(), from: DateText.nullable(), lastDay: DateText.nullable() }),
      ),
      nameChanges: z.array(looseObject({ date: DateText, from: z.string(), to: z.string() })),
      registrants: z.array(
        looseObject({ registrant: z.string(), from: DateText.nullable(), lastDay: DateText.nullable() }),
      ),
      classes: z.array(
        looseObject({
          class: z.string(),
          from: DateText,
          lastDay: DateText.nullable(),
          distributionFeePct: Pct.nullable(),
          serviceFeePct: Pct.nullable(),
          aggregateFeePct: Pct.nullable(),
          approvals: z.array(ApprovalLine),
        }),
      ),
    }).openapi('PortfolioHistory'),
    errors: ['NOT_FOUND'],
    async run({ params, store }) {
      const { registry } = await store.registry();
      const h = registry.portfolioHistory(params.name);
      if (!h)
        throw new Plan12bError(
          'NOT_FOUND',
          `no portfolio has ever been named ${JSON.stringify(params.name)}`,
          `${didYouMeanPortfolio(registry.identities, params.name)}check the spelling, or import the exhibit that lists it`,
        );
      return h;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/registry/instruments',
    operationId: 'instruments',
    summary: 'the instruments (plans, agreements) and the versions of each named schedule',
    tag: 'registry',
    permission: 'read',
    response: z.object({
      instruments: z.array(
        looseObject({
          key: z.string(),
          kind: z.string(),
          title: z.string(),
          name: z.string().openapi({
            description:
              'the name it is listed by: its title, with the marks (restatement, Compensation or Reimbursement) that tell it apart from another instrument of its kind, Registrant, classes and date',
          }),
          registrant: z.string().nullable(),
          classes: z.array(z.string()),
          datedAsOf: DateText.nullable(),
          terms: z.object({ distributionFeePct: Pct.nullable(), serviceFeePct: Pct.nullable() }),
          documentIds: z.array(z.string()),
          schedules: z.array(
            z.object({
              name: z.string(),
              versions: z.array(
                looseObject({
                  effectiveDate: DateText,
                  lastDay: DateText.nullable(),
                  documentId: z.string(),
                  documentTitle: z.string(),
                  amendmentNumber: z.number().int().nullable(),
                  entries: z.number().int(),
                }),
              ),
            }),
          ),
        }),
      ),
    }),
    errors: [],
    async run({ store }) {
      const { registry } = await store.registry();
      return {
        instruments: registry.instruments.map((i) => ({
          key: i.key,
          kind: i.kind,
          title: i.title,
          name: i.name,
          registrant: i.registrant,
          classes: i.classes,
          datedAsOf: i.datedAsOf,
          terms: i.terms,
          documentIds: i.documentIds,
          schedules: [...i.schedules.entries()].map(([name, versions]) => ({
            name,
            versions: versions.map((v) => ({
              effectiveDate: v.effectiveDate,
              lastDay: v.lastDay,
              documentId: v.documentId,
              fileName: v.fileName,
              documentTitle: v.documentTitle,
              documentKind: v.documentKind,
              amendmentNumber: v.amendmentNumber,
              entries: v.entries.length,
            })),
          })),
        })),
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/registry/documents',
    operationId: 'documents',
    summary:
      'every imported exhibit, keyed by the SHA-256 of its bytes, withdrawn ones with their withdrawal (plan12b exhibit list --json)',
    tag: 'registry',
    permission: 'read',
    response: z.object({
      count: z.number().int(),
      documents: z.array(
        looseObject({
          id: z.string(),
          fileName: z.string(),
          kind: z.string(),
          title: z.string(),
          effectiveDate: DateText.nullable(),
          importedBy: z.string(),
          importedAt: z.string(),
          withdrawal: z
            .object({ reason: z.string(), withdrawnBy: z.string(), withdrawnAt: z.string() })
            .nullable()
            .openapi({ description: 'null while the document is in force' }),
          lapse: z
            .object({
              instrument: z.string(),
              missedDeadline: DateText,
              endsOn: DateText,
              portfolios: z.object({ lapsed: z.number().int(), listed: z.number().int() }).nullable(),
              feesStop: z.boolean(),
              text: z.string(),
            })
            .nullable()
            .openapi({
              description:
                "its instrument's lapse for want of annual continuance (Plan §7, Agreement FOURTEENTH), as of today; null when none (or withdrawn)",
            }),
          instrument: z.string().nullable().openapi({
            description:
              'the name its instrument is listed by (two of one kind, Registrant, classes and date told apart: "… (Compensation)"); null when withdrawn',
          }),
          statedAmends: z
            .object({ amends: z.string(), statedBy: z.string(), statedAt: z.string() })
            .nullable()
            .openapi({
              description:
                'the instrument the user stated this amendment amends (plan12b exhibit import --amends), with who and when; null when none',
            }),
          supersededBy: z
            .object({ instrument: z.string(), documentId: z.string(), file: z.string(), from: z.string() })
            .nullable()
            .openapi({
              description:
                "the Amended and Restated instrument that took its instrument's place by today, and its first day (from then no continuance is due); null when none (or withdrawn)",
            }),
          exhibit: z.string().nullable().optional(),
          amendmentNumber: z.number().int().nullable().optional(),
          schedules: z
            .array(z.object({ name: z.string(), replacesEntirely: z.boolean(), entries: z.number().int() }))
            .optional(),
          pendingApproval: z
            .object({ classes: z.number().int(), reasons: z.array(z.string()) })
            .nullable()
            .optional()
            .openapi({
              description:
                'with approvals.enforce on: the classes whose schedule entries of this document do not govern for want of a recorded approval, and why; null when none',
            }),
        }),
      ),
    }),
    query: z.object({
      format: FormatOrXlsx.openapi({
        description:
          'csv: one line per document (text/csv); xlsx: the workbook of plan12b exhibit list --xlsx',
      }),
    }),
    csv: true,
    xlsx: true,
    errors: [],
    async run({ query, read, store }) {
      // Plan §7, FOURTEENTH: a document of a lapsed instrument is listed as lapsed, never in force
      const { registry } = await store.registry();
      // as `plan12b exhibit list --csv` prints it
      if (query.format === 'csv')
        return new CsvText(documentListCsv(listedDocuments(await read((q) => listDocuments(q)), registry)));
      if (query.format === 'xlsx')
        return new XlsxSheets(
          [documentListSheet(listedDocuments(await read((q) => listDocuments(q)), registry))],
          'exhibits.xlsx',
        );
      // the same documents, in the same order and with the same fields, as `plan12b exhibit list
      // --json` (FORMATS.md), withdrawn ones included; with what each parsed document says
      const { documents, parsed } = await read(async (q) => ({
        documents: await listDocuments(q),
        parsed: new Map((await loadEveryParsedDocument(q)).map((d) => [d.id, d.doc])),
      }));
      // Plan §§5–6, §11 (approvals.enforce on): an entry whose approval is not recorded does not
      // govern; the document is pending approval for those classes, never in force
      const pendingOf = (id: string) => {
        const waiting = registry.pending.filter((p) => p.documentId === id && p.governsFrom === null);
        if (waiting.length === 0) return null;
        return {
          classes: new Set(waiting.map((p) => `${p.portfolioId}|${p.class}`)).size,
          reasons: [...new Set(waiting.map((p) => p.reason))],
        };
      };
      return {
        count: documents.length,
        documents: listedDocuments(documents, registry).map((d) => {
          const doc = parsed.get(d.id);
          return {
            ...d,
            exhibit: doc?.exhibit ?? null,
            amendmentNumber: doc?.amendmentNumber ?? null,
            schedules: (doc?.schedules ?? []).map((s) => ({
              name: s.name,
              replacesEntirely: s.replacesEntirely,
              entries: s.entries.length,
            })),
            renames: doc?.renames ?? [],
            pendingApproval: d.withdrawal ? null : pendingOf(d.id),
          };
        }),
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/registry/documents/{id}',
    operationId: 'document',
    summary: 'one imported exhibit as parsed (plan12b exhibit parse --json)',
    tag: 'registry',
    permission: 'read',
    params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }),
    response: looseObject({
      kind: z.string(),
      title: z.string(),
      effectiveDate: DateText.nullable(),
      datedDate: DateText.nullable(),
      instrument: looseObject({ datedAsOf: DateText.nullable() }),
      terms: z.object({ distributionFeePct: Pct.nullable(), serviceFeePct: Pct.nullable() }),
      schedules: z.array(
        looseObject({
          name: z.string(),
          entries: z.array(
            looseObject({
              portfolio: z.string(),
              class: z.string(),
              assetBasedSalesChargePct: Pct.nullable(),
              serviceFeePct: Pct.nullable(),
              aggregateFeePct: Pct.nullable(),
            }),
          ),
        }),
      ),
    }).openapi('ExhibitDocument'),
    errors: ['NOT_FOUND'],
    async run({ params, store, read }) {
      const { documents } = await store.registry();
      // a withdrawn document is still an imported one (listed by GET /api/registry/documents)
      const d =
        documents.find((x) => x.id === params.id) ??
        (await read(async (q) => (await loadEveryParsedDocument(q)).find((x) => x.id === params.id)));
      if (!d)
        throw new Plan12bError(
          'NOT_FOUND',
          `no document has the id ${params.id}`,
          'see /api/registry/documents',
        );
      return d.doc;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/registry/conflicts',
    operationId: 'conflicts',
    summary: 'schedule entries that conflict (two versions in force from one date with different rates)',
    tag: 'registry',
    permission: 'read',
    response: z.object({
      conflicts: z.array(
        z.object({ portfolioId: z.string(), class: z.string(), from: DateText, conflict: z.string() }),
      ),
      warnings: z.array(z.string()),
    }),
    errors: [],
    async run({ store }) {
      const { registry } = await store.registry();
      const conflicts = registry.classKeys().flatMap(({ portfolioId, class: cls }) =>
        registry
          .governing(portfolioId, cls)
          .filter((g) => g.conflict !== null)
          .map((g) => ({ portfolioId, class: cls, from: g.from, conflict: g.conflict as string })),
      );
      return { conflicts, warnings: [...registry.warnings] };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/rates',
    operationId: 'boardRates',
    summary: 'every Board-set rate recorded (plan12b rates list)',
    tag: 'registry',
    permission: 'read',
    query: z.object({
      format: FormatOrXlsx.openapi({
        description:
          'csv: one line per rate, as plan12b rates list --csv (text/csv); xlsx: the workbook of plan12b rates list --xlsx',
      }),
    }),
    response: z.object({
      rates: z.array(
        looseObject({
          portfolio: z.string(),
          class: z.string(),
          effectiveDate: DateText,
          distributionFeePct: Pct.nullable(),
          serviceFeePct: Pct.nullable(),
        }),
      ),
    }),
    csv: true,
    xlsx: true,
    errors: ['USAGE'],
    async run({ query, read }) {
      const rates = (await read((q) => loadBoardRates(q))).map(boardRateAsShown);
      if (query.format === 'xlsx') return new XlsxSheets([boardRatesSheet(rates)], 'rates.xlsx');
      return query.format === 'csv' ? new CsvText(sheetCsv(boardRatesSheet(rates))) : { rates };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/exhibit/render',
    operationId: 'renderSchedule',
    summary: 'the schedule in force on a date in the exhibit layout (plan12b exhibit render --as-of)',
    tag: 'registry',
    permission: 'read',
    query: z.object({ asOf: IsoDate, class: z.string().optional() }),
    response: z.object({ text: z.string(), warnings: z.array(z.string()) }),
    errors: ['USAGE', 'NOT_FOUND'],
    async run({ query, store }) {
      const { registry } = await store.registry();
      // SPEC §2: a same-date conflict on the day is warned beside the text, as by the CLI
      const { document, warnings } = scheduleDocumentAsOf(registry, query.asOf, query.class);
      return { text: renderExhibit(document), warnings };
    },
  }),
];
