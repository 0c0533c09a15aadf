import { z } from '@hono/zod-openapi';
import { importAccounts } from '../../feeds/accountsFeed.js';
import { importApprovals } from '../../feeds/approvalsFeed.js';
import { CLASS_B_TERMS_COLUMNS, importClassBTerms } from '../../feeds/classBTermsFeed.js';
import { importDistributors } from '../../feeds/distributorsFeed.js';
import { importExpenditures } from '../../feeds/expendituresFeed.js';
import { importGrossSales } from '../../feeds/grossSalesFeed.js';
import { importNetAssets } from '../../feeds/netAssetsFeed.js';
import { importOmnibusMonths } from '../../feeds/omnibusFeed.js';
import { importPrimeRate } from '../../feeds/primeRateFeed.js';
import { importProviderAssets } from '../../feeds/providerAssetsFeed.js';
import { importProviders } from '../../feeds/providersFeed.js';
import { importTerminations } from '../../feeds/terminationsFeed.js';
import { importTransactions } from '../../feeds/transactionsFeed.js';
import { importTransfers, recordTransferNotice } from '../../feeds/transfersFeed.js';
import { importExhibits } from '../../import/exhibitImport.js';
import { withdrawExhibit } from '../../import/exhibitWithdrawal.js';
import { terminateOnAssignment, terminateOnNotice } from '../../import/providerTerminations.js';
import type { Database } from '../../store/database.js';
import { type ApiRoute, defineRoute } from '../apiRoute.js';
import { ServiceProvider } from '../reportSchemas.js';
import { DateText, ImportQuery, IsoDate, looseObject, Money, Pct, UploadFileName } from '../schemas.js';

/**
 * Imports by upload (issue 13 item 1): the request body is the file; each goes through the same
 * import function as its CLI command — the one pipeline (runFeedImport / runStateChange), under
 * the writer lock, in one transaction, audited with the token's actor. Nothing is written when
 * any row is wrong, and the answer lists every problem.
 */

const IMPORT_ERRORS = ['USAGE', 'BAD_INPUT', 'CONFLICT', 'REFUSED'] as const;

export interface FeedUpload {
  readonly feed: string;
  readonly operationId: string;
  readonly header: string;
  readonly restatable: boolean;
  /** what the import answers for each recorded row it corrected (restate=true), as --json prints it */
  readonly restatedRow?: z.ZodType;
  readonly run: (db: Database, file: string, bytes: Uint8Array, restate: boolean) => Promise<object>;
}

/** A day's amount corrected (net assets, a provider's customers' assets): money before and after. */
const RestatedDay = looseObject({
  date: DateText,
  old: Money,
  new: Money,
  closedMonth: z.string().nullable(),
});
/** A recorded figure corrected, named in words with its old and new text (gross sales, expenditures). */
const RestatedFigure = looseObject({ what: z.string(), old: z.string(), new: z.string() });

