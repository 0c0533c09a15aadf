import { userInfo } from 'node:os';

/** Who is making a change, for the records that say "by whom": $PLAN12B_USER or the OS user. */
export function currentActor(): string {
  if (process.env.PLAN12B_USER) return process.env.PLAN12B_USER;
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
