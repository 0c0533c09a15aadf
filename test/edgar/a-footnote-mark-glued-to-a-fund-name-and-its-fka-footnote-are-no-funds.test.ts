import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// SPEC §2.1 (footnotes): ProFunds' Schedule A of 2021 (real-exhibits-14 02) prints its footnote
// marks glued to the fund's name ("Communication Services UltraSector ProFund1") and, under the
// list, each mark beside its footnote, "f/k/a Mobile Telecommunications UltraSector ProFund". The
// schedule was refused as if that footnote stood where a portfolio name should be. The mark is no
// part of the name ("UltraDow 30 ProFund" keeps its number, a word apart); each "f/k/a" is a
// footnote of its own. Names are our own.
const schedule = `SCHEDULE A
DISTRIBUTION AND SERVICE PLAN
AS OF MAY 1, 2020
Alpha Example ProFund1
Beta 30 Example Fund
Gamma Example Fund2
|
1
|
f/k/a Old Alpha Example ProFund
|
2
|
f/k/a Old Gamma Example Fund
`;

describe('footnote marks glued to fund names, and their "f/k/a" footnotes', () => {
  const got = parseExhibit(schedule, 'fka.txt');

  it('reads the names without their marks', () => {
    expect(got.schedules.flatMap((s) => s.entries.map((e) => e.portfolio))).toEqual([
      'Alpha Example ProFund',
      'Beta 30 Example Fund',
      'Gamma Example Fund',
    ]);
  });

  it('keeps each footnote as one of its own', () => {
    expect(got.footnotes).toEqual(['f/k/a Old Alpha Example ProFund', 'f/k/a Old Gamma Example Fund']);
  });

  // SPEC §2 (any name a portfolio ever had resolves to it): each "f/k/a" names the former name of
  // the fund bearing its mark — a rename on the document's date, the footnote kept as well
  it('reads each "f/k/a" footnote as the former name of the fund its mark is glued to', () => {
    expect(got.renames).toEqual([
      { from: 'Old Alpha Example ProFund', to: 'Alpha Example ProFund' },
      { from: 'Old Gamma Example Fund', to: 'Gamma Example Fund' },
    ]);
  });

  it('names no rename from a footnote cut short, nor from a mark no fund bears', () => {
    const cut = parseExhibit(
      schedule
        .replace('f/k/a Old Gamma Example Fund\n', 'f/k/a Old Gamma, S\n')
        .replace('|\n1\n|', '|\n7\n|'),
      'fka-cut.txt',
    );
    expect(cut.renames).toEqual([]);
  });
});
