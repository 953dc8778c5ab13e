/** String literal helpers: escape sequences and trimming, table-driven per language. */

export interface EscapeRules {
  /** One-character escapes (`n` → newline…). */
  simple: Record<string, string>;
  /** `\101` is octal (Java, PHP, Python, Go; not C#). */
  octal?: boolean;
  /** An escape the rules do not know: kept as written (`keep`) or without its backslash (`drop`). */
  unknown?: 'keep' | 'drop';
}

const HEX = /^(?:u+|U|x)([0-9a-fA-F]+)$|^u\{([0-9a-fA-F]+)\}$/;

/**
 * A decoder for the escapes `pattern` finds (its group 1 is the escape without its
 * backslash): `\xHH`, `\uHHHH` (`\u+HHHH` in Java), `\UHHHHHHHH`, `\u{H…}`, octal, and
 * the language's one-character escapes.
 */
export function escapeDecoder(pattern: RegExp, rules: EscapeRules): (raw: string) => string {
  const keep = (rules.unknown ?? 'keep') === 'keep';
  return (raw) =>
    raw.replace(pattern, (m, e: string) => {
      const h = HEX.exec(e);
      if (h) return String.fromCodePoint(parseInt(h[1] ?? h[2]!, 16));
      if (rules.octal && /^[0-7]{1,3}$/.test(e)) return String.fromCharCode(parseInt(e, 8));
      return rules.simple[e] ?? (keep ? m : e);
    });
}

/** `s` without the characters of `chars` at its start, its end, or both. */
export function trimChars(s: string, chars: string, side: 'left' | 'right' | 'both'): string {
  let out = s;
  if (side !== 'left') while (out.length && chars.includes(out[out.length - 1]!)) out = out.slice(0, -1);
  if (side !== 'right') while (out.length && chars.includes(out[0]!)) out = out.slice(1);
  return out;
}

/**
 * The value of a string literal from its children: `content` pieces as written, escape
 * sequences decoded. Any other child (an interpolation) makes it no plain literal
 * (undefined), unless `others` is `skip`.
 */
export function literalText(
  holder: { namedChildren: ReadonlyArray<{ type: string; text: string } | null> },
  content: ReadonlySet<string>,
  decode: (escape: string) => string,
  others: 'fail' | 'skip' = 'fail',
): string | undefined {
  let out = '';
  for (const c of holder.namedChildren) {
    if (!c) continue;
    if (content.has(c.type)) out += c.text;
    else if (c.type === 'escape_sequence') out += decode(c.text);
    else if (others === 'fail') return undefined;
  }
  return out;
}

/** `s` as a literal inside a regular expression. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
