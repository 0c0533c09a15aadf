import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importableDocument } from '../../src/edgar/importableDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { documentLapses } from '../../src/governance/documentLapse.js';
import { DEFAULT_GOVERNANCE_SETTINGS } from '../../src/governance/governanceSettings.js';
import { buildRegistry } from '../../src/registry/registry.js';
import type { StoredDocument } from '../../src/registry/storedDocument.js';
import { documentId } from '../../src/store/exhibitImport.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';

/**
 * Plan §7 (SPEC §10): the Plan continues after June 30, 2003 only if approved at least annually;
 * Agreement FOURTEENTH: after June 30, 2004, per Portfolio. A missed deadline ends the instrument
 * the day after, and `continuance` says "lapsed" — the documents list said "in force" all the same.
 * Seeds 002 (Sixth A&R Plan of AIM Funds Group, dated 2002-06-03, before the 2003-06-30 deadline
 * the Plan states) and 003 + 004 (A&R Class B Agreement, 2003-08-18, its Amendment No. 2), no
 * approval recorded. Expected by hand:
 * - as of 2003-06-30 nothing lapsed (the Plan's deadline is that day, not yet missed);
 * - as of 2003-07-01 the Plan lapsed: deadline 2003-06-30 missed, ended 2003-07-01; the Agreement's
 *   first deadline 2004-06-30 is ahead;
 * - as of 2004-07-01 the Agreement lapsed for all 82 Portfolios it lists (Schedules A-1 54 + A-2
 *   28): deadline 2004-06-30, ended 2004-07-01, both its documents; its fees continue (FIFTEENTH(B)).
 * With approvals.enforce off (the default), the Plan's fees are not stopped, and the words say so.
 */
const seed = (prefix: string) => seedFiles().find((f) => basename(f).startsWith(prefix))!;
const stored = (path: string): StoredDocument => {
  const bytes = readFileSync(path);
  return {
    id: documentId(bytes),
    fileName: basename(path),
    doc: importableDocument(parseExhibit(bytes.toString('utf8'), path), path),
  };
};

describe.skipIf(!seedsAvailable)('documents of a lapsed instrument are listed as lapsed', () => {
  const docs = seedsAvailable ? ['002_', '003_', '004_'].map((p) => stored(seed(p))) : [];
  const lapsesAsOf = (today: string) => {
    const registry = buildRegistry(docs, [], {
      settings: DEFAULT_GOVERNANCE_SETTINGS,
      approvals: [],
      terminations: [],
      today,
    });
    const byFile = new Map(docs.map((d) => [d.id, d.fileName]));
    return Object.fromEntries(
      [...documentLapses(registry)].map(([id, l]) => [
        byFile.get(id)!.slice(0, 3),
        [l.missedDeadline, l.endsOn, l.portfolios, l.feesStop],
      ]),
    );
  };

  it('judged as of a date: nothing on the deadline itself, the Plan the day after, the Agreement a year on', () => {
    expect(lapsesAsOf('2003-06-30')).toEqual({});
    expect(lapsesAsOf('2003-07-01')).toEqual({ '002': ['2003-06-30', '2003-07-01', null, false] });
    const agreement = ['2004-06-30', '2004-07-01', { lapsed: 82, listed: 82 }, false];
    expect(lapsesAsOf('2004-07-01')).toEqual({
      '002': ['2003-06-30', '2003-07-01', null, false],
      '003': agreement,
      '004': agreement,
    });
  });

  describe('exhibit list (as of today) and GET /api/registry/documents say the same', () => {
    let store: TestDatabase;
    const cli = (...args: string[]) => runCliInProcess(['--db', store.target, '--actor', 'cco', ...args]);
    beforeAll(async () => {
      store = await freshDatabase('pglite');
      expect((await cli('exhibit', 'import', seed('002_'))).code).toBe(0);
    });
    afterAll(() => store.drop());

    it('--json carries the lapse, --csv says lapsed with the deadline and the day it ended', async () => {
      const json = JSON.parse((await cli('exhibit', 'list', '--json')).stdout) as {
        documents: { lapse: { missedDeadline: string; endsOn: string; text: string } | null }[];
      };
      expect(json.documents[0]!.lapse).toEqual({
        instrument: 'Sixth Amended and Restated Master Distribution Plan',
        missedDeadline: '2003-06-30',
        endsOn: '2003-07-01',
        portfolios: null,
        feesStop: false,
        text: 'lapsed: continuance deadline 2003-06-30 missed, ended 2003-07-01; fees are not stopped (approvals.enforce is off)',
      });
      const csv = (await cli('exhibit', 'list', '--csv')).stdout.trimEnd().split('\n');
      expect(csv[0]).toBe(
        'id,file,kind,title,effectiveDate,importedBy,importedAt,status,withdrawnBy,withdrawnAt,withdrawalReason,missedDeadline,lapsedOn,supersededBy,supersededFrom',
      );
      expect(csv[1]).toMatch(/,lapsed,,,,2003-06-30,2003-07-01,,$/);
      const table = (await cli('exhibit', 'list')).stdout;
      expect(table).toContain('lapsed: continuance deadline 2003-06-30 missed, ended 2003-07-01');
      expect(table).not.toContain('in force');
    });
  });
});
