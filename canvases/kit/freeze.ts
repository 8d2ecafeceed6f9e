/**
 * Builders return plain, frozen data. Optional keys left `undefined` are left out here so the JSON is exactly
 * what the spec describes and tests can compare whole objects.
 *
 * The object is copied without those keys rather than `delete`d in place: a delete turns an object into a slow
 * dictionary, and every later read of it (the height estimate, the size check, JSON.stringify) pays for that on the
 * sidebar's hot path. A copy made key by key from the same builder keeps one shape, which V8 reads fast. Data that is
 * already frozen was made here, so it is returned as it is.
 */
export function frozen<T extends object>(value: T): T {
  if (Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      if (item !== null && typeof item === 'object') value[i] = frozen(item);
    }
    return Object.freeze(value);
  }
  const record = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (item === undefined) continue;
    copy[key] = item !== null && typeof item === 'object' ? frozen(item) : item;
  }
  return Object.freeze(copy) as T;
}
