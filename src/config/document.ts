/**
 * The YAML documents the scanner reads for itself (`.dancu-guard.yml`,
 * `dancu-integration.yml`): found without following a link out of the scanned root,
 * parsed with positions, validated with ajv against their JSON Schema. Every problem is
 * a UsageError naming the file, the key path and the line, so the CLI exits 2: a bad
 * document never passes silently. What a schema cannot say (real dates, regexes,
 * secrets) each document checks after `parse`, with `lineAt` for its messages.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { Ajv, type AnySchemaObject, type ErrorObject, type ValidateFunction } from 'ajv';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import taxonomy from '../contracts/schemas/taxonomy.json' with { type: 'json' };
import { msg, type Message, type NounKey, UsageError } from '../util/errors.js';
import { assertInsideRoot, yamlMessage } from '../util/files.js';

/** A key path into a document: mapping keys and list indexes. */
export type KeyPath = Array<string | number>;

/** Line (1-based) of the node at a key path, or of the key itself (for unknown keys). */
export type LineAt = (path: KeyPath, keyItself?: boolean) => number;

export interface DocumentSpec {
  /** What the document is called in messages: `config`, `declaration` (a word of the message table). */
  what: 'config' | 'declaration';
  /** File names looked for at the scanned root, in order. */
  names: readonly string[];
  /** Its JSON Schema (draft-07). */
  schema: AnySchemaObject;
  /** Schemas it references by `$id` (e.g. the taxonomy). */
  references?: readonly AnySchemaObject[];
}

export interface ParsedDocument<T> {
  value: T;
  lineAt: LineAt;
}

/** Plain-words meanings of the patterns our schemas use, for messages. */
const PATTERN_MEANINGS: Record<string, Message> = {
  '^\\d{4}-\\d{2}-\\d{2}$': msg('schema.want.date'),
  '^sha256:[0-9a-f]{64}$': msg('schema.want.fingerprint'),
  [taxonomy.definitions.RuleId.pattern]: msg('schema.want.ruleId'),
};

const NOUNS: Record<DocumentSpec['what'], { what: NounKey; the: NounKey }> = {
  config: { what: 'noun.config', the: 'noun.theConfig' },
  declaration: { what: 'noun.declaration', the: 'noun.theDeclaration' },
};

export class DocumentType<T> {
  private readonly validate: ValidateFunction<T>;

  constructor(private readonly spec: DocumentSpec) {
    const ajv = new Ajv({ allErrors: true, strict: true });
    for (const s of spec.references ?? []) ajv.addSchema(s);
    this.validate = ajv.compile<T>(spec.schema);
  }

  /**
   * The document's file: an explicit path (must exist), else one at the root. Either
   * way, a file inside the root must not be a link out of it (an explicit path outside
   * the root is the caller's own choice).
   */
  find(root: string, explicit?: string): string | undefined {
    if (explicit) {
      if (!existsSync(explicit)) throw UsageError.of('doc.notFound', { what: msg(NOUNS[this.spec.what].what), path: explicit });
      assertInsideRoot(root, explicit, NOUNS[this.spec.what].what);
      return explicit;
    }
    const found = this.spec.names.map((n) => join(root, n)).find((p) => existsSync(p));
    if (found) assertInsideRoot(root, found, NOUNS[this.spec.what].what);
    return found;
  }

  read(path: string, display: string): string {
    try {
      return readFileSync(path, 'utf8');
    } catch (err) {
      throw UsageError.of('files.cannotRead', { what: msg(NOUNS[this.spec.what].what), path: display, code: (err as NodeJS.ErrnoException).code ?? msg('noun.readError') });
    }
  }

  /**
   * Parse and validate. An empty document is `{}` when the schema requires no key, else
   * an error naming the required ones.
   */
  parse(text: string, display: string): ParsedDocument<T> {
    const { what, schema } = this.spec;
    const lc = new LineCounter();
    const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lc, prettyErrors: false });
    if (doc.errors.length > 0) {
      const e = doc.errors[0]!;
      throw UsageError.of('doc.invalidYamlAt', { file: display, line: e.linePos?.[0]?.line ?? 1, detail: e.message.split('\n')[0]! });
    }
    let value: unknown;
    try {
      value = doc.toJS();
    } catch (err) {
      throw UsageError.of('doc.invalidYaml', { file: display, detail: yamlMessage(err) });
    }
    if (value === null || value === undefined) {
      const required = (schema.required as string[] | undefined) ?? [];
      if (required.length) throw UsageError.of('doc.empty', { file: display, what: msg(NOUNS[what].what), keys: required.join(', ') });
      value = {};
    }
    const lineAt: LineAt = (path, keyItself = false) => lineOf(doc, lc, path, keyItself);
    if (!this.validate(value)) {
      const messages = describeErrors(this.validate.errors ?? [], value, schema, msg(NOUNS[what].the)).map(({ path, keyItself, text }) =>
        text(`${display}:${lineAt(path, keyItself)}`),
      );
      throw invalidDocument(what, display, messages);
    }
    return { value, lineAt };
  }
}

