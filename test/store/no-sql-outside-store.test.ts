import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findSqlOutsideStore } from '../support/sqlOutsideStore.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('no SQL outside src/store (issue 9)', () => {
  it('finds no SQL statement, sql`` template or query building in src/ outside src/store', () => {
    const findings = findSqlOutsideStore(root).map((f) => `${f.file}:${f.line}: ${f.what}: ${f.text}`);
    // Each finding names the file and line; move that statement into a repository in src/store.
    expect(findings).toEqual([]);
  });
});
