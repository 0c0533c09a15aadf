import { afterEach, beforeEach } from 'vitest';

/**
 * PGlite answers in the same thread, and its promises resolve without a turn of the event loop: a
 * file's tests on an embedded store can run for many seconds as one chain of microtasks, during
 * which the worker answers no message and fires no timer. Vitest's worker fails the run ("Timeout
 * calling onTaskUpdate") when a message of its own waits 60 s for its answer, which a chain of
 * 10 s on a quiet machine reaches at load ≈ 10 (hostile inputs: every PGlite test of the file in
 * one chain). A turn of the event loop before and after each test lets the worker keep up; it
 * waits for nothing else.
 */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
beforeEach(turn);
afterEach(turn);
