import { createHash } from 'node:crypto';
import { sha256 } from './auditChain.js';
import { copyTextRowsJson } from './copyTextRowsJson.js';

/**
 * The seal of a closed month (SPEC §12; issue 9), pure so that `close` and `audit verify` compute
 * it the same way. Each part's content is hashed in a canonical JSON form (keys sorted), because
 * the store keeps it as jsonb, which does not keep key order: verify can then recompute every
 * part's hash from what is stored. The results hash covers the parts, the audit chain head when
 * the month was sealed and the digest of the month's inputs, so none of the three can be changed
 * without the month's seal (and the close's audit record, which carries it) saying so.
 */

/**
 * JSON with object keys sorted at every level: the same value always gives the same text. The
 * reference: {@link canonicalJson} gives the same text with far fewer objects made (a close
 * canonicalises every redemption and every input row of its month).
 */
export function canonicalJsonReference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJsonReference).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJsonReference(v)}`).join(',')}}`;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The last few key lists sorted, and their order (records of a few shapes, hashed one after another). */
const recentShapes: { keys: readonly string[]; sorted: readonly string[] }[] = [];

/** An object's keys in code-unit order: as they are if already so, else a recent shape's order or sorted. */
function inOrder(keys: string[]): readonly string[] {
  let sorted = true;
  for (let i = 1; i < keys.length; i++)
    if (!(keys[i - 1]! < keys[i]!)) {
      sorted = false;
      break;
    }
  if (sorted) return keys;
  shapes: for (const s of recentShapes) {
    if (s.keys.length !== keys.length) continue;
    for (let i = 0; i < keys.length; i++) if (s.keys[i] !== keys[i]) continue shapes;
    return s.sorted;
  }
  const order = [...keys].sort(byCodeUnits);
  recentShapes.unshift({ keys, sorted: order });
  if (recentShapes.length > 8) recentShapes.pop();
  return order;
}

/**
 * {@link canonicalJsonReference}'s text (the property test holds them equal), built without the
 * entries, filtered and mapped arrays per object: an array of values that are not objects is
 * JSON.stringify's own text (null for undefined, a function or a symbol, as the reference gives;
 * an array with holes goes the long way), and an object's keys are sorted only when they are not
 * in order already (or ordered as a recent object with the same keys was).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let flat = true;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      // a hole is '' in the reference (map keeps it, join writes nothing), null in JSON.stringify
      if ((v !== null && typeof v === 'object') || (v === undefined && !(i in value))) {
        flat = false;
        break;
      }
    }
    if (flat) return JSON.stringify(value);
    let out = '[';
    for (let i = 0; i < value.length; i++)
      out += `${i === 0 ? '' : ','}${i in value ? canonicalJson(value[i]) : ''}`;
    return `${out}]`;
  }
  const o = value as Record<string, unknown>;
  const keys = inOrder(Object.keys(o));
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = o[k];
    if (v === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(k)}:${canonicalJson(v)}`;
    first = false;
  }
  return `${out}}`;
}

/** The hash of one sealed part, from its content as stored (the JSON the close wrote). */
export function sealedPartHash(content: unknown): string {
  return sha256(canonicalJson(content));
}

/** The audit chain head a close seals: the last record before the close's own (seq 0 if none). */
export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

export interface MonthSeal {
  readonly parts: readonly { readonly part: string; readonly contentHash: string }[];
  readonly chain: ChainHead;
  readonly inputsDigest: string;
}

/**
 * The results hash of a month sealed with its chain head and inputs digest (parts in name order).
 * @example
 * sealedResultsHash({ parts: [{ part: 'fees', contentHash: 'a' }], chain: { seq: 3, hash: 'h' }, inputsDigest: 'd' })
 * // = sha256('fees:a\nchain:3:h\ninputs:d')
 */
export function sealedResultsHash(seal: MonthSeal): string {
  const parts = [...seal.parts].sort((a, b) => (a.part < b.part ? -1 : a.part > b.part ? 1 : 0));
  return sha256(
    [
      ...parts.map((p) => `${p.part}:${p.contentHash}`),
      `chain:${seal.chain.seq}:${seal.chain.hash}`,
      `inputs:${seal.inputsDigest}`,
    ].join('\n'),
  );
}

/** The inputs of a month as recorded, by kind, each a list of rows of values (strings or null). */
export type MonthInputs = Readonly<Record<string, readonly (readonly (string | null)[])[]>>;

