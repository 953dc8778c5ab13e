/**
 * The facts document: what collectors saw in the scanned tree, with no verdicts.
 *
 * This is the single input the Rego policies judge, and the source of truth for its
 * contract: `npm run build:schema` generates its JSON Schema
 * (`src/contracts/schemas/facts.json`, checked with ajv at the evaluation boundary and
 * by `opa check --schema` against the policies) from these types. The JSDoc tags
 * `@asType`, `@minimum`, `@pattern`, `@minLength`, `@maxLength` are schema constraints:
 * edit them here, then rebuild the schema (a test fails when it is stale).
 * Every path is repo-relative with forward slashes; every line is 1-based.
 * Secret values NEVER appear here in clear: collectors put only a redacted form,
 * a length, an entropy figure and a hash into a credential fact.
 */

import type { RepoPath, Line, Column, Count, IsoDate, SurfaceFingerprint, KeyId, FileKind, Language, ConfigFormat, Location } from './primitives.js';
export type { RepoPath, Line, Column, Count, IsoDate, SurfaceFingerprint, KeyId, FileKind, Language, ConfigFormat, Location } from './primitives.js';

export const FACTS_VERSION = 1 as const;

/**
 * The part a file plays beyond its kind (src/discover/roles.ts), decided by path and
 * content: third-party code copied in, built output, a translation catalogue, a test or
 * fixture, documentation or an example. Absent: the project's own code or config.
 */
export type FileRole =
  | 'vendored' // third-party code as its authors ship it (vendor/, node_modules/, a library with its licence banner)
  | 'bundle' // built output: minified, webpack/UMD-wrapped or bundled JavaScript
  | 'translation' // a catalogue of texts for people (i18n JSON/YAML, PHP lang arrays, .po, .properties bundles)
  | 'test' // tests, fixtures and test configuration
  | 'docs'; // documentation, examples and samples

export interface FileFact {
  path: RepoPath;
  kind: FileKind;
  language?: Language;
  format?: ConfigFormat;
  /** What part the file plays, when not the project's own code or config. */
  role?: FileRole;
  size: Count;
  /**
   * Set when the file is, by its own shape, a stand-alone program rather than part
   * of a served application: a script, a `bin` entry, a CLI `main`, a cron job,
   * browser automation, a notebook.
   */
  tool?: ToolFact;
}

export type ToolKind = 'script' | 'bin' | 'cli' | 'cron' | 'browser-automation' | 'notebook' | 'console-command';

export interface ToolFact {
  kind: ToolKind;
  /** Why we think so, e.g. "shebang", "package.json bin", "require.main === module", "imports puppeteer". */
  reason: string;
  line: Line;
}

/** How the target of a call site was worked out. */
export type ResolutionStep =
  | 'literal'
  | 'constant'
  | 'template'
  | 'concatenation'
  | 'env-default'
  | 'env'
  | 'import'
  | 'config'
  | 'property';

export interface TargetFact {
  /**
   * The URL (or URL prefix) the call reaches, as far as it resolves. Unresolved
   * parts of a template are kept as `${…}`. Absent when nothing resolved.
   */
  url?: string;
  /** SOAP namespace in use at the call, e.g. "http://dancuquocgia.bca". */
  namespace?: string;
  /** SOAP operation / method name, e.g. "TraCuuThongTinCongDan". */
  operation?: string;
  /** Names of env vars / config keys the target was read from, e.g. "DANCU_URL". */
  keys?: string[];
  /** The chain of steps that produced `url`, outermost first. */
  via: ResolutionStep[];
  /** Where the resolved value was written, when not at the call itself. */
  definedAt?: Location;
  /**
   * Names in the code path of the call (its function) that the settings list as
   * citizen-lookup fields or gateway markers (`SoDinhDanh`, `MaCanBo`,
   * `lgspaccesstoken`): they tell a gateway call that carries lookups, or a gateway
   * call whose URL did not resolve.
   */
  fields?: string[];
}

