/** How Python declares what other files read (crossfile.ts): module and class constants, `from … import`, functions. */
import type { CrossFileShapes } from '../crossfile.js';
import { escapeRe } from '../kit/strings.js';

export const PYTHON_CROSS_FILE: CrossFileShapes = {
  constants: /^([A-Za-z_]\w*)\s*(?::[^=\n]+)?=(?!=)|^[ \t]+([A-Z_][A-Z0-9_]*)\s*(?::[^=\n]+)?=(?!=)/gm,
  declaresQualifier(text, path, q) {
    const stem = path.slice(path.lastIndexOf('/') + 1).replace(/\.py$/, '');
    return stem === q || new RegExp(`^\\s*class\\s+${escapeRe(q)}\\b`, 'm').test(text);
  },
  importedName(text, _path, name) {
    const re = new RegExp(`^\\s*from\\s+([\\w.]+)\\s+import\\s+(?:\\(([^)]*)\\)|([^\\n]*))`, 'gm');
    for (const m of text.matchAll(re)) {
      const names = (m[2] ?? m[3] ?? '').split(',').map((x) => x.trim().split(/\s+as\s+/)[0]);
      if (names.includes(name)) return m[1]!.slice(m[1]!.lastIndexOf('.') + 1);
    }
    return undefined;
  },
  functions: /^[ \t]*(?:async[ \t]+)?def[ \t]+([A-Za-z_]\w*)[ \t]*\(/gm,
};
