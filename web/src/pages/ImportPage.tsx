import { useState } from 'react';
import { postFile } from '../api';
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

/** Imports by upload: the same one door as the CLI (all or nothing, audited with the token's actor). */
export function ImportPage() {
  const [feed, setFeed] = useState<(typeof FEEDS)[number]>('net-assets');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<unknown>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      // the file's bytes as they are (an exhibit's id is their SHA-256, as from the CLI)
      const type =
        feed !== 'exhibits' ? 'text/csv' : /\.html?$/i.test(file.name) ? 'text/html' : 'text/plain';
      setResult(await postFile(`/api/imports/${feed}`, file, type, { fileName: file.name }));
    } catch (e) {
      setError(e as Error);
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
