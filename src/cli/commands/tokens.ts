import type { Command } from 'commander';
import { createApiToken, listTokens, revokeToken } from '../../api/apiTokens.js';
import { ROLES } from '../../api/roles.js';
import { tokensSheet } from '../../reports/xlsxSheets.js';
import { type CliContext, printJson, withDatabase, withReadSnapshot } from '../context.js';
import { printTable } from '../table.js';
import { sheetCsv, writeXlsxOption } from '../tabularOutput.js';

/** tokens create / list / revoke: the API tokens of `plan12b serve` (issue 13 item 2). */
export function registerTokensCommands(program: Command, getContext: () => CliContext): void {
  const tokens = program
    .command('tokens')
    .description('API tokens for `plan12b serve`: each has a name and a role; stored hashed');
  tokens
    .command('create')
    .description('create a token and print it ONCE (only its SHA-256 is stored)')
    .requiredOption('--name <name>', 'who or what holds it (recorded in the audit log as token:NAME)')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--json', 'print JSON')
    .action(async (opts: { name: string; role: string; json?: boolean }) => {
      const ctx = getContext();
      const created = await withDatabase(ctx, (db) => createApiToken(db, opts));
      if (opts.json) return printJson(ctx, created);
      ctx.out(created.token);
      ctx.err(
        `token ${created.name} (${created.role}) created; it is shown this once — send it as "Authorization: Bearer <token>"`,
      );
    });
  tokens
    .command('list')
    .description('every token: name, role, created and revoked (never the token itself)')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .option('--xlsx <file>', "write an XLSX workbook: the CSV's columns")
    .action(async (opts: { json?: boolean; csv?: boolean; xlsx?: string }) => {
      const ctx = getContext();
      const list = await withReadSnapshot(ctx, (q) => listTokens(q));
      const sheet = tokensSheet(list);
      await writeXlsxOption(ctx, opts.xlsx, [sheet]);
      if (opts.json) return printJson(ctx, { tokens: list });
      if (opts.csv) return ctx.out(sheetCsv(sheet));
      printTable(
        ctx,
        ['Name', 'Role', 'Created', 'By', 'Revoked'],
        list.map((t) => [
          t.name,
          t.role,
          t.createdAt,
          t.createdBy,
          t.revokedAt ? `${t.revokedAt} by ${t.revokedBy}` : '',
        ]),
      );
    });
  tokens
    .command('revoke')
    .description('revoke a token: it is refused from then on (the record stays)')
    .argument('<name>', 'the token name')
    .option('--json', 'print JSON')
    .action(async (name: string, opts: { json?: boolean }) => {
      const ctx = getContext();
      const result = await withDatabase(ctx, (db) => revokeToken(db, name));
      if (opts.json) return printJson(ctx, result);
      ctx.out(
        result.revoked ? `token ${name} revoked` : `token ${name} was already revoked; nothing changed`,
      );
    });
}
