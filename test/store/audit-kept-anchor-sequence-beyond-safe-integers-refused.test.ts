import { describe, expect, it } from 'vitest';
import { parseKeptAnchor } from '../../src/audit/auditVerification.js';

/**
 * `audit verify --anchor SEQ:HASH` (and GET /api/audit/verify?anchor=): a sequence number no
 * record can have (beyond 2^53 − 1, where Number rounds it) is not an anchor plan12b printed:
 * refused as such (a usage error), not compared rounded and reported as a truncated log.
 */
describe('a kept anchor’s sequence number', () => {
  const hash = 'ab'.repeat(32);
  it('is read exactly up to the largest safe integer', () => {
    expect(parseKeptAnchor(`42:${hash}`)).toEqual({ seq: 42, hash });
    expect(parseKeptAnchor(hash)).toEqual({ seq: null, hash });
    expect(parseKeptAnchor(`9007199254740991:${hash}`)).toEqual({ seq: 9007199254740991, hash });
  });
  it('beyond it, is no anchor', () => {
    expect(parseKeptAnchor(`9007199254740993:${hash}`)).toBeNull();
    expect(parseKeptAnchor(`99999999999999999999999:${hash}`)).toBeNull();
  });
});
