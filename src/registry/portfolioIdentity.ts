import { collapseWhitespace, nameKey, portfolioIdOf } from './portfolioName.js';
import { compareDocuments, type StoredDocument } from './storedDocument.js';

/** A change of a portfolio's name, effective on the amending document's date. */
export interface NameChange {
  readonly date: string;
  readonly from: string;
  readonly to: string;
  readonly documentId: string;
  /** 'explicit': a pair named in the document; 'rule': a rule such as replacing "INVESCO" with "AIM" */
  readonly source: 'explicit' | 'rule';
}

export interface PortfolioIdentity {
  readonly id: string;
  /** the first name the portfolio is known by */
  readonly firstName: string;
  /** every name it ever had, in order of first use */
  readonly names: readonly string[];
  readonly changes: readonly NameChange[];
}

export interface PortfolioIdentities {
  readonly portfolios: readonly PortfolioIdentity[];
  /** any name the portfolio ever had, case-insensitive, whitespace collapsed → its id */
  resolve(name: string): string | undefined;
  get(id: string): PortfolioIdentity | undefined;
  /**
   * the name in force on a date (the first name before any change); an id no document lists any
   * more (its only document withdrawn, its feed rows still stored) is its own name
   */
  nameOn(id: string, date: string): string;
  readonly warnings: readonly string[];
  /**
   * Rename rules that gave a portfolio the name of a different portfolio listed before: from
   * `date` the name `to` belongs to both, and resolves to the earlier one (SPEC §2 cannot tell
   * which a later listing of that name means)
   */
  readonly nameCollisions: readonly {
    readonly date: string;
    readonly from: string;
    readonly to: string;
    readonly warning: string;
  }[];
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  add(k: string): void {
    if (!this.parent.has(k)) this.parent.set(k, k);
  }
  find(k: string): string {
    let root = k;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    let cur = k;
    while (cur !== root) {
      const next = this.parent.get(cur)!;
      this.parent.set(cur, root);
      cur = next;
    }
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb < ra ? ra : rb, rb < ra ? rb : ra);
  }
  keys(): IterableIterator<string> {
    return this.parent.keys();
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Portfolio identity across renames and moves (SPEC §2). A portfolio is known by its name,
 * whatever registrant lists it (a move between registrants keeps the portfolio). Renames come
 * from amendments, as explicit pairs and as rules; a rule never merges a portfolio into a
 * different one that was already listed under the target name before the rule's date (both then
 * bear the name; it resolves to the portfolio that had it first).
 */