export interface CallSiteFact extends Location {
  language: Language;
  /**
   * The HTTP/SOAP client used: fetch, axios, got, undici, http, https, soap, …
   * @minLength 1
   */
  client: string;
  /**
   * The call expression as written, trimmed to 200 chars (no secrets: literals > 40 chars are elided).
   * @maxLength 400
   */
  callee: string;
  target: TargetFact;
  /** Enclosing function/method name, or "<module>" at top level. */
  function: { name: string; line: Line };
  /**
   * Names of every call made in the enclosing function (e.g. "logger.info", "auditLog",
   * "writeHistory"), so that policy can decide whether one is an audit/log call.
   */
  callsInFunction: string[];
  /**
   * For each caller of the enclosing function in the same file: its name and the calls
   * it makes. Lets policy accept audit logging done one level up.
   */
  callers: Array<{ name: string; line: Line; calls: string[] }>;
  /** The innermost loop (for/while/forEach/map/…) around the call, if any, in this function or a caller in the same file. */
  loop?: { kind: string; line: Line };
  /** Limiter seen wrapping the call (Bottleneck, p-limit, …), if any. */
  limiter?: { name: string; line: Line };
  /** TLS verification disabled for this call (rejectUnauthorized: false, …). */
  tlsVerifyDisabled?: { setting: string; line: Line };
  /**
   * The call is made from browser code (a front-end app): a relative URL or one whose
   * origin did not resolve is the application's own backend, not the DB.
   */
  browser?: boolean;
  /**
   * Audit records written in the code path that a logger name does not show: a helper
   * (in this file or another) whose body writes a log, an entity persisted through a
   * repository, an SQL `INSERT` into a table. Policy decides which count
   * (`loggerPatterns` for a helper's calls, `auditRecordPatterns` for entities and tables).
   */
  auditWrites?: AuditWriteFact[];
}

/** One audit record written on a call's code path (see `CallSiteFact.auditWrites`). */
export interface AuditWriteFact {
  kind: 'helper' | 'entity' | 'insert';
  /** helper: the function called; entity: the persisted type; insert: the table. */
  name: string;
  /** Where it is written (called, persisted) in the call's path. */
  line: Line;
  /** The file of that line when it is not the call's (a caller elsewhere). */
  file?: RepoPath;
  /** helper: the calls its body makes, and those of the helpers it calls (bounded depth). */
  calls?: string[];
  /** entity: the call that persists it (`_repositoryLog.AddAsync`, `save`). */
  via?: string;
}

/**
 * A log write near an integration: a logger call in a function that makes a client
 * call, with what it writes that a careful reviewer would not want in a log.
 */
export interface LogWriteFact extends Location {
  language: Language;
  /** The logger call as named in the code (`_logger.LogInformation`, `log.info`). */
  logger: string;
  function: { name: string; line: Line };
  /**
   * What the log receives: `response` (the body a client call returned, or what was
   * parsed from it), `serialized` (an object serialised whole), `secret` (a value under a
   * sensitive name), `secret-carrier` (an object a sensitive value is read from, logged
   * whole). `expr` is the expression, trimmed (never a literal value).
   */
  contents: Array<{ kind: 'response' | 'serialized' | 'secret' | 'secret-carrier'; expr: string }>;
}

/**
 * An officer-id field of a request (`MaCanBo`, settings.officerFieldPatterns) given a
 * value: where that value comes from.
 */
export interface OfficerFieldFact extends Location {
  language: Language;
  field: string;
  /**
   * literal / constant: written in the code; config / env: one value from configuration
   * for every officer; user: the signed-in user (claims, session, current user);
   * other: anything else (a parameter, a request body).
   */
  source: 'literal' | 'constant' | 'config' | 'env' | 'user' | 'other';
  /** Config keys or env names it is read from. */
  keys?: string[];
}

/**
 * A state-secret marking (`TUYỆT MẬT`, `TỐI MẬT`, a stand-alone `MẬT`, `Độ mật`, "bí mật
 * nhà nước", a `DoMat` field with a value) in a file of the scanned system.
 */
export interface MarkingFact extends Location {
  /** The marking as written (a stamp, a phrase, a field name). */
  marking: string;
  kind: 'stamp' | 'phrase' | 'field';
  /** A select list / enumeration of secrecy levels (a document-management UI): weaker evidence. */
  levelList?: boolean;
  /** Where it sits: program code, a template or markup, a document, a config file. */
  context: 'code' | 'template' | 'document' | 'config';
}

/** A TLS-verification switch found anywhere, whether or not tied to a call site. */
export interface TlsSettingFact extends Location {
  setting: string;
  language?: Language;
  format?: ConfigFormat;
}

/** Where a credential candidate sits. */
export type CredentialSource =
  | 'source' // program code
  | 'k8s-env' // Kubernetes container env[].value
  | 'k8s-secret' // Kubernetes Secret data/stringData
  | 'k8s-configmap'
  | 'helm-values'
  | 'compose-env'
  | 'workflow-env'
  | 'spring'
  | 'dotenv'
  | 'properties'
  | 'appsettings'
  | 'dockerfile'
  | 'config' // other YAML/JSON
  | 'text'; // a plain-text match (PEM block, JWT) in a file of any kind