/** The error for problems found in a document, every one already naming file and line. */
export function invalidDocument(what: DocumentSpec['what'], display: string, messages: Message[]): UsageError {
  const seen = new Set<string>();
  const problems = messages.filter((m) => {
    const en = m.render('en');
    return seen.has(en) ? false : (seen.add(en), true);
  });
  return UsageError.of('doc.invalid', { what: msg(NOUNS[what].what), file: display, problems });
}

/** A real calendar date written YYYY-MM-DD. */
export function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === s;
}

/** Repo-relative (forward slashes) when `abs` is inside `root`, else `abs`. */
export function repoRelative(root: string, abs: string): string {
  const rel = relative(root, abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : abs;
}

// ---------------------------------------------------------------------------

interface Described {
  path: KeyPath;
  keyItself: boolean;
  /** The message, given where it is (`file:line`). */
  text: (at: string) => Message;
}

type SchemaNode = { properties?: Record<string, SchemaNode>; items?: SchemaNode; $ref?: string };

function keyPath(pointer: string): KeyPath {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** The sub-schema at a key path (for the known keys of an object). */
function schemaAt(schema: AnySchemaObject, path: KeyPath): SchemaNode | undefined {
  const root = schema as SchemaNode & { definitions?: Record<string, SchemaNode> };
  const deref = (s: SchemaNode | undefined): SchemaNode | undefined =>
    s?.$ref?.startsWith('#/definitions/') ? root.definitions?.[s.$ref.slice('#/definitions/'.length)] : s;
  let s: SchemaNode | undefined = root;
  for (const seg of path) {
    s = deref(s);
    if (!s) return undefined;
    s = typeof seg === 'number' ? s.items : s.properties?.[seg];
  }
  return deref(s);
}

function valueAt(value: unknown, path: KeyPath): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function show(v: unknown): string | Message {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}…` : v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return msg('schema.kind.list');
  if (typeof v === 'object') return msg('schema.kind.mapping');
  return String(v);
}

function kindOf(v: unknown): string | Message {
  if (v === null) return 'null';
  if (Array.isArray(v)) return msg('schema.kind.list');
  if (typeof v === 'object') return msg('schema.kind.mapping');
  if (typeof v === 'string') return msg('schema.kind.string');
  if (typeof v === 'number') return msg('schema.kind.number');
  if (typeof v === 'boolean') return msg('schema.kind.boolean');
  return typeof v;
}

const TYPE_NAMES: Record<string, Message> = {
  string: msg('schema.type.string'),
  number: msg('schema.type.number'),
  integer: msg('schema.type.integer'),
  boolean: msg('schema.type.boolean'),
  array: msg('schema.type.array'),
  object: msg('schema.type.object'),
  null: msg('schema.type.null'),
};

/** What a value failing one keyword should have been, or undefined when the keyword is described otherwise. */
function expected(err: ErrorObject): string | Message | undefined {
  switch (err.keyword) {
    case 'pattern': {
      const pattern = String((err.params as { pattern: string }).pattern);
      return PATTERN_MEANINGS[pattern] ?? msg('schema.want.pattern', { pattern });
    }
    case 'type': {
      const type = String((err.params as { type: string }).type);
      return TYPE_NAMES[type] ?? type;
    }
    case 'const':
      return JSON.stringify((err.params as { allowedValue: unknown }).allowedValue);
    case 'enum':
      return msg('schema.want.oneOf', { values: ((err.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ') });
    default:
      return undefined;
  }
}

/** Alternatives joined: "a or b or c". */
function either(options: Array<string | Message>): string | Message {
  return options.slice(1).reduce<string | Message>((a, b) => msg('schema.or', { a, b }), options[0] ?? '');
}

/**
 * ajv's errors, each with the errors of its alternatives when it is an `anyOf`. ajv
 * reports a failed `anyOf` after its alternatives' errors, which sit at or under its
 * instance path, with schema paths under the `anyOf` or in a referenced schema.
 */
function groupAlternatives(errors: ErrorObject[]): Array<{ err: ErrorObject; alternatives: ErrorObject[] }> {
  const out: Array<{ err: ErrorObject; alternatives: ErrorObject[] }> = [];
  for (const err of errors) {
    const alternatives: ErrorObject[] = [];
    if (err.keyword === 'anyOf') {
      const inside = (e: ErrorObject) =>
        (e.instancePath === err.instancePath || e.instancePath.startsWith(`${err.instancePath}/`)) &&
        (e.schemaPath.startsWith(`${err.schemaPath}/`) || !e.schemaPath.startsWith('#'));
      while (out.length && inside(out[out.length - 1]!.err)) alternatives.unshift(out.pop()!.err);
    }
    out.push({ err, alternatives });
  }
  return out;
}

/** ajv's errors as messages with the key path they are about. */
function describeErrors(errors: ErrorObject[], value: unknown, schema: AnySchemaObject, rootName: Message): Described[] {
  return groupAlternatives(errors).map(({ err, alternatives }): Described => {
    const path = keyPath(err.instancePath);
    const where = path.length ? `"${path.join('.')}"` : rootName;
    // The whole document is only ever described by its kind: a file that is not a
    // mapping at all may be something else entirely, and its first bytes are not echoed.
    const got = path.length ? show(valueAt(value, path)) : kindOf(value);
    const params = err.params as Record<string, unknown>;
    const limit = (name: string) => (typeof params[name] === 'number' ? (params[name] as number) : String(params[name]));
    const described = (text: (at: string) => Message): Described => ({ path, keyItself: false, text });
    switch (err.keyword) {
      case 'additionalProperties': {
        const key = String((err.params as { additionalProperty: string }).additionalProperty);
        const known = Object.keys(schemaAt(schema, path)?.properties ?? {}).join(', ');
        const fullKey = [...path, key].join('.');
        return {
          path: [...path, key],
          keyItself: true,
          text: (at) => (path.length ? msg('schema.unknownKeyOf', { at, key: fullKey, where, known }) : msg('schema.unknownKey', { at, key: fullKey, known })),
        };
      }
      case 'required': {
        const key = String((err.params as { missingProperty: string }).missingProperty);
        return described((at) => msg('schema.required', { at, key: [...path, key].join('.') }));
      }
      case 'anyOf': {
        const seen = new Set<string>();
        const options = alternatives
          .map((e) => expected(e) ?? e.keyword)
          .filter((o) => {
            const en = String(o);
            return seen.has(en) ? false : (seen.add(en), true);
          });
        return described((at) => msg('schema.mustBe', { at, where, want: either(options), got }));
      }
      case 'minItems':
      case 'maxItems':
      case 'minLength':
      case 'maxLength':
        return described((at) => msg(`schema.${err.keyword as 'minItems'}`, { at, where, n: limit('limit') }));
      case 'minimum':
      case 'maximum':
        return described((at) => msg(`schema.${err.keyword as 'minimum'}`, { at, where, limit: limit('limit'), got }));
      case 'format':
        return described((at) => msg('schema.format', { at, where, format: String(params.format), got }));
      case 'uniqueItems':
        return described((at) => msg('schema.uniqueItems', { at, where, i: limit('j'), j: limit('i') }));
      default: {
        const want = expected(err);
        return described((at) => (want ? msg('schema.mustBe', { at, where, want, got }) : msg('schema.invalid', { at, where, keyword: err.keyword })));
      }
    }
  });
}

/** Line of the node at `path`, of its key (`keyItself`), or of the nearest ancestor that exists. */
function lineOf(doc: Document, lc: LineCounter, path: KeyPath, keyItself: boolean): number {
  if (keyItself && path.length > 0) {
    const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
    const items = (parent as { items?: Array<{ key?: unknown }> } | null)?.items ?? [];
    const pair = items.find((p) => isNode(p.key) && (p.key as { value?: unknown }).value === path[path.length - 1]);
    const range = isNode(pair?.key) ? pair!.key.range : undefined;
    if (range) return lc.linePos(range[0]).line;
  }
  for (let n = path.length; n >= 0; n--) {
    const node = n ? doc.getIn(path.slice(0, n), true) : doc.contents;
    const range = isNode(node) ? node.range : undefined;
    if (range) return lc.linePos(range[0]).line;
  }
  return 1;
}
