import { Plan12bError } from './errors.js';

/**
 * A number set by an environment variable (PLAN12B_LOCK_WAIT_SECONDS, PLAN12B_MAX_INPUT_BYTES,
 * PLAN12B_MAX_UPLOAD_BYTES). Unset or empty: the default. Anything else must be a plain decimal
 * number within [min, max] (a whole one where `integer`), or the command stops with a usage error
 * naming the variable (64): a value plan12b cannot honour is never replaced by another in silence —
 * `PLAN12B_LOCK_WAIT_SECONDS=abc` once waited 30 s, `=1e9` made a server's queued writes give up
 * at once (a timer above 2^31-1 ms fires after 1 ms), `PLAN12B_MAX_INPUT_BYTES=-1` read 1 GiB.
 * @example envNumber('X', 30, { min: 0, max: 60 }, { X: '5' }) === 5
 */
export function envNumber(
  name: string,
  fallback: number,
  range: { readonly min: number; readonly max: number; readonly integer?: boolean; readonly unit: string },
  env: NodeJS.ProcessEnv = process.env,
): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const text = raw.trim();
  const v = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isFinite(v) && v >= range.min && v <= range.max && (!range.integer || Number.isInteger(v)))
    return v;
  throw new Plan12bError(
    'USAGE',
    `${name}=${JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw)} is not ${
      range.integer ? 'a whole number' : 'a number'
    } of ${range.unit} from ${range.min} to ${range.max}`,
    `set ${name} to a number in that range, or unset it for the default (${fallback})`,
  );
}
