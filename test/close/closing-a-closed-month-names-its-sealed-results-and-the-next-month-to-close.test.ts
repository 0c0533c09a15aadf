import { describe, expect, it } from 'vitest';
import { assertClosable } from '../../src/close/closeOrder.js';
import { ERROR_CODES, Plan12bError } from '../../src/errors.js';

/**
 * Standing rule 7: an error says what to do next. `close --month 2025-12` on a closed month said
 * only "a closed month is sealed; corrections become prior-period adjustments in the next open
 * month", naming neither the command that shows the sealed month nor the month to close next.
 */
describe('closing a month already closed (SPEC §12)', () => {
  const refusal = (month: string, closed: string[]): Plan12bError => {
    try {
      assertClosable(month, { closed, firstNetAssetsMonth: closed[0] ?? null, first: false });
    } catch (e) {
      if (e instanceof Plan12bError) return e;
      throw e;
    }
    throw new Error(`${month} was closable`);
  };

  it('the last month closed: a conflict (67) naming close show for it and the month after it', () => {
    const e = refusal('2025-12', ['2025-10', '2025-11', '2025-12']);
    expect([e.code, ERROR_CODES[e.code].exit, e.message]).toEqual([
      'CONFLICT',
      67,
      '2025-12 is already closed',
    ]);
    // 2025-12 is the last closed: 2026-01 is next
    expect(e.hint).toBe(
      'a closed month is sealed: `plan12b close show --month 2025-12` shows its results; corrections become prior-period adjustments in the next month to close, 2026-01: `plan12b close --month 2026-01`',
    );
  });

  it('an earlier closed month: the next month to close is still the one after the last closed', () => {
    // 2025-10 … 2025-12 closed: 2025-11 is closed, and 2026-01 comes next
    expect(refusal('2025-11', ['2025-10', '2025-11', '2025-12']).hint).toBe(
      'a closed month is sealed: `plan12b close show --month 2025-11` shows its results; corrections become prior-period adjustments in the next month to close, 2026-01: `plan12b close --month 2026-01`',
    );
  });
});
