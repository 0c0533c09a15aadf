import { ApiError } from '../api';

/**
 * What a token whose role may not do something does next: sign in with a token of a role that may
 * (the refusal names them). The server's generic "ask an admin" would send an admin to itself.
 */
function forbiddenHint(message: string): string | null {
  const roles = /it needs one of: ([a-z, ]+)\)/.exec(message)?.[1]?.split(', ');
  if (!roles || roles.length === 0) return null;
  const named = roles.map((r) => `${/^[aeiou]/.test(r) ? 'an' : 'a'} ${r}`).join(' or ');
  return `nothing was written; sign out and sign in with ${named} token (an admin creates one with plan12b tokens create --name NAME --role ${roles[0]})`;
}

/**
 * What to do next when the answer has no hint of plan12b's own: no answer at all (the server
 * stopped, the network down: the browser's "Failed to fetch"), or an answer that is not the API's
 * error document (a proxy's "502 Bad Gateway" page).
 */
function fallbackHint(error: Error): string {
  if (!(error instanceof ApiError))
    return 'the server did not answer: check that plan12b serve is running and reachable, then try again (reload the page)';
  return error.status >= 500
    ? 'the server could not answer just now: try again in a moment; if it keeps failing, see the log of plan12b serve'
    : 'check the values chosen above and try again';
}

export function ErrorBox({ error }: { readonly error: Error | null }) {
  if (!error) return null;
  const hint =
    (error instanceof ApiError
      ? ((error.code === 'FORBIDDEN' ? forbiddenHint(error.message) : null) ?? error.hint)
      : null) ?? fallbackHint(error);
  return (
    <div className="error" role="alert">
      <strong>{error instanceof ApiError ? `${error.code}: ` : ''}</strong>
      {withBidiControlsShown(error.message)}
      {hint ? <div className="hint">{withBidiControlsShown(hint)}</div> : null}
    </div>
  );
}

/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) in a
 * sentence: a name that carries one (an exhibit's portfolio "קרן \u202eevil Fund") would run the
 * rest of the sentence backwards, so it is shown as what it is, "⟨U+202E⟩", where the server's
 * sentence quotes it. (In a table cell the name stands alone and the cell contains it.)
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
export function withBidiControlsShown(text: string): string {
  return text.replace(
    BIDI_CONTROLS,
    (c) => `⟨U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}⟩`,
  );
}

export function Warnings({ warnings }: { readonly warnings: readonly string[] | undefined }) {
  if (!warnings || warnings.length === 0) return null;
  return (
    <ul className="warnings" aria-label="warnings">
      {warnings.map((w) => (
        <li key={w}>⚠ {withBidiControlsShown(w)}</li>
      ))}
    </ul>
  );
}

export function Loading({ loading }: { readonly loading: boolean }) {
  return loading ? (
    <p className="loading" aria-live="polite">
      Loading…
    </p>
  ) : null;
}
