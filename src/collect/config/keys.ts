/**
 * Flattened config keys: the path a collector gives a nested value (`dancu.api.password`,
 * .NET `C06:SecretKey`, env `C06__SecretKey`, `a/b`, `hikari[0].password`) and its parts.
 */

/** Separators between the segments of a flattened key: `a.b`, `A:B` (.NET), `A__B`, `a/b`, `a[0]`. */
const KEY_SPLIT = /(?:\.|:|__|\/|\[\d+\]|#)+/;

/** The segments of a flattened key (`C06:Api:Key` → `C06`, `Api`, `Key`). */
export function keySegments(key: string): string[] {
  return key.split(KEY_SPLIT).filter(Boolean);
}

/** The last segment of a flattened key (`dancu.api.password` → `password`). */
export function leafKey(key: string): string {
  const parts = keySegments(key);
  return parts[parts.length - 1] ?? key;
}

/** The key's parent path, dot-joined (`dancu.api.password` → `dancu.api`, `C06:Url` → `C06`). */
export function parentKey(key: string): string {
  return keySegments(key).slice(0, -1).join('.');
}
