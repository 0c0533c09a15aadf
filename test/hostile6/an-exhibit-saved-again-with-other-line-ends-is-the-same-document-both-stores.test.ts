import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/cli.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';

/**
 * SPEC §12 (every import idempotent: the same file twice changes nothing). Documents are keyed by
 * the SHA-256 of their bytes, so the same exhibit saved again by another tool — its lines ended
 * CRLF, a byte order mark before it, a blank line after it — was stored as a second document,
 * silently (hostile6: `exhibit import` of the same document under two names). Every answer
 * looked the same, but the twin stayed: withdrawing the document imported by mistake left its twin
 * governing, unsaid. Now a document that reads as one stored — the same parse, fact for fact — is
 * that document: nothing is written, a warning names the stored one, and a withdrawn one stays
 * withdrawn (68). A document that reads otherwise in any fact is still a new document.
 */
describe.skipIf(!seedsAvailable).each(dialects)('an exhibit saved again with other bytes (%s)', (dialect) => {
  let tdb: TestDatabase;
  let dir: string;
  const args = (...a: string[]) => ['--db', tdb.target, '--actor', 'hostile6', ...a];
  const seed = () => seedFiles().find((f) => /\/002_/.test(f))!;
  const copy = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const documents = async () => {
    const r = await runCliInProcess(args('exhibit', 'list', '--json'));
    expect(r.code, r.stderr).toBe(0);
    return r.json<{ documents: { fileName: string }[] }>().documents.map((d) => d.fileName);
  };

  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    dir = mkdtempSync(join(tmpdir(), 'plan12b-hostile6-twin-'));
    const r = await runCliInProcess(args('exhibit', 'import', seed()));
    expect(r.code, r.stderr).toBe(0);
  });

  afterAll(async () => {
    await tdb?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('its lines ended CRLF, under another name: nothing written, a warning naming the stored document', async () => {
    const text = readFileSync(seed(), 'utf8');
    expect(text).not.toContain('\r');
    const r = await runCliInProcess(
      args('exhibit', 'import', copy('plan-crlf.txt', text.replaceAll('\n', '\r\n')), '--json'),
    );
    expect(r.code, r.stderr).toBe(0);
    const out = r.json<{ imported: unknown[]; unchanged: { file: string }[]; warnings: string[] }>();
    expect(out.imported).toEqual([]);
    expect(out.unchanged.map((u) => u.file)).toEqual([join(dir, 'plan-crlf.txt')]);
    expect(out.warnings).toHaveLength(1);
    expect(out.warnings[0]).toContain('reads as the same document as 002_1ece2ff6353a3318.txt');
    expect(out.warnings[0]).toContain('nothing changed');
    expect(await documents()).toEqual(['002_1ece2ff6353a3318.txt']);
  });

  it('a byte order mark before it and a blank line after it: the same', async () => {
    const text = readFileSync(seed(), 'utf8');
    const r = await runCliInProcess(
      args('exhibit', 'import', copy('plan-bom.txt', `\ufeff${text}\n\n`), '--json'),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.json<{ imported: unknown[] }>().imported).toEqual([]);
    expect(await documents()).toEqual(['002_1ece2ff6353a3318.txt']);
  });

  it('a fact read otherwise (one rate of its schedule changed) is a new document', async () => {
    const text = readFileSync(seed(), 'utf8');
    const changed = text.replace(/0\.75%/, '0.70%');
    expect(changed).not.toBe(text);
    const r = await runCliInProcess(args('exhibit', 'import', copy('plan-other.txt', changed), '--json'));
    // read otherwise: stored as its own document (or refused for a reason of its own), never taken as the first
    expect(r.code === 0 ? r.json<{ imported: unknown[] }>().imported.length : -1).not.toBe(0);
  });

  it('the stored document withdrawn, its CRLF twin is refused as withdrawn (68), nothing written', async () => {
    const list = await runCliInProcess(args('exhibit', 'list', '--json'));
    const first = list
      .json<{ documents: { id: string; fileName: string }[] }>()
      .documents.find((d) => d.fileName === '002_1ece2ff6353a3318.txt')!;
    const w = await runCliInProcess(args('exhibit', 'withdraw', first.id, '--reason', 'imported by mistake'));
    expect(w.code, w.stderr).toBe(0);
    const text = readFileSync(seed(), 'utf8');
    const r = await runCliInProcess(
      args('exhibit', 'import', copy('plan-crlf-again.txt', text.replaceAll('\n', '\r\n')), '--json'),
    );
    expect(r.code, r.stdout).toBe(68);
    const { error } = r.json<{ error: { code: string; message: string } }>();
    expect(error.code).toBe('REFUSED');
    expect(error.message).toContain('withdrawn');
    expect((await documents()).filter((f) => f === 'plan-crlf-again.txt')).toEqual([]);
  });
});
