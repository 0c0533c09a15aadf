import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiStore } from '../../src/api/apiStore.js';
import { createApiToken } from '../../src/api/apiTokens.js';
import { createApp } from '../../src/api/app.js';
import { ROLES, type Role } from '../../src/api/roles.js';
import { XLSX_MEDIA_TYPE } from '../../src/reports/xlsxOut.js';
import { withActor } from '../../src/store/actor.js';
import { openDatabase } from '../../src/store/database.js';
import { DEMO_FIRST_MONTH, demoJanuaryClosedStore } from '../support/demoOpen.js';

/**
 * The API's OpenAPI document is valid and true (SPEC §11), on the demo complex with January 2025
 * closed (a copy of the run's recording, test/support/demoOpen.ts): the document passes an
 * OpenAPI 3.1 validator (@seriousme/openapi-schema-validator); every route the server answers is
 * in it and every route in it is answered; and every answer of every operation — its successes
 * and its refusals — has a status the operation documents, a media type documented for that
 * status, and a body the schema documented for that status and type accepts (ajv, JSON Schema
 * 2020-12, the dialect of OpenAPI 3.1, with its formats checked). Money is a decimal string of two
 * places and dates are ISO dates in the document, so a figure sent as a number, or a date in
 * another form, is a body the document refuses.
 */