/** The shape of the candidate value. */
export type CredentialKind =
  | 'named-literal' // a literal bound to a sensitive name
  | 'auth-header' // Authorization header built from a literal
  | 'auth-object' // { username, password } / auth: {...} built from literals
  | 'basic-auth-url' // scheme://user:pass@host
  | 'base64-userpass' // base64 that decodes to user:pass
  | 'jwt'
  | 'private-key'
  | 'connection-string'
  | 'token' // a vendor-format API key / access token (AWS, GitHub, Slack, npm, …): recognisable by shape alone
  | 'high-entropy';

/**
 * What the secret part looks like (src/collect/credentials/shapes.ts), so that policy can
 * ask for more evidence where a weak value is expected (tests) and treat well-known
 * defaults apart.
 */
export type ValueShape =
  | 'default' // a well-known default or trivial value: postgres, root, admin, 123456, one to three characters
  | 'word' // letters only: a word or words someone chose
  | 'human' // chosen by a person: letters with digits or symbols, short or of low entropy
  | 'random'; // key material: long and random (high entropy), a UUID, a vendor token

export interface CredentialFact extends Location {
  source: CredentialSource;
  kind: CredentialKind;
  /** The name the value is bound to (key, variable, header), if any. */
  key?: string;
  /**
   * Redacted value: at most the first 2 and last 2 characters, e.g. "s3…9x".
   * @maxLength 8
   */
  redacted: string;
  length: Count;
  /**
   * Shannon entropy in bits per character.
   * @minimum 0
   */
  entropy: number;
  /** True when the value is a placeholder or a reference, not a secret (policy ignores these). */
  placeholder: boolean;
  /** What the value looks like. */
  shape?: ValueShape;
  /** For Kubernetes Secret data: the value was base64 and has been decoded. */
  decoded?: boolean;
  /**
   * sha256 hex of the clear value, so findings can be fingerprinted without the value.
   * @pattern ^[0-9a-f]{64}$
   */
  valueHash: string;
}

/** An endpoint URL seen in config, manifests or source code (not a call). */
export interface EndpointFact extends Location {
  key?: string;
  url: string;
  source: CredentialSource;
  /** Browser automation navigates to it here (`page.goto(url)`, `driver.get(url)`). */
  navigation?: boolean;
  /**
   * For a URL written in source: the URLs of the call sites of this scan built from it
   * (their `target.definedAt` is here), so a problem reported at the call is not
   * reported again where the URL is written.
   */
  reachedBy?: string[];
}

/**
 * A file that could not be parsed, was skipped, or was not (wholly) analysed; reported,
 * and the scan goes on. `parse-error`: malformed, but what parsed was still read.
 * `not-analysed`: an analyser failed on the file or gave up on part of it (nesting too
 * deep, internal error, the per-file time limit), so facts may be missing: like a skipped file, it blocks.
 */
export interface DiagnosticFact {
  file: RepoPath;
  line: Line;
  column?: Column;
  kind: 'parse-error' | 'not-analysed' | 'skipped-binary' | 'skipped-size' | 'skipped-encoding' | 'unreadable';
  message: string;
  /** For a file discovery could not read: its role by path (a vendored library, a bundle over the size limit). */
  role?: FileRole;
}

/**
 * An inline `dancu-guard:ignore <rule-id|category>[,…] -- <reason>` directive. It
 * applies to findings on its own line and on the line below.
 */
export interface SuppressionFact {
  file: RepoPath;
  line: Line;
  /** Rule ids or categories named; empty when the directive names none (malformed). */
  targets: string[];
  /**
   * The text after `--`; absent when no reason was given (itself a finding).
   * @minLength 1
   */
  reason?: string;
}

/** A config exception (`exceptions:` in .dancu-guard.yml), with its expiry already judged. */
export interface ExceptionFact {
  /** The config file it is written in, repo-relative when inside the root. */
  file: string;
  line: Line;
  rule: string;
  paths: string[];
  reason: string;
  expires: IsoDate;
  expired: boolean;
}

/**
 * A change that weakens the gate, found in PR mode (the Action on a pull request,
 * `scan --changed-since`) by comparing what the change does to the policy inputs
 * (config, ignore file, baseline, inline directives) with the base commit's: an
 * exception, ignore, approval glob, logger or limiter pattern, baseline entry or inline
 * directive added or widened, a tightening entry removed. The policies report each
 * (DG-CFG-005); the change's own values are not applied.
 */