/** The digest of a month's inputs: the same rows in the same order give the same digest. */
export function monthInputsDigest(inputs: MonthInputs): string {
  return sha256(canonicalJson(inputs));
}

/**
 * A part of a month's inputs: some rows of one kind, in order — as values, or as the COPY text of
 * whole rows (PGlite's read, digested from its bytes: copyTextRowsJson.ts).
 */
export type MonthInputsChunk =
  | { readonly kind: string; readonly rows: readonly (readonly (string | null)[])[] }
  | { readonly kind: string; readonly copyText: Uint8Array };

/**
 * {@link monthInputsDigest} of inputs handed over a chunk at a time (issue 14: a close of a
 * million transactions never holds the month's rows, nor their canonical JSON, at once). The
 * SHA-256 is fed the same text canonicalJson writes — `{"kind":[row,row…],…}`, kinds in byte
 * order — piece by piece, so the digest is the same value. The chunks must come kind by kind, the
 * kinds in byte order of their names (a kind with no rows: one chunk with none); anything else is
 * a bug (it would seal a different digest).
 * @example
 * await streamedMonthInputsDigest(chunksOf({ a: [['1']], b: [] })) === monthInputsDigest({ a: [['1']], b: [] })
 */
export async function streamedMonthInputsDigest(
  chunks: AsyncIterable<MonthInputsChunk> | Iterable<MonthInputsChunk>,
): Promise<string> {
  const hash = createHash('sha256');
  hash.update('{');
  let kind: string | null = null;
  let rowsOfKind = 0;
  for await (const chunk of chunks) {
    if (chunk.kind !== kind) {
      if (kind !== null && !(kind < chunk.kind))
        throw new Error(
          `month inputs: kind ${chunk.kind} after ${kind} (kinds must come once each, in order)`,
        );
      hash.update(`${kind === null ? '' : '],'}${JSON.stringify(chunk.kind)}:[`);
      kind = chunk.kind;
      rowsOfKind = 0;
    }
    if ('copyText' in chunk) {
      // the same text, written from the COPY bytes
      rowsOfKind += copyTextRowsJson(chunk.copyText, (json) => hash.update(json), {
        afterRows: rowsOfKind > 0,
      });
      continue;
    }
    if (chunk.rows.length === 0) continue;
    // one update per chunk: the rows' text joined (a chunk is bounded), not one per row
    const text = chunk.rows.map(canonicalJson).join(',');
    hash.update(rowsOfKind === 0 ? text : `,${text}`);
    rowsOfKind += chunk.rows.length;
  }
  hash.update(kind === null ? '}' : ']}');
  return hash.digest('hex');
}

/**
 * Each kind's digest of a month's inputs handed over a chunk at a time (digest v3: `audit verify`
 * names the kinds that changed): the SHA-256 of the kind's rows as canonical JSON, `[row,row…]`,
 * the kinds in the order they come (byte order of their names, each once; a kind with no rows
 * gives the digest of `[]`).
 * @example
 * await streamedMonthInputsDigestsByKind(chunksOf({ a: [['1']], b: [] }))
 * // = [['a', sha256('[["1"]]')], ['b', sha256('[]')]]
 */
export async function streamedMonthInputsDigestsByKind(
  chunks: AsyncIterable<MonthInputsChunk> | Iterable<MonthInputsChunk>,
): Promise<[kind: string, digest: string][]> {
  const out: [string, string][] = [];
  let kind: string | null = null;
  let hash = createHash('sha256');
  let rowsOfKind = 0;
  const finish = () => {
    if (kind === null) return;
    hash.update(']');
    out.push([kind, hash.digest('hex')]);
  };
  for await (const chunk of chunks) {
    if (chunk.kind !== kind) {
      if (kind !== null && !(kind < chunk.kind))
        throw new Error(
          `month inputs: kind ${chunk.kind} after ${kind} (kinds must come once each, in order)`,
        );
      finish();
      kind = chunk.kind;
      hash = createHash('sha256');
      hash.update('[');
      rowsOfKind = 0;
    }
    if ('copyText' in chunk) {
      rowsOfKind += copyTextRowsJson(chunk.copyText, (json) => hash.update(json), {
        afterRows: rowsOfKind > 0,
      });
      continue;
    }
    if (chunk.rows.length === 0) continue;
    const text = chunk.rows.map(canonicalJson).join(',');
    hash.update(rowsOfKind === 0 ? text : `,${text}`);
    rowsOfKind += chunk.rows.length;
  }
  finish();
  return out;
}
