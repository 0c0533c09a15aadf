import { useEffect, useState } from 'react';
import { getJson, onTokenRefused, savedToken, saveToken } from './api';
import { Loading } from './components/Status';
import { pageOfHash } from './hashState';
import { AmendmentsPage } from './pages/AmendmentsPage';
import { AssigneeStatementPage } from './pages/AssigneeStatementPage';
import { AuditPage } from './pages/AuditPage';
import { CdscPage } from './pages/CdscPage';
import { ClosePage } from './pages/ClosePage';
import { FeesPage } from './pages/FeesPage';
import { GovernancePage } from './pages/GovernancePage';
import { ImportPage } from './pages/ImportPage';
import { MonthlyCalculationPage } from './pages/MonthlyCalculationPage';
import { PortfolioPage } from './pages/PortfolioPage';
import { RecordsPage } from './pages/RecordsPage';
import { SchedulePage } from './pages/SchedulePage';
import { ServiceFeesPage } from './pages/ServiceFeesPage';

const PAGES = [
  ['schedule', 'Schedule'],
  ['amendments', 'Amendments'],
  ['portfolio', 'Portfolio history'],
  ['fees', 'Fees'],
  ['close', 'Month close'],
  ['monthly-calculation', 'Monthly Calculation'],
  ['assignee-statement', 'Assignee statement'],
  ['service-fees', 'Service fees'],
  ['cdsc', 'CDSC ledger'],
  ['governance', 'Board report'],
  ['records', 'Records (Rule 12b-1(f))'],
  ['imports', 'Import'],
  ['audit', 'Audit log'],
] as const;
type Page = (typeof PAGES)[number][0];

function pageFromHash(): Page {
  const h = pageOfHash(location.hash);
  return (PAGES.find(([p]) => p === h)?.[0] ?? 'schedule') as Page;
}

/** A month before today: where the dashboard opens when no month is closed yet. */
function monthBeforeToday(): string {
  return new Date(Date.now() - 31 * 86_400_000).toISOString().slice(0, 7);
}

/**
 * The month the dashboard opens on: the last closed month, else the last month before today.
 * Asked once signed in (the token is needed), and null until answered: the pages start from it,
 * so none may open on a guess and stay there.
 */
function useDefaultMonth(signedIn: boolean): string | null {
  const [month, setMonth] = useState<string | null>(null);
  useEffect(() => {
    setMonth(null);
    if (!signedIn) return;
    let live = true;
    getJson<{ months: { month: string }[] }>('/api/months').then(
      (r) => {
        const last = r.months
          .map((m) => m.month)
          .sort()
          .at(-1);
        if (live) setMonth(last ?? monthBeforeToday());
      },
      () => {
        if (live) setMonth(monthBeforeToday());
      },
    );
    return () => {
      live = false;
    };
  }, [signedIn]);
  return month;
}

function SignIn({
  onSignedIn,
  refused,
}: {
  readonly onSignedIn: () => void;
  /** why the last token stopped working (the server's words), if it did */
  readonly refused: string | null;
}) {
  const [token, setToken] = useState('');
  return (
    <main className="signin">
      <h1>plan12b</h1>
      {refused && (
        <div className="error" role="alert">
          The server refused your token: {refused}. Sign in with another token; an admin creates one with{' '}
          <code>plan12b tokens create --name NAME --role ROLE</code>.
        </div>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          saveToken(token.trim());
          onSignedIn();
        }}
      >
        <label>
          API token{' '}
          <input
            name="token"
            type="password"
            autoComplete="off"
            value={token}
            onChange={(e) => setToken(e.target.value)}
          />
        </label>
        <button type="submit">Sign in</button>
        <p className="hint">
          Create one with <code>plan12b tokens create --name you --role viewer</code>.
        </p>
      </form>
    </main>
  );
}

/**
 * The browser's title names the page (WCAG 2.4.2): a tab, a bookmark or the history list tells
 * "Monthly Calculation — plan12b" from "Fees — plan12b", where every page was "plan12b".
 */
function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — plan12b`;
  }, [title]);
}

export function App() {
  const [signedIn, setSignedIn] = useState(savedToken() !== null);
  const [refused, setRefused] = useState<string | null>(null);
  useEffect(() => {
    onTokenRefused((message) => {
      setRefused(message);
      setSignedIn(false);
    });
    return () => onTokenRefused(null);
  }, []);
  const [page, setPage] = useState<Page>(pageFromHash);
  const month = useDefaultMonth(signedIn);
  usePageTitle(signedIn ? (PAGES.find(([p]) => p === page)?.[1] ?? 'Schedule') : 'Sign in');
  useEffect(() => {
    const onHash = () => setPage(pageFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  if (!signedIn)
    return (
      <SignIn
        refused={refused}
        onSignedIn={() => {
          setRefused(null);
          setSignedIn(true);
        }}
      />
    );
  return (
    <>
      <header>
        <h1>plan12b</h1>
        <nav aria-label="pages">
          {PAGES.map(([p, label]) => (
            <a key={p} href={`#/${p}`} aria-current={p === page ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
        <button
          type="button"
          className="signout"
          onClick={() => {
            saveToken(null);
            setSignedIn(false);
          }}
        >
          Sign out
        </button>
      </header>
      <main>{month === null ? <Loading loading /> : <Pages page={page} month={month} />}</main>
    </>
  );
}

/** The page shown, opened on the dashboard's month (the last closed one). */
function Pages({ page, month }: { readonly page: Page; readonly month: string }) {
  const today = `${month}-${String(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate())}`;
  return (
    <>
      {page === 'schedule' && <SchedulePage today={today} />}
      {page === 'amendments' && <AmendmentsPage />}
      {page === 'portfolio' && <PortfolioPage today={today} />}
      {page === 'fees' && <FeesPage year={month.slice(0, 4)} />}
      {page === 'close' && <ClosePage firstMonth={month} />}
      {page === 'monthly-calculation' && <MonthlyCalculationPage lastMonth={month} />}
      {page === 'assignee-statement' && <AssigneeStatementPage lastMonth={month} />}
      {page === 'service-fees' && <ServiceFeesPage lastMonth={month} />}
      {page === 'cdsc' && <CdscPage lastMonth={month} />}
      {page === 'governance' && <GovernancePage lastMonth={month} />}
      {page === 'records' && <RecordsPage today={today} />}
      {page === 'imports' && <ImportPage />}
      {page === 'audit' && <AuditPage />}
    </>
  );
}
