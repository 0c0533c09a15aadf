import cliProgress from 'cli-progress';
import type { CliContext } from './context.js';

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
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} {eta_formatted}`,
      stream: process.stderr,
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
