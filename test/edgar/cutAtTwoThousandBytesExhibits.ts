/**
 * Exhibits of the holdout families as the corpus stores them (shared/corpus/INDEX.md): the first
 * 2,000 bytes (UTF-8) of the filing plus one newline — cut after the schedule (in the closing clause,
 * the signature block, a footnote, the next exhibit, a second appendix's table, even inside a
 * character's bytes) or inside it. .txt in the EDGAR layout, .htm in the corpus's rendering (one
 * cell a line, cells introduced by "|"). Invented documents; each reading worked out by hand in
 * the fields shared/checks/compare_exhibit.py compares (SPEC §2.1). A document cut inside its fee
 * schedule reads only in part, never shortened in silence.
 */

export interface CutEntry {
  readonly registrant: string | null;
  readonly portfolio: string;
  readonly class: string | null;
  readonly assetBasedSalesChargePct: string | null;
  readonly serviceFeePct: string | null;
  readonly aggregateFeePct: string | null;
}

export interface CutReading {
  readonly kind: string;
  readonly amendmentNumber: number | null;
  readonly effectiveDate: string | null;
  readonly instrument: {
    readonly kind: string;
    readonly classes: readonly string[];
    readonly datedAsOf: string | null;
    readonly registrant: string | null;
  };
  readonly schedules: readonly {
    readonly name: string;
    readonly replacesEntirely: boolean;
    readonly entries: readonly CutEntry[];
  }[];
  readonly renames: readonly { readonly from: string; readonly to: string }[];
  readonly complete: boolean;
}

export interface CutExhibit {
  readonly file: string;
  /** the document's first 2,000 bytes as text; `tailBytes` are bytes after it that are no whole character */
  readonly text: string;
  readonly tailBytes?: readonly number[];
  /** the corpus's newline after the excerpt: every document here is 2,000 bytes + 1, or shorter when whole */
  readonly cut: boolean;
  readonly expected: CutReading | { readonly readsOnlyInPart: string };
}

