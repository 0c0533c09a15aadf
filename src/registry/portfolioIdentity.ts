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
  /**
   * any name the portfolio ever had, case-insensitive, whitespace collapsed → its id; a name handed
   * from one portfolio to another (see `nameHandovers`) resolves to its latest bearer
   */
  resolve(name: string): string | undefined;
  /** the portfolio that bore the name on a date (SPEC §2: renames take effect on their date) */
  resolveOn(name: string, date: string): string | undefined;
  get(id: string): PortfolioIdentity | undefined;
  /**
   * the name in force on a date (the first name before any change); an id no document lists any
   * more (its only document withdrawn, its feed rows still stored) is its own name
   */
  nameOn(id: string, date: string): string;
  readonly warnings: readonly string[];
  /**
   * Names handed from one portfolio to another by explicit renames ("Core Bond Fund (formerly
   * Investment Grade Bond Fund)" and "Total Return Bond Fund (formerly Core Bond Fund)" on one
   * date): before `date` the name is `before`'s, from it `after`'s.
   */
  readonly nameHandovers: readonly {
    readonly name: string;
    readonly date: string;
    readonly before: string;
    readonly after: string;
    readonly note: string;
  }[];
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
 *
 * A name can pass from one portfolio to another: "Core Bond Fund (formerly Investment Grade Bond
 * Fund)" and "Total Return Bond Fund (formerly Core Bond Fund)" effective on one date (RidgeWorth,
 * 2014). Each rename takes effect on its date, all of one date at once: a name renamed away and
 * then (on that date or later) renamed into by another portfolio starts a new span, so listings of
 * the name before that date are the first bearer's and from it the second's. A rename already in
 * force that a later document states again ("formerly …" kept in later schedules) changes nothing.
 */
