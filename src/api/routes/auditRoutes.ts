import { z } from '@hono/zod-openapi';
import { loadAuditEvidence } from '../../audit/auditEvidence.js';
import { AUDIT_LOG_CSV_COLUMNS } from '../../audit/auditLogColumns.js';
import { parseKeptAnchor, verifyAuditEvidence } from '../../audit/auditVerification.js';
import { toCsv } from '../../cli/csvOut.js';
import { Plan12bError } from '../../errors.js';
import { auditLogSheet } from '../../reports/xlsxSheets.js';
import { type AuditLogFilter, auditHead, loadAuditLog } from '../../store/auditLog.js';
import { CsvText, defineRoute, XlsxSheets } from '../apiRoute.js';
import { FormatOrXlsx, IsoDate, looseObject } from '../schemas.js';

/** The audit log (SPEC §12): for auditors (and admins do not see it unless they are auditors). */
export const auditRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/audit/log',
    operationId: 'auditLog',
    summary: 'who changed what and when (plan12b audit log)',
    tag: 'audit',
    permission: 'audit',
    query: z.object({
      action: z.string().optional().openapi({ example: 'net-assets.*' }),
      actor: z.string().optional().openapi({ example: 'token:jane (operator)' }),
      from: IsoDate.optional(),
      to: IsoDate.optional(),
      format: FormatOrXlsx.openapi({
        description:
          'csv: one line per record, as plan12b audit log --csv (text/csv); xlsx: the workbook of plan12b audit log --xlsx',
      }),
    }),
    response: z.object({
      records: z.array(
        looseObject({
          seq: z.number().int(),
          at: z.string(),
          actor: z.string(),
          action: z.string(),
          subject: z.string(),
          hash: z.string(),
        }),
      ),
    }),
    csv: true,
    xlsx: true,
    errors: ['USAGE'],
    async run({ query, read }) {
      const filter: AuditLogFilter = {
        ...(query.action !== undefined && { action: query.action }),
        ...(query.actor !== undefined && { actor: query.actor }),
        ...(query.from !== undefined && { from: query.from }),
        ...(query.to !== undefined && { to: query.to }),
      };
      const records = await read((q) => loadAuditLog(q, filter));
      if (query.format === 'xlsx') return new XlsxSheets([auditLogSheet(records)], 'audit-log.xlsx');
      return query.format === 'csv' ? new CsvText(toCsv(AUDIT_LOG_CSV_COLUMNS, records)) : { records };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/audit/verify',
    operationId: 'auditVerify',
    summary: 'verify the audit log, its anchors and every seal (plan12b audit verify); 503 if it fails',
    tag: 'audit',
    permission: 'audit',
    query: z.object({
      anchor: z.string().optional().openapi({ description: 'SEQ:HASH kept from audit anchor' }),
    }),
    response: looseObject({ ok: z.boolean(), records: z.number().int() }),
    errors: ['USAGE', 'DATABASE'],
    async run({ query, read }) {
      const kept = query.anchor === undefined ? null : parseKeptAnchor(query.anchor);
      if (query.anchor !== undefined && kept === null)
        throw new Plan12bError(
          'USAGE',
          `anchor ${JSON.stringify(query.anchor)} is not HASH or SEQ:HASH`,
          'give the head `plan12b audit anchor` printed (SEQ:HASH), or its hash',
        );
      const report = verifyAuditEvidence(await read((q) => loadAuditEvidence(q)), kept);
      if (!report.ok)
        throw new Plan12bError(
          'DATABASE',
          `the audit log does not verify (${report.findings.length} findings): ${report.findings.map((f) => `${f.kind}: ${f.reason}`).join('; ')}`,
          'the database was changed outside plan12b; restore it from a backup and investigate',
        );
      return report;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/audit/anchor',
    operationId: 'auditAnchor',
    summary: 'the head of the audit chain, to keep outside the database (plan12b audit anchor)',
    tag: 'audit',
    permission: 'audit',
    response: z.object({ seq: z.number().int(), hash: z.string() }),
    errors: [],
    run: ({ read }) => read((q) => auditHead(q)),
  }),
];
