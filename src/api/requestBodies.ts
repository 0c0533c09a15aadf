import type { MiddlewareHandler } from 'hono';
import { envNumber } from '../envNumber.js';
import { Plan12bError, RetryLaterError } from '../errors.js';
import type { ApiEnv } from './apiEnv.js';

/**
 * The bytes of request bodies `plan12b serve` holds at once, across every request (hostile9).
 * Each upload may be as large as PLAN12B_MAX_UPLOAD_BYTES (64 MiB) and is held whole until its
 * route has run: ten clients sending 60 MiB at once made the server hold 600 MiB of bodies, and
 * more clients more, until the process was out of memory for everyone. A body is now counted from
 * its first byte (its Content-Length, when it states one, is taken before a byte is read) until its
 * request is answered; a body that would take the server past the budget is refused 503 with
 * `Retry-After` (DATABASE, exit 69: nothing read further, nothing written), the bodies already
 * held finishing undisturbed.
 */
export class BodyBudget {
  private held = 0;
  private most = 0;

  constructor(
    /** the most bytes of bodies held at once */
    readonly capacity: number,
  ) {}

  /** Counts `n` more bytes held, or says no (nothing counted) when they do not fit. */
  take(n: number): boolean {
    if (this.held + n > this.capacity) return false;
    this.held += n;
    this.most = Math.max(this.most, this.held);
    return true;
  }

  give(n: number): void {
    this.held -= n;
  }

  /** bytes of bodies held now */
  get inFlight(): number {
    return this.held;
  }

  /** the most bytes of bodies held at once so far */
  get peak(): number {
    return this.most;
  }
}

/** $PLAN12B_MAX_BODY_BYTES_IN_FLIGHT, else 256 MiB (four uploads of the default limit) or the upload limit if larger. */
export function defaultBodyBytesInFlight(maxBodyBytes: number, env: NodeJS.ProcessEnv = process.env): number {
  const budget = envNumber(
    'PLAN12B_MAX_BODY_BYTES_IN_FLIGHT',
    Math.max(256 * 1024 * 1024, maxBodyBytes),
    { min: 1, max: Number.MAX_SAFE_INTEGER, integer: true, unit: 'bytes' },
    env,
  );
  if (budget < maxBodyBytes)
    throw new Plan12bError(
      'USAGE',
      `PLAN12B_MAX_BODY_BYTES_IN_FLIGHT (${budget}) is less than PLAN12B_MAX_UPLOAD_BYTES (${maxBodyBytes}): an upload of the largest size could never be read`,
      'raise PLAN12B_MAX_BODY_BYTES_IN_FLIGHT to at least PLAN12B_MAX_UPLOAD_BYTES, or lower the upload limit',
    );
  return budget;
}

/** A request body larger than its route takes: HTTP 413, BAD_INPUT (nothing read further). */
export class BodyTooLargeError extends Plan12bError {
  constructor(message: string, hint: string) {
    super('BAD_INPUT', message, hint);
    this.name = 'BodyTooLargeError';
  }
}

/** An upload past PLAN12B_MAX_UPLOAD_BYTES. */
export function uploadTooLarge(maxBodyBytes: number): BodyTooLargeError {
  return new BodyTooLargeError(
    `the request body is larger than ${maxBodyBytes} bytes, the most plan12b accepts`,
    'split the file, or raise the limit with PLAN12B_MAX_UPLOAD_BYTES',
  );
}

function serverBusy(budget: BodyBudget): RetryLaterError {
  return new RetryLaterError(
    `the server is reading other requests' bodies (${budget.inFlight} bytes held; it holds at most ${budget.capacity} at once, PLAN12B_MAX_BODY_BYTES_IN_FLIGHT): this one was not read and nothing was written`,
    'send the request again after the Retry-After seconds; a file this large can also be split',
    1,
  );
}

/**
 * Reads a request's body whole before its route sees it, refusing it as soon as it passes `limit`
 * bytes (413, `tooLarge`) or would take the server past its `budget` (503, Retry-After) — by its
 * Content-Length before a byte is read, else (a chunked body) at the chunk that passes either. A
 * chunked body was read to the upload limit (64 MiB) before any cap looked at it, the 1 MiB of a
 * JSON route's included (hostile9). The bytes are held in the budget until the request is
 * answered. The rest of a refused body is not kept: the HTTP server discards it.
 */
export function readBodyWithin(
  limit: number,
  tooLarge: () => Plan12bError,
  budget: BodyBudget,
): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const raw = c.req.raw;
    if (!raw.body) return next();
    const length = raw.headers.get('content-length');
    const declared =
      length !== null && !raw.headers.has('transfer-encoding') && /^\d+$/.test(length.trim())
        ? Number(length)
        : undefined;
    if (declared !== undefined && declared > limit) throw tooLarge();
    let taken = 0;
    const take = (n: number) => {
      if (!budget.take(n)) throw serverBusy(budget);
      taken += n;
    };
    try {
      if (declared !== undefined) take(declared);
      const reader = raw.body.getReader();
      // one copy of the body: written in place when its length is stated, else joined once at
      // its end (a Request rebuilt around it, and the route's read of that, copied it twice more:
      // ten 60 MiB uploads held 928 MiB, four 756 MiB)
      const whole = declared === undefined ? undefined : new Uint8Array(declared);
      const chunks: Uint8Array[] = [];
      let size = 0;
      /** bytes written in place, in front of `chunks` */
      let filled = 0;
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          if (size + value.length > limit) throw tooLarge();
          if (size + value.length > taken) take(size + value.length - taken);
          if (whole !== undefined && chunks.length === 0 && size + value.length <= whole.length) {
            whole.set(value, size);
            filled = size + value.length;
          } else chunks.push(value);
          size += value.length;
        }
      } finally {
        reader.releaseLock();
      }
      let bytes: Uint8Array;
      if (whole !== undefined && size === whole.length) bytes = whole;
      else {
        bytes = new Uint8Array(size);
        let at = 0;
        if (whole !== undefined) {
          bytes.set(whole.subarray(0, filled));
          at = filled;
        }
        for (const chunk of chunks) {
          bytes.set(chunk, at);
          at += chunk.length;
        }
      }
      chunks.length = 0;
      // the route reads these bytes (Hono's body cache), never the request's stream again
      (c.req.bodyCache as { arrayBuffer?: Promise<ArrayBuffer> }).arrayBuffer = Promise.resolve(
        bytes.buffer as ArrayBuffer,
      );
      await next();
    } finally {
      budget.give(taken);
    }
  };
}
