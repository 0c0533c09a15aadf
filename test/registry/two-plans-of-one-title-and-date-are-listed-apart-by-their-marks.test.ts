import { describe, expect, it } from 'vitest';
import { importableDocument } from '../../src/edgar/importableDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { documentId } from '../../src/import/exhibitImport.js';
import { buildRegistry } from '../../src/registry/registry.js';
import type { StoredDocument } from '../../src/registry/storedDocument.js';
import { A, C, twinExhibit } from './twinPlansFixture.js';

// Two plans of 2022-07-01 whose titles differ only by "(Compensation)" / "(Reimbursement)": both
// are "Amended and Restated Distribution and Service Plan" by their instrument title, so
// `schedule`, `continuance` and the API listed two instruments under one name. Each is listed by
// its title with the mark that tells it apart (the title leaves the mark in parentheses out).

const NAME = 'Amended and Restated Distribution and Service Plan';

function stored(fileName: string, variant: string, portfolio: string): StoredDocument {
  const text = twinExhibit({
    number: 1,
    title: ['AMENDED AND RESTATED DISTRIBUTION AND SERVICE PLAN', `(${variant.toUpperCase()})`],
    clauseName: NAME,
    asOf: 'March 1, 2023',
    rows: [{ portfolio, classes: [A, C] }],
  });
  return {
    id: documentId(Buffer.from(text)),
    fileName,
    doc: importableDocument(parseExhibit(text, fileName), fileName),
  };
}

describe('two plans of one title and date, told apart by Compensation and Reimbursement', () => {
  const docs = [
    stored('comp.txt', 'Compensation', 'Invesco Core Plus Bond Fund'),
    stored('reim.txt', 'Reimbursement', 'Invesco American Franchise Fund'),
  ];

  it('have one instrument title, and two names', () => {
    const registry = buildRegistry(docs);
    expect(registry.instruments.map((i) => i.title)).toEqual([NAME, NAME]);
    expect(registry.instruments.map((i) => i.name).sort()).toEqual([
      `${NAME} (Compensation)`,
      `${NAME} (Reimbursement)`,
    ]);
  });

  it('are named apart in the schedule and the continuance roster', () => {
    const registry = buildRegistry(docs);
    // each portfolio's Class A and C under its own plan's name
    expect(
      registry
        .scheduleAsOf('2023-03-01')
        .entries.map((e) => `${e.portfolio}|${e.class}|${e.instrument}`)
        .sort(),
    ).toEqual([
      `Invesco American Franchise Fund|A|${NAME} (Reimbursement)`,
      `Invesco American Franchise Fund|C|${NAME} (Reimbursement)`,
      `Invesco Core Plus Bond Fund|A|${NAME} (Compensation)`,
      `Invesco Core Plus Bond Fund|C|${NAME} (Compensation)`,
    ]);
    expect(
      registry
        .continuance('2023-03-01')
        .map((c) => c.instrument)
        .sort(),
    ).toEqual([`${NAME} (Compensation)`, `${NAME} (Reimbursement)`]);
  });

  it('one plan alone keeps its title as its name', () => {
    expect(buildRegistry([docs[0]!]).instruments.map((i) => i.name)).toEqual([NAME]);
  });
});
