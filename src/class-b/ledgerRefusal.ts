/**
 * Activity the share ledger cannot apply: a redemption of more shares than held, a conversion
 * row that does not match what is due, a systematic withdrawal past its waiver limit. Names the
 * transaction and the field, and says what to do next; the feed turns it into a file/line error.
 */
export class LedgerRefusal extends Error {
  constructor(
    readonly txnId: string,
    readonly field: string,
    readonly reason: string,
    /** the portfolio the reason names by its id, for the feed to name as its users do */
    readonly portfolioId?: string,
  ) {
    super(`${txnId}: ${field}: ${reason}`);
    this.name = 'LedgerRefusal';
  }
}
