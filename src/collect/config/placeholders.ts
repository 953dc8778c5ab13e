/**
 * `${NAME}` placeholders in config values: Spring's `${NAME:default}` and the shell's
 * `${NAME:-default}`, nested in defaults.
 */

/**
 * Replace `${NAME}` / `${NAME:default}` (Spring) / `${NAME:-default}` (shell) in `value`;
 * `lookup` returns the replacement or undefined to keep the placeholder (as `${NAME}`).
 */
export function replacePlaceholders(value: string, lookup: (name: string, def: string | undefined) => string | undefined): string {
  let out = '';
  let i = 0;
  while (i < value.length) {
    const open = value.indexOf('${', i);
    if (open < 0) break;
    // Find the matching close brace (placeholders may nest in defaults).
    let depth = 0;
    let close = -1;
    for (let j = open + 2; j < value.length; j++) {
      if (value[j] === '{' && value[j - 1] === '$') depth++;
      else if (value[j] === '}') {
        if (depth === 0) {
          close = j;
          break;
        }
        depth--;
      }
    }
    if (close < 0) break;
    out += value.slice(i, open);
    const body = value.slice(open + 2, close);
    const colon = body.indexOf(':');
    const name = (colon >= 0 ? body.slice(0, colon) : body).trim();
    let def = colon >= 0 ? body.slice(colon + 1) : undefined;
    if (def !== undefined && def.startsWith('-')) def = def.slice(1);
    const rep = name === '' ? undefined : lookup(name, def);
    out += rep ?? `\${${name}}`;
    i = close + 1;
  }
  return out + value.slice(i);
}
