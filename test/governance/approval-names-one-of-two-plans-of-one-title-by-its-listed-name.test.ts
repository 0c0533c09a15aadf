import { describe, expect, it } from 'vitest';
import { importableDocument } from '../../src/edgar/importableDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { ProblemsError } from '../../src/errors.js';
import { importApprovals } from '../../src/feeds/approvalsFeed.js';
import { documentId } from '../../src/import/exhibitImport.js';
import type { StoredDocument } from '../../src/registry/storedDocument.js';
import { loadApprovals } from '../../src/store/approvalsRepository.js';
import { loadRegistry } from '../../src/store/registryStore.js';
import { A, C, twinExhibit } from '../registry/twinPlansFixture.js';
import { APPROVALS_HEADER, boardRow, csv, sharedStoreWith } from './support/storeWithPlan.js';

// Two plans of 2022-07-01, both titled "Amended and Restated Distribution and Service Plan", one
// "(Compensation)", one "(Reimbursement)": an approval naming the instrument by that title could
// not say which ("2 instruments have this title"). Named as the plan is listed — its title with
// the mark that tells it apart — the approval is of that plan.

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

describe('an approval of one of two plans of one title', () => {
  const db = sharedStoreWith([
    stored('comp.txt', 'Compensation', 'Invesco Core Plus Bond Fund'),
    stored('reim.txt', 'Reimbursement', 'Invesco American Franchise Fund'),
  ]);

  it('naming the title they share is refused, listing the names that tell them apart', async () => {
    const e = await importApprovals(
      db(),
      'votes.csv',
      csv([APPROVALS_HEADER, boardRow('2023-06-20', 'continuance', '', NAME)]),
    ).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ProblemsError);
    expect((e as ProblemsError).problems.map((p) => p.reason)).toEqual([
      `2 instruments have this title; name one as it is listed ("${NAME} (Compensation)", "${NAME} (Reimbursement)") or the document by its hash instead`,
    ]);
  });

  it('naming one as it is listed records the approval of that plan', async () => {
    await importApprovals(
      db(),
      'votes.csv',
      csv([APPROVALS_HEADER, boardRow('2023-06-20', 'continuance', '', `${NAME} (Reimbursement)`)]),
    );
    const registry = await loadRegistry(db());
    const reimbursement = registry.instruments.find((i) => i.name === `${NAME} (Reimbursement)`)!;
    expect((await loadApprovals(db())).map((a) => a.instrumentKey)).toEqual([reimbursement.key]);
  });
});