export interface WeakeningFact {
  kind: WeakeningKind;
  /** Where the weakening is written, repo-relative when inside the root. */
  file: string;
  line: Line;
  /**
   * What was added, widened or removed, in words: globs, patterns, rule ids,
   * fingerprints — never a value.
   * @minLength 1
   */
  what: string;
}

export type WeakeningKind =
  | 'exception' // config `exceptions`: added, or its rule, paths or expiry widened
  | 'ignore' // config `ignore`: a path added (or a `!` re-include removed)
  | 'ignore-file' // `.dancu-guardignore`: the same
  | 'approved-module' // config `approvedModules`: a glob added
  | 'approved-tool' // config `approvedTools`: a glob added
  | 'logger' // config `loggers`: a pattern added
  | 'limiter' // config `limiters`: a pattern added
  | 'tier' // config `portals`, `gateways`: a host pattern added (it moves hosts between tiers)
  | 'pattern-removed' // `endpoints`, `soapNamespaces`, `operations`, `sensitiveKeys`, `calendar.off`: an entry removed
  | 'fail-on' // config `failOn`: raised (fewer severities block)
  | 'calendar' // config `calendar.work`: an extra working day added
  | 'baseline' // the baseline file: an entry added
  | 'inline-suppression'; // a `dancu-guard:ignore` directive added or widened

export interface RepoFact {
  /** Name of the scanned root directory (not its absolute path). */
  name: string;
  /** package.json `bin` entries, repo-relative. */
  binEntries: string[];
}

export interface Facts {
  version: typeof FACTS_VERSION;
  repo: RepoFact;
  files: FileFact[];
  callSites: CallSiteFact[];
  credentials: CredentialFact[];
  endpoints: EndpointFact[];
  tlsSettings: TlsSettingFact[];
  diagnostics: DiagnosticFact[];
  suppressions: SuppressionFact[];
  /** Log writes near integrations (audit-log quality). */
  logWrites?: LogWriteFact[];
  /** Officer-id fields given a value (audit-log quality). */
  officerFields?: OfficerFieldFact[];
  /** State-secret markings. */
  markings?: MarkingFact[];
  /** Repo-level: travels with every chunk. */
  exceptions: ExceptionFact[];
  /** PR mode only: what the change weakens (repo-level: travels with every chunk). */
  weakenings?: WeakeningFact[];
  /**
   * Pre-deployment gate facts, present only when `dancu-guard gate` runs (judged by the
   * `dancu.gate` policies, entrypoint `dancu/gate/findings`, never by the scan's).
   */
  gate?: GateFact;
}

/**
 * What the pre-deployment gate knows (src/gate/): the integration declaration
 * (`dancu-integration.yml`), its notices with the working-day figures the calendar
 * computed, the current integration fingerprint, the lock file's per-file changes and
 * the daily capacity of rate limiters. Dates are `YYYY-MM-DD`; no secret appears here
 * (accounts carry names and quotas, never `secretRef`).
 */
export interface GateFact {
  /** The day the deployment is judged for. */
  deployDate: IsoDate;
  /** Working days a notice must precede go-live by (R5: 10). */
  requiredWorkingDays: Count;
  declaration: GateDeclarationFact;
  accounts: GateAccountFact[];
  notices: GateNoticeFact[];
  fingerprint: {
    /** `sha256:<64 hex>` of the integration surface now. */
    current: SurfaceFingerprint;
    /** Repo-relative paths the fingerprint covers. */
    files: RepoPath[];
  };
  lock: GateLockFact;
  limiters: GateLimiterFact[];
  /** Signed approvals: the trusted keys and the attestations found (src/gate/attest/). */
  approvals: GateApprovalsFact;
}

export interface GateDeclarationFact {
  /** Repo-relative path of the declaration (the expected one when absent). */
  file: RepoPath;
  present: boolean;
  system?: string;
  owner?: string;
  /** Line of the `notices` key. */
  noticesLine?: Line;
  securityLevel?: {
    /** @asType integer */
    value: number;
    line: Line;
  };
  securityAssessment?: {
    date: IsoDate;
    reference: string;
    /** The last deploy date the assessment covers (date + 12 months). */
    validUntil: IsoDate;
    line: Line;
  };
}

export interface GateAccountFact {
  name: string;
  dailyQuota: Count;
  /** Globs of the files using this account; absent = every file. */
  paths?: string[];
  line: Line;
}

