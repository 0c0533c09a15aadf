/**
 * The WebAssembly memory of a closed embedded store, handed to the next store this process opens.
 *
 * PGlite gives every store a new `WebAssembly.Memory` of 128 MB. V8 counts it as external memory
 * and answers each new one with a full mark-compact of the JavaScript heap, whose cost grows with
 * the live heap: an open that costs ~0.2 s of CPU in a small process costs ~0.5 s with ~150 MB of
 * live objects, about half of it that collection (docs/PERFORMANCE.md, "A closed store's memory
 * for the next open"). A process that opens stores one after another (`plan12b demo`, the test
 * suite's workers, a benchmark) instead hands a closed store's memory, zeroed — the state a new
 * memory has — to the next. PGlite creates the memory itself, so the constructor is replaced
 * once: it takes a kept memory made with the same description, or makes a new one as before. A
 * memory is kept only after its store has closed (its PostgreSQL will never run again), at most
 * two, and only while small (a store grown to hundreds of MB gives its memory back to V8).
 */

interface Description {
  readonly initial: number;
  readonly maximum?: number;
  readonly shared?: boolean;
}

/** what of a `WebAssembly.Memory` this module uses (the project's TypeScript has no WebAssembly types) */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmMemoryConstructor {
  new (description: Description): WasmMemory;
  prototype: WasmMemory;
}
const wasm = (globalThis as unknown as { WebAssembly: { Memory: WasmMemoryConstructor } }).WebAssembly;

/** the largest memory kept (bytes): zeroing costs ~0.2 ms a MB, and a kept one stays resident */
const KEPT_MAX_BYTES = 256 * 1024 * 1024;
const KEPT_MAX_COUNT = 2;

const made = new WeakMap<WasmMemory, Description>();
const kept: { memory: WasmMemory; description: Description }[] = [];
let installed = false;
let handedOn = 0;

function sameDescription(a: Description, b: Description): boolean {
  return a.initial === b.initial && a.maximum === b.maximum && !a.shared && !b.shared;
}

/** Replaces `WebAssembly.Memory` (once per process) with the constructor that takes kept memories. */
export function installPgliteMemoryPool(): void {
  if (installed) return;
  installed = true;
  const Real = wasm.Memory;
  function Memory(description: Description): WasmMemory {
    const d: Description = {
      initial: description.initial,
      maximum: description.maximum,
      shared: description.shared,
    };
    const at = kept.findIndex((k) => sameDescription(k.description, d));
    if (at >= 0) {
      const memory = kept.splice(at, 1)[0]!.memory;
      new Uint8Array(memory.buffer).fill(0);
      made.set(memory, d);
      handedOn++;
      return memory;
    }
    const memory = new Real(description);
    made.set(memory, d);
    return memory;
  }
  Memory.prototype = Real.prototype;
  wasm.Memory = Memory as unknown as WasmMemoryConstructor;
}

/**
 * Keeps the memory of a store that has closed, for the next open. `memory` is undefined when
 * PGlite did not expose it (another version): nothing is kept.
 */
export function keepClosedStoreMemory(memory: WasmMemory | undefined): void {
  if (memory === undefined) return;
  const description = made.get(memory);
  if (description === undefined || description.shared) return;
  if (memory.buffer.byteLength > KEPT_MAX_BYTES) return;
  if (kept.some((k) => k.memory === memory)) return;
  if (kept.length >= KEPT_MAX_COUNT) kept.shift();
  kept.push({ memory, description });
}

/** How many opens took a kept memory (for tests and diagnostics). */
export function memoriesHandedOn(): number {
  return handedOn;
}
