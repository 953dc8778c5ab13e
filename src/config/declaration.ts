/**
 * The integration declaration, `dancu-integration.yml` at the repository root: the
 * system, owner, security level and assessment, the accounts that query the
 * population DB (with where their secrets live, never the secrets), the tools approved
 * in writing, and every written notice with its approval, go-live date and the
 * integration fingerprint it covers. Validated with ajv against `schema.json`, then
 * for what a schema cannot say: real calendar dates, dates in order, unique account
 * names, and a `secretRef` that must not look like a secret value. Every problem is a
 * UsageError naming the file, the key and the line (exit 2: the gate never passes on
 * an invalid declaration).
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { classifyValue, isPlaceholder } from '../collect/credentials/candidates.js';
import { PROVINCIAL_UNITS, resolveProvince, type ResolvedProvince } from '../gate/provinces.js';
import { defaultSettings, type Settings } from '../policy/settings.js';
import { UsageError } from '../util/errors.js';
import { assertInsideRoot, yamlMessage } from '../util/files.js';
import { redact, shannonEntropy } from '../util/redact.js';
import schema from './declaration.schema.json' with { type: 'json' };

export const DECLARATION_FILE_NAMES = ['dancu-integration.yml', 'dancu-integration.yaml'];

export interface DeclaredAccount {
  name: string;
  secretRef: string;
  dailyQuota: number;
  paths?: string[];
  holder?: string;
  /** Mục đích sử dụng, for the account review. */
  purpose?: string;
  /** A contractor can use or read the account (R1 says never). */
  contractorAccess?: boolean;
  status?: AccountStatus;
}

export type AccountStatus = 'active' | 'suspended' | 'revoked';

/** How the notice is laid out (Nghị định 30/2020/NĐ-CP); every key optional. */
export interface DeclaredLetter {
  parent?: string;
  issuer?: string;
  symbol?: string;
  addressees?: string[];
  copies?: string[];
  signer?: { authority?: string; position?: string; name?: string };
}

export interface DeclaredTool {
  path: string;
  approval: string;
}

export interface DeclaredNotice {
  reference: string;
  submitted: string;
  approved?: { reference: string; date: string };
  goLive: string;
  fingerprint: string;
  summary?: string;
}

export interface Declaration {
  version: 1;
  system: string;
  owner: string;
  province?: string;
  letter?: DeclaredLetter;
  securityLevel: number;
  securityAssessment: { date: string; reference: string };
  accounts: DeclaredAccount[];
  approvedTools?: DeclaredTool[];
  notices?: DeclaredNotice[];
}

/** 1-based lines of the parts the gate reports on. */
export interface DeclarationLines {
  /** The `province` key (1 when absent). */
  province: number;
  securityLevel: number;
  securityAssessment: number;
  /** The `notices` key (1 when absent). */
  notices: number;
  accounts: number[];
  notice: number[];
  approved: Array<number | undefined>;
}

export interface LoadedDeclaration {
  /** Absolute path. */
  path: string;
  /** Repo-relative with forward slashes when inside the root, else as given. */
  file: string;
  declaration: Declaration;
  lines: DeclarationLines;
  /** `province` resolved to one of the 34 current units (absent when the key is). */
  province?: ResolvedProvince;
}

const ajv = new Ajv({ allErrors: true, strict: true });
const validate = ajv.compile<Declaration>(schema);

/** The declaration file of a repository: an explicit path (must exist) or one at the root. */
export function findDeclaration(root: string, explicit?: string): string | undefined {
  if (explicit) {
    const p = resolve(explicit);
    if (!existsSync(p)) throw new UsageError(`declaration file not found: ${explicit}`);
    return p;
  }
  const found = DECLARATION_FILE_NAMES.map((n) => join(root, n)).find((p) => existsSync(p));
  if (found) assertInsideRoot(root, found, 'declaration');
  return found;
}

