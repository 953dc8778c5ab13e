/**
 * Appending one array to another without spreading it into call arguments:
 * `into.push(...items)` puts every item on the stack and throws `RangeError: Maximum call
 * stack size exceeded` once `items` holds some 100,000 elements (a chart collection
 * scanned as one tree gives a collector that many facts).
 */

/** Append every item of `items` to `into` (in order) and return `into`. */
export function append<T>(into: T[], items: readonly T[] | undefined): T[] {
  if (items) for (const item of items) into.push(item);
  return into;
}

/** For each key, append `from[key]` (when present) to `into[key]`: merging lists of facts. */
export function appendLists<K extends string>(into: { [k in K]: unknown[] }, from: { [k in K]?: readonly unknown[] | undefined }, keys: readonly K[]): void {
  for (const k of keys) append(into[k], from[k]);
}
