/**
 * The purposes for which amounts under the Plan may be spent, as Plan §3 lists them ("expenses of
 * organizing and conducting sales seminars, advertising programs, finders fees, printing of
 * prospectuses … for other than existing shareholders, preparation and distribution of advertising
 * material and sales literature, supplemental payments to dealers and other institutions as
 * asset-based sales charges", service fees under §4, "the costs of administering the Plan", and
 * compensation for the Distributor's distribution-related services), plus the board-report
 * categories of issue 12 the text does not name (overhead of the Distributor, interest and
 * financing costs) and `other`. The board report (Plan §8) totals spending by these.
 */
export const EXPENDITURE_PURPOSES = [
  'dealer-compensation',
  'service-fees',
  'sales-seminars',
  'advertising',
  'finders-fees',
  'prospectus-printing',
  'sales-literature',
  'distributor-overhead',
  'interest-financing',
  'plan-administration',
  'distributor-compensation',
  'other',
] as const;
export type ExpenditurePurpose = (typeof EXPENDITURE_PURPOSES)[number];

/** What each purpose means, in the Plan's words where it has them (the board report's labels). */
export const PURPOSE_LABELS: Readonly<Record<ExpenditurePurpose, string>> = {
  'dealer-compensation':
    'Compensation to dealers and other institutions (supplemental payments as asset-based sales charges)',
  'service-fees': 'Service fees to service providers (Plan §4)',
  'sales-seminars': 'Organizing and conducting sales seminars',
  advertising: 'Advertising programs',
  'finders-fees': 'Finders fees',
  'prospectus-printing':
    'Printing and mailing of prospectuses, SAIs and reports to other than existing shareholders',
  'sales-literature': 'Preparation and distribution of advertising material and sales literature',
  'distributor-overhead': 'Overhead of the Distributor',
  'interest-financing': 'Interest and financing costs',
  'plan-administration': 'Costs of administering the Plan',
  'distributor-compensation': "Compensation for the Distributor's distribution-related services",
  other: 'Other',
};
