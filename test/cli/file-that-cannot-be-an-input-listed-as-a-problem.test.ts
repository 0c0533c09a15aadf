import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputFile } from '../../src/cli/readInput.js';
import { errorDocument, type Problem, ProblemsError } from '../../src/errors.js';
import { type ApiFixture, apiFixture } from '../api/apiFixture.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedsAvailable } from '../support/seeds.js';
import { storeSnapshot } from '../support/storeSnapshot.js';

/**
 * A bad input fails whole with every problem listed — file, line, reason — under `--json` and in
 * the API's answer too (SPEC §12): not only the problems found inside a file, but a path that
 * names a folder, a file past PLAN12B_MAX_INPUT_BYTES and an exhibit plan12b cannot read (empty,
 * binary, no title). These were refused with exit 65 and the reason only in the message, the
 * `problems` list of the error document empty.
 */

interface ErrorDoc {
  error: { code: string; exit: number; message: string; problems: Problem[] };
}

const dir = mkdtempSync(join(tmpdir(), 'plan12b-file-problems-'));

describe('a path that cannot be an input, in-process', () => {
  it('a folder is one problem of that path (65): line 1, no field, "is a directory"', () => {
    const e = (() => {
      try {
        readInputFile(dir);
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(ProblemsError);
    expect((e as ProblemsError).exitCode).toBe(65);
    expect(errorDocument(e as ProblemsError).error.problems).toEqual([
      { code: 'BAD_INPUT', file: dir, line: 1, field: null, reason: 'is a directory, not a file' },
    ]);
  });

  it('a file past the size cap is one problem naming the cap (65)', () => {
    const path = join(dir, 'eleven.csv');
    writeFileSync(path, 'a,b,c\n1,2,3\n'); // 12 bytes, one past a cap of 11
    const e = (() => {
      try {
        readInputFile(path, 11);
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(ProblemsError);
    expect((e as ProblemsError).problems).toEqual([
      expect.objectContaining({
        file: path,
        line: 1,
        field: null,
        reason: expect.stringContaining('11 bytes'),
      }),
    ]);
  });
});

describe.skipIf(!seedsAvailable)('through the CLI (--json) and the API', () => {
  let tdb: TestDatabase;
  let f: ApiFixture;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    f = await apiFixture('pglite');
  });
  afterAll(async () => {
    await tdb.drop();
    await f.close();
  });

  const exhibits: readonly (readonly [string, string | Buffer, string])[] = [
    ['an empty exhibit', '', 'file is empty'],
    ['a binary exhibit', Buffer.from([0x50, 0x00, 0x4b, 0x03, 0x04]), 'NUL'],
    ['a text that is no plan or agreement', 'hello world\n', 'not a distribution plan or agreement'],
  ];

  it.each(exhibits)(
    'exhibit import of %s: 65, the problem listed with file and line',
    async (_what, bytes, reason) => {
      const path = join(dir, 'bad-exhibit.txt');
      writeFileSync(path, bytes);
      const run = await runCliInProcess(['--db', tdb.target, 'exhibit', 'import', path, '--json'], {
        PLAN12B_AUTO_SERVE: 'off',
      });
      expect(run.code).toBe(65);
      const doc = run.json<ErrorDoc>();
      expect(doc.error.problems).toEqual([
        expect.objectContaining({
          code: 'BAD_INPUT',
          file: path,
          line: 1,
          reason: expect.stringContaining(reason),
        }),
      ]);
    },
  );

  it('net-assets import of a folder under --json: 65, the folder listed as the problem', async () => {
    const run = await runCliInProcess(['--db', tdb.target, 'net-assets', 'import', dir, '--json'], {
      PLAN12B_AUTO_SERVE: 'off',
    });
    expect(run.code).toBe(65);
    expect(run.json<ErrorDoc>().error.problems).toEqual([
      expect.objectContaining({ file: dir, line: 1, reason: 'is a directory, not a file' }),
    ]);
  });

  it.each(exhibits)(
    'POST /api/imports/exhibits of %s: 422, the problem listed, nothing written',
    async (_what, bytes, reason) => {
      const before = await f.store.use((db) => storeSnapshot(db));
      const res = await f.request('POST', '/api/imports/exhibits?fileName=bad.txt', {
        token: f.tokens.operator,
        body: typeof bytes === 'string' ? bytes : Buffer.from(bytes),
        type: 'text/plain',
      });
      expect(res.status).toBe(422);
      const doc = (await res.json()) as ErrorDoc;
      expect(doc.error.code).toBe('BAD_INPUT');
      expect(doc.error.problems).toEqual([
        expect.objectContaining({ file: 'bad.txt', line: 1, reason: expect.stringContaining(reason) }),
      ]);
      expect(await f.store.use((db) => storeSnapshot(db))).toEqual(before);
    },
  );
});
