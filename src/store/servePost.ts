/**
 * One POST to a `plan12b serve` of this machine, as its discovery file describes it (the CLI's
 * forward, src/cli/serveForward.ts; the request to step aside, src/store/onDemandServe.ts): one
 * connection, closed after the answer (nothing keeps the asking process alive), with the run's
 * credential. Resolves the status and body, or undefined when there is no answer (refused, reset,
 * not connected within `CONNECT_TIMEOUT_MS`); never throws. Only Node's own modules, loaded when
 * a server is found.
 */

/** How long the server may take to accept the connection (it is on this machine). */
const CONNECT_TIMEOUT_MS = 2_000;

export async function postToServe(
  serving: { readonly host: string; readonly port: number; readonly credential: string },
  path: string,
  body = '',
): Promise<{ status: number; body: Buffer } | undefined> {
  const { request } = await import('node:http');
  return new Promise((done) => {
    const req = request(
      {
        host: serving.host === '0.0.0.0' || serving.host === '::' ? 'localhost' : serving.host,
        port: serving.port,
        method: 'POST',
        path,
        agent: false,
        headers: {
          authorization: `Bearer ${serving.credential}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', () => done(undefined));
        res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      },
    );
    const connectTimer = setTimeout(() => req.destroy(), CONNECT_TIMEOUT_MS);
    req.on('socket', (socket) => {
      socket.once('connect', () => clearTimeout(connectTimer));
    });
    req.on('error', () => {
      clearTimeout(connectTimer);
      done(undefined);
    });
    req.on('close', () => clearTimeout(connectTimer));
    req.end(body);
  });
}