const FEEDS: readonly FeedUpload[] = [
  {
    feed: 'net-assets',
    operationId: 'importNetAssets',
    header: 'date,portfolio,class,net_assets',
    restatable: true,
    restatedRow: RestatedDay,
    run: (db, f, b, restate) => importNetAssets(db, f, b, { restate }),
  },
  {
    feed: 'providers',
    operationId: 'importProviders',
    header: 'id,name,kind,agreement_date,own_rate_pct,terminated_on',
    restatable: false,
    run: (db, f, b) => importProviders(db, f, b),
  },
  {
    feed: 'provider-assets',
    operationId: 'importProviderAssets',
    header: 'date,provider,portfolio,class,net_assets',
    restatable: true,
    restatedRow: RestatedDay,
    run: (db, f, b, restate) => importProviderAssets(db, f, b, { restate }),
  },
  {
    feed: 'accounts',
    operationId: 'importAccounts',
    header: 'account,omnibus,dealer_of_record',
    restatable: false,
    run: (db, f, b) => importAccounts(db, f, b),
  },
  {
    feed: 'transactions',
    operationId: 'importTransactions',
    header: 'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver',
    restatable: false,
    run: (db, f, b) => importTransactions(db, f, b),
  },
  {
    feed: 'distributors',
    operationId: 'importDistributors',
    header: 'portfolio,distributor,start,end[,assigned_to]',
    restatable: false,
    run: (db, f, b) => importDistributors(db, f, b),
  },
  {
    feed: 'class-b-terms',
    operationId: 'importClassBTerms',
    header: CLASS_B_TERMS_COLUMNS.join(','),
    restatable: false,
    run: (db, f, b) => importClassBTerms(db, f, b),
  },
  {
    feed: 'omnibus',
    operationId: 'importOmnibus',
    header: 'month,account,portfolio,free_shares_issued,free_shares_redeemed,free_shares_outstanding',
    restatable: true,
    restatedRow: looseObject({ month: z.string(), account: z.string(), old: z.string(), new: z.string() }),
    run: (db, f, b, restate) => importOmnibusMonths(db, f, b, { restate }),
  },
  {
    feed: 'transfers',
    operationId: 'importTransfers',
    header:
      'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent[,ends]',
    restatable: false,
    run: (db, f, b) => importTransfers(db, f, b),
  },
  {
    feed: 'approvals',
    operationId: 'importApprovals',
    header:
      'meeting_date,body,approves,document,instrument,portfolio,class,trustees_for,trustees_against,trustees_absent,disinterested_for,disinterested_against[,disinterested_absent],in_person,called_for_purpose,shares_outstanding,shares_present,shares_for',
    restatable: false,
    run: (db, f, b) => importApprovals(db, f, b),
  },
  {
    feed: 'terminations',
    operationId: 'importTerminations',
    header: 'instrument,portfolio,class,date,by[,notice_date][,reason]',
    restatable: false,
    run: (db, f, b) => importTerminations(db, f, b),
  },
  {
    feed: 'expenditures',
    operationId: 'importExpenditures',
    header: 'portfolio,class,period,purpose,amount[,description]',
    restatable: true,
    restatedRow: RestatedFigure,
    run: (db, f, b, restate) => importExpenditures(db, f, b, { restate }),
  },
  {
    feed: 'gross-sales',
    operationId: 'importGrossSales',
    header: 'month,portfolio,class,gross_sales[,front_end_sales_charges,deferred_sales_charges]',
    restatable: true,
    restatedRow: RestatedFigure,
    run: (db, f, b, restate) => importGrossSales(db, f, b, { restate }),
  },
  {
    feed: 'prime-rate',
    operationId: 'importPrimeRate',
    header: 'effective_date,prime_rate',
    restatable: true,
    restatedRow: looseObject({ effectiveDate: DateText, old: Pct, new: Pct }),
    run: (db, f, b, restate) => importPrimeRate(db, f, b, { restate }),
  },
];

export const feedRoute = (f: FeedUpload): ApiRoute =>
  defineRoute({
    method: 'post',
    path: `/api/imports/${f.feed}`,
    operationId: f.operationId,
    summary: `import a ${f.feed} CSV (plan12b ${f.feed === 'class-b-terms' ? 'class-b-terms' : f.feed} import): all-or-nothing, idempotent`,
    tag: 'imports',
    permission: 'operate',
    changesState: true,
    query: f.restatable ? ImportQuery : ImportQuery.omit({ restate: true }),
    body: { kind: 'text', contentTypes: ['text/csv'], description: `CSV with header ${f.header}` },
    response: looseObject(
      f.restatedRow
        ? {
            restated: z
              .array(f.restatedRow)
              .optional()
              .openapi({ description: 'with restate=true: each recorded row corrected, before and after' }),
          }
        : {},
    ).openapi({ description: 'the import result, as --json prints it' }),
    errors: IMPORT_ERRORS,
    run: ({ query, body, use }) => {
      const q = query as { fileName?: string; restate?: boolean };
      return use((db) => f.run(db, q.fileName ?? 'upload.csv', body as Uint8Array, q.restate === true));
    },
  });

