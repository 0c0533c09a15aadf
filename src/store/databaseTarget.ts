/**
 * Where a command's store is: a postgres:// URL names a server, anything else the folder of an
 * embedded store. Only Node's own globals: the CLI decides this before it loads a database.
 */
export function isServerUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//.test(target);
}

export function defaultDatabaseTarget(env: NodeJS.ProcessEnv = process.env): string {
  return env.PLAN12B_DB ?? './plan12b-data';
}
