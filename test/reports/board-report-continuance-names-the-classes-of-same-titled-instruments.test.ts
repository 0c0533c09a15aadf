import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instrumentKey } from '../../src/registry/storedDocument.js';
import { instrumentLabel } from '../../src/reports/boardReportGovernance.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';

// Plan §8 / SPEC §10: the quarterly report tells the board which instrument's continuance is due.
// The demo complex's Class A and Class C plans are both titled "Master Distribution Plan": its
// 2025Q4 report listed "Master Distribution Plan — approved" and "Master Distribution Plan — due"
// with nothing to tell them apart. A title that does not name its classes now carries them.
describe('the board report names the classes of an instrument whose title does not', () => {
  const key = (classes: string[]) =>
    instrumentKey({ kind: 'plan', title: 'x', registrant: 'Summit Funds', classes, datedAsOf: '2024-01-02' });

  it('one class, several classes, and a title that already names them', () => {
    expect(instrumentLabel('Master Distribution Plan', key(['C']))).toBe(
      'Master Distribution Plan (Class C)',
    );
    expect(instrumentLabel('Master Distribution Plan', key(['R', 'A', 'C']))).toBe(
      'Master Distribution Plan (Classes A, C, R)',
    );
    expect(instrumentLabel('Master Distribution Plan of Test Funds (Class A Shares)', key(['A']))).toBe(
      'Master Distribution Plan of Test Funds (Class A Shares)',
    );
  });

  it('an agreement of all classes but one is named so, never as the class it leaves out', () => {
    // AIM's Master Distribution Agreement "(All Classes of Shares Except Class B Shares)"
    const allButB = instrumentKey({
      kind: 'agreement',
      title: 'x',
      registrant: null,
      classes: ['A', 'C', 'R'],
      exceptClasses: ['B'],
      datedAsOf: '2003-08-18',
    });
    expect(instrumentLabel('Amended and Restated Master Distribution Agreement', allButB)).toBe(
      'Amended and Restated Master Distribution Agreement (All Classes Except Class B)',
    );
  });

  describe.skipIf(!seedsAvailable)('end to end on seed 002', () => {
    let store: TestDatabase;
    const cli = (...args: string[]) => runCliInProcess(['--db', store.target, '--actor', 'cco', ...args]);
    beforeAll(async () => {
      store = await freshDatabase('pglite');
      expect((await cli('exhibit', 'import', seedFiles().find((f) => f.includes('002_'))!)).code).toBe(0);
    });
    afterAll(() => store.drop());

    it('the Sixth A&R Plan of AIM Funds Group (Class A, C and R) is listed with its classes', async () => {
      const r = await cli('board-report', '--quarter', '2003Q1', '--csv');
      expect(r.code).toBe(0);
      // no approval recorded: the first deadline 2003-06-30 (Plan §7) is ahead at 2003-03-31, and
      // the line says where it comes from: the Plan's own Section 7 (seed 002, line 164)
      expect(r.stdout).toContain(
        'continuance deadlines,,,"Sixth Amended and Restated Master Distribution Plan (Classes A, C, R)","due; deadline 2003-06-30 (Plan §7 as its text states it: ""continue in effect until June 30, 2003"" (002_1ece2ff6353a3318.txt line 164), then at least annually)",',
      );
    });
  });
});
