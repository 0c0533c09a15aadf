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

/**
 * A query reads a store that exists: an embedded store's folder named by --db (or $PLAN12B_DB, or
 * ./plan12b-data) that does not exist, or is empty, is a mistyped path or a store never created.
 * Answering from a store made empty on the spot would print empty schedules and fees as if they
 * were the complex's. Writes (`init`, imports) still create a new store there. Returns the reason,
 * or undefined when there is a store — or when the target is no folder for a store at all (a file,
 * a folder of other files, another kind of URL: the opening refuses those as the command line's
 * fault), a server, or `:memory:`.
 */
export function missingEmbeddedStore(
  target: string,
  fs: { existsSync(path: string): boolean; readdirSync(path: string): unknown[] | string[] },
): string | undefined {
  if (isServerUrl(target) || target === ':memory:' || target.trim() === '') return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) return undefined;
  if (!fs.existsSync(target)) return `there is no plan12b database at ${target}: the folder does not exist`;
  let entries: readonly unknown[];
  try {
    entries = fs.readdirSync(target);
  } catch {
    return undefined; // not a folder
  }
  if (entries.length === 0) return `there is no plan12b database at ${target}: the folder is empty`;
  return undefined;
}
