import type { Logger } from 'pino';
import type { Role } from './roles.js';

/** What each request carries through the middleware: the token's holder and the logger. */
export interface ApiEnv {
  Variables: {
    holder: { readonly name: string; readonly role: Role };
    log: Logger;
    /** forget the token holders kept in memory (a token was revoked) */
    onRevoke: () => void;
  };
}
