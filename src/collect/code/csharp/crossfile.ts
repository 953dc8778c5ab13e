/** How C# declares what other files read (crossfile.ts): constants, types, `using static`, methods. */
import type { CrossFileShapes } from '../crossfile.js';
import { escapeRe } from '../kit/strings.js';

export const CSHARP_CROSS_FILE: CrossFileShapes = {
  constants: /\b(?:const|static(?:\s+readonly)?|readonly\s+static)\s+[\w<>[\],.?]+\s+([A-Za-z_]\w*)\s*(?:\{[^}]*\}\s*)?=/g,
  declaresQualifier: (text, _path, q) => new RegExp(`\\b(?:class|struct|interface|enum|record)\\s+${escapeRe(q)}\\b`).test(text),
  importedName: (text) => /^\s*using\s+static\s+[\w.]*?(\w+)\s*;/m.exec(text)?.[1],
  functions: /\b([A-Za-z_]\w*)\s*(?:<[^>()]*>)?\s*\([^;{()]*\)\s*(?:where[^{;]*)?(?:\{|=>)/g,
};
