import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TestSpecification } from 'vitest/node';
import { HEAVIEST_FILES, HeaviestFirst } from '../support/heaviestFirst.js';

const root = join(import.meta.dirname, '..', '..');

/** A specification as the sequencer reads it: its file and its project's root. */
const spec = (file: string) =>
  ({
    moduleId: join(root, file),
    project: { name: '', config: { root, sequence: { groupOrder: 0 }, isolate: false } },
  }) as unknown as TestSpecification;

describe('the suite starts its longest files first (vitest.config.ts sequence)', () => {
  it('every file named as one of the longest is a test file of the suite', () => {
    expect(HEAVIEST_FILES.filter((f) => !existsSync(join(root, f)))).toEqual([]);
    expect(new Set(HEAVIEST_FILES).size).toBe(HEAVIEST_FILES.length);
  });

  it('the listed files come first in the order listed, the others after them in the order Vitest gave', async () => {
    // no cache: Vitest's own order is the order given (no file has a size or a duration known)
    const cache = { getFileTestResults: () => undefined, getFileStats: () => undefined };
    const sequencer = new HeaviestFirst({ cache, config: { root } } as never);
    const others = ['test/a-first.test.ts', 'test/b-second.test.ts', 'test/c-third.test.ts'];
    const [first, second] = [HEAVIEST_FILES[0]!, HEAVIEST_FILES[1]!];
    // given: other, second listed, other, first listed, other
    const given = [others[0]!, second, others[1]!, first, others[2]!].map(spec);
    const sorted = (await sequencer.sort(given)).map((s) => s.moduleId);
    // expected: the two listed (first, second), then the three others as given
    expect(sorted).toEqual([first, second, ...others].map((f) => join(root, f)));
  });
});
