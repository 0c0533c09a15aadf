import { describe, expect, it } from 'vitest';
import { Plan12bError } from '../../src/errors.js';
import { checkPrintableActor } from '../../src/store/actor.js';

// Hostile run (SPEC §12: the actor the user states, `--actor` / PLAN12B_ACTOR): a 10,000-character
// `--actor` was refused (64) with all 10,000 characters echoed in the message, and one holding a
// bidirectional override was quoted as is, printing the message around it reversed.
function refusal(actor: string): Plan12bError {
  try {
    checkPrintableActor(actor);
  } catch (e) {
    if (e instanceof Plan12bError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('a refused actor', () => {
  it('is quoted by its first 200 characters and its length', () => {
    const e = refusal('x'.repeat(10_000));
    expect(e.exitCode).toBe(64);
    expect(e.message).toBe(
      `actor "${'x'.repeat(200)}…" (10,000 characters) is not a name (printable, 1–200 characters)`,
    );
  });

  it('is quoted with its invisible characters written out', () => {
    const e = refusal('Jane\u202eDoe');
    expect(e.message).toBe('actor "Jane\\u202eDoe" is not a name (printable, 1–200 characters)');
  });
});
