/**
 * Each top-level command as `plan12b --help` lists it: its name, the term Commander shows for it
 * (with `[options]` and its arguments) and its description. `plan12b --help` is answered from this
 * table without loading a command module (src/cli/main.ts, `buildProgram`): loading them all cost
 * about three times the CPU of one command's help. `test/cli/program-help-*` checks that it says
 * exactly what the modules register, in the order of COMMAND_MODULES; a command added or
 * re-described there is added or re-described here.
 */
export const COMMAND_SUMMARIES: readonly {
  readonly name: string;
  readonly term: string;
  readonly description: string;
}[] = [
  {
    name: 'init',
    term: 'init [options]',
    description: 'create the database, or migrate it to the current schema',
  },
  {
    name: 'exhibit',
    term: 'exhibit',
    description: 'read, import and render EDGAR exhibits (plans, agreements, amendments)',
  },
  {
    name: 'schedule',
    term: 'schedule [options]',
    description:
      'the schedule entries in force on a date: rates, and the document and amendment they come from; an entry whose instrument had lapsed (continuance missed) is flagged, whatever approvals.enforce says',
  },
  { name: 'portfolio', term: 'portfolio', description: 'portfolios: identity across renames and moves' },
  { name: 'rates', term: 'rates', description: 'current rates set by the Board below the schedule maxima' },
  { name: 'calendar', term: 'calendar', description: 'the NYSE business-day calendar (SPEC §9)' },
  {
    name: 'net-assets',
    term: 'net-assets',
    description: 'daily net assets per class (the accrual base, SPEC §4)',
  },
  {
    name: 'fees',
    term: 'fees [options]',
    description: 'distribution and service fees per class and month over a date range (SPEC §4)',
  },
  {
    name: 'journal',
    term: 'journal [options]',
    description:
      "the month's general-ledger entries: daily 12b-1 accruals and the payment to the Distributor, balanced",
  },
  {
    name: 'providers',
    term: 'providers',
    description: 'service providers and their Service Agreements (Plan §4(b)–(g), §10)',
  },
  {
    name: 'provider-assets',
    term: 'provider-assets',
    description: "assets held by each service provider's customers per class per day (SPEC §5)",
  },
  {
    name: 'service-fees',
    term: 'service-fees [options]',
    description: "a month's service fees per provider and class, and what the Distributor keeps (Plan §4)",
  },
  {
    name: 'accounts',
    term: 'accounts',
    description:
      'transfer-agent accounts holding Class B shares: omnibus or not, dealer of record (Exhibit A 1.)',
  },
  {
    name: 'transactions',
    term: 'transactions',
    description:
      'transfer-agent Class B activity: purchase, reinvest, redeem, exchange_out/exchange_in, convert (SPEC §6)',
  },
  {
    name: 'distributors',
    term: 'distributors',
    description:
      "each portfolio's exclusive distributor of Class B shares and when (Exhibit A 2(a); NINETEENTH)",
  },
  {
    name: 'class-b-terms',
    term: 'class-b-terms',
    description:
      'prospectus terms of the Class B shares as data: CDSC schedules by portfolio and DOI, conversion periods, redemption fees (SPEC §6)',
  },
  {
    name: 'redemptions',
    term: 'redemptions [options]',
    description:
      'Class B redemptions: gross, CDSC, redemption fee, net, and the lot pieces (Agreement FOURTH(D))',
  },
  {
    name: 'lots',
    term: 'lots [options]',
    description:
      "an account's Class B lots: Commission Shares and Free Shares, DOI, cost, CDSC rate, conversion date",
  },
  {
    name: 'conversions',
    term: 'conversions [options]',
    description:
      'Class B shares due to convert to Class A at the end of a month, Free Shares pro rata (SPEC §6)',
  },
  {
    name: 'cdsc',
    term: 'cdsc [options]',
    description:
      "CDSC per portfolio and distributor over a month or a date range: the Distributor's Earned CDSC (FOURTH(D))",
  },
  {
    name: 'transfers',
    term: 'transfers',
    description: "Transfers of the Distributor's 12b-1 Share and Earned CDSC to Assignees (Agreement EIGHTH)",
  },
  {
    name: 'omnibus',
    term: 'omnibus',
    description: 'Omnibus Accounts: the sub-transfer agent’s monthly figures (Exhibit A 2(c))',
  },
  {
    name: 'distributor-share',
    term: 'distributor-share [options]',
    description:
      "the Distributor's 12b-1 Share per portfolio at each computation date, by rule (a), (b), (c) of Exhibit A",
  },
  {
    name: 'monthly-calculation',
    term: 'monthly-calculation [options]',
    description:
      "the Monthly Calculation (Agreement EIGHTH(C)): Distribution Fees, the Distributor's 12b-1 Share, Earned CDSC, each Assignee's portions",
  },
  {
    name: 'what-if',
    term: 'what-if [options]',
    description:
      "the annual effect of a hypothetical rate on a class's fees and on each payee (Distributor, Other Distributors, Assignees, service providers), from the recorded year; nothing is recorded",
  },
  {
    name: 'gross-sales',
    term: 'gross-sales',
    description:
      'new gross sales per portfolio, class and month, excluding reinvestments and exchanges (FINRA 2341)',
  },
  {
    name: 'prime-rate',
    term: 'prime-rate',
    description: "the prime rate, effective-dated (the FINRA cap's interest is prime + 1%)",
  },
  {
    name: 'finra-cap',
    term: 'finra-cap [options]',
    description:
      'the FINRA Rule 2341 aggregate cap ledger of a class, month by month: remaining amount, ABSC allowed',
  },
  {
    name: 'expenditures',
    term: 'expenditures',
    description: 'amounts spent under the Plan per portfolio and class, by purpose (Plan §3)',
  },
  {
    name: 'board-report',
    term: 'board-report [options]',
    description:
      'the quarterly report to the board (Plan §8): instruments in force, fees, amounts spent by purpose, FINRA cap, approvals, continuance',
  },
  {
    name: 'close',
    term: 'close [options] [show]',
    description:
      'close a month end to end (accruals, service fees, Class B, the Monthly Calculation, the journal, prior-period adjustments) in one transaction, and seal it; `close show --month M` prints a closed month after verifying its seal (exit 69 if it does not verify)',
  },
  { name: 'audit', term: 'audit', description: 'the append-only, hash-chained audit log (SPEC §12)' },
  {
    name: 'approvals',
    term: 'approvals',
    description: 'approvals and votes of the Board and of class shareholders (Plan §§5–7, §9, §11)',
  },
  {
    name: 'records',
    term: 'records [options]',
    description:
      'Rule 12b-1(f) records as of a date: every plan, agreement, amendment, related agreement and quarterly report (Plan §8) the fund keeps, the votes on each up to the date, and the days each is kept through (six years from its date, the first two easily accessible)',
  },
  {
    name: 'continuance',
    term: 'continuance [options]',
    description:
      'every instrument with its next continuance deadline (Plan §7; Agreement FOURTEENTH), the approval that met each past one, and lapses; one superseded by an Amended and Restated instrument needs none from its date',
  },
  {
    name: 'terminations',
    term: 'terminations',
    description: 'terminations of the Plan (Plan §9) or the Agreement (FIFTEENTH) per portfolio or class',
  },
  {
    name: 'terminate',
    term: 'terminate [options]',
    description:
      'terminate the Plan (Plan §9) or the Agreement (FIFTEENTH(A)) for a portfolio (or all) and a class (or all) from a date',
  },
  {
    name: 'settings',
    term: 'settings',
    description: 'governance settings (approvals.enforce, continuance.*)',
  },
  {
    name: 'demo',
    term: 'demo [options]',
    description:
      'the whole story on a synthetic complex of its own: exhibits, net assets, service providers, Class B activity with a change of distributor, two Assignees, approvals and votes, a termination, gross sales and expenditures; every month of 2025 closed; the Monthly Calculation and 2025Q4 board report PDFs',
  },
  {
    name: 'tokens',
    term: 'tokens',
    description: 'API tokens for `plan12b serve`: each has a name and a role; stored hashed',
  },
  {
    name: 'serve',
    term: 'serve [options]',
    description:
      'serve the HTTP API (OpenAPI at /openapi.json) and the dashboard; requests need a token (`plan12b tokens create`)',
  },
];