export function buildPortfolioIdentities(documents: readonly StoredDocument[]): PortfolioIdentities {
  const docs = [...documents].sort(compareDocuments);
  const uf = new UnionFind();
  // A node is one span of a name: the name key itself for its first span, `key#n` for later ones.
  const display = new Map<string, string>(); // node → first spelling seen (canonical order)
  const firstListed = new Map<string, string>(); // node → earliest effective date listed
  const spans = new Map<string, { start: string; node: string }[]>(); // name key → later spans, by date
  const warnings: string[] = [];
  const nameCollisions: { date: string; from: string; to: string; warning: string }[] = [];

  const nodeOn = (k: string, date: string | null): string => {
    let node = k;
    if (date !== null) for (const sp of spans.get(k) ?? []) if (sp.start <= date) node = sp.node;
    return node;
  };
  const latestNode = (k: string): string => spans.get(k)?.at(-1)?.node ?? k;
  const seeNode = (node: string, name: string, date: string | null) => {
    uf.add(node);
    if (!display.has(node)) display.set(node, collapseWhitespace(name));
    if (date !== null) {
      const prev = firstListed.get(node);
      if (prev === undefined || date < prev) firstListed.set(node, date);
    }
  };

  // Explicit renames, one date at a time (all of a date at once: a chain or a swap).
  const changes: NameChange[] = [];
  const fromNodeOf = new Map<NameChange, string>();
  const toNodeOf = new Map<NameChange, string>();
  const current = new Map<string, string>(); // name key → its node now
  const released = new Set<string>(); // name keys renamed away and not renamed into since
  const applied = new Map<string, { fromNode: string; toNode: string }>(); // "from→to" keys in force
  const renames = docs.flatMap(({ id, doc }) =>
    doc.renames.map((r) => ({ id, date: doc.effectiveDate, from: r.from, to: r.to })),
  );
  for (let i = 0; i < renames.length; ) {
    const date = renames[i]!.date;
    let j = i;
    while (j < renames.length && renames[j]!.date === date) j++;
    const group = renames.slice(i, j);
    i = j;
    const fresh = group.filter((r) => !applied.has(`${nameKey(r.from)}\u0000${nameKey(r.to)}`));
    const sources = fresh.map((r) => current.get(nameKey(r.from)) ?? nameKey(r.from));
    for (const r of fresh) released.add(nameKey(r.from));
    const targets = fresh.map((r) => {
      const tk = nameKey(r.to);
      if (released.has(tk)) {
        released.delete(tk);
        const list = spans.get(tk) ?? [];
        const node = `${tk}#${list.length + 1}`;
        list.push({ start: date, node });
        spans.set(tk, list);
        current.set(tk, node);
      }
      return current.get(tk) ?? tk;
    });
    fresh.forEach((r, n) => {
      const pair = `${nameKey(r.from)}\u0000${nameKey(r.to)}`;
      if (!applied.has(pair)) applied.set(pair, { fromNode: sources[n]!, toNode: targets[n]! });
    });
    for (const r of group) {
      const nodes = applied.get(`${nameKey(r.from)}\u0000${nameKey(r.to)}`)!;
      const change: NameChange = {
        date: r.date,
        from: collapseWhitespace(r.from),
        to: collapseWhitespace(r.to),
        documentId: r.id,
        source: 'explicit',
      };
      fromNodeOf.set(change, nodes.fromNode);
      toNodeOf.set(change, nodes.toNode);
      changes.push(change);
    }
  }

  for (const { doc } of docs) {
    for (const s of doc.schedules)
      for (const e of s.entries)
        seeNode(nodeOn(nameKey(e.portfolio), doc.effectiveDate), e.portfolio, doc.effectiveDate);
  }
  // a rename's names are seen after every listing, so each keeps the spelling its first listing has
  for (const [change, fromNode] of fromNodeOf) {
    const toNode = toNodeOf.get(change)!;
    seeNode(fromNode, change.from, null);
    seeNode(toNode, change.to, null);
    uf.union(fromNode, toNode);
  }

  // Rules apply to every name known that contains the replaced word and is not already renamed
  // explicitly by the same document ("rename each INVESCO Fund by replacing INVESCO with AIM").
  for (const { id, doc } of docs) {
    if (doc.renameRules.length === 0) continue;
    const explicitFrom = new Set(doc.renames.map((r) => nameKey(r.from)));
    for (const rule of doc.renameRules) {
      const re = new RegExp(`\\b${escapeRegExp(rule.replace)}\\b`);
      const candidates = [...display.entries()].filter(
        ([node, name]) =>
          !explicitFrom.has(nameKey(name)) &&
          node === nodeOn(nameKey(name), doc.effectiveDate) &&
          re.test(name),
      );
      for (const [k, name] of candidates) {
        const listed = firstListed.get(k);
        if (listed === undefined || listed > doc.effectiveDate) continue; // a name first used later is not renamed retroactively
        const target = collapseWhitespace(name.replace(re, rule.with));
        const tk = nodeOn(nameKey(target), doc.effectiveDate);
        const targetListed = firstListed.get(tk);
        const change: NameChange = {
          date: doc.effectiveDate,
          from: name,
          to: target,
          documentId: id,
          source: 'rule',
        };
        fromNodeOf.set(change, k);
        toNodeOf.set(change, tk);
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
          changes.push(change);
          continue;
        }
        seeNode(tk, target, null);
        uf.union(k, tk);
        changes.push(change);
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

  const byNode = new Map<string, string>();
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
    const myChanges = sortedChanges.filter((c) => keySet.has(fromNodeOf.get(c)!));
    const targets = new Set(myChanges.map((c) => toNodeOf.get(c)!));
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
    for (const k of keys) {
      const name = display.get(k)!;
      if (!names.some((n) => nameKey(n) === nameKey(name))) names.push(name);
    }
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
    for (const k of keys) byNode.set(k, pid);
  }
  portfolios.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // SPEC §2: a name handed over is read by date; said once here, and by every undated lookup of it
  const nameHandovers: { name: string; date: string; before: string; after: string; note: string }[] = [];
  for (const [k, list] of [...spans.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    let prev = k;
    for (const sp of list) {
      const before = byNode.get(prev);
      const after = byNode.get(sp.node);
      prev = sp.node;
      if (before === undefined || after === undefined || before === after) continue;
      const name = display.get(sp.node)!;
      const note = `the name ${name} passes on ${sp.start} from the portfolio first named ${byId.get(before)!.firstName} to the one first named ${byId.get(after)!.firstName}: listings and dated queries of ${name} are read by their date; an undated one (a portfolio's history) means the one that bears it last`;
      warnings.push(note);
      nameHandovers.push({ name, date: sp.start, before, after, note });
    }
  }

  return {
    portfolios,
    warnings,
    nameCollisions,
    nameHandovers,
    resolve: (name) => byNode.get(latestNode(nameKey(name))),
    resolveOn: (name, date) => byNode.get(nodeOn(nameKey(name), date)),
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
