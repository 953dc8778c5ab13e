/** How Go declares what other files read (crossfile.ts): package constants and variables, functions. */
import type { CrossFileShapes } from '../crossfile.js';
import { escapeRe } from '../kit/strings.js';

function dir(path: string): string {
  return path.slice(0, Math.max(0, path.lastIndexOf('/')));
}

export const GO_CROSS_FILE: CrossFileShapes = {
  constants: /^\s*(?:const\s+|var\s+)?([A-Za-z_]\w*)\s*(?:[\w.*[\]]+\s*)?=[^=]/gm,
  declaresQualifier: (text, _path, q) => new RegExp(`^\\s*package\\s+${escapeRe(q)}\\b`, 'm').test(text),
  samePackage: (from, candidate) => dir(from) === dir(candidate),
  functions: /\bfunc\s+(?:\([^)]*\)\s*)?([A-Za-z_]\w*)\s*\(/g,
};
