/**
 * A query that reads for seconds (6–8 s on the demo and bench stores, standing rule 7's leftovers)
 * showed nothing on a terminal until its answer, and a person could not tell it from a hang. Its read (`withReadSnapshot`, src/cli/context.ts) runs with this bar: on a terminal,
 * once the read has taken `delayMs`, `plan12b cdsc: reading the store [  ███      ] 3 s`, a block
 * moving to and fro (a query cannot tell how much is left) and the seconds so far, redrawn each
 * `tickMs`, and cleared before the answer is printed. Nothing when stderr is not a terminal (piped),
 * under --json, or for a read shorter than `delayMs` (most queries answer in well under a second).
 * Its timer never keeps the process alive.
 */

export interface WorkingBarOptions {
  /** where it is drawn: a terminal's stream (stderr) */
  readonly stream: NodeJS.WritableStream;
  /** what is under way, e.g. `plan12b cdsc: reading the store` */
  readonly label: string;
  /** nothing is drawn before this much time (ms) */
  readonly delayMs?: number;
  /** how often it is redrawn (ms) */
  readonly tickMs?: number;
  /** the clock (tests) */
  readonly now?: () => number;
}

const WIDTH = 20;
const BLOCK = 4;

/** The bar at tick `n`: a block of BLOCK cells moving across WIDTH cells and back. */
export function workingBarCells(n: number): string {
  const span = WIDTH - BLOCK;
  const at = n % (2 * span);
  const start = at <= span ? at : 2 * span - at;
  return `${' '.repeat(start)}${'█'.repeat(BLOCK)}${' '.repeat(WIDTH - BLOCK - start)}`;
}

/** The working bar drawn now, if any (one command runs in a process at a time). */
let current: { stop(): void } | undefined;

/**
 * A bar of the command's own (progress.ts: `what-if`'s months, `audit verify`'s closed months)
 * takes over the terminal line: the working bar is cleared and drawn no more.
 */
export function yieldToOwnBar(): void {
  current?.stop();
}

/** Starts the bar; `stop()` clears what was drawn (and draws nothing more). */
export function startWorkingBar(opts: WorkingBarOptions): { stop(): void } {
  const now = opts.now ?? Date.now;
  const started = now();
  const delayMs = opts.delayMs ?? 1_000;
  const tickMs = opts.tickMs ?? 250;
  let ticks = 0;
  let drawn = false;
  let stopped = false;
  const draw = () => {
    if (stopped) return;
    const seconds = Math.floor((now() - started) / 1000);
    opts.stream.write(`\r\x1b[2K${opts.label} [${workingBarCells(ticks++)}] ${seconds} s`);
    drawn = true;
  };
  let interval: NodeJS.Timeout | undefined;
  const delay = setTimeout(() => {
    draw();
    interval = setInterval(draw, tickMs);
    interval.unref();
  }, delayMs);
  delay.unref();
  const bar = {
    stop() {
      if (stopped) return;
      stopped = true;
      if (current === bar) current = undefined;
      clearTimeout(delay);
      if (interval) clearInterval(interval);
      if (drawn) opts.stream.write('\r\x1b[2K');
    },
  };
  current = bar;
  return bar;
}
