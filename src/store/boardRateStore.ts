/**
 * @deprecated `rates set` goes through the state-change door now (src/import/boardRateChange.ts);
 * its SQL is in the board-rates repository (boardRatesRepository.ts). Kept so that callers of the
 * old path keep working.
 */
export { setBoardRate } from '../import/boardRateChange.js';