export interface GateNoticeFact {
  reference: string;
  line: Line;
  submitted: IsoDate;
  goLive: IsoDate;
  fingerprint: SurfaceFingerprint;
  approved?: { reference: string; date: IsoDate; line: Line };
  /**
   * Working days strictly between submission and go-live (calendar.explain).
   * @asType integer
   */
  workingDays: number;
  /** Mon–Fri in the same window, holidays ignored. */
  weekdaysOnly: Count;
  earliestGoLive: IsoDate;
  /** Named days off in the window (holidays, nghỉ bù, swapped days). */
  holidaysSkipped: Array<{ date: IsoDate; name: string }>;
}

export interface GateLockFact {
  /** Repo-relative path of the lock file (`dancu-integration.lock.json`). */
  file: RepoPath;
  present: boolean;
  fingerprint?: SurfaceFingerprint;
  /** Files whose hash differs from the lock (empty when the lock is absent). */
  changed: Array<{ path: RepoPath; change: 'added' | 'removed' | 'modified' }>;
}

/**
 * Signed approvals (docs/approvals.md). The gate was given `trustKeys` (the province's
 * public keys, from outside the repository) and read `attestations` — DSSE envelopes
 * of in-toto statements approving a notice for a fingerprint — only when it has one.
 */
export interface GateApprovalsFact {
  /** Key ids (SHA-256 of the SPKI DER, hex) of the trusted public keys. */
  trustKeys: KeyId[];
  /** `--allow-unsigned-approvals`: the province accepts declared approvals without a signature. */
  allowUnsigned: boolean;
  /** Where the gate looked for attestations (repo-relative directory). */
  directory: RepoPath;
  /**
   * The repository being gated (owner/name), when known.
   * @minLength 1
   */
  repository?: string;
  attestations: GateAttestationFact[];
}

export interface GateAttestationFact {
  /** Repo-relative path (the file name when it lies outside the repository). */
  file: RepoPath;
  /**
   * valid: a trusted key verifies a signature. bad-signature: a signature names a trusted
   * key but does not verify (altered). untrusted-key: no trusted key verifies it.
   * malformed: not readable, not a DSSE envelope, or not a dancu-guard approval statement.
   */
  status: 'valid' | 'bad-signature' | 'untrusted-key' | 'malformed';
  /** valid: the key that verified; bad-signature: the trusted key it names. */
  keyid?: KeyId;
  /** untrusted-key: the key ids its signatures name (unauthenticated hints). */
  keyids?: string[];
  /**
   * malformed: what is wrong (code for the message, detail naming the field; never the
   * contents). `detail` is English; `message` is the same detail as a message of the
   * table (src/report/i18n-errors.ts), which reports render in their language.
   */
  problem?: { code: string; detail: string; message?: { key: string; params: Record<string, string | number> } };
  /** The approval it states (trustworthy only when status is valid). */
  statement?: {
    fingerprint: SurfaceFingerprint;
    repository?: string;
    notice: { reference: string; submitted: IsoDate; goLive?: IsoDate };
    approval: { reference: string; date: IsoDate };
    approver?: string;
  };
}

/** A rate limiter whose daily capacity could be worked out from its construction. */
export interface GateLimiterFact extends Location {
  /** Bottleneck, Bucket4j, Resilience4j, Guava RateLimiter, … */
  library: string;
  /** Most calls it lets through in 24 hours (rounded up). */
  perDay: Count;
  /** How perDay was derived, e.g. "reservoir 5000 every 86400000 ms". */
  detail: string;
}

/** What one collector returns for one batch of files. */
export interface CollectedFacts {
  files?: Array<Pick<FileFact, 'path'> & Partial<FileFact>>;
  callSites?: CallSiteFact[];
  credentials?: CredentialFact[];
  endpoints?: EndpointFact[];
  tlsSettings?: TlsSettingFact[];
  diagnostics?: DiagnosticFact[];
  suppressions?: SuppressionFact[];
  logWrites?: LogWriteFact[];
  officerFields?: OfficerFieldFact[];
  markings?: MarkingFact[];
}

/**
 * The per-file lists of a facts document, which are also what a collector returns:
 * every place that merges, splits or bounds facts walks this one list.
 */
export const FILE_FACT_LISTS = ['callSites', 'credentials', 'endpoints', 'tlsSettings', 'diagnostics', 'suppressions', 'logWrites', 'officerFields', 'markings'] as const;
export type FileFactList = (typeof FILE_FACT_LISTS)[number];

export function emptyFacts(repo: RepoFact): Facts {
  return {
    version: FACTS_VERSION,
    repo,
    files: [],
    callSites: [],
    credentials: [],
    endpoints: [],
    tlsSettings: [],
    diagnostics: [],
    suppressions: [],
    logWrites: [],
    officerFields: [],
    markings: [],
    exceptions: [],
  };
}
