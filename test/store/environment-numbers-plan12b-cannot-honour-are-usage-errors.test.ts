import { describe, expect, it } from 'vitest';
import { defaultMaxBodyBytes } from '../../src/api/app.js';
import { maxInputBytes } from '../../src/cli/readInput.js';
import { Plan12bError } from '../../src/errors.js';
import { lockWaitMs, MAX_LOCK_WAIT_SECONDS } from '../../src/store/lockWait.js';
import { onDemandIdleMs } from '../../src/store/onDemandServe.js';
import { Mutex } from '../../src/store/writerLock.js';

function refusal(fn: () => unknown): Plan12bError {
  try {
    fn();
  } catch (e) {
    if (e instanceof Plan12bError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('numbers set by environment variables (SPEC §11, §12: exit codes from src/errors.ts)', () => {
  it('takes the default when the variable is unset or empty, and a plain number as given', () => {
    expect(lockWaitMs({})).toBe(30_000);
    expect(lockWaitMs({ PLAN12B_LOCK_WAIT_SECONDS: '' })).toBe(30_000);
    expect(lockWaitMs({ PLAN12B_LOCK_WAIT_SECONDS: '0' })).toBe(0);
    expect(lockWaitMs({ PLAN12B_LOCK_WAIT_SECONDS: ' 2.5 ' })).toBe(2500);
    expect(maxInputBytes({})).toBe(1024 ** 3);
    expect(maxInputBytes({ PLAN12B_MAX_INPUT_BYTES: '1000' })).toBe(1000);
    expect(defaultMaxBodyBytes({})).toBe(64 * 1024 * 1024);
    expect(defaultMaxBodyBytes({ PLAN12B_MAX_UPLOAD_BYTES: '1048576' })).toBe(1048576);
  });

  it.each(['abc', '-1', '1e9', '0x10', 'Infinity', String(MAX_LOCK_WAIT_SECONDS + 1)])(
    'refuses PLAN12B_LOCK_WAIT_SECONDS=%s as a usage error naming the variable, not a silent 30 s or an instant give-up',
    (v) => {
      const e = refusal(() => lockWaitMs({ PLAN12B_LOCK_WAIT_SECONDS: v }));
      expect(e.exitCode).toBe(64);
      expect(e.message).toContain('PLAN12B_LOCK_WAIT_SECONDS=');
      expect(e.message).toContain(`from 0 to ${MAX_LOCK_WAIT_SECONDS}`);
    },
  );

  it.each(['abc', '-1', '0', '1.5', '1e3'])(
    'refuses %s in PLAN12B_MAX_INPUT_BYTES and PLAN12B_MAX_UPLOAD_BYTES as a usage error, not a silent default',
    (v) => {
      const input = refusal(() => maxInputBytes({ PLAN12B_MAX_INPUT_BYTES: v }));
      expect(input.exitCode).toBe(64);
      expect(input.message).toContain('PLAN12B_MAX_INPUT_BYTES=');
      const upload = refusal(() => defaultMaxBodyBytes({ PLAN12B_MAX_UPLOAD_BYTES: v }));
      expect(upload.exitCode).toBe(64);
      expect(upload.message).toContain('PLAN12B_MAX_UPLOAD_BYTES=');
    },
  );

  it('a queued write told to wait longer than a timer holds still waits for its turn', async () => {
    const mutex = new Mutex();
    let release!: () => void;
    const held = mutex.run(() => new Promise<void>((r) => (release = r)));
    let refused = false;
    const queued = mutex.run(async () => 'ran', {
      ms: 1e12,
      refusal: () => {
        refused = true;
        return new Error('gave up');
      },
    });
    // a timer above 2^31-1 ms fires after 1 ms: give it ample time to (wrongly) fire
    await new Promise((r) => setTimeout(r, 50));
    expect(refused).toBe(false);
    release();
    await held;
    await expect(queued).resolves.toBe('ran');
  });

  it('an on-demand server told to idle longer than a timer holds idles as long as one holds, not 1 ms', () => {
    expect(onDemandIdleMs({ PLAN12B_AUTO_SERVE_IDLE_SECONDS: '1e9' })).toBe(MAX_LOCK_WAIT_SECONDS * 1000);
    expect(onDemandIdleMs({ PLAN12B_AUTO_SERVE_IDLE_SECONDS: '300' })).toBe(300_000);
    expect(onDemandIdleMs({})).toBe(120_000);
  });
});