interface Operation {
  operationId: string;
  'x-roles': Role[];
  parameters?: { name: string; in: 'query' | 'path'; required?: boolean }[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, unknown>;
}

/** One request of the walk: an operation, its path parameters, query and body, and who sends it. */
interface Call {
  readonly op: string;
  readonly params?: Record<string, string>;
  readonly query?: Record<string, string>;
  /** a JSON body (sent as application/json) or a file's text (sent as the operation's first type) */
  readonly json?: unknown;
  readonly file?: string;
  /** who sends it (default: an operator where allowed); null: no token at all */
  readonly role?: Role | null;
  /** the class of answer this request must get: a success, or a refusal (4xx) */
  readonly expect: 'ok' | 'refused';
}

const MONTH_OPEN = '2025-02';

/** Requests that read: each operation's success and a refusal of it, on the demo complex. */
function readCalls(ids: { document: string }): Call[] {
  const reads: Call[] = [
    { op: 'scheduleAsOf', query: { asOf: '2025-03-31' }, expect: 'ok' },
    { op: 'scheduleAsOf', query: { asOf: '2025-04-01', class: 'A', format: 'csv' }, expect: 'ok' },
    { op: 'scheduleAsOf', query: { asOf: '2025-04-01', format: 'xlsx' }, expect: 'ok' },
    { op: 'scheduleAsOf', query: { asOf: '2025-13-01' }, expect: 'refused' },
    { op: 'portfolioHistory', params: { name: 'Summit Energy Fund' }, expect: 'ok' },
    { op: 'portfolioHistory', params: { name: 'No Such Fund' }, expect: 'refused' },
    { op: 'instruments', expect: 'ok' },
    { op: 'instruments', query: { format: 'csv' }, expect: 'refused' },
    { op: 'documents', expect: 'ok' },
    { op: 'documents', query: { format: 'csv' }, expect: 'ok' },
    { op: 'documents', query: { format: 'pdf' }, expect: 'refused' },
    { op: 'document', params: { id: ids.document }, expect: 'ok' },
    { op: 'document', params: { id: 'f'.repeat(64) }, expect: 'refused' },
    { op: 'conflicts', expect: 'ok' },
    { op: 'conflicts', query: { format: 'csv' }, expect: 'refused' },
    { op: 'boardRates', expect: 'ok' },
    { op: 'boardRates', query: { format: 'pdf' }, expect: 'refused' },
    { op: 'renderSchedule', query: { asOf: '2025-06-30', class: 'A' }, expect: 'ok' },
    { op: 'renderSchedule', query: { asOf: '2025-06-30', class: 'Q' }, expect: 'refused' },
    { op: 'documentDiff', params: { id: ids.document }, expect: 'ok' },
    { op: 'documentDiff', params: { id: ids.document }, query: { format: 'csv' }, expect: 'ok' },
    { op: 'documentDiff', params: { id: 'f'.repeat(64) }, expect: 'refused' },
    { op: 'fees', query: { from: '2025-01-01', to: '2025-02-28' }, expect: 'ok' },
    { op: 'fees', query: { from: '2025-01-01', to: '2025-01-31', daily: 'true' }, expect: 'ok' },
    { op: 'fees', query: { from: '2025-02-01', to: '2025-01-01' }, expect: 'refused' },
    { op: 'journal', query: { month: DEMO_FIRST_MONTH }, expect: 'ok' },
    { op: 'journal', query: { month: MONTH_OPEN, format: 'csv' }, expect: 'ok' },
    { op: 'journal', query: { month: '2025-1' }, expect: 'refused' },
    { op: 'serviceFees', query: { month: DEMO_FIRST_MONTH }, expect: 'ok' },
    { op: 'serviceFees', query: { month: MONTH_OPEN }, expect: 'ok' },
    { op: 'serviceFees', query: { month: '1989-12' }, expect: 'refused' },
    { op: 'providerStatements', query: { month: DEMO_FIRST_MONTH }, expect: 'ok' },
    { op: 'providerStatements', query: { month: 'May' }, expect: 'refused' },
    {
      op: 'providerStatementPdf',
      params: { provider: 'DLR-0001' },
      query: { month: DEMO_FIRST_MONTH },
      expect: 'ok',
    },
    {
      op: 'providerStatementPdf',
      params: { provider: 'NO-SUCH' },
      query: { month: DEMO_FIRST_MONTH },
      expect: 'refused',
    },
    { op: 'providers', expect: 'ok' },
    { op: 'providers', query: { format: 'xlsx' }, expect: 'ok' },
    { op: 'providers', query: { format: 'html' }, expect: 'refused' },
    { op: 'distributorShare', query: { month: DEMO_FIRST_MONTH }, expect: 'ok' },
    { op: 'distributorShare', query: { month: MONTH_OPEN }, expect: 'ok' },
    { op: 'distributorShare', query: {}, expect: 'refused' },
    { op: 'transfers', expect: 'ok' },
    { op: 'transfers', query: { format: 'txt' }, expect: 'refused' },
    { op: 'monthlyCalculation', query: { month: DEMO_FIRST_MONTH }, expect: 'ok' },
    { op: 'monthlyCalculation', query: { month: MONTH_OPEN }, expect: 'ok' },
    { op: 'monthlyCalculation', query: { month: MONTH_OPEN, format: 'csv' }, expect: 'ok' },
    { op: 'monthlyCalculation', query: { month: '2025-02-01' }, expect: 'refused' },
    { op: 'monthlyCalculationPdf', query: { month: DEMO_FIRST_MONTH }, expect: 'ok' },
    { op: 'monthlyCalculationPdf', query: { month: '2025-00' }, expect: 'refused' },
    {
      op: 'assigneeStatement',
      query: { assignee: 'Keystone Receivables Trust', month: DEMO_FIRST_MONTH },
      expect: 'ok',
    },
    {
      op: 'assigneeStatement',
      query: { assignee: 'Pinnacle Funding LLC', month: MONTH_OPEN },
      expect: 'ok',
    },
    {
      op: 'assigneeStatement',
      query: { assignee: 'No Such Assignee', month: DEMO_FIRST_MONTH },
      expect: 'refused',
    },
    {
      op: 'assigneeStatementPdf',
      query: { assignee: 'Keystone Receivables Trust', month: DEMO_FIRST_MONTH },
      expect: 'ok',
    },
    {
      op: 'assigneeStatementPdf',
      query: { assignee: 'No Such Assignee', month: DEMO_FIRST_MONTH },
      expect: 'refused',
    },
    { op: 'lots', query: { account: 'B100001' }, expect: 'ok' },
    { op: 'lots', query: { account: 'B100001', asOf: '2024-12-31' }, expect: 'ok' },
    { op: 'lots', query: { account: 'NO-SUCH-ACCOUNT' }, expect: 'refused' },
    { op: 'redemptions', query: { from: '2025-01-01', to: '2025-01-31' }, expect: 'ok' },
    { op: 'redemptions', query: { from: '2025-01-01' }, expect: 'refused' },
    { op: 'conversions', query: { month: DEMO_FIRST_MONTH }, expect: 'ok' },
    { op: 'conversions', query: { month: 'x' }, expect: 'refused' },
    { op: 'cdsc', query: { month: DEMO_FIRST_MONTH }, expect: 'ok' },
    { op: 'cdsc', query: { from: '2025-01-01', to: '2025-02-28', format: 'csv' }, expect: 'ok' },
    { op: 'cdsc', query: {}, expect: 'refused' },
    { op: 'classBTerms', expect: 'ok' },
    { op: 'classBTerms', query: { format: 'pdf' }, expect: 'refused' },
    { op: 'closeJobs', expect: 'ok' },
    { op: 'closeJobs', query: { format: 'csv' }, expect: 'refused' },
    { op: 'closeJob', params: { id: 'no-such-job' }, expect: 'refused' },
    { op: 'closedMonths', expect: 'ok' },
    { op: 'closedMonths', query: { format: 'csv' }, expect: 'refused' },
    { op: 'monthStatus', params: { month: DEMO_FIRST_MONTH }, expect: 'ok' },
    { op: 'monthStatus', params: { month: MONTH_OPEN }, expect: 'ok' },
    { op: 'monthStatus', params: { month: 'Jan' }, expect: 'refused' },
    { op: 'closedMonthShow', params: { month: DEMO_FIRST_MONTH }, expect: 'ok' },
    {
      op: 'closedMonthShow',
      params: { month: DEMO_FIRST_MONTH },
      query: { part: 'fees', format: 'csv' },
      expect: 'ok',
    },
    { op: 'closedMonthShow', params: { month: MONTH_OPEN }, expect: 'refused' },
    { op: 'terminations', expect: 'ok' },
    { op: 'terminations', query: { format: 'pdf' }, expect: 'refused' },
    { op: 'governanceSettings', expect: 'ok' },
    { op: 'governanceSettings', query: { format: 'csv' }, expect: 'ok' },
    { op: 'governanceSettings', query: { format: 'pdf' }, expect: 'refused' },
    { op: 'approvals', expect: 'ok' },
    { op: 'approvals', query: { format: 'pdf' }, expect: 'refused' },
    { op: 'continuance', query: { asOf: '2025-06-30' }, expect: 'ok' },
    { op: 'continuance', query: { asOf: 'soon' }, expect: 'refused' },
    { op: 'records', query: { asOf: '2026-03-31' }, expect: 'ok' },
    { op: 'records', query: { asOf: '2026-03-31', format: 'csv' }, expect: 'ok' },
    { op: 'records', query: { asOf: '2026-03-31', format: 'xlsx' }, expect: 'ok' },
    { op: 'records', query: { asOf: '2026-02-30' }, expect: 'refused' },
    { op: 'finraCap', query: { class: 'B', through: MONTH_OPEN }, expect: 'ok' },
    {
      op: 'finraCap',
      query: { class: 'A', portfolio: 'Summit Energy Fund', through: DEMO_FIRST_MONTH },
      expect: 'ok',
    },
    { op: 'finraCap', query: { class: 'B' }, expect: 'refused' },
    { op: 'boardReport', query: { quarter: '2025Q1' }, expect: 'ok' },
    { op: 'boardReport', query: { quarter: '2025Q1', format: 'csv' }, expect: 'ok' },
    { op: 'boardReport', query: { quarter: '2025Q5' }, expect: 'refused' },
    { op: 'boardReportPdf', query: { quarter: '2025Q1' }, expect: 'ok' },
    { op: 'boardReportPdf', query: { quarter: 'Q1' }, expect: 'refused' },
    {
      op: 'whatIf',
      query: { portfolio: 'Summit Small Cap Fund', class: 'B', distributionFee: '0.50', from: '2025-01-01' },
      expect: 'ok',
    },
    {
      op: 'whatIf',
      query: { portfolio: 'Summit Small Cap Fund', class: 'B', distributionFee: '-1' },
      expect: 'refused',
    },
    { op: 'auditLog', role: 'auditor', query: { action: 'month.close' }, expect: 'ok' },
    { op: 'auditLog', role: 'auditor', query: { from: 'yesterday' }, expect: 'refused' },
    { op: 'auditLog', role: 'viewer', expect: 'refused' },
    { op: 'auditVerify', role: 'auditor', expect: 'ok' },
    { op: 'auditVerify', role: 'auditor', query: { anchor: 'nonsense' }, expect: 'refused' },
    { op: 'auditAnchor', role: 'auditor', expect: 'ok' },
    { op: 'auditAnchor', role: 'viewer', expect: 'refused' },
    { op: 'auditAnchor', role: null, expect: 'refused' },
    { op: 'tokens', role: 'admin', expect: 'ok' },
    { op: 'tokens', role: 'admin', query: { format: 'csv' }, expect: 'ok' },
    { op: 'tokens', role: 'operator', expect: 'refused' },
    { op: 'businessDayAfter', query: { after: '2006-12-31', n: '10' }, expect: 'ok' },
    { op: 'businessDayAfter', query: { after: '2006-12-31', n: 'ten' }, expect: 'refused' },
    { op: 'isBusinessDay', query: { date: '2025-01-09' }, expect: 'ok' },
    { op: 'isBusinessDay', query: { date: '2025-02-30' }, expect: 'refused' },
  ];
  return reads;
}

/** Requests that write (the store is this file's own copy): each operation's success and a refusal. */
function writeCalls(ids: { document: string; build: string }): Call[] {
  const csv = (...lines: string[]) => `${lines.join('\n')}\n`;
  return [
    {
      op: 'cliQuery',
      json: { args: ['schedule', '--as-of', '2025-06-30', '--class', 'A', '--json'], build: ids.build },
      expect: 'ok',
    },
    { op: 'cliQuery', json: { args: ['close', '--month', MONTH_OPEN], build: ids.build }, expect: 'refused' },
    {
      op: 'importNetAssets',
      query: { restate: 'true', fileName: 'na.csv' },
      file: csv('date,portfolio,class,net_assets', '2025-06-02,Summit Energy Fund,A,900000000.00'),
      expect: 'ok',
    },
    {
      op: 'importNetAssets',
      file: csv('date,portfolio,class,net_assets', '2025-06-02,Summit Energy Fund,A,one million'),
      expect: 'refused',
    },
    {
      op: 'importProviders',
      file: csv(
        'id,name,kind,agreement_date,own_rate_pct,terminated_on',
        'DLR-9001,Test Dealer,dealer,2025-03-03,,',
      ),
      expect: 'ok',
    },
    { op: 'importProviders', file: csv('id,name'), expect: 'refused' },
    {
      op: 'importProviderAssets',
      file: csv(
        'date,provider,portfolio,class,net_assets',
        '2025-06-02,DLR-9001,Summit Energy Fund,A,1000.00',
      ),
      expect: 'ok',
    },
    {
      op: 'importProviderAssets',
      file: csv(
        'date,provider,portfolio,class,net_assets',
        '2025-06-02,NO-SUCH,Summit Energy Fund,A,1000.00',
      ),
      expect: 'refused',
    },
    {
      op: 'importAccounts',
      file: csv('account,omnibus,dealer_of_record', 'B900001,no,Dealer One'),
      expect: 'ok',
    },
    {
      op: 'importAccounts',
      file: csv('account,omnibus,dealer_of_record', 'B900002,maybe,Dealer One'),
      expect: 'refused',
    },
    {
      op: 'importTransactions',
      file: csv(
        'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver',
        '2025-06-02,B900001-0,B900001,Summit Energy Fund,B,purchase,100.0000,10.0000,,',
      ),
      expect: 'ok',
    },
    {
      op: 'importTransactions',
      file: csv(
        'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver',
        '2025-06-02,B900001-1,B900001,Summit Energy Fund,B,purchase,-5,10.0000,,',
      ),
      expect: 'refused',
    },
    {
      op: 'importDistributors',
      file: csv(
        'portfolio,distributor,start,end,assigned_to',
        'all,"Harbor Fund Distributors, Inc.",1990-01-01,2019-06-30,"Summit Distributors, Inc."',
        'all,"Summit Distributors, Inc.",2019-07-01,,',
      ),
      expect: 'ok',
    },
    {
      op: 'importDistributors',
      file: csv('portfolio,distributor,start,end,assigned_to', 'all,,x,,'),
      expect: 'refused',
    },
    { op: 'importClassBTerms', file: csv('nonsense'), expect: 'refused' },
    { op: 'importOmnibus', file: csv('month,account'), expect: 'refused' },
    { op: 'importTransfers', file: csv('id,assignee'), expect: 'refused' },
    { op: 'importApprovals', file: csv('meeting_date'), expect: 'refused' },
    { op: 'importTerminations', file: csv('instrument,portfolio'), expect: 'refused' },
    {
      op: 'importExpenditures',
      file: csv(
        'portfolio,class,period,purpose,amount,description',
        'Summit Energy Fund,A,2025Q3,dealer-compensation,100.00,a test',
      ),
      expect: 'ok',
    },
    { op: 'importExpenditures', file: csv('portfolio,class'), expect: 'refused' },
    {
      op: 'importGrossSales',
      query: { restate: 'true' },
      file: csv(
        'month,portfolio,class,gross_sales,front_end_sales_charges,deferred_sales_charges',
        '2025-07,Summit Energy Fund,A,1000.00,10.00,',
      ),
      expect: 'ok',
    },
    { op: 'importGrossSales', file: csv('month'), expect: 'refused' },
    {
      op: 'importPrimeRate',
      file: csv('effective_date,prime_rate,source', '2025-07-01,7.50,The Wall Street Journal'),
      expect: 'ok',
    },
    {
      op: 'importPrimeRate',
      file: csv('effective_date,prime_rate,source', '2025-07-01,high,WSJ'),
      expect: 'refused',
    },
    { op: 'importExhibit', file: 'not an exhibit at all', expect: 'refused' },
    {
      op: 'setBoardRate',
      role: 'admin',
      json: {
        portfolio: 'Summit Energy Fund',
        class: 'A',
        effectiveDate: '2025-07-01',
        distributionFeePct: '0.05',
        reason: 'a test',
      },
      expect: 'ok',
    },
    {
      op: 'setBoardRate',
      role: 'admin',
      json: {
        portfolio: 'Summit Energy Fund',
        class: 'A',
        effectiveDate: '2025-07-01',
        distributionFeePct: '9',
      },
      expect: 'refused',
    },
    {
      op: 'terminate',
      json: { portfolio: 'Summit Energy Fund', class: 'C', date: '2025-12-01', by: 'trustees' },
      expect: 'ok',
    },
    {
      op: 'terminate',
      json: { portfolio: 'No Such Fund', date: '2025-12-01', by: 'trustees' },
      expect: 'refused',
    },
    {
      op: 'setGovernanceSetting',
      role: 'admin',
      params: { key: 'approvals.enforce' },
      json: { value: 'true' },
      expect: 'ok',
    },
    {
      op: 'setGovernanceSetting',
      role: 'admin',
      params: { key: 'no.such.key' },
      json: { value: 'true' },
      expect: 'refused',
    },
    {
      op: 'terminateProvider',
      params: { provider: 'DLR-9001' },
      json: { noticeDate: '2025-07-01' },
      expect: 'ok',
    },
    {
      op: 'terminateProvider',
      params: { provider: 'NO-SUCH' },
      json: { noticeDate: '2025-07-01' },
      expect: 'refused',
    },
    { op: 'assignProvider', params: { provider: 'DLR-0002' }, json: { date: '2025-08-01' }, expect: 'ok' },
    {
      op: 'assignProvider',
      params: { provider: 'NO-SUCH' },
      json: { date: '2025-08-01' },
      expect: 'refused',
    },
    {
      op: 'transferNotice',
      params: { transfer: 'TR-2025-01' },
      json: { received: '2025-03-14' },
      expect: 'ok',
    },
    {
      op: 'transferNotice',
      params: { transfer: 'NO-SUCH' },
      json: { received: '2025-03-14' },
      expect: 'refused',
    },
    { op: 'createToken', role: 'admin', json: { name: 'walk', role: 'viewer' }, expect: 'ok' },
    { op: 'createToken', role: 'admin', json: { name: 'walk', role: 'viewer' }, expect: 'refused' },
    { op: 'revokeToken', role: 'admin', params: { name: 'walk' }, expect: 'ok' },
    { op: 'revokeToken', role: 'admin', params: { name: 'no-such-token' }, expect: 'refused' },
    {
      op: 'withdrawExhibit',
      params: { id: ids.document },
      json: { reason: 'a test of the API' },
      expect: 'ok',
    },
    { op: 'withdrawExhibit', params: { id: 'f'.repeat(64) }, json: { reason: 'a test' }, expect: 'refused' },
    { op: 'startClose', json: { month: DEMO_FIRST_MONTH }, expect: 'refused' },
  ];
}

const MONEY_TEXT = /^-?\d+\.\d{2}$/;
const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The money amounts and dates in an answer whose schema does not say so: each leaf that reads as
 * money ("1234.50") is sent once as "$1234.50", and each that reads as a date ("2025-01-31") once
 * as "31/01/2025"; a schema that declares it (a decimal pattern, format date and its pattern)
 * refuses the changed body, where a plain string would take it. One leaf per place (array items by their first element), named by its JSON
 * Pointer with array indices as "*".
 */
function undeclaredFigures(body: unknown, validate: ValidateFunction): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (node: unknown, path: string, set: (v: unknown) => void): void => {
    if (Array.isArray(node)) {
      if (node.length > 0)
        walk(node[0], `${path}/*`, (v) => {
          node[0] = v;
        });
    } else if (node !== null && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      for (const k of Object.keys(o))
        walk(o[k], `${path}/${k}`, (v) => {
          o[k] = v;
        });
    } else if (typeof node === 'string' && !seen.has(path)) {
      const changed = MONEY_TEXT.test(node) ? `$${node}` : DATE_TEXT.test(node) ? '31/01/2025' : undefined;
      if (changed === undefined) return;
      seen.add(path);
      set(changed);
      if (validate(body)) out.push(path);
      set(node);
    }
  };
  walk(body, '', () => {});
  return out;
}