export function buildPortfolioIdentities(documents: readonly StoredDocument[]): PortfolioIdentities {
  const docs = [...documents].sort(compareDocuments);
  const uf = new UnionFind();
  const display = new Map<string, string>(); // name key → first spelling seen (canonical order)
  const firstListed = new Map<string, string>(); // name key → earliest effective date listed
  const warnings: string[] = [];
  const nameCollisions: { date: string; from: string; to: string; warning: string }[] = [];

  const see = (name: string, date: string | null) => {
    const k = nameKey(name);
    uf.add(k);
    if (!display.has(k)) display.set(k, collapseWhitespace(name));
    if (date !== null) {
      const prev = firstListed.get(k);
      if (prev === undefined || date < prev) firstListed.set(k, date);
    }
  };

  for (const { doc } of docs) {
    for (const s of doc.schedules) for (const e of s.entries) see(e.portfolio, doc.effectiveDate);
  }

  const changes: NameChange[] = [];
  for (const { id, doc } of docs) {
    for (const r of doc.renames) {
      see(r.from, null);
      see(r.to, null);
      uf.union(nameKey(r.from), nameKey(r.to));
      changes.push({
        date: doc.effectiveDate,
        from: collapseWhitespace(r.from),
        to: collapseWhitespace(r.to),
        documentId: id,
        source: 'explicit',
      });
    }
  }

  // Rules apply to every name known that contains the replaced word and is not already renamed
  // explicitly by the same document ("rename each INVESCO Fund by replacing INVESCO with AIM").
  for (const { id, doc } of docs) {
    if (doc.renameRules.length === 0) continue;
    const explicitFrom = new Set(doc.renames.map((r) => nameKey(r.from)));
    for (const rule of doc.renameRules) {
      const re = new RegExp(`\\b${escapeRegExp(rule.replace)}\\b`);
      const candidates = [...display.entries()].filter(([k, name]) => !explicitFrom.has(k) && re.test(name));
      for (const [k, name] of candidates) {
        const listed = firstListed.get(k);
        if (listed === undefined || listed > doc.effectiveDate) continue; // a name first used later is not renamed retroactively
        const target = collapseWhitespace(name.replace(re, rule.with));
        const tk = nameKey(target);
        const targetListed = firstListed.get(tk);
        if (
          display.has(tk) &&
          uf.find(tk) !== uf.find(k) &&
          targetListed !== undefined &&
          targetListed < doc.effectiveDate
        ) {
          // The rule renames it all the same (the document says "each INVESCO Fund"), but it stays
          // its own portfolio: the name now belongs to two portfolios and resolves to the first.
          const warning = `rename rule "${rule.replace}" → "${rule.with}" of ${doc.title} (effective ${doc.effectiveDate}) renames ${name} to ${target}, the name of a different portfolio listed since ${targetListed}; they stay two portfolios, and the name ${target} resolves to the earlier one (use ${name} for this one)`;
          warnings.push(warning);
          nameCollisions.push({ date: doc.effectiveDate, from: name, to: target, warning });
          changes.push({ date: doc.effectiveDate, from: name, to: target, documentId: id, source: 'rule' });
          continue;
        }
        see(target, null);
        uf.union(k, tk);
        changes.push({ date: doc.effectiveDate, from: name, to: target, documentId: id, source: 'rule' });
      }
    }
  }

  // Group names by identity.
  const groups = new Map<string, string[]>();
  for (const k of uf.keys()) {
    const root = uf.find(k);
    const list = groups.get(root) ?? [];
    list.push(k);
    groups.set(root, list);
  }

  const byKey = new Map<string, string>();
  const byId = new Map<string, PortfolioIdentity>();
  const portfolios: PortfolioIdentity[] = [];
  const sortedChanges = [...changes].sort((a, b) =>
    a.date !== b.date
      ? a.date < b.date
        ? -1
        : 1
      : a.source === b.source
        ? 0
        : a.source === 'explicit'
          ? -1
          : 1,
  );
  for (const keys of groups.values()) {
    const keySet = new Set(keys);
    const myChanges = sortedChanges.filter((c) => keySet.has(nameKey(c.from)));
    const targets = new Set(myChanges.map((c) => nameKey(c.to)));
    // The first name: one that is never a rename target, earliest listed.
    const origins = keys.filter((k) => !targets.has(k));
    const pick = (origins.length > 0 ? origins : keys).sort((a, b) => {
      const da = firstListed.get(a) ?? '9999';
      const db = firstListed.get(b) ?? '9999';
      return da !== db ? (da < db ? -1 : 1) : a < b ? -1 : a > b ? 1 : 0;
    })[0]!;
    const firstName = display.get(pick)!;
    const names = [firstName];
    for (const c of myChanges) if (!names.some((n) => nameKey(n) === nameKey(c.to))) names.push(c.to);
    for (const k of keys) if (!names.some((n) => nameKey(n) === k)) names.push(display.get(k)!);
    let pid = portfolioIdOf(firstName);
    let n = 2;
    while (byId.has(pid)) pid = `${portfolioIdOf(firstName)}-${n++}`;
    const identity: PortfolioIdentity = Object.freeze({
      id: pid,
      firstName,
      names: Object.freeze(names),
      changes: Object.freeze(myChanges),
    });
    portfolios.push(identity);
    byId.set(pid, identity);
    for (const k of keys) byKey.set(k, pid);
  }
  portfolios.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  return {
    portfolios,
    warnings,
    nameCollisions,
    resolve: (name) => byKey.get(nameKey(name)),
    get: (pid) => byId.get(pid),
    nameOn(pid, date) {
      const p = byId.get(pid);
      // a portfolio recorded by a feed whose only document was since withdrawn: known by its id
      if (!p) return pid;
      let current = p.firstName;
      for (const c of p.changes) {
        if (c.date > date) break;
        if (nameKey(c.from) === nameKey(current)) current = c.to;
      }
      return current;
    },
  };
}
