/**
 * JSON config: .NET `appsettings*.json` (source `appsettings`, keys flattened with `:`
 * like .NET configuration, e.g. `C06:SecretKey`, `ConnectionStrings:Default`) and other
 * JSON (source `config`, keys flattened with `.`).
 *
 * Parsed with `jsonc-parser` (VS Code's), which gives the offset of every token, so each
 * value keeps its line and column. It accepts what .NET's configuration reader accepts
 * beyond strict JSON: `//` and `/* *\/` comments and trailing commas. Bad JSON → a
 * `parse-error` diagnostic at its first error.
 */
import { printParseErrorCode, visit } from 'jsonc-parser';
import type { DiscoveredFile } from '../../discover/types.js';
import type { CredentialSource } from '../../facts/types.js';
import { isLockFile } from '../credentials/values.js';
import { lineIndex } from '../lines.js';
import type { Collector } from '../types.js';
import { factsFromEntries, type ConfigEntry } from './entries.js';
import { parseError, perFile } from './per-file.js';
import { walkLeaves, type PMap, type PNode, type PSeq } from './yaml/tree.js';

export class JsonParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

const MAX_DEPTH = 1000;

/** What the parser expects next: it names an error the way the diagnostics always have. */
type Expecting = 'value' | 'name' | 'colon' | 'comma-brace' | 'comma-bracket' | 'end';
const UNEXPECTED: Readonly<Record<Exclude<Expecting, 'value'>, string>> = {
  name: 'expected a property name in double quotes',
  colon: "expected ':' after property name",
  'comma-brace': "expected ',' or '}'",
  'comma-bracket': "expected ',' or ']'",
  end: 'unexpected content after the JSON value',
};
const LITERAL_PREFIX = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/;
const ESCAPES = new Set(['n', 'r', 't', 'b', 'f', '"', '\\', '/']);

/** The first fault of the string token at `start`: a bad escape (at its backslash), else it is unterminated. */
function stringFault(text: string, start: number): { message: string; at: number } {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === '\n' || c === '\r') break;
    if (c !== '\\') continue;
    const n = text[i + 1];
    if (n === 'u') {
      if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { message: 'bad \\u escape', at: i };
      i += 5;
    } else if (n !== undefined && ESCAPES.has(n)) i++;
    else return { message: 'bad escape', at: i };
  }
  return { message: 'unterminated string', at: start };
}

