/**
 * Builders return plain, frozen data. Optional keys left `undefined` are dropped here so the JSON is exactly
 * what the spec describes and tests can compare whole objects.
 */
export function frozen<T extends object>(value: T): T {
  if (Array.isArray(value)) {
    for (const item of value) if (item !== null && typeof item === 'object') frozen(item);
    return Object.freeze(value);
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (item === undefined) delete record[key];
    else if (item !== null && typeof item === 'object' && !Object.isFrozen(item)) frozen(item);
  }
  return Object.freeze(value);
}
