/**
 * Rates an instrument states in its body rather than in a schedule (SPEC §2 "terms"):
 * Agreement SEVENTH(B) "an asset-based sales charge in an amount equal to 0.75% per annum" (also
 * printed "asset based", without the hyphen),
 * TENTH "a service fee in the amount of .25%", a plan's "may incur … expenses at the rates of .30%
 * per annum". A plan whose Schedule A carries the rates states
 * none, and its terms stay null (the Sixth A&R Plan's "maximum service fee … (0.25%)" in
 * Section 4 is a cap on what a service provider is paid, not the class's rate).
 */

import type { InstrumentTerms } from './exhibitDocument.js';
import type { ProseText } from './proseText.js';
import { readRateToken } from './rateToken.js';

const RATE = '(\\d{0,3}\\.?\\d{1,6})\\s*%';
// AIM Summit Fund's Class P plan, Section 2: "The Fund may incur, pursuant to the terms of this
// Distribution Plan, expenses at the rates of .30% per annum of the average daily net assets"
const DISTRIBUTION_FEE_RE = new RegExp(
  `\\b(?:(?:asset[-\\s]based\\s+sales\\s+charge|distribution\\s+fees?)\\s+(?:in\\s+an\\s+amount\\s+equal\\s+to|at\\s+(?:the|an)\\s+annual\\s+rate\\s+of|equal\\s+to)|may\\s+incur\\b[^.]{0,80}?\\bexpenses\\s+at\\s+(?:the|a)\\s+rates?\\s+of)\\s+${RATE}\\s+per\\s+annum`,
  'i',
);
const SERVICE_FEE_RE = new RegExp(
  `\\bservice\\s+fees?\\s+(?:in\\s+the\\s+amount\\s+of|at\\s+(?:the|an)\\s+annual\\s+rate\\s+of|equal\\s+to)\\s+${RATE}`,
  'i',
);

function rateOf(re: RegExp, text: string): string | null {
  const m = re.exec(text);
  return m ? (readRateToken(m[1]!)?.pct ?? null) : null;
}

/**
 * @example instrumentTerms({ text: 'a service fee in the amount of .25% of the average', lineAt: () => 1 })
 *   → { distributionFeePct: null, serviceFeePct: '0.25' }
 */
export function instrumentTerms(prose: ProseText): InstrumentTerms {
  return {
    distributionFeePct: rateOf(DISTRIBUTION_FEE_RE, prose.text),
    serviceFeePct: rateOf(SERVICE_FEE_RE, prose.text),
  };
}

// Kinetics' Exhibit A, over the funds it lists: "The Company, on behalf of the Funds and Classes,
// will pay the Distributor and/or any Recipient a distribution fee up to 0.50% of average daily net
// assets for the services set forth in the Plan."
const LEAD_IN_DISTRIBUTION_FEE_RE = new RegExp(
  `\\bdistribution\\s+fees?\\s+(?:of\\s+)?up\\s+to\\s+${RATE}\\s+of\\s+(?:the\\s+)?average\\s+daily\\s+net\\s+assets\\b`,
  'i',
);

/**
 * The rate a schedule filed on its own states in the lead-in over its list (SPEC §2.1: a plain
 * list's entries have no rate; the instrument's terms supply it) — read where its body states none.
 * @example scheduleLeadInTerms({ text: 'will pay the Distributor a distribution fee up to 0.50% of average daily net assets', lineAt: () => 1 })
 *   → { distributionFeePct: '0.50', serviceFeePct: null }
 */
export function scheduleLeadInTerms(leadIn: ProseText): InstrumentTerms {
  return {
    distributionFeePct:
      rateOf(DISTRIBUTION_FEE_RE, leadIn.text) ?? rateOf(LEAD_IN_DISTRIBUTION_FEE_RE, leadIn.text),
    serviceFeePct: rateOf(SERVICE_FEE_RE, leadIn.text),
  };
}
