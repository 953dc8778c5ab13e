/**
 * The integration declaration, `dancu-integration.yml` at the repository root: the
 * system, owner, security level and assessment, the accounts that query the
 * population DB (with where their secrets live, never the secrets), the tools approved
 * in writing, and every written notice with its approval, go-live date and the
 * integration fingerprint it covers. Read with the shared document loader
 * (./document.ts) and validated against `declaration.schema.json`, then checked for
 * what a schema cannot say: real calendar dates, dates in order, unique account names,
 * and a `secretRef` that must not look like a secret value. Every problem is a
 * UsageError naming the file, the key and the line (exit 2: the gate never passes on
 * an invalid declaration).
 */
import { resolve } from 'node:path';
import { classifyValue, isPlaceholder } from '../collect/credentials/candidates.js';
import { PROVINCIAL_UNITS, resolveProvince, type ResolvedProvince } from '../gate/provinces.js';
import { defaultSettings, type Settings } from '../policy/settings.js';
import { msg, type Message, type Params, UsageError } from '../util/errors.js';
import { redact, shannonEntropy } from '../util/redact.js';
import { DocumentType, invalidDocument, isRealDate, repoRelative, type KeyPath } from './document.js';
import schema from './declaration.schema.json' with { type: 'json' };

// The gate's modules take these from here, beside the declaration they check.
export { isRealDate, repoRelative };

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

const declarationDocument = new DocumentType<Declaration>({
  what: 'declaration',
  names: DECLARATION_FILE_NAMES,
  schema,
});

/** The declaration file of a repository: an explicit path (must exist; made absolute) or one at the root. */
export function findDeclaration(root: string, explicit?: string): string | undefined {
  const found = declarationDocument.find(root, explicit);
  return found && explicit ? resolve(found) : found;
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
  return { path, file, ...parseDeclaration(declarationDocument.read(path, file), file, opts.settings) };
}

/** Like loadDeclaration, but a missing declaration is a UsageError (notice, fingerprint checks). */
export function requireDeclaration(root: string, opts: LoadOptions = {}): LoadedDeclaration {
  const loaded = loadDeclaration(root, opts);
  if (!loaded) {
    throw UsageError.of('decl.missing', { name: DECLARATION_FILE_NAMES[0]!, root });
  }
  return loaded;
}

export function parseDeclaration(
  text: string,
  display: string,
  settings: Settings = defaultSettings(),
): { declaration: Declaration; lines: DeclarationLines; province?: ResolvedProvince } {
  const { value: d, lineAt: at } = declarationDocument.parse(text, display);
  const problems: Message[] = [];
  const problem = (path: KeyPath, key: DeclarationProblem, params: Params = {}) =>
    problems.push(msg(key, { at: `${display}:${at(path)}`, key: path.join('.'), ...params }));

  // Real dates (the schema only checks the shape).
  const checkDate = (path: KeyPath, v: string | undefined) => {
    if (v !== undefined && !isRealDate(v)) problem(path, 'decl.notRealDate', { value: v });
  };
  checkDate(['securityAssessment', 'date'], d.securityAssessment.date);
  (d.notices ?? []).forEach((n, i) => {
    checkDate(['notices', i, 'submitted'], n.submitted);
    checkDate(['notices', i, 'goLive'], n.goLive);
    checkDate(['notices', i, 'approved', 'date'], n.approved?.date);
    if (isRealDate(n.submitted) && isRealDate(n.goLive) && n.goLive < n.submitted) {
      problem(['notices', i, 'goLive'], 'decl.beforeSubmitted', { date: n.goLive, submitted: n.submitted });
    }
    if (n.approved && isRealDate(n.submitted) && isRealDate(n.approved.date) && n.approved.date < n.submitted) {
      problem(['notices', i, 'approved', 'date'], 'decl.beforeSubmitted', { date: n.approved.date, submitted: n.submitted });
    }
  });

  // The province: one of the 34 units since 1 July 2025, or a pre-2025 province merged into one.
  const province = d.province !== undefined ? resolveProvince(d.province) : undefined;
  if (d.province !== undefined && !province) {
    problem(['province'], 'decl.notProvince', {
      value: d.province,
      examples: PROVINCIAL_UNITS.slice(0, 3)
        .map((u) => `"${u.name}"`)
        .join(', '),
    });
  }

  // Accounts: unique names, and a secretRef that names a place, not a secret.
  const seen = new Map<string, number>();
  d.accounts.forEach((a, i) => {
    const first = seen.get(a.name);
    if (first !== undefined) problem(['accounts', i, 'name'], 'decl.accountTwice', { name: a.name, first });
    else seen.set(a.name, i);
    const why = secretLikeness(a.secretRef, settings);
    if (why) {
      problem(['accounts', i, 'secretRef'], 'decl.secretLike', { why: SECRET_WHY[why] ?? why, redacted: redact(a.secretRef) });
    }
  });

  if (problems.length > 0) throw invalidDocument('declaration', display, problems);

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

type DeclarationProblem = 'decl.notRealDate' | 'decl.beforeSubmitted' | 'decl.notProvince' | 'decl.accountTwice' | 'decl.secretLike';

/** secretLikeness's own reasons, in words of the message table. */
const SECRET_WHY: Record<string, Message> = {
  'high entropy': msg('decl.why.highEntropy'),
  'letters, digits and symbols': msg('decl.why.symbols'),
  'mixed-case letters and digits': msg('decl.why.mixedCase'),
};

// ---------------------------------------------------------------------------

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
