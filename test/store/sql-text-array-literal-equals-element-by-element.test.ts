import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sqlTextArrayLiteral } from '../../src/store/copyText.js';
import { hostile } from '../support/hostileStrings.js';

// The text[] literal a bulk read names its keys by: one join where no element needs escaping (the
// account names of a chunk, 100,000 at a time), the same text as each element quoted and escaped.

/** Each element double-quoted with `"` and `\` escaped, the literal's single quotes doubled. */
function elementByElement(values: readonly string[]): string {
  const elements = values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`);
  return `'{${elements.join(',').replace(/'/g, "''")}}'::text[]`;
}

describe('sqlTextArrayLiteral', () => {
  it('worked example: plain names joined, a quote or a backslash escaped, single quotes doubled', () => {
    expect(sqlTextArrayLiteral([])).toBe(`'{}'::text[]`);
    expect(sqlTextArrayLiteral(['A-1', "O'Brien", ''])).toBe(`'{"A-1","O''Brien",""}'::text[]`);
    expect(sqlTextArrayLiteral(['a"b', 'c\\d'])).toBe(`'{"a\\"b","c\\\\d"}'::text[]`);
  });

  it('is the element-by-element literal for any names, plain and hostile', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.stringMatching(/^[A-Z0-9' -]{0,8}$/), hostile), { maxLength: 20 }),
        (v) => {
          expect(sqlTextArrayLiteral(v)).toBe(elementByElement(v));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
