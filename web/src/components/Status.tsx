import { ApiError } from '../api';

export function ErrorBox({ error }: { readonly error: Error | null }) {
  if (!error) return null;
  return (
    <div className="error" role="alert">
      <strong>{error instanceof ApiError ? `${error.code}: ` : ''}</strong>
      {error.message}
      {error instanceof ApiError && error.hint ? <div className="hint">{error.hint}</div> : null}
    </div>
  );
}

export function Warnings({ warnings }: { readonly warnings: readonly string[] | undefined }) {
  if (!warnings || warnings.length === 0) return null;
  return (
    <ul className="warnings" aria-label="warnings">
      {warnings.map((w) => (
        <li key={w}>⚠ {w}</li>
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
