/** How Java declares what other files read (crossfile.ts): constants, classes, static imports, methods. */
import type { CrossFileShapes } from '../crossfile.js';
import { escapeRe } from '../kit/strings.js';

export const JAVA_CROSS_FILE: CrossFileShapes = {
  constants: /(?:\b(?:static\s+final|final\s+static)\s+[\w<>[\],.?]+(?:\s*\[\s*\])?\s+|^\s*(?:public\s+)?String\s+)([A-Za-z_$][\w$]*)\s*=/gm,
  declaresQualifier: (text, _path, q) => new RegExp(`\\b(?:class|interface|enum|record)\\s+${escapeRe(q)}\\b`).test(text),
  importedName(text, _path, name) {
    const one = new RegExp(`^\\s*import\\s+static\\s+[\\w.]*?\\.(\\w+)\\.${escapeRe(name)}\\s*;`, 'm').exec(text);
    if (one) return one[1];
    return /^\s*import\s+static\s+[\w.]*?\.(\w+)\.\*\s*;/m.exec(text)?.[1];
  },
  functions: /\b([A-Za-z_$][\w$]*)\s*\([^;{()]*\)\s*(?:throws[^{;]*)?\{/g,
};