describe('every route answers as the OpenAPI document says, on the demo complex', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-openapi-'));
  const target = join(dir, 'db');
  let store: ApiStore;
  let app: ReturnType<typeof createApp>['app'];
  let jobs: ReturnType<typeof createApp>['jobs'];
  const tokens = {} as Record<Role, string>;
  let doc: OpenApiDocument;
  const operations = new Map<string, { method: string; path: string; op: Operation }>();
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validators = new Map<string, ValidateFunction>();
  /** the (operation, status) pairs the walk saw, and each operation's successes and refusals */
  const answered = new Map<string, { ok: number; refused: number }>();
  /** money and dates in a success the document does not declare as such: "operation: /path" */
  const undeclared = new Set<string>();
  /** what the walk found wrong, each with its request */
  const problems: string[] = [];

  beforeAll(async () => {
    await demoJanuaryClosedStore(target);
    const db = await openDatabase(target);
    try {
      await withActor('test setup', async () => {
        for (const role of ROLES) tokens[role] = (await createApiToken(db, { name: role, role })).token;
      });
    } finally {
      await db.close();
    }
    store = await ApiStore.open(target);
    ({ app, jobs } = createApp(store, { rateLimit: { perSecond: 0, burst: 0 } }));
    doc = (await (await app.request('/openapi.json')).json()) as OpenApiDocument;
    for (const [path, methods] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(methods))
        operations.set(op.operationId, { method: method.toUpperCase(), path, op });
    addFormats.default(ajv);
    ajv.addFormat('binary', true);
    ajv.addSchema(doc as object, 'openapi');
  });

  afterAll(async () => {
    await jobs?.settle();
    await store?.close();
  });

  /** The compiled schema of an operation's answer for a status and media type (JSON Pointer into the document). */
  function validatorFor(path: string, method: string, status: string, type: string): ValidateFunction {
    const pointer = ['paths', path, method.toLowerCase(), 'responses', status, 'content', type, 'schema']
      .map((s) => encodeURIComponent(s.replaceAll('~', '~0').replaceAll('/', '~1')))
      .join('/');
    const key = `openapi#/${pointer}`;
    let v = validators.get(key);
    if (v === undefined) {
      v = ajv.getSchema(key);
      if (v === undefined) throw new Error(`no schema at ${key}`);
      validators.set(key, v);
    }
    return v;
  }

  async function send(call: Call): Promise<unknown> {
    const found = operations.get(call.op);
    if (found === undefined) throw new Error(`the document has no operation ${call.op}`);
    const { method, path, op } = found;
    let url = path;
    for (const [k, v] of Object.entries(call.params ?? {}))
      url = url.replace(`{${k}}`, encodeURIComponent(v));
    const q = new URLSearchParams(call.query ?? {});
    if (q.size > 0) url += `?${q}`;
    const role =
      call.role === undefined
        ? (op['x-roles'].find((r) => r === 'operator') ?? op['x-roles'][0]!)
        : call.role;
    const headers: Record<string, string> = role === null ? {} : { authorization: `Bearer ${tokens[role]}` };
    let body: string | undefined;
    if (call.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(call.json);
    } else if (call.file !== undefined) {
      headers['content-type'] = Object.keys(op.requestBody?.content ?? { 'text/csv': 0 })[0]!;
      body = call.file;
    }
    const res = await app.request(url, { method, headers, ...(body === undefined ? {} : { body }) });
    const status = String(res.status);
    const where = `${method} ${url} as ${role}: ${status}`;
    const documented = op.responses[status];
    const bytes = Buffer.from(await res.arrayBuffer());
    const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
    let json: unknown;
    if (documented === undefined) problems.push(`${where}: not a status the document gives ${call.op}`);
    else if (!Object.keys(documented.content ?? {}).includes(type))
      problems.push(`${where}: ${type} is not a media type documented for it`);
    else if (type === 'application/json') {
      const validate = validatorFor(path, method, status, type);
      json = JSON.parse(bytes.toString('utf8')) as unknown;
      if (!validate(json))
        problems.push(
          `${where}: the body is not what the document declares: ${validate.errors
            ?.slice(0, 4)
            .map((e) => `${e.instancePath} ${e.message}`)
            .join('; ')}`,
        );
      else if (res.status < 300)
        for (const path of undeclaredFigures(json, validate)) undeclared.add(`${call.op}: ${path}`);
    } else if (type === 'application/pdf' && bytes.subarray(0, 5).toString() !== '%PDF-')
      problems.push(`${where}: not a PDF`);
    else if (type === XLSX_MEDIA_TYPE && bytes.subarray(0, 2).toString() !== 'PK')
      problems.push(`${where}: not an XLSX workbook`);
    else if (type === 'text/csv' && bytes.length === 0) problems.push(`${where}: an empty CSV`);
    const kind = res.status < 300 ? 'ok' : 'refused';
    if (kind !== call.expect)
      problems.push(`${where}: expected ${call.expect}; ${bytes.toString('utf8').slice(0, 300)}`);
    const seen = answered.get(call.op) ?? { ok: 0, refused: 0 };
    seen[kind]++;
    answered.set(call.op, seen);
    return json;
  }

  it('is a valid OpenAPI 3.1 document (@seriousme/openapi-schema-validator)', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? [], 'the validator says').toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every route the server answers, and the server answers every route it documents', () => {
    // Hono's routes, its middleware aside; /openapi.json is the document itself
    const served = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL' && r.path !== '/openapi.json')
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = new Set([...operations.values()].map((o) => `${o.method} ${o.path}`));
    expect([...served].sort()).toEqual([...documented].sort());
    expect(documented.size).toBe(operations.size);
  });

  it('declares money as two-place decimal strings and dates as ISO dates wherever an answer names them', () => {
    // the figures a treasurer reads: the schema of each names its pattern or format, so a client
    // generated from the document knows a "1234.50" is money and a "2025-01-31" a date — here
    // the Fees answer's, its monthly rows and a nullable date (a lapse's end)
    const schemas = doc.components.schemas as Record<string, { properties: Record<string, never> }>;
    const classes = schemas.FeesReport!.properties.classes as unknown as {
      items: { properties: Record<string, object> };
    };
    const row = classes.items.properties;
    expect(row.distributionFee).toMatchObject({ type: 'string', pattern: '^-?\\d+\\.\\d{2}$' });
    expect(schemas.FeesReport!.properties.from).toMatchObject({ type: 'string', format: 'date' });
    const entry = schemas.ScheduleEntry!.properties as Record<string, { properties: Record<string, object> }>;
    expect(entry.inForceSince).toMatchObject({
      type: 'string',
      format: 'date',
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    });
    // a nullable date takes null and a date, and nothing else (a component made nullable was
    // written allOf [its $ref, string or null]: the $ref refused every null)
    const governsFrom = ajv.compile(
      (schemas.PendingScheduleEntry!.properties as Record<string, object>).governsFrom as object,
    );
    expect([null, '2025-01-31', '31/01/2025', 1].map((v) => governsFrom(v))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('answers every read with a status, a media type and a body its document declares', async () => {
    const documents = (await (
      await app.request('/api/registry/documents', { headers: { authorization: `Bearer ${tokens.viewer}` } })
    ).json()) as { documents: { id: string; title: string }[] };
    const amendment = documents.documents.find((d) => /Amendment No\. 1 .*Class A/.test(d.title));
    expect(amendment, 'the demo complex has Class A Amendment No. 1').toBeDefined();
    problems.length = 0;
    for (const call of readCalls({ document: amendment!.id })) await send(call);
    expect(problems).toEqual([]);
  });

  it('answers every write with a status, a media type and a body its document declares', async () => {
    const documents = (await (
      await app.request('/api/registry/documents', { headers: { authorization: `Bearer ${tokens.viewer}` } })
    ).json()) as { documents: { id: string; title: string }[] };
    const amendment = documents.documents.find((d) => /Amendment No\. 2 .*Class A/.test(d.title))!;
    const build = (
      JSON.parse(readFileSync(resolve(import.meta.dirname, '../../dist/cli/build.json'), 'utf8')) as {
        build: string;
      }
    ).build;
    problems.length = 0;
    for (const call of writeCalls({ document: amendment.id, build })) await send(call);
    // a close started (202) and its job read back, then the job's own answers
    const job = (await send({ op: 'startClose', json: { month: MONTH_OPEN }, expect: 'ok' })) as {
      id: string;
    };
    await jobs.settle();
    await send({ op: 'closeJob', params: { id: job.id }, expect: 'ok' });
    await send({ op: 'startClose', json: { month: '2025-04' }, expect: 'refused' });
    expect(problems).toEqual([]);
  });

  it('declares every amount of money and every date it answers', () => {
    expect([...undeclared].sort()).toEqual([]);
  });

  it('walked every operation the document lists, each to a success and a refusal', () => {
    const missing = [...operations.keys()].filter((id) => {
      const seen = answered.get(id);
      return seen === undefined || seen.ok === 0 || seen.refused === 0;
    });
    // operations whose success needs a file the walk does not hold (a new exhibit, a Class B
    // terms file, an omnibus month, a transfer, a vote, a termination file): refused only
    const refusedOnly = [
      'importClassBTerms',
      'importOmnibus',
      'importTransfers',
      'importApprovals',
      'importTerminations',
      'importExhibit',
    ];
    expect(missing.sort()).toEqual(refusedOnly.sort());
  });
});
