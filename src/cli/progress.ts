import cliProgress from 'cli-progress';
import type { FeedProgress, FeedProgressListener } from '../import/feedImport.js';
import type { CliContext } from './context.js';
import { yieldToOwnBar } from './workingBar.js';

export interface Progress {
  tick(n?: number): void;
  stop(): void;
}

/**
 * A progress bar on a terminal for long work; silent when stderr is piped or for short work
 * (SPEC §11: long work shows a progress bar on a terminal and stays quiet when piped).
 */
export function startProgress(ctx: CliContext, label: string, total: number, minTotal = 20): Progress {
  if (!ctx.interactive || total < minTotal) return { tick() {}, stop() {} };
  yieldToOwnBar();
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} {eta_formatted}`,
      stream: ctx.progressStream ?? process.stderr,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    tick: (n = 1) => bar.increment(n),
    stop: () => bar.stop(),
  };
}

/** What each phase of a feed import is called on its bar. */
const FEED_PHASE_LABELS: Record<FeedProgress['phase'], string> = {
  reading: 'reading rows',
  checking: 'checking rows',
  writing: 'writing rows',
  ledgers: 'checking ledgers (accounts)',
};

/** Files of fewer rows import in a blink: no bar. */
const FEED_PROGRESS_MIN_ROWS = 1_000;

/**
 * A feed import's progress on a terminal (SPEC §11, rule 7): a bar per phase (reading, checking,
 * writing; a transactions file's ledger chunks), advanced as the import tells it (a slice or a
 * chunk at a time). Nothing at all when stderr is not a terminal, under --json, or for a short
 * file: `onProgress` is then undefined and the import is not called back. Always `stop()` it.
 */
function startFeedProgress(
  ctx: CliContext,
  file: string,
  json: boolean | undefined,
): { onProgress?: FeedProgressListener; stop(): void } {
  if (!ctx.interactive || json === true) return { stop() {} };
  let phase: FeedProgress['phase'] | null = null;
  let bar: Progress | null = null;
  let shown = 0;
  // the rows of the file, known once the reading phase has told its total: a short file shows nothing
  let rows: number | null = null;
  const stop = () => {
    bar?.stop();
    bar = null;
  };
  return {
    onProgress(p) {
      if (p.phase === 'reading' || rows === null) rows = p.total;
      if (rows < FEED_PROGRESS_MIN_ROWS) return;
      if (p.phase !== phase || bar === null) {
        stop();
        phase = p.phase;
        shown = 0;
        bar = startProgress(ctx, `${file}: ${FEED_PHASE_LABELS[p.phase]}`, p.total, 1);
      }
      if (p.done > shown) {
        bar.tick(p.done - shown);
        shown = p.done;
      }
    },
    stop,
  };
}

/**
 * Runs a feed import with its progress bar (see {@link startFeedProgress}): `fn` is given the
 * options to pass the import (`{ onProgress }` on a terminal, `{}` otherwise); the bar is always stopped.
 */
export async function withFeedProgress<T>(
  ctx: CliContext,
  file: string,
  json: boolean | undefined,
  fn: (progress: { onProgress?: FeedProgressListener }) => Promise<T>,
): Promise<T> {
  const bar = startFeedProgress(ctx, file, json);
  try {
    return await fn(bar.onProgress ? { onProgress: bar.onProgress } : {});
  } finally {
    bar.stop();
  }
}

/**
 * Runs long work that tells its progress as steps done of a total (a what-if's months): a bar on
 * a terminal, started at the first step told; nothing when stderr is not a terminal or under
 * --json (SPEC §11). `fn` is given the listener to pass the work (undefined when nothing is drawn);
 * the bar is always stopped.
 */
export async function withStepProgress<T>(
  ctx: CliContext,
  label: string,
  json: boolean | undefined,
  fn: (onStep?: (done: number, total: number) => void) => Promise<T>,
): Promise<T> {
  if (!ctx.interactive || json === true) return fn(undefined);
  // started by the listener (a closure): not narrowed to null here
  let bar = null as Progress | null;
  let shown = 0;
  try {
    return await fn((done, total) => {
      bar ??= startProgress(ctx, label, total, 1);
      if (done > shown) {
        bar.tick(done - shown);
        shown = done;
      }
    });
  } finally {
    bar?.stop();
  }
}

/**
 * Long work told as named steps (a month close's parts, the demo's stages): on a terminal one bar,
 * `LABEL [████░░] 3/6 the step under way`, advanced as each step starts and cleared at the end;
 * nothing when stderr is not a terminal or under --json (SPEC §11). It replaced a line per step,
 * which scrolled the terminal and was no bar. `total` is the most steps there can be: `stop()`
 * fills the bar whatever was skipped. Always `stop()` it.
 */
export function startStepBar(
  ctx: CliContext,
  label: string,
  total: number,
  json: boolean | undefined,
): { step(title: string): void; stop(): void } {
  if (!ctx.interactive || json === true) return { step() {}, stop() {} };
  let bar: cliProgress.SingleBar | null = null;
  return {
    step(title) {
      if (bar === null) {
        yieldToOwnBar();
        bar = new cliProgress.SingleBar(
          {
            format: `${label} [{bar}] {value}/{total} {step}`,
            stream: ctx.progressStream ?? process.stderr,
            hideCursor: true,
            clearOnComplete: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0, { step: title });
      } else bar.increment(1, { step: title });
    },
    stop() {
      if (bar === null) return;
      bar.update(total);
      bar.stop();
      bar = null;
    },
  };
}