/** Repo-relative (forward slashes) when `abs` is inside `root`, else `abs`. */
export function repoRelative(root: string, abs: string): string {
  const rel = relative(root, abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : abs;
}

export interface LoadOptions {
  /** Explicit declaration file (default: dancu-integration.yml at the root). */
  explicit?: string;
  /** Settings for the secret check (default: the shipped settings). */
  settings?: Settings;
}

/** Load and validate the declaration; undefined when there is none. */
export function loadDeclaration(root: string, opts: LoadOptions = {}): LoadedDeclaration | undefined {
  const path = findDeclaration(root, opts.explicit);
  if (!path) return undefined;
  const file = repoRelative(root, path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read declaration ${file}: ${(err as Error).message}`);
  }
  return { path, file, ...parseDeclaration(text, file, opts.settings) };
}

/** Like loadDeclaration, but a missing declaration is a UsageError (notice, fingerprint checks). */
export function requireDeclaration(root: string, opts: LoadOptions = {}): LoadedDeclaration {
  const loaded = loadDeclaration(root, opts);
  if (!loaded) {
    throw new UsageError(
      `no integration declaration: ${DECLARATION_FILE_NAMES[0]} not found at ${root} (see docs/gate.md for its format, or pass --declaration FILE)`,
    );
  }
  return loaded;
}

export function parseDeclaration(
  text: string,
  display: string,
  settings: Settings = defaultSettings(),
): { declaration: Declaration; lines: DeclarationLines; province?: ResolvedProvince } {
  const lc = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line ?? 1;
    throw new UsageError(`${display}:${line}: invalid YAML: ${e.message.split('\n')[0]}`);
  }
  let value: unknown;
  try {
    value = doc.toJS();
  } catch (err) {
    throw new UsageError(`${display}: invalid YAML: ${yamlMessage(err)}`);
  }
  if (value === null || value === undefined) {
    throw new UsageError(`${display}:1: the declaration is empty (required keys: ${schema.required.join(', ')})`);
  }
  const at = (path: Array<string | number>, keyItself = false) => lineOf(doc, lc, path, keyItself);
  if (!validate(value)) {
    const msgs = dedupe((validate.errors ?? []).map((err) => describeError(err, value, at, display)));
    throw new UsageError(`invalid declaration ${display}:\n  ${msgs.join('\n  ')}`);
  }
  const d = value;
  const problems: string[] = [];
  const problem = (path: Array<string | number>, message: string) =>
    problems.push(`${display}:${at(path)}: "${path.join('.')}" ${message}`);

  // Real dates (the schema only checks the shape).
  const checkDate = (path: Array<string | number>, v: string | undefined) => {
    if (v !== undefined && !isRealDate(v)) problem(path, `is not a real calendar date: "${v}" (YYYY-MM-DD)`);
  };
  checkDate(['securityAssessment', 'date'], d.securityAssessment.date);
  (d.notices ?? []).forEach((n, i) => {
    checkDate(['notices', i, 'submitted'], n.submitted);
    checkDate(['notices', i, 'goLive'], n.goLive);
    checkDate(['notices', i, 'approved', 'date'], n.approved?.date);
    if (isRealDate(n.submitted) && isRealDate(n.goLive) && n.goLive < n.submitted) {
      problem(['notices', i, 'goLive'], `(${n.goLive}) is before the notice was submitted (${n.submitted})`);
    }
    if (n.approved && isRealDate(n.submitted) && isRealDate(n.approved.date) && n.approved.date < n.submitted) {
      problem(['notices', i, 'approved', 'date'], `(${n.approved.date}) is before the notice was submitted (${n.submitted})`);
    }
  });

  // The province: one of the 34 units since 1 July 2025, or a pre-2025 province merged into one.
  const province = d.province !== undefined ? resolveProvince(d.province) : undefined;
  if (d.province !== undefined && !province) {
    problem(
      ['province'],
      `"${d.province}" is not a provincial-level unit: write one of the 34 provinces and centrally-run cities since 1 July 2025 ` +
        `(Nghị quyết 202/2025/QH15), e.g. ${PROVINCIAL_UNITS.slice(0, 3)
          .map((u) => `"${u.name}"`)
          .join(', ')}, "Hưng Yên" — with or without "tỉnh"/"thành phố"; a province merged in 2025 is accepted under its former name`,
    );
  }

  // Accounts: unique names, and a secretRef that names a place, not a secret.
  const seen = new Map<string, number>();
  d.accounts.forEach((a, i) => {
    const first = seen.get(a.name);
    if (first !== undefined) problem(['accounts', i, 'name'], `"${a.name}" is declared twice (also accounts.${first})`);
    else seen.set(a.name, i);
    const why = secretLikeness(a.secretRef, settings);
    if (why) {
      problem(
        ['accounts', i, 'secretRef'],
        `looks like a secret value (${why}, ${redact(a.secretRef)}), not a reference: write where the secret lives ` +
          '(e.g. "k8s Secret dancu-account/secretKey", "vault:kv/dvc/dancu#password"), never the secret itself — ' +
          'and rotate it: it has been written into the repository',
      );
    }
  });

  if (problems.length > 0) throw new UsageError(`invalid declaration ${display}:\n  ${problems.join('\n  ')}`);

  const lines: DeclarationLines = {
    province: d.province !== undefined ? at(['province']) : 1,
    securityLevel: at(['securityLevel']),
    securityAssessment: at(['securityAssessment']),
    notices: d.notices ? at(['notices'], true) : 1,
    accounts: d.accounts.map((_, i) => at(['accounts', i])),
    notice: (d.notices ?? []).map((_, i) => at(['notices', i])),
    approved: (d.notices ?? []).map((n, i) => (n.approved ? at(['notices', i, 'approved']) : undefined)),
  };
  return { declaration: d, lines, ...(province ? { province } : {}) };
}

// ---------------------------------------------------------------------------

export function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === s;
}

const REFERENCE_SEGMENT = [
  /^[A-Z][A-Z0-9_]*$/, // ENV_NAME
  /^[a-z][a-z0-9_-]*$/, // kebab / snake
  /^[a-z]+(?:[A-Z][a-z0-9]*)+$/, // camelCase
  /^(?:[A-Z][a-z0-9]*)+$/, // PascalCase
];

/**
 * Why a `secretRef` looks like a secret rather than a reference, or undefined. A known
 * format (JWT, private key, user:pass URL, base64 user:pass, connection string) always
 * does; a reference (`${X}`, `vault:…`, a secret-store ARN) never does; otherwise a
 * whitespace-free segment is secret-like when it has high entropy or mixes letters,
 * digits and symbols in a way names do not.
 */
export function secretLikeness(value: string, settings: Settings): string | undefined {
  const v = value.trim();
  const kind = classifyValue(undefined, v, settings);
  if (kind && kind !== 'named-literal' && kind !== 'high-entropy') return kind;
  if (isPlaceholder(v)) return undefined;
  if (/\s/.test(v)) return undefined; // prose: "k8s Secret dancu-account, key secretKey"
  for (const seg of v.split(/[/:#@.]+/)) {
    if (seg.length < 8) continue;
    if (seg.length >= 16 && shannonEntropy(seg) >= 3.5 && !REFERENCE_SEGMENT.some((re) => re.test(seg))) return 'high entropy';
    const lower = /[a-z]/.test(seg);
    const upper = /[A-Z]/.test(seg);
    const digit = /\d/.test(seg);
    const symbol = /[^A-Za-z0-9_-]/.test(seg);
    if (digit && (lower || upper) && symbol) return 'letters, digits and symbols';
    if (digit && lower && upper && !REFERENCE_SEGMENT.some((re) => re.test(seg))) return 'mixed-case letters and digits';
  }
  return undefined;
}

function dedupe(list: string[]): string[] {
  return [...new Set(list)];
}

type LineAt = (path: Array<string | number>, keyItself?: boolean) => number;

/** The sub-schema at an instance path (for the known keys of an object). */
function schemaAt(path: Array<string | number>): { properties?: Record<string, unknown> } | undefined {
  type S = { properties?: Record<string, S>; items?: S; $ref?: string };
  const root = schema as unknown as S & { definitions: Record<string, S> };
  const deref = (s: S | undefined): S | undefined =>
    s?.$ref?.startsWith('#/definitions/') ? root.definitions[s.$ref.slice('#/definitions/'.length)] : s;
  let s: S | undefined = root;
  for (const seg of path) {
    s = deref(s);
    if (!s) return undefined;
    s = typeof seg === 'number' ? s.items : s.properties?.[seg];
  }
  return deref(s);
}

function valueAt(value: unknown, path: Array<string | number>): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}…` : v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return String(v);
}

function describeError(err: ErrorObject, value: unknown, at: LineAt, display: string): string {
  const path = err.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const where = path.length ? `"${path.join('.')}"` : 'the declaration';
  switch (err.keyword) {
    case 'additionalProperties': {
      const key = String((err.params as { additionalProperty: string }).additionalProperty);
      const known = Object.keys(schemaAt(path)?.properties ?? {}).join(', ');
      return `${display}:${at([...path, key], true)}: unknown key "${[...path, key].join('.')}" (known keys${path.length ? ` of ${where}` : ''}: ${known})`;
    }
    case 'required': {
      const key = String((err.params as { missingProperty: string }).missingProperty);
      return `${display}:${at(path)}: missing required key "${[...path, key].join('.')}"`;
    }
    case 'pattern': {
      const got = show(valueAt(value, path));
      const pattern = String((err.params as { pattern: string }).pattern);
      if (pattern.startsWith('^sha256')) {
        return `${display}:${at(path)}: ${where} must be "sha256:" followed by 64 lowercase hex digits, as printed by \`dancu-guard fingerprint\` (got ${got})`;
      }
      return `${display}:${at(path)}: ${where} must be a date YYYY-MM-DD (got ${got})`;
    }
    case 'type':
      return `${display}:${at(path)}: ${where} must be ${(err.params as { type: string }).type} (got ${show(valueAt(value, path))})`;
    case 'enum':
      return `${display}:${at(path)}: ${where} must be one of ${((err.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')} (got ${show(valueAt(value, path))})`;
    case 'const':
      return `${display}:${at(path)}: ${where} must be ${JSON.stringify((err.params as { allowedValue: unknown }).allowedValue)} (got ${show(valueAt(value, path))})`;
    default:
      return `${display}:${at(path)}: ${where} ${err.message ?? 'is invalid'}`;
  }
}

/** Line of the node at `path` (or of its key, for unknown keys). */
function lineOf(doc: Document, lc: LineCounter, path: Array<string | number>, keyItself = false): number {
  if (keyItself && path.length > 0) {
    const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
    const items = (parent as { items?: Array<{ key?: unknown }> } | null)?.items ?? [];
    const pair = items.find((p) => isNode(p.key) && (p.key as { value?: unknown }).value === path[path.length - 1]);
    const range = isNode(pair?.key) ? pair!.key.range : undefined;
    if (range) return lc.linePos(range[0]).line;
  }
  // A missing node: the nearest existing ancestor.
  for (let n = path.length; n >= 0; n--) {
    const node = n ? doc.getIn(path.slice(0, n), true) : doc.contents;
    const range = isNode(node) ? node.range : undefined;
    if (range) return lc.linePos(range[0]).line;
  }
  return 1;
}
