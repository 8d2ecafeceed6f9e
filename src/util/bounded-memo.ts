/**
 * A memo for pure, repeatable work (formatted dates, compiled patterns and schemas, measured texts, resolved zones,
 * prepared statements) with a hard bound: when it is full it is emptied, and refills with what is asked next. That
 * is cheaper than LRU bookkeeping on paths that nearly always hit, and a stream of distinct keys (hostile input, a
 * process that runs for weeks) can never grow it without end. `make` must give the same answer for the same key.
 */
export class BoundedMemo<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(readonly maxEntries: number) {}

  get(key: K, make: (key: K) => V): V {
    const hit = this.#entries.get(key);
    if (hit !== undefined || this.#entries.has(key)) return hit as V;
    const made = make(key);
    if (this.#entries.size >= this.maxEntries) this.#entries.clear();
    this.#entries.set(key, made);
    return made;
  }

  get size(): number {
    return this.#entries.size;
  }

  clear(): void {
    this.#entries.clear();
  }
}
