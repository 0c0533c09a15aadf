import type { ClassBLedgerState } from '../../src/class-b/monthPassColumns.js';

/** A ledger state's systematic withdrawal allowances when a test holds none. */
export function noSystematicWithdrawals(): ClassBLedgerState['systematicWithdrawals'] {
  return {
    count: 0,
    portfolio: new Int32Array(0),
    year: new Int32Array(0),
    allowanceUnits: new Float64Array(0),
    usedUnits: new Float64Array(0),
  };
}
