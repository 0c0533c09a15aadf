import { Writable } from 'node:stream';

/**
 * A stream that says it is a terminal (120 columns) and keeps what is drawn on it: a command's
 * progress bar is drawn on a terminal only (SPEC §11), so tests hand it one as `progressStream`.
 */
export function fakeTerminal(): {
  stream: Writable & { isTTY: boolean; columns: number };
  drawn: () => string;
} {
  let drawn = '';
  const stream = new Writable({
    write(chunk, _enc, cb) {
      drawn += chunk.toString();
      cb();
    },
  }) as Writable & { isTTY: boolean; columns: number };
  stream.isTTY = true;
  stream.columns = 120;
  return { stream, drawn: () => drawn };
}