export const CUT_AT_2000_BYTES_EXHIBITS: readonly CutExhibit[] = [
  {
    file: 'h01_aim-classB-plan-amend2-table-cut-in-signature.txt',
    text: '<PAGE>   1\n                                                                  m(4)(c)\n                                     \n                                AMENDMENT NO. 2\n                                       TO\n                               DISTRIBUTION PLAN\n                               OF AIM SERIES TRUST\n                                (CLASS B SHARES)\n\n\n     The Distribution Plan of AIM Series Trust (Class B Shares) (the "Plan"),\ndated as of May 29, 1998, is hereby amended, effective June 1, 2000, as\nfollows:\n\n     Schedule A to the Plan is hereby deleted in its entirety and replaced\nwith the following:\n\n                                  "SCHEDULE A\n                                       TO\n                               DISTRIBUTION PLAN\n                               OF AIM SERIES TRUST\n                                (CLASS B SHARES)\n\n                               (DISTRIBUTION FEE)\n\n\n<TABLE>\n<CAPTION>\n                                      MAXIMUM\n                                     ASSET-BASED                MAXIMUM                   MAXIMUM\nCLASS B SHARES                      SALES CHARGE              SERVICE FEE              AGGREGATE FEE\n--------------                      ------------              -----------              -------------\n<S>                                 <C>                       <C>                      <C>\nAIM Global Trends Fund                 0.75%                     0.25%                    1.00%\nAIM Global Health Care Fund            0.75%                     0.25%                    1.00%\nAIM Global Telecommunications Fund     0.75%                     0.25%                    1.00%"\n</TABLE>\n\n\n                  All other terms and provisions of the Plan not amended herein\nshall remain in full force and effect.\n\n\nDated: June 1, 2000\n\n                                        AIM SERIES TRUST\n                                        (On behalf of its Class B Shares)\n\n\nAttest: /s/ OFELIA M. MAYO              By: /s/ ROBERT H. GR',
    cut: true,
    expected: {
      kind: 'plan-amendment',
      amendmentNumber: 2,
      effectiveDate: '2000-06-01',
      instrument: { kind: 'plan', classes: ['B'], datedAsOf: '1998-05-29', registrant: 'AIM Series Trust' },
      schedules: [
        {
          name: 'Schedule A',
          replacesEntirely: true,
          entries: [
            {
              registrant: 'AIM Series Trust',
              portfolio: 'AIM Global Trends Fund',
              class: 'B',
              assetBasedSalesChargePct: '0.75',
              serviceFeePct: '0.25',
              aggregateFeePct: '1.00',
            },
            {
              registrant: 'AIM Series Trust',
              portfolio: 'AIM Global Health Care Fund',
              class: 'B',
              assetBasedSalesChargePct: '0.75',
              serviceFeePct: '0.25',
              aggregateFeePct: '1.00',
            },
            {
              registrant: 'AIM Series Trust',
              portfolio: 'AIM Global Telecommunications Fund',
              class: 'B',
              assetBasedSalesChargePct: '0.75',
              serviceFeePct: '0.25',
              aggregateFeePct: '1.00',
            },
          ],
        },
      ],
      renames: [],
      complete: true,
    },
  },
  {
    file: 'h02_aim-equity-funds-MDA-classACR-amend2-cut-after-dated.txt',
    text: '<PAGE>   1\n                                                                 e(1)(c)\n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n   \n                                AMENDMENT NO. 2\n                                       TO\n                         MASTER DISTRIBUTION AGREEMENT\n              (APPLICABLE TO CLASS A, CLASS C AND CLASS R SHARES)\n\n\n     The Master Distribution Agreement (the "Agreement"), made the 1st day of\nJune, 2000, by and between AIM Equity Funds, a Delaware business trust, and\nA I M Distributors, Inc., a Delaware corporation, is hereby amended as\nfollows:\n\n     Appendix A to the Agreement is hereby deleted in its entirety and replaced\nwith the following:\n\n                                  "APPENDIX A\n                                       TO\n                         MASTER DISTRIBUTION AGREEMENT\n                              OF AIM EQUITY FUNDS\n\nCLASS A SHARES\n--------------\nAIM Aggressive Growth Fund\nAIM Blue Chip Fund\nAIM Capital Development Fund\nAIM Charter Fund\n\nCLASS C SHARES\n--------------\nAIM Blue Chip Fund\nAIM Capital Development Fund\nAIM Charter Fund\n\nCLASS R SHARES\n--------------\nAIM Blue Chip Fund\nAIM Charter Fund"\n\n     All other terms and provisions of the Agreement not amended herein shall\nremain in full force and effect.\n\nDated: June 3, 2002\n       ------------\n\n                                        AIM EQUIT',
    cut: true,
    expected: {
      kind: 'agreement-amendment',
      amendmentNumber: 2,
      effectiveDate: '2002-06-03',
      instrument: {
        kind: 'agreement',
        classes: ['A', 'C', 'R'],
        datedAsOf: '2000-06-01',
        registrant: 'AIM Equity Funds',
      },
      schedules: [
        {
          name: 'Appendix A',
          replacesEntirely: true,
          entries: [
            {
              registrant: 'AIM Equity Funds',
              portfolio: 'AIM Aggressive Growth Fund',
              class: 'A',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: null,
            },
            {
              registrant: 'AIM Equity Funds',
              portfolio: 'AIM Blue Chip Fund',
              class: 'A',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: null,
            },
            {
              registrant: 'AIM Equity Funds',
              portfolio: 'AIM Capital Development Fund',
              class: 'A',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: null,
            },
            {
              registrant: 'AIM Equity Funds',
              portfolio: 'AIM Charter Fund',
              class: 'A',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: null,
            },
            {
              registrant: 'AIM Equity Funds',
              portfolio: 'AIM Blue Chip Fund',
              class: 'C',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: null,
            },
            {
              registrant: 'AIM Equity Funds',
              portfolio: 'AIM Capital Development Fund',
              class: 'C',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: null,
            },
            {
              registrant: 'AIM Equity Funds',
              portfolio: 'AIM Charter Fund',
              class: 'C',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: null,
            },
            {
              registrant: 'AIM Equity Funds',
              portfolio: 'AIM Blue Chip Fund',
              class: 'R',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: null,
            },
            {
              registrant: 'AIM Equity Funds',
              portfolio: 'AIM Charter Fund',
              class: 'R',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: null,
            },
          ],
        },
      ],
      renames: [],
      complete: true,
    },
  },
  {
    file: 'h03_aim-funds-group-classC-plan-amend4-cut-mid-row.txt',
    text: '<PAGE>   1\n                                                                  m(3)(d)\n                                       \n                                       \n                                       \n                                       \n                                   \n                                AMENDMENT NO. 4\n                                       TO\n                               DISTRIBUTION PLAN\n                             OF AIM FUNDS GROUP\n                                (CLASS C SHARES)\n\n\n     The Distribution Plan of AIM Funds Group (Class C Shares) (the "Plan"),\ndated as of August 4, 1997, is hereby amended, effective July 1, 2001, as\nfollows:\n\n     Schedule A to the Plan is hereby deleted in its entirety and replaced\nwith the following:\n\n                                  "SCHEDULE A\n                                       TO\n                               DISTRIBUTION PLAN\n                             OF AIM FUNDS GROUP\n                                (CLASS C SHARES)\n\n<TABLE>\n<CAPTION>\n                                      MAXIMUM\n                                     ASSET-BASED                MAXIMUM                   MAXIMUM\nCLASS C SHARES                      SALES CHARGE              SERVICE FEE              AGGREGATE FEE\n--------------                      ------------              -----------              -------------\n<S>                                 <C>                       <C>                      <C>\nAIM Balanced Fund                      0.75%                     0.25%                    1.00%\nAIM European Small Company Fund        0.75%                     0.25%                    1.00%\nAIM Global Utilities Fund              0.75%                     0.25%                    1.00%\nAIM International Value Fund           0.75%                     0.25%                    1.00%\nAIM New Technology Fund                0.75%                     0.25%                    1.00%\nAIM Select Equity Fund                 0.75%          ',
    cut: true,
    expected: { readsOnlyInPart: 'ends inside Schedule A' },
  },
  {
    file: 'h03b_aim-funds-group-classC-plan-amend4-cut-at-row-end.txt',
    text: '<PAGE>   1\n                                                                  m(3)(d)\n                                       \n                                       \n                                       \n                                 \n                                AMENDMENT NO. 4\n                                       TO\n                               DISTRIBUTION PLAN\n                             OF AIM FUNDS GROUP\n                                (CLASS C SHARES)\n\n\n     The Distribution Plan of AIM Funds Group (Class C Shares) (the "Plan"),\ndated as of August 4, 1997, is hereby amended, effective July 1, 2001, as\nfollows:\n\n     Schedule A to the Plan is hereby deleted in its entirety and replaced\nwith the following:\n\n                                  "SCHEDULE A\n                                       TO\n                               DISTRIBUTION PLAN\n                             OF AIM FUNDS GROUP\n                                (CLASS C SHARES)\n\n<TABLE>\n<CAPTION>\n                                      MAXIMUM\n                                     ASSET-BASED                MAXIMUM                   MAXIMUM\nCLASS C SHARES                      SALES CHARGE              SERVICE FEE              AGGREGATE FEE\n--------------                      ------------              -----------              -------------\n<S>                                 <C>                       <C>                      <C>\nAIM Balanced Fund                      0.75%                     0.25%                    1.00%\nAIM European Small Company Fund        0.75%                     0.25%                    1.00%\nAIM Global Utilities Fund              0.75%                     0.25%                    1.00%\nAIM International Value Fund           0.75%                     0.25%                    1.00%\nAIM New Technology Fund                0.75%                     0.25%                    1.00%\nAIM Select Equity Fund                 0.75%                     0.25%                    1.00%\n',
    cut: true,
    expected: { readsOnlyInPart: 'ends inside Schedule A' },
  },
  {
    file: 'h04_aim-MDA-investor-class-amend1-cut-mid-list.txt',
    text: '<PAGE>   1\n                                                                 e(2)(b)\n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n  \n                                AMENDMENT NO. 1\n                                       TO\n                         MASTER DISTRIBUTION AGREEMENT\n                    (APPLICABLE TO INVESTOR CLASS SHARES)\n\n\n     The Master Distribution Agreement (the "Agreement"), made the 30th day of\nSeptember, 2003, by and between each registered investment company listed\non Appendix A and A I M Distributors, Inc., a Delaware corporation, is\nhereby amended as follows:\n\n     Appendix A to the Agreement is hereby deleted in its entirety and replaced\nwith the following:\n\n                                  "APPENDIX A\n                                       TO\n                         MASTER DISTRIBUTION AGREEMENT\n\n                             INVESTOR CLASS SHARES\n                             ---------------------\n\nAIM COMBINATION STOCK & BOND FUNDS\nINVESCO Core Equity Fund\nINVESCO Total Return Fund\n\nAIM COUNSELOR SERIES TRUST\nINVESCO Advantage Health Sciences Fund\nINVESCO Multi-Sector Fund\n\nAIM SECTOR FUNDS\nINVESCO Energy Fund\nINVESCO Financial Services Fund\nINVESCO Gold & Prec',
    cut: true,
    expected: { readsOnlyInPart: 'ends inside Appendix A' },
  },
  {
    file: 'h05_invesco-classK-plan-amend3-htm-cut-after-closing-quote.txt',
    text: 'AMENDMENT NO. 3\nTO THE\nMASTER DISTRIBUTION PLAN\n(CLASS K SHARES)\nThe Master Distribution Plan (the “Plan”), dated as of July 1, 2004, pursuant to Rule 12b-1, is hereby amended, effective October 15, 2004, as follows:\nSchedule A to the Plan is hereby deleted in its entirety and replaced with the following:\n“SCHEDULE A\nTO\nMASTER DISTRIBUTION PLAN\n(CLASS K SHARES)\n(DISTRIBUTION AND SERVICE FEES)\nThe Fund shall pay the Distributor as full compensation for all services rendered and all facilities furnished under the Distribution Plan for the Class K Shares of each Portfolio designated below, a Distribution Fee and a Service Fee determined by applying the annual rate set forth below to the average daily net assets of the Class K Shares of the Portfolio.|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n\n|\n|Maximum\n|\n|\n|Asset\n|\n|\n|Based\n|Maximum\n|Maximum\n|Sales\n|Service\n|Aggregate\n|Portfolio — Class K Shares\n|Charge\n|Fee\n|Fee\nAIM COMBINATION STOCK & BOND FUNDS\n|\n|\n|\nINVESCO Core Equity Fund\n|0.45\n|%\n|0.25\n|%\n|0.70\n|%\nINVESCO Total Return Fund\n|0.45\n|%\n|0.25\n|%\n|0.70\n|%\nAIM STOCK FUNDS\n|\n|\n|\nINVESCO Dynamics Fund\n|0.45\n|%\n|0.25\n|%\n|0.70\n|%\nINVESCO Small Company Growth Fund\n|0.45\n|%\n|0.25\n|%\n|0.70\n|%”',
    cut: true,
    expected: {
      kind: 'plan-amendment',
      amendmentNumber: 3,
      effectiveDate: '2004-10-15',
      instrument: { kind: 'plan', classes: ['K'], datedAsOf: '2004-07-01', registrant: null },
      schedules: [
        {
          name: 'Schedule A',
          replacesEntirely: true,
          entries: [
            {
              registrant: 'AIM COMBINATION STOCK & BOND FUNDS',
              portfolio: 'INVESCO Core Equity Fund',
              class: 'K',
              assetBasedSalesChargePct: '0.45',
              serviceFeePct: '0.25',
              aggregateFeePct: '0.70',
            },
            {
              registrant: 'AIM COMBINATION STOCK & BOND FUNDS',
              portfolio: 'INVESCO Total Return Fund',
              class: 'K',
              assetBasedSalesChargePct: '0.45',
              serviceFeePct: '0.25',
              aggregateFeePct: '0.70',
            },
            {
              registrant: 'AIM STOCK FUNDS',
              portfolio: 'INVESCO Dynamics Fund',
              class: 'K',
              assetBasedSalesChargePct: '0.45',
              serviceFeePct: '0.25',
              aggregateFeePct: '0.70',
            },
            {
              registrant: 'AIM STOCK FUNDS',
              portfolio: 'INVESCO Small Company Growth Fund',
              class: 'K',
              assetBasedSalesChargePct: '0.45',
              serviceFeePct: '0.25',
              aggregateFeePct: '0.70',
            },
          ],
        },
      ],
      renames: [],
      complete: true,
    },
  },
  {
    file: 'h05b_invesco-classK-plan-amend3-htm-cut-inside-closing-quote-bytes.txt',
    text: 'AMENDMENT NO. 3\nTO THE\nMASTER DISTRIBUTION PLAN\n(CLASS K SHARES)\nThe Master Distribution Plan (the “Plan”), dated as of July 1, 2004, pursuant to Rule 12b-1, is hereby amended, effective October 15, 2004, as follows:\nSchedule A to the Plan is hereby deleted in its entirety and replaced with the following:\n“SCHEDULE A\nTO\nMASTER DISTRIBUTION PLAN\n(CLASS K SHARES)\n(DISTRIBUTION AND SERVICE FEES)\nThe Fund shall pay the Distributor as full compensation for all services rendered and all facilities furnished under the Distribution Plan for the Class K Shares of each Portfolio designated below, a Distribution Fee and a Service Fee determined by applying the annual rate set forth below to the average daily net assets of the Class K Shares of the Portfolio. |\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n\n|\n|Maximum\n|\n|\n|Asset\n|\n|\n|Based\n|Maximum\n|Maximum\n|Sales\n|Service\n|Aggregate\n|Portfolio — Class K Shares\n|Charge\n|Fee\n|Fee\nAIM COMBINATION STOCK & BOND FUNDS\n|\n|\n|\nINVESCO Core Equity Fund\n|0.45\n|%\n|0.25\n|%\n|0.70\n|%\nINVESCO Total Return Fund\n|0.45\n|%\n|0.25\n|%\n|0.70\n|%\nAIM STOCK FUNDS\n|\n|\n|\nINVESCO Dynamics Fund\n|0.45\n|%\n|0.25\n|%\n|0.70\n|%\nINVESCO Small Company Growth Fund\n|0.45\n|%\n|0.25\n|%\n|0.70\n|%',
    tailBytes: [226, 128],
    cut: true,
    expected: { readsOnlyInPart: 'Schedule A' },
  },
  {
    file: 'h05c_invesco-classK-plan-amend3-htm-cut-in-closing-clause.txt',
    text: 'AMENDMENT NO. 3\nTO THE\nMASTER DISTRIBUTION PLAN\n(CLASS K SHARES)\nThe Master Distribution Plan (the “Plan”), dated as of July 1, 2004, pursuant to Rule 12b-1, is hereby amended, effective October 15, 2004, as follows:\nSchedule A to the Plan is hereby deleted in its entirety and replaced with the following:\n“SCHEDULE A\nTO\nMASTER DISTRIBUTION PLAN\n(CLASS K SHARES)\n(DISTRIBUTION AND SERVICE FEES)\nThe Fund shall pay the Distributor as full compensation for all services rendered and all facilities furnished under the Distribution Plan for the Class K Shares of each Portfolio designated below, a Distribution Fee and a Service Fee determined by applying the annual rate set forth below to the average daily net assets of the Class K Shares of the Portfolio. |\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n\n|\n|Maximum\n|\n|\n|Asset\n|\n|\n|Based\n|Maximum\n|Maximum\n|Sales\n|Service\n|Aggregate\n|Portfolio — Class K Shares\n|Charge\n|Fee\n|Fee\nAIM COMBINATION STOCK & BOND FUNDS\n|\n|\n|\nINVESCO Core Equity Fund\n|0.45\n|%\n|0.25\n|%\n|0.70\n|%\nINVESCO Total Return Fund\n|0.45\n|%\n|0.25\n|%\n|0.70\n|%\nAIM STOCK FUNDS\n|\n|\n|\nINVESCO Dynamics Fund\n|0.45\n|%\n|0.25\n|%\n|0.70\n|%\nINVESCO Small Company Growth Fund\n|0.45\n|%\n|0.25\n|%\n|0.70\n|%”\nAll other terms and prov',
    cut: true,
    expected: {
      kind: 'plan-amendment',
      amendmentNumber: 3,
      effectiveDate: '2004-10-15',
      instrument: { kind: 'plan', classes: ['K'], datedAsOf: '2004-07-01', registrant: null },
      schedules: [
        {
          name: 'Schedule A',
          replacesEntirely: true,
          entries: [
            {
              registrant: 'AIM COMBINATION STOCK & BOND FUNDS',
              portfolio: 'INVESCO Core Equity Fund',
              class: 'K',
              assetBasedSalesChargePct: '0.45',
              serviceFeePct: '0.25',
              aggregateFeePct: '0.70',
            },
            {
              registrant: 'AIM COMBINATION STOCK & BOND FUNDS',
              portfolio: 'INVESCO Total Return Fund',
              class: 'K',
              assetBasedSalesChargePct: '0.45',
              serviceFeePct: '0.25',
              aggregateFeePct: '0.70',
            },
            {
              registrant: 'AIM STOCK FUNDS',
              portfolio: 'INVESCO Dynamics Fund',
              class: 'K',
              assetBasedSalesChargePct: '0.45',
              serviceFeePct: '0.25',
              aggregateFeePct: '0.70',
            },
            {
              registrant: 'AIM STOCK FUNDS',
              portfolio: 'INVESCO Small Company Growth Fund',
              class: 'K',
              assetBasedSalesChargePct: '0.45',
              serviceFeePct: '0.25',
              aggregateFeePct: '0.70',
            },
          ],
        },
      ],
      renames: [],
      complete: true,
    },
  },
  {
    file: 'h05d_invesco-classK-plan-amend3-htm-cut-before-closing-quote.txt',
    text: 'AMENDMENT NO. 3\nTO THE\nMASTER DISTRIBUTION PLAN\n(CLASS K SHARES)\nThe Master Distribution Plan (the “Plan”), dated as of July 1, 2004, pursuant to Rule 12b-1, is hereby amended, effective October 15, 2004, as follows:\nSchedule A to the Plan is hereby deleted in its entirety and replaced with the following:\n“SCHEDULE A\nTO\nMASTER DISTRIBUTION PLAN\n(CLASS K SHARES)\n(DISTRIBUTION AND SERVICE FEES)\nThe Fund shall pay the Distributor as full compensation for all services rendered and all facilities furnished under the Distribution Plan for the Class K Shares of each Portfolio designated below, a Distribution Fee and a Service Fee determined by applying the annual rate set forth below to the average daily net assets of the Class K Shares of the Portfolio. |\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n\n|\n|Maximum\n|\n|\n|Asset\n|\n|\n|Based\n|Maximum\n|Maximum\n|Sales\n|Service\n|Aggregate\n|Portfolio — Class K Shares\n|Charge\n|Fee\n|Fee\nAIM COMBINATION STOCK & BOND FUNDS\n|\n|\n|\nINVESCO Core Equity Fund\n|0.45\n|%\n|0.25\n|%\n|0.70\n|%\nINVESCO Total Return Fund\n|0.45\n|%\n|0.25\n|%\n|0.70\n|%\nAIM STOCK FUNDS\n|\n|\n|\nINVESCO Dynamics Fund\n|0.45\n|%\n|0.25\n|%\n|0.70\n|%\nINVESCO Small Company Growth Fund\n|0.45\n|%\n|0.25\n|%\n|0.70\n|%',
    cut: true,
    expected: { readsOnlyInPart: 'Schedule A' },
  },
  {
    file: 'h05e_invesco-classK-plan-amend3-htm-cut-inside-an-apostrophe.txt',
    text: 'AMENDMENT NO. 3\nTO THE\nMASTER DISTRIBUTION PLAN\n(CLASS K SHARES)\nThe Master Distribution Plan (the “Plan”), dated as of July 1, 2004, pursuant to Rule 12b-1, is hereby amended, effective October 15, 2004, as follows:\nSchedule A to the Plan is hereby deleted in its entirety and replaced with the following:\n“SCHEDULE A\nTO\nMASTER DISTRIBUTION PLAN\n(CLASS K SHARES)\n(DISTRIBUTION AND SERVICE FEES)\nThe Fund shall pay the Distributor as full compensation for all services rendered and all facilities furnished under the Distribution Plan for the Class K Shares of each Portfolio designated below, a Distribution Fee and a Service Fee determined by applying the annual rate set forth below to the average daily net assets of the Class K Shares of the Portfolio.|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n\n|\n|Maximum\n|\n|\n|Asset\n|\n|\n|Based\n|Maximum\n|Maximum\n|Sales\n|Service\n|Aggregate\n|Portfolio — Class K Shares\n|Charge\n|Fee\n|Fee\nAIM COMBINATION STOCK & BOND FUNDS\n|\n|\n|\nINVESCO Core Equity Fund\n|0.45\n|%\n|0.25\n|%\n|0.70\n|%\nINVESCO Total Return Fund\n|0.45\n|%\n|0.25\n|%\n|0.70\n|%\nAIM STOCK FUNDS\n|\n|\n|\nINVESCO Dynamics Fund\n|0.45\n|%\n|0.25\n|%\n|0.70\n|%\nINVESCO Small Company Growth Fund\n|0.45\n|%\n|0.25\n|%\n|0.70\n|%”\nAll other terms and provisions of the Plan not amended herein shall remain in full force and effect.\nIN WITNESS WHEREOF, AIM Combination Stock & Bond Funds and AIM Stock Funds, on behalf of each Portfolio',
    tailBytes: [226],
    cut: true,
    expected: {
      kind: 'plan-amendment',
      amendmentNumber: 3,
      effectiveDate: '2004-10-15',
      instrument: { kind: 'plan', classes: ['K'], datedAsOf: '2004-07-01', registrant: null },
      schedules: [
        {
          name: 'Schedule A',
          replacesEntirely: true,
          entries: [
            {
              registrant: 'AIM COMBINATION STOCK & BOND FUNDS',
              portfolio: 'INVESCO Core Equity Fund',
              class: 'K',
              assetBasedSalesChargePct: '0.45',
              serviceFeePct: '0.25',
              aggregateFeePct: '0.70',
            },
            {
              registrant: 'AIM COMBINATION STOCK & BOND FUNDS',
              portfolio: 'INVESCO Total Return Fund',
              class: 'K',
              assetBasedSalesChargePct: '0.45',
              serviceFeePct: '0.25',
              aggregateFeePct: '0.70',
            },
            {
              registrant: 'AIM STOCK FUNDS',
              portfolio: 'INVESCO Dynamics Fund',
              class: 'K',
              assetBasedSalesChargePct: '0.45',
              serviceFeePct: '0.25',
              aggregateFeePct: '0.70',
            },
            {
              registrant: 'AIM STOCK FUNDS',
              portfolio: 'INVESCO Small Company Growth Fund',
              class: 'K',
              assetBasedSalesChargePct: '0.45',
              serviceFeePct: '0.25',
              aggregateFeePct: '0.70',
            },
          ],
        },
      ],
      renames: [],
      complete: true,
    },
  },
  {
    file: 'h06_pioneer-plan-appendixA-B-cut-in-appendixB-table.txt',
    text: '<PAGE>\n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                \n                                   APPENDIX A\n                               DISTRIBUTION PLAN\n\n                                                         Applicable Percentage\n             Class of each Fund                                Per Annum\n\n                  Class A                                        0.25%\n\n                  Class B                                        1.00%\n\n                  Class C                                        1.00%\n\n\t\t Class R\t\t\t\t\t 0.50%\n\n\n\nNovember 2011\n\n<PAGE>\n                                   APPENDIX B\n                               DISTRIBUTION PLAN\n\n<TABLE>\n<S>\t<C>\nTrust\t\t\t\tFund\n-----\t\t\t\t----\nPioneer Bond Fund\t\tPioneer Bond Fund\nPioneer Fund\t\t\tPioneer Fund\nPioneer Mid Cap Value Fund\tPioneer Mid Cap Value Fund\nPioneer Series Trust II\t\tPioneer AMT-Free Mun',
    cut: true,
    expected: {
      kind: 'schedule',
      amendmentNumber: null,
      effectiveDate: '2011-11',
      instrument: { kind: 'plan', classes: ['A', 'B', 'C', 'R'], datedAsOf: null, registrant: null },
      schedules: [
        {
          name: 'Appendix A',
          replacesEntirely: false,
          entries: [
            {
              registrant: null,
              portfolio: '(all funds)',
              class: 'A',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: '0.25',
            },
            {
              registrant: null,
              portfolio: '(all funds)',
              class: 'B',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: '1.00',
            },
            {
              registrant: null,
              portfolio: '(all funds)',
              class: 'C',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: '1.00',
            },
            {
              registrant: null,
              portfolio: '(all funds)',
              class: 'R',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: '0.50',
            },
          ],
        },
        {
          name: 'Appendix B',
          replacesEntirely: false,
          entries: [
            {
              registrant: 'Pioneer Bond Fund',
              portfolio: 'Pioneer Bond Fund',
              class: null,
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: null,
            },
            {
              registrant: 'Pioneer Fund',
              portfolio: 'Pioneer Fund',
              class: null,
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: null,
            },
            {
              registrant: 'Pioneer Mid Cap Value Fund',
              portfolio: 'Pioneer Mid Cap Value Fund',
              class: null,
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: null,
            },
          ],
        },
      ],
      renames: [],
      complete: false,
    },
  },
  {
    file: 'h07_heritage-classB-scheduleA-2004-dots.txt',
    text: '                           HERITAGE SERIES TRUST\n                             CLASS B DISTRIBUTION PLAN\n\n                               AMENDED SCHEDULE A\n\n     The maximum annualized fee rate of the average daily net assets of the\nClass B shares of each Fund of the Heritage Series Trust shall be:\n\n     SMALL CAP STOCK FUND.......................................1.00%\n     VALUE EQUITY FUND..........................................1.00%\n     INTERNATIONAL EQUITY FUND..................................1.00%\n     MID CAP STOCK FUND.........................................1.00%\n     CORE EQUITY FUND...........................................1.00%\n\n\n\n\n\nDated:   April 3, 1995, as amended on August 30, 2002, November 14, 2003 and\non November 18, 2004.',
    cut: false,
    expected: {
      kind: 'schedule',
      amendmentNumber: null,
      effectiveDate: '2004-11-18',
      instrument: {
        kind: 'plan',
        classes: ['B'],
        datedAsOf: '1995-04-03',
        registrant: 'Heritage Series Trust',
      },
      schedules: [
        {
          name: 'Schedule A',
          replacesEntirely: false,
          entries: [
            {
              registrant: 'Heritage Series Trust',
              portfolio: 'SMALL CAP STOCK FUND',
              class: 'B',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: '1.00',
            },
            {
              registrant: 'Heritage Series Trust',
              portfolio: 'VALUE EQUITY FUND',
              class: 'B',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: '1.00',
            },
            {
              registrant: 'Heritage Series Trust',
              portfolio: 'INTERNATIONAL EQUITY FUND',
              class: 'B',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: '1.00',
            },
            {
              registrant: 'Heritage Series Trust',
              portfolio: 'MID CAP STOCK FUND',
              class: 'B',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: '1.00',
            },
            {
              registrant: 'Heritage Series Trust',
              portfolio: 'CORE EQUITY FUND',
              class: 'B',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: '1.00',
            },
          ],
        },
      ],
      renames: [],
      complete: true,
    },
  },
  {
    file: 'h08_pacificlife-classA-scheduleA-then-next-exhibit-cut.txt',
    text: '<PAGE>\n                                                               Exhibit (m)(1)(b)\n\n                    CLASS A DISTRIBUTION AND SERVICE PLAN\n\n                                   SCHEDULE A\n\n                            PF AIM Blue Chip Fund\n                        PF AIM Aggressive Growth Fund\n                       PF INVESCO Health Sciences Fund\n                          PF INVESCO Technology Fund\n                         PF Janus Strategic Value Fund\n                       PF Lazard International Value Fund\n                          PF MFS Mid-Cap Growth Fund\n                          PF PIMCO Managed Bond Fund\n                       PF Pacific Life Money Market Fund\n                          PF Putnam Equity Income Fund\n\n\nEffective:  September 28, 2001\n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n   \n<PAGE>\n                                                               Exhibit (m)(1)(c)\n\n                    CLASS A DISTRIBUTION AND SERVICE PLAN\n\n     WHEREAS, Pacific Funds (the "Tru',
    cut: true,
    expected: {
      kind: 'schedule',
      amendmentNumber: null,
      effectiveDate: '2001-09-28',
      instrument: { kind: 'plan', classes: ['A'], datedAsOf: null, registrant: null },
      schedules: [
        {
          name: 'Schedule A',
          replacesEntirely: false,
          entries: [
            {
              registrant: null,
              portfolio: 'PF AIM Blue Chip Fund',
              class: 'A',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: null,
            },
            {
              registrant: null,
              portfolio: 'PF AIM Aggressive Growth Fund',
              class: 'A',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: null,
            },
            {
              registrant: null,
              portfolio: 'PF INVESCO Health Sciences Fund',
              class: 'A',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: null,
            },
            {
              registrant: null,
              portfolio: 'PF INVESCO Technology Fund',
              class: 'A',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: null,
            },
            {
              registrant: null,
              portfolio: 'PF Janus Strategic Value Fund',
              class: 'A',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: null,
            },
            {
              registrant: null,
              portfolio: 'PF Lazard International Value Fund',
              class: 'A',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: null,
            },
            {
              registrant: null,
              portfolio: 'PF MFS Mid-Cap Growth Fund',
              class: 'A',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: null,
            },
            {
              registrant: null,
              portfolio: 'PF PIMCO Managed Bond Fund',
              class: 'A',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: null,
            },
            {
              registrant: null,
              portfolio: 'PF Pacific Life Money Market Fund',
              class: 'A',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: null,
            },
            {
              registrant: null,
              portfolio: 'PF Putnam Equity Income Fund',
              class: 'A',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: null,
            },
          ],
        },
      ],
      renames: [],
      complete: true,
    },
  },
  {
    file: 'h09_aim-classR-plan-amend1-htm-cut-in-footnote.txt',
    text: 'AMENDMENT NO. 1\nTO THE\nMASTER DISTRIBUTION PLAN\n(CLASS R SHARES)\nThe Master Distribution Plan (the “Plan”), dated as of June 3, 2002, pursuant to Rule 12b-1, is hereby amended, effective October 31, 2002, as follows:\nSchedule A to the Plan is hereby deleted in its entirety and replaced with the following:\n“SCHEDULE A\nTO\nMASTER DISTRIBUTION PLAN\n(CLASS R SHARES)\n(DISTRIBUTION AND SERVICE FEES)\nThe Fund shall pay the Distributor as full compensation for all services rendered and all facilities furnished under the Distribution Plan for the Class R Shares of each Portfolio designated below, a Distribution Fee* and a Service Fee determined by applying the annual rate set forth below to the average daily net assets of the Class R Shares of the Portfolio.|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n\n|\n|Minimum\n|\n|\n|Asset\n|\n|\n|Based\n|Maximum\n|Maximum\n|Sales\n|Service\n|Aggregate\n|AIM EQUITY FUNDS\n|Charge\n|Fee\n|Fee\nPortfolio — Class R Shares\n|\n|\n|\nAIM Blue Chip Fund\n|0.25\n|%\n|0.25\n|%\n|0.50\n|%\nAIM Charter Fund\n|0.25\n|%\n|0.25\n|%\n|0.50\n|%\n|*\n|The Distribution Fee is payable apart from the sales charge, if any, as stated in the current pros',
    cut: true,
    expected: {
      kind: 'plan-amendment',
      amendmentNumber: 1,
      effectiveDate: '2002-10-31',
      instrument: { kind: 'plan', classes: ['R'], datedAsOf: '2002-06-03', registrant: null },
      schedules: [
        {
          name: 'Schedule A',
          replacesEntirely: true,
          entries: [
            {
              registrant: 'AIM EQUITY FUNDS',
              portfolio: 'AIM Blue Chip Fund',
              class: 'R',
              assetBasedSalesChargePct: '0.25',
              serviceFeePct: '0.25',
              aggregateFeePct: '0.50',
            },
            {
              registrant: 'AIM EQUITY FUNDS',
              portfolio: 'AIM Charter Fund',
              class: 'R',
              assetBasedSalesChargePct: '0.25',
              serviceFeePct: '0.25',
              aggregateFeePct: '0.50',
            },
          ],
        },
      ],
      renames: [],
      complete: true,
    },
  },
  {
    file: 'h10_mainstay-classB-scheduleA-htm-cut-in-next-title.txt',
    text: 'THE MAINSTAY FUNDS\nPLAN OF DISTRIBUTION PURSUANT TO RULE 12b-1\nSCHEDULE A\nFOR CLASS B SHARES\n(As amended February 28, 2014)\nThis Schedule has been approved by the Board of Trustees of the Trust, including a majority of the Trustees who are not interested persons of the Trust and who have no direct or indirect financial interest in the operation of the Plan or in any agreements related to the Plan, at a meeting called for the purpose of voting on it. This Schedule has been approved by the Board of Trustees of the Trust, including a majority of the Trustees who are not interested persons of the Trust and who have no direct or indirect financial interest in the operation of the Plan or in any agreements related to the Plan, at a meeting called for the purpose of voting on it. This Schedule has been approved by the Board of Trustees of the Trust, including a majority of the Trustees who are not interested persons of the Trust and who have no direct or indirect financial interest in the operation of the Plan or in any agreements related to the Plan, at a meeting called for the purpose of voting on it. This Schedule has been approved by the Board of Trustees of the Trust, including a majority of the Trustees who are not interested persons of the Trust and who have no direct or indirect financial interest in the operation of the Plan or in any agreements related to the Plan, at a meeting called for the purpose of voting on it. This Schedule has been approved by the Board of Trustees of the Trust, including a majority of the Trustees who are not interested persons of the Trust and who\n|Fund\n|Distribution Fee\n|MainStay Common Stock Fund\n|.75%\n|MainStay Convertible Fund\n|.75%\n|MainStay Global High Income Fund\n|.75%\n|MainStay Government Fund\n|.75%\n|MainStay High Yield Corporate Bond Fund\n|.75%\n|MainStay International Equity Fund\n|.75%\n|MainStay Large Cap Growth Fund\n|.75%\n|MainStay MAP Fund\n|.75%\nTHE MAINSTAY FUNDS\nPLAN OF DISTRIBUTION PURSUANT TO RULE 12b-1\nSCHEDULE A\nFOR CLA',
    cut: true,
    expected: { readsOnlyInPart: 'Schedule A' },
  },
  {
    file: 'h11_manning-napier-exhibitA-htm-cut-in-signature.txt',
    text: 'EXHIBIT A\nTO THE\nMANNING & NAPIER FUND, INC.\nDISTRIBUTION PLAN\nFEE SCHEDULE\nAs of March 1, 2016\nSubject to the limitations imposed by Section 3 of the Plan, the current level of fees payable to the Distributor pursuant to Section 2 of the Plan are set forth below.\nThis Schedule has been approved by the Board of Trustees of the Trust, including a majority of the Trustees who are not interested persons of the Trust and who have no direct or indirect financial interest in the operation of the Plan or in any agreements related to the Plan, at a meeting called for the purpose of voting on it. This Schedule has been approved by the Board of Trustees of the Trust, including a majority of the Trustees who are not interested persons of the Trust and who have no direct or indirect financial interest in the operation of the Plan or in any agreements related to the Plan, at a meeting called for the purpose of voting on it. This Schedule has been approved by the Board of Trustees of the Trust, including a majority of the Trustees who are not interested persons of the Trust and who have no direct or indirect financial interest in the operation of the Plan or in any agreements related to the Plan, at a meeting called for the purpose of voting on it. This Schedule has been approved by the Board of Trustees of the Trust, including a majority of the Trustees who are not interested persons of the Trust and who have no direct or indirect financial interest in the operation of the Plan or in any\n|\nFunds and Class\n|\nMaximum Fees for Distribution Services\nand Service Activities\n|Target Income Series – Class K\n|0.25%\n|Target 2020 Series – Class K\n|0.25%\n|Target 2030 Series – Class K\n|0.25%\n|Pro-Blend Conservative Term Series – Class C\n|1.00%\n|Pro-Blend Moderate Term Series – Class C\n|1.00%\n|Pro-Blend Moderate Term Series – Class R\n|0.50%\nIN WITNESS WHEREOF, the Fund has caused this Exhibit A to be executed by its duly authorized officer.\nMANNING & NAPIER FUND, INC.\nBy: /s/ Jeff',
    cut: true,
    expected: {
      kind: 'schedule',
      amendmentNumber: null,
      effectiveDate: '2016-03-01',
      instrument: {
        kind: 'plan',
        classes: ['K', 'C', 'R'],
        datedAsOf: null,
        registrant: 'MANNING & NAPIER FUND, INC.',
      },
      schedules: [
        {
          name: 'Exhibit A',
          replacesEntirely: false,
          entries: [
            {
              registrant: 'MANNING & NAPIER FUND, INC.',
              portfolio: 'Target Income Series',
              class: 'K',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: '0.25',
            },
            {
              registrant: 'MANNING & NAPIER FUND, INC.',
              portfolio: 'Target 2020 Series',
              class: 'K',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: '0.25',
            },
            {
              registrant: 'MANNING & NAPIER FUND, INC.',
              portfolio: 'Target 2030 Series',
              class: 'K',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: '0.25',
            },
            {
              registrant: 'MANNING & NAPIER FUND, INC.',
              portfolio: 'Pro-Blend Conservative Term Series',
              class: 'C',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: '1.00',
            },
            {
              registrant: 'MANNING & NAPIER FUND, INC.',
              portfolio: 'Pro-Blend Moderate Term Series',
              class: 'C',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: '1.00',
            },
            {
              registrant: 'MANNING & NAPIER FUND, INC.',
              portfolio: 'Pro-Blend Moderate Term Series',
              class: 'R',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: '0.50',
            },
          ],
        },
      ],
      renames: [],
      complete: true,
    },
  },
  {
    file: 'h12_usaa-adviser-shares-scheduleA-htm-cut-mid-name.txt',
    text: 'USAA MUTUAL FUNDS TRUST\nAMENDED SCHEDULE A\nDISTRIBUTION AND SHAREHOLDER SERVICES PLAN\nDated: August 1, 2019|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n\n|Name of Fund\n|Distribution and Service (12b-1) Fee\n|attributable to Adviser Shares\n|(as a percentage of average daily net assets)\n|Aggressive Growth Fund\n|0.25%\n|California Bond Fund\n|0.25%\n|Capital Growth Fund\n|0.25%\n|Emerging Markets Fund\n|0.25%\n|Global Managed Volatility Fund\n|0.25%\n|Government Securi',
    cut: true,
    expected: { readsOnlyInPart: 'Schedule A' },
  },
  {
    file: 'h13_reserve-scheduleA-B-htm-cut-after-scheduleB.txt',
    text: 'Schedule A\nNew York Municipal Money-Market\nInterstate Tax-Exempt Fund\nSchedule B\n|Class\n|Distribution\n|R\n|0.20\n|Investor Class I\n|0.25\nThis  Schedule  has  been approved by the Board of Trustees of the Trust, including a majority of the Trustees who are not interested persons of the Trust and who have no direct or indirect financial interest in the operation of the Plan or in any agreements related to the Plan, at a meeting called for the purpose of voting on it. This Schedule has been approved by the Board of Trustees of the Trust, including a majority of the Trustees who are not interested persons of the Trust and who have no direct or indirect financial interest in the operation of the Plan or in any agreements related to the Plan, at a meeting called for the purpose of voting on it. This Schedule has been approved by the Board of Trustees of the Trust, including a majority of the Trustees who are not interested persons of the Trust and who have no direct or indirect financial interest in the operation of the Plan or in any agreements related to the Plan, at a meeting called for the purpose of voting on it. This Schedule has been approved by the Board of Trustees of the Trust, including a majority of the Trustees who are not interested persons of the Trust and who have no direct or indirect financial interest in the operation of the Plan or in any agreements related to the Plan, at a meeting called for the purpose of voting on it. This Schedule has been approved by the Board of Trustees of the Trust, including a majority of the Trustees who are not interested persons of the Trust and who have no direct or indirect financial interest in the operation of the Plan or in any agreements related to the Plan, at a meeting called for the purpose of voting on it. This Schedule has been approved by the Board of Trustees of the Trust, including a majority of the Trustees who are not interested persons of the Trust and who\nEffective as of this 31st day of July, 2007, as appr',
    cut: true,
    expected: {
      kind: 'schedule',
      amendmentNumber: null,
      effectiveDate: '2007-07-31',
      instrument: { kind: 'plan', classes: ['R', 'Investor Class I'], datedAsOf: null, registrant: null },
      schedules: [
        {
          name: 'Schedule A',
          replacesEntirely: false,
          entries: [
            {
              registrant: null,
              portfolio: 'New York Municipal Money-Market',
              class: null,
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: null,
            },
            {
              registrant: null,
              portfolio: 'Interstate Tax-Exempt Fund',
              class: null,
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: null,
            },
          ],
        },
        {
          name: 'Schedule B',
          replacesEntirely: false,
          entries: [
            {
              registrant: null,
              portfolio: '(each fund on Schedule A)',
              class: 'R',
              assetBasedSalesChargePct: '0.20',
              serviceFeePct: null,
              aggregateFeePct: null,
            },
            {
              registrant: null,
              portfolio: '(each fund on Schedule A)',
              class: 'Investor Class I',
              assetBasedSalesChargePct: '0.25',
              serviceFeePct: null,
              aggregateFeePct: null,
            },
          ],
        },
      ],
      renames: [],
      complete: false,
    },
  },
  {
    file: 'h14_aim-classA-plan-amend3-cut-inside-table-end-tag.txt',
    text: '<PAGE>   1\n                                                                  m(1)(d)\n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                                       \n                           \n                                AMENDMENT NO. 3\n                                       TO\n                               DISTRIBUTION PLAN\n                        OF AIM INTERNATIONAL FUNDS, INC.\n                                (CLASS A SHARES)\n\n\n     The Distribution Plan of AIM International Funds, Inc. (Class A Shares)\n(the "Plan"), dated as of June 15, 1998, is hereby amended, effective\nMarch 1, 1999, as follows:\n\n     Schedule A to the Plan is hereby deleted in its entirety and replaced\nwith the following:\n\n                                  "SCHEDULE A\n                                       TO\n                               DISTRIBUTION PLAN\n                        OF AIM INTERNATIONAL FUNDS, INC.\n                                (CLASS A SHARES)\n\n<TABLE>\n<CAPTION>\n                                      MAXIMUM\n                                     ASSET-BASED                MAXIMUM                   MAXIMUM\nCLASS A SHARES                      SALES CHARGE              SERVICE FEE              AGGREGATE FEE\n--------------                      ------------              -----------              -------------\n<S>                                 <C>                       <C>                      <C>\nAIM Asian Growth Fund                  0.25%                     0.25%                    0.35%\nAIM European Development Fund          0.25%                     0.25%                    0.35%\nAIM Global Aggressive Growth Fund      0.25%                     0.25%                    0.50%\nAIM International Equity Fund          0.25%                     0.25%                    0.30%"\n</TAB',
    cut: true,
    expected: {
      kind: 'plan-amendment',
      amendmentNumber: 3,
      effectiveDate: '1999-03-01',
      instrument: {
        kind: 'plan',
        classes: ['A'],
        datedAsOf: '1998-06-15',
        registrant: 'AIM International Funds, Inc.',
      },
      schedules: [
        {
          name: 'Schedule A',
          replacesEntirely: true,
          entries: [
            {
              registrant: 'AIM International Funds, Inc.',
              portfolio: 'AIM Asian Growth Fund',
              class: 'A',
              assetBasedSalesChargePct: '0.25',
              serviceFeePct: '0.25',
              aggregateFeePct: '0.35',
            },
            {
              registrant: 'AIM International Funds, Inc.',
              portfolio: 'AIM European Development Fund',
              class: 'A',
              assetBasedSalesChargePct: '0.25',
              serviceFeePct: '0.25',
              aggregateFeePct: '0.35',
            },
            {
              registrant: 'AIM International Funds, Inc.',
              portfolio: 'AIM Global Aggressive Growth Fund',
              class: 'A',
              assetBasedSalesChargePct: '0.25',
              serviceFeePct: '0.25',
              aggregateFeePct: '0.50',
            },
            {
              registrant: 'AIM International Funds, Inc.',
              portfolio: 'AIM International Equity Fund',
              class: 'A',
              assetBasedSalesChargePct: '0.25',
              serviceFeePct: '0.25',
              aggregateFeePct: '0.30',
            },
          ],
        },
      ],
      renames: [],
      complete: true,
    },
  },
  {
    file: 'h15_invesco-investor-class-plan-amend6-htm-cut-in-signature.txt',
    text: 'AMENDMENT NO. 6\nTO THE\nFIRST RESTATED MASTER DISTRIBUTION PLAN\n(INVESTOR CLASS SHARES)\nThe First Restated Master Distribution Plan (the “Plan”), dated as of July 1, 2008, pursuant to Rule 12b-1, is hereby amended, effective April 30, 2014, as follows:\nSchedule A to the Plan is hereby deleted and replaced in its entirety with the following:\n“SCHEDULE A\nTO THE\nFIRST RESTATED MASTER DISTRIBUTION PLAN\n(INVESTOR CLASS SHARES)\nAIM COUNSELOR SERIES TRUST\n(INVESCO COUNSELOR SERIES TRUST)\nPortfolio — Investor Class Shares\nInvesco American Franchise Fund\nInvesco Equity and Income Fund\nAIM SECTOR FUNDS\n(INVESCO SECTOR FUNDS)\nPortfolio — Investor Class Shares\nInvesco Dividend Income Fund\nInvesco Energy Fund\nInvesco Gold & Precious Metals Fund\nInvesco Technology Fund”\nAll other terms and provisions of the Plan not amended herein shall remain in full force and effect.\nThis Schedule has been approved by the Board of Trustees of the Trust, including a majority of the Trustees who are not interested persons of the Trust and who have no direct or indirect financial interest in the operation of the Plan or in any agreements related to the Plan, at a meeting called for the purpose of voting on it. This Schedule has been approved by the Board of Trustees of the Trust, including a majority of the Trustees who are not interested persons of the Trust and who have no direct or indirect financial interest in the operation of the Plan or in any agreements related to the Plan, at a meeting called for the purpose of voting on it. This Schedule has been approved by the Board of Trustees of the Trust, including a majority of the Trustees who are not interested persons of the Trust and who have no direct or indirect financial interest in the operation of the Plan or in any agreements related to the Plan, at\nIN WITNESS WHEREOF, each of the trusts named above has caused this Amendment to be executed by its duly authorized officer.\nOn behalf of each Trust listed on Schedule A\nBy: /s/ Phil',
    cut: true,
    expected: {
      kind: 'plan-amendment',
      amendmentNumber: 6,
      effectiveDate: '2014-04-30',
      instrument: { kind: 'plan', classes: ['Investor'], datedAsOf: '2008-07-01', registrant: null },
      schedules: [
        {
          name: 'Schedule A',
          replacesEntirely: true,
          entries: [
            {
              registrant: 'AIM COUNSELOR SERIES TRUST',
              portfolio: 'Invesco American Franchise Fund',
              class: 'Investor',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: null,
            },
            {
              registrant: 'AIM COUNSELOR SERIES TRUST',
              portfolio: 'Invesco Equity and Income Fund',
              class: 'Investor',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: null,
            },
            {
              registrant: 'AIM SECTOR FUNDS',
              portfolio: 'Invesco Dividend Income Fund',
              class: 'Investor',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: null,
            },
            {
              registrant: 'AIM SECTOR FUNDS',
              portfolio: 'Invesco Energy Fund',
              class: 'Investor',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: null,
            },
            {
              registrant: 'AIM SECTOR FUNDS',
              portfolio: 'Invesco Gold & Precious Metals Fund',
              class: 'Investor',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: null,
            },
            {
              registrant: 'AIM SECTOR FUNDS',
              portfolio: 'Invesco Technology Fund',
              class: 'Investor',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: null,
            },
          ],
        },
      ],
      renames: [],
      complete: true,
    },
  },
  {
    file: 'h16_aarp-funds-scheduleA-htm-restated-2007.txt',
    text: 'SCHEDULE\nA\nAARP FUNDS\nEffective: December 8, 2005\nAmended and Restated: July 28, 2006\nAmended and Restated: February 26, 2007\n|Name of Fund\n|Distribution and/or Service Fee\n(annual rate expressed as a percentage of average daily net assets)\n|AARP Conservative Fund\n|0.20\n|%\n|AARP Moderate Fund\n|0.20\n|%\n|AARP Aggressive Fund\n|0.20\n|%\n|AARP Income Fund\n|0.20\n|%\nA-1',
    cut: false,
    expected: {
      kind: 'schedule',
      amendmentNumber: null,
      effectiveDate: '2007-02-26',
      instrument: { kind: 'plan', classes: [], datedAsOf: '2005-12-08', registrant: 'AARP FUNDS' },
      schedules: [
        {
          name: 'Schedule A',
          replacesEntirely: false,
          entries: [
            {
              registrant: 'AARP FUNDS',
              portfolio: 'AARP Conservative Fund',
              class: null,
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: '0.20',
            },
            {
              registrant: 'AARP FUNDS',
              portfolio: 'AARP Moderate Fund',
              class: null,
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: '0.20',
            },
            {
              registrant: 'AARP FUNDS',
              portfolio: 'AARP Aggressive Fund',
              class: null,
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: '0.20',
            },
            {
              registrant: 'AARP FUNDS',
              portfolio: 'AARP Income Fund',
              class: null,
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: '0.20',
            },
          ],
        },
      ],
      renames: [],
      complete: false,
    },
  },
  {
    file: 'h17_virtus-classA-plan-amend-htm-scheduleA-cut-in-signature.txt',
    text: 'AMENDMENT NO. 9\nTO\nCLASS A SHARES AMENDED AND RESTATED DISTRIBUTION PLAN\nOF\nVIRTUS EQUITY TRUST\nTHIS AMENDMENT is made effective as of the 1st day of June, 2016, to the Class A Shares Amended and Restated Distribution Plan of Virtus Equity Trust, dated as of March 1, 2007 (the “Plan”).\nWHEREAS, the Trust desires to amend Schedule A to the Plan to reflect the addition of a new series;\nNOW, THEREFORE, Schedule A to the Plan is hereby deleted in its entirety and replaced with the Schedule A attached hereto.\nThis  Schedule  has been approved by the Board of Trustees of the Trust, including a majority of the Trustees who are not interested persons of the Trust and who have no direct or indirect financial interest in the operation of the Plan or in any agreements related to the Plan, at a meeting called for the purpose of voting on it. This Schedule has been approved by the Board of Trustees of the Trust, including a majority of the Trustees who are not interested persons of the Trust and who have no direct or indirect financial interest in the operation of the Plan or in any agreements related to the Plan, at a meeting called for the purpose of voting on it. This Schedule has been approved by the Board of Trustees of the Trust, including a majority of the Trustees who are not interested persons of the Trust and who have no direct or indirect financial interest in the operation of the Plan or in any agreements related to the Plan, at a meeting called for the purpose of voting on it. This Schedule has been approved by the Board\nIN WITNESS WHEREOF, the Trust has caused this Amendment to be executed by its duly authorized officer as of the day and year first above written.\nVIRTUS EQUITY TRUST\nBy: /s/ Francis G. Waltman\nName: Francis G. Waltman\nTitle: Executive Vice President\nSCHEDULE A\n|Fund\n|Fee\n|Virtus Contrarian Value Fund\n|0.25%\n|Virtus Growth & Income Fund\n|0.25%\n|Virtus Mid-Cap Core Fund\n|0.25%\n|Virtus Small-Cap Core Fund\n|0.25%\n|Virtus Strategic Growth Fund\n|0.25%',
    cut: true,
    expected: {
      kind: 'plan-amendment',
      amendmentNumber: 9,
      effectiveDate: '2016-06-01',
      instrument: {
        kind: 'plan',
        classes: ['A'],
        datedAsOf: '2007-03-01',
        registrant: 'Virtus Equity Trust',
      },
      schedules: [
        {
          name: 'Schedule A',
          replacesEntirely: true,
          entries: [
            {
              registrant: 'Virtus Equity Trust',
              portfolio: 'Virtus Contrarian Value Fund',
              class: 'A',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: '0.25',
            },
            {
              registrant: 'Virtus Equity Trust',
              portfolio: 'Virtus Growth & Income Fund',
              class: 'A',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: '0.25',
            },
            {
              registrant: 'Virtus Equity Trust',
              portfolio: 'Virtus Mid-Cap Core Fund',
              class: 'A',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: '0.25',
            },
            {
              registrant: 'Virtus Equity Trust',
              portfolio: 'Virtus Small-Cap Core Fund',
              class: 'A',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: '0.25',
            },
            {
              registrant: 'Virtus Equity Trust',
              portfolio: 'Virtus Strategic Growth Fund',
              class: 'A',
              assetBasedSalesChargePct: null,
              serviceFeePct: null,
              aggregateFeePct: '0.25',
            },
          ],
        },
      ],
      renames: [],
      complete: true,
    },
  },
];
