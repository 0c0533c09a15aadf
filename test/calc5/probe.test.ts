import { it } from 'vitest';
import { replayAccount } from '../../src/class-b/classBLedger.js';
import { createClassBTerms, createConversionPeriod } from '../../src/class-b/classBTerms.js';
import { buy, exchange, ledgerJson, redeem, reinvest } from '../class-b/support/activity.js';
import { createFreeShareAttribution } from '../../src/class-b/freeShareAttribution.js';

it('probe conv', () => {
  const terms = createClassBTerms({ conversionPeriods: [createConversionPeriod({ portfolioId: 'seven', years: 7 })] });
  const act = [
    buy('P1', '2004-02-29', 'seven', '100', '10.00'),
    buy('P2', '2004-02-29', 'eight', '100', '10.00'),
    buy('P3', '2005-03-10', 'eight', '100', '10.00'),
    reinvest('R1', '2005-12-30', 'eight', '30', '10.00'),
    exchange('E1', '2006-05-01', ['seven', '100', '10.00'], ['eight', '50', '20.00']),
    redeem('X1', '2011-02-28', 'eight', '10', '20.00'),
  ];
  const l = replayAccount('acct', act, terms, { until: '2012-03-31' });
  const j = ledgerJson(l);
  console.log(JSON.stringify({ c: j.conversions, r: j.redemptions, lots: j.lots }, null, 0));
});
