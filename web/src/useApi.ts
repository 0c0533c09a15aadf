import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from './api';

export interface Loaded<T> {
  readonly data: T | null;
  readonly error: ApiError | Error | null;
  readonly loading: boolean;
  readonly reload: () => void;
}

const sameDeps = (a: readonly unknown[] | null, b: readonly unknown[]) =>
  a !== null && a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/**
 * Loads `load()` whenever one of `deps` changes; the last answer wins. A new question (other
 * `deps`, or none to ask: `load` null) clears the last answer at once, so a page never shows one
 * month's figures under another month's choice while it loads; `reload()` asks the same question
 * again and keeps the figures shown until the answer comes.
 */
export function useApi<T>(load: (() => Promise<T>) | null, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: Error | null; loading: boolean }>({
    data: null,
    error: null,
    loading: load !== null,
  });
  const [tick, setTick] = useState(0);
  const asked = useRef<readonly unknown[] | null>(null);
  useEffect(() => {
    const same = sameDeps(asked.current, deps);
    asked.current = deps;
    if (load === null) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    let current = true;
    setState((s) => (same ? { ...s, loading: true } : { data: null, error: null, loading: true }));
    load().then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: Error) => current && setState({ data: null, error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
