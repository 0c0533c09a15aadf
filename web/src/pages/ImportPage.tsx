import { useState } from 'react';
import { ApiError, postFile } from '../api';
import { ErrorBox } from '../components/Status';

const FEEDS = [
  'net-assets',
  'providers',
  'provider-assets',
  'accounts',
  'distributors',
  'transactions',
  'class-b-terms',
  'omnibus',
  'transfers',
  'approvals',
  'terminations',
  'gross-sales',
  'prime-rate',
  'expenditures',
  'exhibits',
] as const;

/**
 * The feeds whose rows may correct what is recorded (the CLI's `--restate`, the API's
 * `restate=true`): a restatement is recorded (who, when, old, new) and flags each closed month it
 * touches for a prior-period adjustment (SPEC §4, §12).
 */
const RESTATABLE: ReadonlySet<string> = new Set([
  'net-assets',
  'provider-assets',
  'omnibus',
  'expenditures',
  'gross-sales',
  'prime-rate',
]);

/** A refusal that names the CLI's `--restate` tells the page's own way to restate. */
function inPageWords(e: Error): Error {
  if (!(e instanceof ApiError) || e.code !== 'CONFLICT' || !/--restate/.test(`${e.message} ${e.hint ?? ''}`))
    return e;
  return new ApiError(
    e.status,
    e.code,
    e.message.replace(/[;,]? ?to correct it, import with --restate/g, ''),
    'nothing was written; if the file corrects what is recorded, tick “Restatement” and import it again',
  );
}

/** Imports by upload: the same one door as the CLI (all or nothing, audited with the token's actor). */
export function ImportPage() {
  const [feed, setFeed] = useState<(typeof FEEDS)[number]>('net-assets');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<unknown>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [restate, setRestate] = useState(false);
  const restatable = RESTATABLE.has(feed);
  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      // the file's bytes as they are (an exhibit's id is their SHA-256, as from the CLI)
      const type =
        feed !== 'exhibits' ? 'text/csv' : /\.html?$/i.test(file.name) ? 'text/html' : 'text/plain';
      setResult(
        await postFile(`/api/imports/${feed}`, file, type, {
          fileName: file.name,
          ...(restatable && restate ? { restate: 'true' } : {}),
        }),
      );
    } catch (e) {
      setError(inPageWords(e as Error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h2>Import</h2>
      <p>Every file is checked whole: a bad file changes nothing and lists every problem.</p>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label>
          Feed{' '}
          <select
            name="feed"
            value={feed}
            onChange={(e) => setFeed(e.target.value as (typeof FEEDS)[number])}
          >
            {FEEDS.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <label>
          File <input type="file" name="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        {restatable && (
          <label title="rows that change what is recorded are restatements: recorded with who, when, old and new; a closed month they touch gets a prior-period adjustment in the next close">
            <input
              type="checkbox"
              name="restate"
              checked={restate}
              onChange={(e) => setRestate(e.target.checked)}
            />{' '}
            Restatement
          </label>
        )}
        <button type="submit" disabled={!file || busy}>
          Import
        </button>
      </form>
      <ErrorBox error={error} />
      {result !== null && (
        <pre className="result" title="import result">
          {JSON.stringify(result, null, 2)}
        </pre>
      )}
    </>
  );
}
