/** How PHP declares what other files read (crossfile.ts): class constants, `define`, functions. */
import type { CrossFileShapes } from '../crossfile.js';
import { escapeRe } from '../kit/strings.js';

export const PHP_CROSS_FILE: CrossFileShapes = {
  constants: /\bconst\s+([A-Za-z_]\w*)\s*=|\bdefine\(\s*['"]([A-Za-z_]\w*)['"]/g,
  // A global constant (`define('NAME', …)`, a top-level `const`) is visible everywhere.
  importedName: () => '',
  declaresQualifier: (text, _path, q) => new RegExp(`\\b(?:class|interface|trait|enum)\\s+${escapeRe(q)}\\b`).test(text),
  functions: /\bfunction\s+&?\s*([A-Za-z_]\w*)\s*\(/g,
};
