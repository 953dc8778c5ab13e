/**
 * The detector contract (secretlint-style rules, Gitleaks-style keywords): each detector
 * carries its own metadata — id, family, description, the credential kind it reports,
 * and the lower-case keywords that must occur in a file before it runs — beside its logic.
 */
import type { CredentialKind } from '../../../facts/types.js';

/** Families, for documentation and per-family accuracy figures. */
export type Family =
  | 'private-key'
  | 'jwt'
  | 'aws'
  | 'gcp'
  | 'azure'
  | 'github'
  | 'gitlab'
  | 'slack'
  | 'npm'
  | 'sendgrid'
  | 'ai'
  | 'vault'
  | 'saas'
  | 'crypto'
  | 'url-credentials'
  | 'connection-string'
  | 'auth-header'
  | 'generic';

/** How values are written in the file: in `code`, an unquoted value is an expression, not a literal. */
export type Syntax = 'code' | 'config';

export interface ScanInput {
  text: string;
  /** Repo-relative path (used for the syntax and lock-file checks only). */
  file: string;
  syntax: Syntax;
  /** Start offsets of this detector's keywords in `text`, ascending (from the prefilter pass). */
  hits: readonly number[];
}

export interface RawMatch {
  /** Offset the finding is reported at (start of the token, of `Password=`, of the key). */
  index: number;
  /** The secret part: hashed, measured and redacted into the fact, never stored. */
  secret: string;
  /** Span of the secret in the text (defaults: `index` … `index + secret.length`), for overlaps. */
  start?: number;
  end?: number;
  /** Overrides the detector's kind (e.g. `_auth` that decodes to user:pass). */
  kind?: CredentialKind;
  /** The name the value is bound to, when the detector saw one. */
  key?: string;
}

export interface Detector {
  /** Stable id, e.g. `github-token`. */
  id: string;
  family: Family;
  description: string;
  /** The kind reported unless a match overrides it. */
  kind: CredentialKind;
  /** Lower-case literals; the detector runs only when one of them occurs in the file (any case). */
  keywords: readonly string[];
  /** Keyword-context detectors yield to format detectors that matched the same characters. */
  generic?: boolean;
  find(input: ScanInput): Iterable<RawMatch>;
}

/**
 * A detector's own samples (Gitleaks/secretlint style), kept in `<family>.samples.ts`
 * beside the family's module and run by one test over every detector: true positives the
 * detector must find with the expected kind, true negatives on which the engine must stay
 * silent. Synthetic values only.
 */
export interface DetectorSample {
  /** The text scanned. */
  text: string;
  /** The repo-relative path it is scanned as (sets code/config syntax). Default `sample.cfg`. */
  file?: string;
  /** Positive: the kind the match must have (default: the detector's kind). */
  kind?: CredentialKind;
  /** Positive: the secret part the match must report. */
  secret?: string;
  /** Positive: the name the match must report the value under. */
  key?: string;
  /** Negative: other detectors may match this text; only this one must stay silent. */
  othersMayMatch?: boolean;
  /** Why the sample is there (a near miss, a documentation value, …). */
  note?: string;
}

export interface DetectorSamples {
  positives: readonly DetectorSample[];
  negatives: readonly DetectorSample[];
}

/** The samples of one family module, by detector id. */
export type SampleSet = Readonly<Record<string, DetectorSamples>>;

/** A detector's match, resolved: what the engine returns. */
export interface SecretMatch {
  detector: string;
  family: Family;
  kind: CredentialKind;
  index: number;
  start: number;
  end: number;
  secret: string;
  key?: string;
}

export interface RegexDetectorSpec {
  id: string;
  family: Family;
  description: string;
  kind: CredentialKind;
  keywords: readonly string[];
  /** A global regex. With `anchored`, it is tried only where a keyword starts (sticky). */
  pattern: RegExp;
  /** The match starts exactly at a keyword (a token prefix such as `ghp_`): no full-text regex pass. */
  anchored?: boolean;
  /** Capture group holding the secret (default: the whole match). */
  group?: number;
  /** Extra checks on a match (placeholders, checksums, context); false drops it. */
  validate?(secret: string, m: RegExpExecArray, input: ScanInput): boolean;
  /** The name every match is reported under (`Authorization`, `--user`). */
  key?: string;
  /** Derive the kind/key from the match. */
  refine?(secret: string, m: RegExpExecArray): Pick<RawMatch, 'kind' | 'key'> | undefined;
}

/** A detector from a regex: the common case for vendor token formats. */
export function regexDetector(spec: RegexDetectorSpec): Detector {
  const flags = spec.pattern.flags.replace(/[gy]/g, '');
  const global = new RegExp(spec.pattern.source, `${flags}g`);
  const sticky = new RegExp(spec.pattern.source, `${flags}y`);
  const group = spec.group ?? 0;
  function toMatch(m: RegExpExecArray, input: ScanInput): RawMatch | undefined {
    const secret = m[group];
    if (!secret) return undefined;
    if (spec.validate && !spec.validate(secret, m, input)) return undefined;
    const start = m.index + (group === 0 ? 0 : m[0].indexOf(secret));
    const r: RawMatch = { index: start, secret, start, end: start + secret.length };
    if (spec.key) r.key = spec.key;
    const extra = spec.refine?.(secret, m);
    if (extra?.kind) r.kind = extra.kind;
    if (extra?.key) r.key = extra.key;
    return r;
  }
  return {
    id: spec.id,
    family: spec.family,
    description: spec.description,
    kind: spec.kind,
    keywords: spec.keywords,
    *find(input) {
      if (spec.anchored) {
        let last = -1;
        for (const at of input.hits) {
          if (at < last) continue;
          sticky.lastIndex = at;
          const m = sticky.exec(input.text);
          if (!m) continue;
          last = m.index + m[0].length;
          const r = toMatch(m, input);
          if (r) yield r;
        }
        return;
      }
      global.lastIndex = 0;
      for (const m of input.text.matchAll(global)) {
        const r = toMatch(m, input);
        if (r) yield r;
      }
    },
  };
}

/** The line containing `offset`: [start, end) without the newline. */
export function lineAt(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  return { start, end };
}

/** Distinct lines holding the given offsets, in order. */
export function* linesAt(text: string, offsets: readonly number[]): Generator<{ start: number; end: number; line: string }> {
  let lastEnd = -1;
  for (const at of offsets) {
    if (at <= lastEnd) continue;
    const { start, end } = lineAt(text, at);
    lastEnd = end;
    yield { start, end, line: text.slice(start, end) };
  }
}
