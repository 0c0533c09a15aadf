/**
 * A list the exhibit reader's states share as they grow: each state holds its own length over one
 * array, so appending to the newest state extends the array in place, and appending to an older
 * state (one a later state has grown past) copies its part first. A schedule of n rows is read in
 * O(n), where copying the whole list at every row (`[...entries, ...more]`) was O(n²): 52,000 rows
 * took a minute.
 *
 * @example const a = AppendOnlyList.empty<number>().append([1, 2]); const b = a.append([3]);
 *   a.append([9]).toArray() → [1, 2, 9]; b.toArray() → [1, 2, 3] (a's append copied)
 */
export class AppendOnlyList<T> {
  private constructor(
    private readonly items: T[],
    readonly length: number,
  ) {}

  static empty<T>(): AppendOnlyList<T> {
    return new AppendOnlyList<T>([], 0);
  }

  static of<T>(items: readonly T[]): AppendOnlyList<T> {
    return new AppendOnlyList<T>([...items], items.length);
  }

  /** This list and `more` after it; this list is unchanged. */
  append(more: readonly T[]): AppendOnlyList<T> {
    if (more.length === 0) return this;
    const items = this.items.length === this.length ? this.items : this.items.slice(0, this.length);
    for (const item of more) items.push(item);
    return new AppendOnlyList(items, this.length + more.length);
  }

  /** The first `n` items, as a list. */
  take(n: number): AppendOnlyList<T> {
    return n >= this.length ? this : new AppendOnlyList(this.items, Math.max(0, n));
  }

  get(i: number): T | undefined {
    return i >= 0 && i < this.length ? this.items[i] : undefined;
  }

  last(): T | undefined {
    return this.get(this.length - 1);
  }

  /** Items from `start` up to (not including) `end`, as an array (as Array.prototype.slice). */
  slice(start: number, end: number = this.length): T[] {
    const at = (i: number) => (i < 0 ? Math.max(this.length + i, 0) : Math.min(i, this.length));
    const from = at(start);
    return this.items.slice(from, Math.max(from, at(end)));
  }

  toArray(): T[] {
    return this.items.slice(0, this.length);
  }
}
