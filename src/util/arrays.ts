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