export const importRoutes = [
  ...FEEDS.map(feedRoute),
  defineRoute({
    method: 'post',
    path: '/api/imports/exhibits',
    operationId: 'importExhibit',
    summary:
      'import one EDGAR exhibit (plan12b exhibit import): the body is the exhibit as filed, text or HTML',
    tag: 'imports',
    permission: 'operate',
    changesState: true,
    query: z.object({
      fileName: UploadFileName.optional().openapi({
        description: 'the file name recorded (default: upload.txt)',
      }),
      effectiveDate: IsoDate.optional().openapi({ description: 'where the document leaves it blank' }),
      class: z.string().optional(),
      registrant: z.string().optional(),
      amends: z.string().optional().openapi({
        description:
          'the instrument an amendment amends, where its title fits two of one date (plan12b exhibit import --amends): recorded as stated',
      }),
    }),
    body: {
      kind: 'text',
      contentTypes: ['text/plain', 'text/html'],
      description: 'the exhibit as filed on EDGAR (text/plain or text/html)',
    },
    response: looseObject({
      imported: z.array(looseObject({ file: z.string() })),
      unchanged: z.array(looseObject({ file: z.string() })),
      warnings: z.array(z.string()),
    }),
    errors: IMPORT_ERRORS,
    run: ({ query, body, use }) => {
      const stated = {
        ...(query.effectiveDate !== undefined ? { effectiveDate: query.effectiveDate } : {}),
        ...(query.class !== undefined ? { class: query.class } : {}),
        ...(query.registrant !== undefined ? { registrant: query.registrant } : {}),
        ...(query.amends !== undefined ? { amends: query.amends } : {}),
      };
      const file = { fileName: query.fileName ?? 'upload.txt', bytes: body as Buffer };
      return use((db) => importExhibits(db, [file], undefined, stated));
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/registry/documents/{id}/withdraw',
    operationId: 'withdrawExhibit',
    summary:
      'withdraw a document imported by mistake (plan12b exhibit withdraw): it stops governing from now on; closed months stay sealed',
    tag: 'imports',
    permission: 'operate',
    changesState: true,
    params: z.object({
      id: z.string().openapi({
        param: { name: 'id', in: 'path' },
        description: "the document's SHA-256, or its first 8+ hex digits",
      }),
    }),
    body: {
      kind: 'json',
      schema: z.object({
        reason: z
          .string()
          .min(1)
          .max(500)
          .openapi({ description: 'why it is withdrawn (recorded with the actor in the audit log)' }),
      }),
    },
    response: looseObject({
      id: z.string(),
      file: z.string(),
      effectiveDate: DateText.nullable(),
      withdrawnBy: z.string(),
      closedMonthsToAdjust: z.array(z.string()),
      warnings: z.array(z.string()),
    }),
    errors: ['USAGE', 'NOT_FOUND', 'CONFLICT', 'REFUSED'],
    run: ({ params, body, use }) =>
      use((db) => withdrawExhibit(db, params.id, (body as { reason: string }).reason)),
  }),
  defineRoute({
    method: 'post',
    path: '/api/providers/{provider}/terminate',
    operationId: 'terminateProvider',
    summary: "terminate a provider's agreement on written notice, Plan §10(a) (plan12b providers terminate)",
    tag: 'service fees',
    permission: 'operate',
    changesState: true,
    params: z.object({ provider: z.string().openapi({ param: { name: 'provider', in: 'path' } }) }),
    body: { kind: 'json', schema: z.object({ noticeDate: IsoDate, effective: IsoDate.optional() }) },
    response: looseObject({ changed: z.boolean(), provider: ServiceProvider }),
    errors: ['USAGE', 'BAD_INPUT', 'NOT_FOUND', 'CONFLICT', 'REFUSED'],
    run: ({ params, body, use }) => {
      const b = body as { noticeDate: string; effective?: string };
      return use((db) =>
        terminateOnNotice(db, {
          providerId: params.provider,
          noticeDate: b.noticeDate,
          ...(b.effective ? { effectiveDate: b.effective } : {}),
        }),
      );
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/providers/{provider}/assign',
    operationId: 'assignProvider',
    summary: "record the assignment of a provider's agreement, Plan §10(b) (plan12b providers assign)",
    tag: 'service fees',
    permission: 'operate',
    changesState: true,
    params: z.object({ provider: z.string().openapi({ param: { name: 'provider', in: 'path' } }) }),
    body: { kind: 'json', schema: z.object({ date: IsoDate, to: z.string().optional() }) },
    response: looseObject({ changed: z.boolean(), provider: ServiceProvider }),
    errors: ['USAGE', 'BAD_INPUT', 'NOT_FOUND', 'CONFLICT', 'REFUSED'],
    run: ({ params, body, use }) => {
      const b = body as { date: string; to?: string };
      return use((db) =>
        terminateOnAssignment(db, {
          providerId: params.provider,
          date: b.date,
          ...(b.to !== undefined ? { assignedTo: b.to } : {}),
        }),
      );
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/transfers/{transfer}/notice',
    operationId: 'transferNotice',
    summary: 'record the date the Fund received notice of a Transfer, EIGHTH(B) (plan12b transfers notice)',
    tag: 'transfers',
    permission: 'operate',
    changesState: true,
    params: z.object({ transfer: z.string().openapi({ param: { name: 'transfer', in: 'path' } }) }),
    body: { kind: 'json', schema: z.object({ received: IsoDate }) },
    response: z.object({ transfer: z.string(), received: DateText, recorded: z.boolean() }),
    errors: ['USAGE', 'BAD_INPUT', 'NOT_FOUND', 'CONFLICT', 'REFUSED'],
    async run({ params, body, use }) {
      const { received } = body as { received: string };
      const result = await use((db) => recordTransferNotice(db, params.transfer, received));
      return { transfer: params.transfer, received, ...result };
    },
  }),
];
