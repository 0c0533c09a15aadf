/**
 * What the running command is (`plan12b net-assets import`), for the message another process sees
 * while it waits for the data folder (src/store/writerLock.ts). Its own module, without PGlite: the
 * CLI sets it before it knows whether the command will open the store at all (a registry query
 * answered from the snapshot never does, and must not pay for loading PostgreSQL).
 */
let runningCommand = 'plan12b';

export function setRunningCommand(what: string): void {
  runningCommand = what;
}

export function currentRunningCommand(): string {
  return runningCommand;
}
