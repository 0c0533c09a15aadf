import type { LastHeldIssuance } from './lastHeldIssuance.js';
import type { Lot } from './lot.js';

/**
 * One account's share ledger as stored at a month end (issue 14 item 1; ledgerStateSchema.ts): its
 * lots after the close of `asOf` (the conversions due by then applied), the sequence of its next
 * issued lot, the arrival of its next lot in a portfolio, and the systematic-withdrawal allowances
 * of the year the state was written in (DOMAIN §4.3). What the share ledger resumes from
 * (`AccountBook.resumedFrom`) instead of replaying the account from its first transaction.
 */
export interface StoredAccountLedger {
  readonly account: string;
  /** the month end the state is the ledger at */
  readonly asOf: string;
  readonly lots: readonly Lot[];
  /**
   * the first issuances of Commission Shares of DOIs no longer held where they were
   * (lastHeldIssuance.ts): what a later reinvestment stating such a DOI follows (SPEC §6, §7)
   */
  readonly lastHeld: readonly LastHeldIssuance[];
  readonly nextSequence: number;
  readonly nextArrival: number;
  readonly systematicWithdrawals: readonly {
    readonly portfolioId: string;
    readonly year: number;
    /** DOMAIN §4.3: 12% of the account value at the year's first systematic withdrawal, in cents */
    readonly allowanceUnits: bigint;
    /** the gross proceeds of the year's waived systematic withdrawals so far, in cents */
    readonly usedUnits: bigint;
  }[];
}
