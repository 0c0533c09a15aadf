import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorDocument, Plan12bError } from '../errors.js';
import { HEADERS_TOO_LARGE_HTTP } from './apiRoute.js';

/**
 * A request Node's HTTP parser refuses before any route sees it — headers larger than it reads
 * (a token or a query string of many kilobytes), or bytes that are not HTTP — is answered with
 * the API's error document (src/errors.ts), as /openapi.json documents (431, 400), instead of
 * Node's bare status line without a body.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? HEADERS_TOO_LARGE_HTTP : 400;
    const body = JSON.stringify(
      errorDocument(
        tooLarge
          ? new Plan12bError(
              'USAGE',
              'the request headers are larger than the server reads',
              'send the token alone in Authorization, and a shorter query string',
            )
          : new Plan12bError('USAGE', 'the request is not well-formed HTTP', 'see /openapi.json'),
      ),
    );
    socket.end(
      `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        'content-type: application/json\r\n' +
        `content-length: ${Buffer.byteLength(body)}\r\n` +
        'connection: close\r\n\r\n' +
        body,
    );
  });
}
