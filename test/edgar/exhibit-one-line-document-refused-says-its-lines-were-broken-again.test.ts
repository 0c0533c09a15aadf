import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

/**
 * SPEC §2.1: a refusal names the file and line. A document kept on one line is read with its lines
 * broken again, and a reading warns that its line numbers count those lines; a refusal named "line
 * 10" of a file of one line and said nothing of it (RiverSource's Plan of Distribution and
 * Agreement of Distribution, real-exhibits-13/17). Invented fixture in that layout.
 */
const TEXT =
  'EX-99.M 10 hc.txt FORM OF PLAN AND AGREEMENT OF DISTRIBUTION Holloway Crest Variable Series Trust PLAN OF DISTRIBUTION AND AGREEMENT OF DISTRIBUTION AMENDED AND RESTATED The Plan of Distribution ("Plan") and Agreement of Distribution ("Agreement"), effective May 1, 2009, amended and restated ____________, 2010, is by and between Holloway Crest Fund Distributors, Inc. (the "Distributor") and Holloway Crest Variable Series Trust (the "Registrant"), on behalf of its underlying series and share classes, listed in Schedule A. The Plan and Agreement have been approved by the Board. 1. Reimbursement Plan 1.1 The Fund will reimburse the Distributor for various costs paid and accrued in connection with the distribution of the Funds\' shares, as set forth in the fee schedule included in Schedule A. 2. Services Provided 2.1 The Distributor shall provide distribution and underwriting services and shal';

describe('a document kept on one line, refused', () => {
  it('says that the line it names counts the lines the reader broke it into again', () => {
    let error: unknown;
    try {
      parseExhibit(TEXT, 'one-line-plan.txt');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExhibitParseError);
    const e = error as ExhibitParseError;
    expect(e.line).toBeGreaterThan(1);
    expect(e.reason).toMatch(/^the body names Schedule A/);
    expect(e.reason).toMatch(
      /\(the file keeps the document on one line, its line breaks lost: line numbers count the lines plan12b broke it into again/,
    );
  });
});
