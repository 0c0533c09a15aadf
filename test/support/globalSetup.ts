import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrations.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** a migrated, closed PGlite data folder that freshDatabase copies (never opened by a test) */
    pgliteTemplate: string;
    /** an empty folder where the first file that needs the open demo complex records it (test/support/demoOpen.ts) */
    demoOpenTemplate: string;
  }
}

/**
 * Once per run: a migrated PGlite data folder. A new PGlite folder costs an initdb (seconds of
 * CPU); a copy of this one costs a fraction of that, and every test still gets a store of its own.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-template-'));
  const target = join(dir, 'db');
  const db = await openDatabase(target);
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
  project.provide('pgliteTemplate', target);
  const demoOpen = join(dir, 'demo-open');
  mkdirSync(demoOpen);
  project.provide('demoOpenTemplate', demoOpen);
  return () => rmSync(dir, { recursive: true, force: true });
}
