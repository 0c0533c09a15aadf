import { useCallback, useEffect, useState } from 'react';

/**
 * A page's choices (an as-of date, a month, a class) live in the address after its page:
 * `#/schedule?asOf=2025-04-01&class=A`. A copied link opens the same question, and each choice
 * is a history entry, so the browser's back and forward step through them (SPEC §11: schedules
 * with an as-of date).
 */
export function pageOfHash(hash: string): string {
  return hash.replace(/^#\/?/, '').split('?')[0] ?? '';
}

function paramsOfHash(hash: string): URLSearchParams {
  const i = hash.indexOf('?');
  return new URLSearchParams(i < 0 ? '' : hash.slice(i + 1));
}

/**
 * One choice of the page, read from the address (else `fallback`) and written back to it. The
 * value changes at once (a controlled input keeps its caret); `record: false` keeps a value
 * half typed (a quarter as "2025Q") out of the address and the history.
 */
export function useHashParam(
  key: string,
  fallback: string,
): [string, (value: string, record?: boolean) => void] {
  const read = useCallback(() => paramsOfHash(location.hash).get(key) ?? fallback, [key, fallback]);
  const [value, setValue] = useState(read);
  useEffect(() => {
    const onHash = () => setValue(read());
    onHash();
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [read]);
  const set = useCallback(
    (next: string, record = true) => {
      setValue(next);
      if (!record) return;
      const params = paramsOfHash(location.hash);
      if (next === '') params.delete(key);
      else params.set(key, next);
      const query = params.toString();
      const hash = `#/${pageOfHash(location.hash)}${query ? `?${query}` : ''}`;
      // a new history entry, for the back and forward buttons
      if (hash !== location.hash) location.hash = hash;
    },
    [key],
  );
  return [value, set];
}
