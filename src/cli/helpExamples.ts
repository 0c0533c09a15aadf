import type { Command } from 'commander';

/**
 * An example of each command, shown at the end of its `--help` (the CLI contract: every command
 * has `--help` describing its options, with an example). Keyed by the command as typed after
 * `plan12b`; `test/cli/every-command-help-has-an-example.test.ts` checks that every command has one
 * and that every key names a command. The names and dates are the demo's (`plan12b demo`), and the
 * files its feeds and exhibits as it writes them (`./plan12b-demo/…`): pasted where the demo ran,
 * beside its `./plan12b-data`, an example runs (test/demo checks the files are the demo's).
 */
export const HELP_EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  init: ['plan12b init --db ./plan12b-data'],
  'exhibit parse': [
    'plan12b exhibit parse plan12b-demo/exhibits/demo-06-class-a-amendment-2.txt --json',
    'plan12b exhibit parse plan12b-demo/exhibits/demo-06-class-a-amendment-2.txt --xlsx amendment-2-entries.xlsx',
  ],
  'exhibit import': [
    'plan12b exhibit import plan12b-demo/exhibits/demo-01-class-a-plan.txt plan12b-demo/exhibits/demo-04-class-a-amendment-1.txt',
    'plan12b exhibit import draft.txt --effective-date 2025-04-01 --class A',
    'plan12b exhibit import amendment-3.txt --amends "Fourth Amended and Restated Distribution and Service Plan (Reimbursement)"',
  ],
  'exhibit list': ['plan12b exhibit list --csv > exhibits.csv', 'plan12b exhibit list --xlsx exhibits.xlsx'],
  'exhibit withdraw': ['plan12b exhibit withdraw 1b00b051 --reason "imported the draft by mistake"'],
  'exhibit render': [
    'plan12b exhibit render --as-of 2025-06-30 --class B',
    'plan12b exhibit render plan.json',
  ],
  'exhibit diff': [
    'plan12b exhibit diff b085813c --csv',
    'plan12b exhibit diff b085813c --xlsx diff-b085813c.xlsx',
  ],
  schedule: [
    'plan12b schedule --as-of 2025-06-30 --class B --json',
    'plan12b schedule --as-of 2025-12-31 --xlsx schedule.xlsx',
  ],
  'portfolio history': [
    'plan12b portfolio history "Summit Small Cap Fund" --json',
    'plan12b portfolio history "Summit Small Cap Fund" --xlsx history.xlsx',
  ],
  'rates set': [
    'plan12b rates set --portfolio "Summit Small Cap Fund" --class B --from 2026-01-01 --distribution-fee 0.50 --reason "Board, 2025-12-11"',
  ],
  'rates list': ['plan12b rates list --csv'],
  'calendar business-day': ['plan12b calendar business-day --after 2025-12-31 --n 10 --json'],
  'calendar is-business-day': ['plan12b calendar is-business-day 2025-12-26'],
  'net-assets import': [
    'plan12b net-assets import plan12b-demo/net-assets-2025.csv',
    'plan12b net-assets import corrected-2025-03.csv --restate',
  ],
  fees: [
    'plan12b fees --from 2025-01-01 --to 2025-03-31 --json',
    'plan12b fees --from 2025-12-01 --to 2025-12-31 --portfolio "Summit Energy Fund" --daily --csv',
  ],
  journal: ['plan12b journal --month 2025-12 --csv > journal-2025-12.csv'],
  'providers import': ['plan12b providers import plan12b-demo/service-providers.csv'],
  'providers terminate': ['plan12b providers terminate --provider BNK-0001 --notice-date 2025-05-30'],
  'providers assign': [
    'plan12b providers assign --provider RPP-0001 --date 2025-09-15 --to "Keystone Retirement Services II"',
  ],
  'providers list': ['plan12b providers list --xlsx providers.xlsx'],
  'provider-assets import': ['plan12b provider-assets import plan12b-demo/provider-assets.csv'],
  'service-fees': [
    'plan12b service-fees --month 2025-12 --json',
    'plan12b service-fees --month 2025-12 --payments-csv pay.csv --statements statements/',
  ],
  'accounts import': ['plan12b accounts import plan12b-demo/class-b-accounts.csv'],
  'transactions import': ['plan12b transactions import plan12b-demo/class-b-transactions.csv'],
  'distributors import': ['plan12b distributors import plan12b-demo/class-b-distributors.csv'],
  'class-b-terms import': ['plan12b class-b-terms import class-b-terms.csv'],
  'class-b-terms list': [
    'plan12b class-b-terms list --json',
    'plan12b class-b-terms list --csv > class-b-terms.csv',
    'plan12b class-b-terms list --xlsx class-b-terms.xlsx',
  ],
  redemptions: [
    'plan12b redemptions --from 2025-12-01 --to 2025-12-31 --json',
    'plan12b redemptions --from 2025-01-01 --to 2025-12-31 --distributor "Summit Distributors, Inc." --xlsx redemptions.xlsx',
  ],
  lots: ['plan12b lots --account B100000 --as-of 2025-12-31 --csv'],
  conversions: ['plan12b conversions --month 2025-12 --json'],
  cdsc: [
    'plan12b cdsc --month 2025-12 --json',
    'plan12b cdsc --from 2025-01-01 --to 2025-12-31 --distributor "Summit Distributors, Inc." --csv',
  ],
  'transfers import': ['plan12b transfers import plan12b-demo/transfers.csv'],
  'transfers notice': ['plan12b transfers notice --transfer TR-2025-01 --received 2025-03-14'],
  'transfers list': ['plan12b transfers list --csv'],
  'transfers statement': [
    'plan12b transfers statement --assignee "Pinnacle Funding LLC" --month 2025-12 --pdf pinnacle-2025-12.pdf',
    'plan12b transfers statement --assignee "Pinnacle Funding LLC" --month 2025-12 --xlsx pinnacle-2025-12.xlsx',
  ],
  'omnibus import': ['plan12b omnibus import plan12b-demo/omnibus-months.csv'],
  'distributor-share': [
    'plan12b distributor-share --month 2025-06 --json',
    'plan12b distributor-share --month 2025-06 --recompute --csv',
  ],
  'monthly-calculation': [
    'plan12b monthly-calculation --month 2025-12 --pdf monthly-calculation-2025-12.pdf',
    'plan12b monthly-calculation --month 2025-12 --xlsx monthly-calculation-2025-12.xlsx',
  ],
  'what-if': [
    'plan12b what-if --portfolio "Summit Small Cap Fund" --class B --distribution-fee 0.50',
    'plan12b what-if --portfolio "Summit Energy Fund" --class A --distribution-fee 0.10 --service-fee 0.20 --from 2026-01-01 --json',
  ],
  'gross-sales import': ['plan12b gross-sales import plan12b-demo/gross-sales-2025.csv'],
  'prime-rate import': ['plan12b prime-rate import plan12b-demo/prime-rate.csv'],
  'finra-cap': ['plan12b finra-cap --class C --through 2025-12 --xlsx finra-cap-c.xlsx'],
  'expenditures import': ['plan12b expenditures import plan12b-demo/expenditures-2025.csv'],
  'board-report': [
    'plan12b board-report --quarter 2025Q4 --pdf board-report-2025Q4.pdf',
    'plan12b board-report --quarter 2025Q4 --xlsx board-report-2025Q4.xlsx',
  ],
  close: [
    'plan12b close --month 2025-12',
    'plan12b close --month 2025-11 --accept-ended "Summit Technology Fund:C"',
    'plan12b close show --month 2025-12 --csv --part monthly-calculation',
    'plan12b close show --month 2025-12 --part journal --xlsx journal-2025-12.xlsx',
    'plan12b close show --month 2025-12 --part service-fees --csv',
    'plan12b close show --month 2025-12 --part adjustments',
  ],
  'audit verify': ['plan12b audit verify --json', 'plan12b audit verify --anchor "$(cat anchor.txt)"'],
  'audit anchor': ['plan12b audit anchor > anchor.txt'],
  'audit log': ['plan12b audit log --action month.close --from 2025-01-01 --csv'],
  'approvals import': ['plan12b approvals import plan12b-demo/approvals.csv'],
  'approvals list': ['plan12b approvals list --csv'],
  continuance: ['plan12b continuance --as-of 2025-12-31 --json'],
  records: [
    'plan12b records --as-of 2025-12-31 --csv > records.csv',
    'plan12b records --as-of 2025-12-31 --json',
  ],
  'terminations import': ['plan12b terminations import plan12b-demo/terminations.csv'],
  'terminations list': ['plan12b terminations list --json'],
  terminate: [
    'plan12b terminate --portfolio "Summit Technology Fund" --class C --date 2025-11-01 --by trustees --reason "resolution of the Board of 2025-10-16"',
  ],
  'settings set': ['plan12b settings set approvals.enforce true'],
  'settings list': ['plan12b settings list --json'],
  demo: ['plan12b demo --db /tmp/plan12b-demo-db --out /tmp/plan12b-demo'],
  'tokens create': ['plan12b tokens create --name jane --role viewer'],
  'tokens list': ['plan12b tokens list'],
  'tokens revoke': ['plan12b tokens revoke jane'],
  serve: ['plan12b serve --port 8080'],
};

/** The command as typed after `plan12b` (`net-assets import`). */
export function commandKey(c: Command): string {
  const names: string[] = [];
  for (let x: Command | null = c; x?.parent; x = x.parent) names.unshift(x.name());
  return names.join(' ');
}

/** Adds each registered command's examples to the end of its `--help`. */
export function addHelpExamples(program: Command): void {
  program.commands.forEach(function add(c: Command) {
    const examples = HELP_EXAMPLES[commandKey(c)];
    if (examples !== undefined)
      c.addHelpText(
        'after',
        `\nExample${examples.length > 1 ? 's' : ''}:\n${examples.map((e) => `  $ ${e}`).join('\n')}`,
      );
    c.commands.forEach(add);
  });
}