/** Parse JSON (with comments and trailing commas) into a positional tree. Throws `JsonParseError`. */
export function parseJson(text: string): PNode | undefined {
  const pos = lineIndex(text);
  const fail = (msg: string, at: number): never => {
    const p = pos(Math.min(at, text.length));
    throw new JsonParseError(`JSON: ${msg}`, p.line, p.column);
  };
  // A leading byte-order mark is whitespace to .NET: blank it, so offsets stay those of `text`.
  const source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const open: Array<PMap | PSeq> = [];
  let key: { key: string; keyPos: { line: number; column: number } } | undefined;
  let root: PNode | undefined;
  let afterColon = 0;
  let expecting: Expecting = 'value';
  const afterValue = (): void => {
    const parent = open[open.length - 1];
    expecting = !parent ? 'end' : parent.type === 'map' ? 'comma-brace' : 'comma-bracket';
  };
  const add = (node: PNode, offset: number): void => {
    const parent = open[open.length - 1];
    if (open.length > MAX_DEPTH) fail('nesting too deep', parent?.type === 'map' ? afterColon : offset);
    if (!parent) root = node;
    else if (parent.type === 'seq') parent.items.push(node);
    else if (key) {
      parent.pairs.push({ key: key.key, keyPos: key.keyPos, value: node });
      key = undefined;
    }
  };
  visit(
    source,
    {
      onObjectBegin(offset) {
        const node: PMap = { type: 'map', pairs: [], ...pos(offset) };
        add(node, offset);
        open.push(node);
        expecting = 'name';
      },
      onArrayBegin(offset) {
        const node: PSeq = { type: 'seq', items: [], ...pos(offset) };
        add(node, offset);
        open.push(node);
        expecting = 'value';
      },
      onObjectEnd() {
        open.pop();
        afterValue();
      },
      onArrayEnd() {
        open.pop();
        afterValue();
      },
      onObjectProperty(property: string, offset) {
        key = { key: property, keyPos: pos(offset) };
        expecting = 'colon';
      },
      onSeparator(ch, offset) {
        if (ch === ':') afterColon = offset + 1;
        expecting = ch === ':' || open[open.length - 1]?.type === 'seq' ? 'value' : 'name';
      },
      onLiteralValue(value: unknown, offset, length) {
        const at = pos(offset);
        if (typeof value === 'string') add({ type: 'scalar', value, quoted: true, ...at }, offset);
        // Numbers as written (`1.50` stays `1.50`), literals by their names.
        else add({ type: 'scalar', value: value === null ? null : source.slice(offset, offset + length), ...at }, offset);
        afterValue();
      },
      onError(code, offset) {
        const name = printParseErrorCode(code);
        // A raw control character inside a string: read as it is.
        if (name === 'InvalidCharacter') return;
        // Comments are whitespace everywhere.
        if (name === 'UnexpectedEndOfComment') fail('unterminated comment', offset);
        // Reported at the end of input, after the parser has already closed the container.
        if (name === 'CloseBraceExpected') fail(UNEXPECTED['comma-brace'], offset);
        if (name === 'CloseBracketExpected') fail(UNEXPECTED['comma-bracket'], offset);
        if (expecting !== 'value' && expecting !== 'name') fail(UNEXPECTED[expecting], offset);
        if (name === 'UnexpectedEndOfString' || name === 'InvalidEscapeCharacter' || name === 'InvalidUnicode') {
          const f = stringFault(source, offset);
          fail(f.message, f.at);
        }
        if (expecting === 'name') fail(UNEXPECTED.name, offset);
        // `truex`, `1.`: a literal, then something that may not follow it.
        const literal = LITERAL_PREFIX.exec(source.slice(offset, offset + 400))?.[0];
        if (literal) {
          afterValue();
          fail(UNEXPECTED[expecting as Exclude<Expecting, 'value'>], offset + literal.length);
        }
        fail(offset >= source.length ? 'unexpected end of input' : 'unexpected character', offset);
      },
    },
    { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true },
  );
  return root;
}

/** Config entries of a parsed JSON tree. */
export function jsonEntries(root: PNode, source: CredentialSource, sep: '.' | ':'): ConfigEntry[] {
  return walkLeaves(root, { sep }).flatMap((leaf) => {
    if (leaf.node.value === null) return [];
    const e: ConfigEntry = {
      key: leaf.key,
      value: leaf.node.value,
      line: leaf.node.line,
      column: leaf.node.column,
      source,
      group: leaf.group,
    };
    return [e];
  });
}

export const appsettingsCollector: Collector = {
  name: 'appsettings',
  appliesTo: (f: DiscoveredFile) =>
    f.kind !== 'doc' && (f.format === 'appsettings' || f.format === 'json') && !isLockFile(f.path),
  collect(files, ctx) {
    return perFile(files, ctx, (file, text, out) => {
      const dotnet = file.format === 'appsettings';
      let root: PNode | undefined;
      try {
        root = parseJson(text);
      } catch (err) {
        if (err instanceof JsonParseError) {
          out.diagnostics.push(parseError(file.path, err.line, err.message, err.column));
          return;
        }
        throw err;
      }
      if (!root) return;
      const entries = jsonEntries(root, dotnet ? 'appsettings' : 'config', dotnet ? ':' : '.');
      factsFromEntries(file.path, entries, ctx.settings, file.format, 'colon', out);
    });
  },
};
