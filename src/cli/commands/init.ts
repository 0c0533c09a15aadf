import type { Command } from 'commander';
import { openDatabase } from '../../store/database.js';
import { CURRENT_SCHEMA_VERSION, migrate } from '../../store/migrations.js';
import { type CliContext, printJson } from '../context.js';

export function registerInitCommand(program: Command, getContext: () => CliContext): void {
  program
    .command('init')
    .description('create the database, or migrate it to the current schema')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      const ctx = getContext();
      const db = await openDatabase(ctx.dbTarget, { workload: ctx.workload });
      try {
        const applied = await migrate(db);
        const version = CURRENT_SCHEMA_VERSION;
        if (opts.json)
          printJson(ctx, { database: ctx.dbTarget, dialect: db.dialect, schemaVersion: version, applied });
        else
          ctx.out(
            applied.length > 0
              ? `${ctx.dbTarget}: schema migrated to version ${version} (applied ${applied.join(', ')})`
              : `${ctx.dbTarget}: schema is current (version ${version})`,
          );
      } finally {
        await db.close();
      }
    });
}
