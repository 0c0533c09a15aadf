import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that took longest in a whole run (wall time in the lead's `.ci/run` of session 52, each
 * over 15 s), longest first. Without the durations of an earlier run (a clean clone: `npm ci` leaves
 * no Vitest cache), Vitest starts the largest files first, and a long file that is small in bytes
 * (the exhibit corpus bench, 16 s, was 606th of 616) could start when the other workers are almost
 * done, each then idle while it ends. A file missing from here only runs in Vitest's own order; a
 * name here that is no longer a file is ignored.
 */
export const HEAVIEST_FILES: readonly string[] = [
  'test/demo/demo-whole-story-conserves-every-split.test.ts',
  'test/cli/text-answers-fit-80-columns-with-every-figure.test.ts',
  'test/close/every-record-governing-a-closed-month-changed-by-sql-fails-verification.test.ts',
  'test/edgar/exhibit-fuzz-never-crashes.test.ts',
  'test/class-b/transactions-import-from-stored-ledger-matches-full-replay-both-dialects.test.ts',
  'test/cli/cli-query-via-serve-prints-what-in-process-prints.test.ts',
  'test/web/dashboard-in-chromium.test.ts',
  'test/cli/cli-on-demand-query-server-steps-aside.test.ts',
  'test/concurrency/killed-mid-import-or-mid-close-leaves-nothing-and-runs-again-both-stores.test.ts',
  'test/feeds/hostile-inputs-refused-cleanly.test.ts',
  'test/api/api-xlsx-of-every-report-is-the-cli-workbook-cell-by-cell.test.ts',
  'test/class-b/transactions-import-by-month-pass-matches-record-replay-both-dialects.test.ts',
  'test/concurrency/same-file-imported-by-processes-at-once-recorded-once-both-stores.test.ts',
  'test/store/server-database-defaults-change-no-answer.test.ts',
  'test/close/close-month-pass-columns-equal-record-reference-both-dialects.test.ts',
  'test/close/month-close-races-held-at-fault-points.test.ts',
  'test/edgar/bench-exhibit-corpus-imports-whole.test.ts',
  'test/web/dashboard-prior-period-adjustments-roles-and-stale-answers.test.ts',
  'test/api/api-contract-generated-from-openapi.test.ts',
  // session 54's files, not in a whole run's timings yet: by their CPU measured alone (session 55,
  // docs/PERFORMANCE.md), each well over 15 s of wall time in a run — the treasurer's keyboard walk
  // in Chromium (~15 s of CPU) and every route walked against its OpenAPI document (~12 s)
  'test/web/dashboard-a-treasurer-by-keyboard-and-on-a-phone.test.ts',
  'test/api/every-route-answers-as-its-openapi-document-says-on-the-demo.test.ts',
];

/**
 * Vitest's order (vitest.config.ts `sequence.sequencer`), with the {@link HEAVIEST_FILES} first,
 * longest first: each worker takes the next file when it ends one, so the long files started early
 * end while the short ones keep the other workers busy, and the run ends when its work does.
 */
export class HeaviestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = new Map(HEAVIEST_FILES.map((f, i) => [f, i]));
    const rankOf = (f: TestSpecification) =>
      rank.get(relative(f.project.config.root, f.moduleId).replaceAll('\\', '/')) ?? rank.size;
    // a stable sort: the files not listed keep Vitest's order, after the listed ones
    return sorted
      .map((f, i) => ({ f, i, r: rankOf(f) }))
      .sort((a, b) => a.r - b.r || a.i - b.i)
      .map(({ f }) => f);
  }
}
