/**
 * The dashboard's one door to the server: every call names the token (`Authorization: Bearer …`)
 * and turns the server's JSON error document (the CLI's error table) into an ApiError.
 */
const TOKEN_KEY = 'plan12b.token';

export function savedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}
export function saveToken(token: string | null): void {
  if (token === null) sessionStorage.removeItem(TOKEN_KEY);
  else sessionStorage.setItem(TOKEN_KEY, token);
}

/**
 * Who is told when the server refuses the token itself (401: unknown or revoked, e.g. revoked by
 * an admin while the page is open): the dashboard forgets it and asks for another, saying why.
 */
let tokenRefused: ((message: string) => void) | null = null;
export function onTokenRefused(handler: ((message: string) => void) | null): void {
  tokenRefused = handler;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly hint: string | null,
  ) {
    super(message);
  }
}

type Params = Record<string, string | undefined>;

function url(path: string, params: Params = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

async function send(method: string, path: string, params: Params, body?: BodyInit, type?: string) {
  const headers: Record<string, string> = {};
  const token = savedToken();
  if (token) headers.authorization = `Bearer ${token}`;
  if (type) headers['content-type'] = type;
  const res = await fetch(url(path, params), { method, headers, ...(body === undefined ? {} : { body }) });
  if (!res.ok) {
    let doc: { error?: { code?: string; message?: string; hint?: string } } = {};
    try {
      doc = await res.json();
    } catch {
      // not a JSON error document: keep the status
    }
    if (res.status === 401 && savedToken() !== null) {
      saveToken(null);
      tokenRefused?.(doc.error?.message ?? `${res.status} ${res.statusText}`);
    }
    throw new ApiError(
      res.status,
      doc.error?.code ?? `HTTP_${res.status}`,
      doc.error?.message ?? `${res.status} ${res.statusText}`,
      doc.error?.hint ?? null,
    );
  }
  return res;
}

export async function getJson<T>(path: string, params: Params = {}): Promise<T> {
  return (await send('GET', path, params)).json() as Promise<T>;
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  return (await send('POST', path, {}, JSON.stringify(body), 'application/json')).json() as Promise<T>;
}

/**
 * Uploads a file as its bytes, unread: the server decodes it as the CLI does (an exhibit in
 * Windows-1252, a byte-order mark, a binary file refused) and keys an exhibit by the SHA-256 of
 * those bytes — the browser's `file.text()` would have put U+FFFD for every byte that is not UTF-8.
 */
export async function postFile<T>(path: string, file: Blob, type: string, params: Params = {}): Promise<T> {
  return (await send('POST', path, params, file, type)).json() as Promise<T>;
}

/** Fetches a file (a PDF, an XLSX workbook) with the token and hands it to the browser as a download. */
export async function download(path: string, params: Params, fileName: string): Promise<void> {
  const blob = await (await send('GET', path, params)).blob();
  saveBlob(blob, fileName);
}

export function saveBlob(blob: Blob, fileName: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
