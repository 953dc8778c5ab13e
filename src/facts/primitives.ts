/**
 * The primitive types of the facts document (paths, lines, dates, file kinds, languages,
 * locations), with their schema constraints: see src/facts/types.ts, which re-exports
 * them. A module of their own so the document's types stay readable.
 */
/**
 * A repo-relative path with forward slashes: not empty, no backslash, not absolute, not
 * climbing out of the root.
 * @pattern ^(?!/|\.\./)[^\\]+$
 */
export type RepoPath = string;

/**
 * A 1-based line number.
 * @asType integer
 * @minimum 1
 */
export type Line = number;

/**
 * A 1-based column.
 * @asType integer
 * @minimum 1
 */
export type Column = number;

/**
 * A count or size: a whole number, never negative.
 * @asType integer
 * @minimum 0
 */
export type Count = number;

/**
 * A calendar date, YYYY-MM-DD.
 * @pattern ^\d{4}-\d{2}-\d{2}$
 */
export type IsoDate = string;

/**
 * An integration fingerprint: `sha256:` and 64 lowercase hex digits.
 * @pattern ^sha256:[0-9a-f]{64}$
 */
export type SurfaceFingerprint = string;

/**
 * A public key's id: the SHA-256 of its SPKI DER, 64 lowercase hex digits.
 * @pattern ^[0-9a-f]{64}$
 */
export type KeyId = string;

/** What discovery decided a file is. */
export type FileKind =
  | 'source' // program code in a language we parse
  | 'manifest' // deployment manifest (k8s, helm, compose, workflow, Dockerfile)
  | 'config' // application config (.env, .properties, appsettings*.json, application.yml, generic yaml/json)
  | 'doc' // markdown, text
  | 'other';

export type Language =
  | 'typescript'
  | 'javascript'
  | 'java'
  | 'csharp'
  | 'php'
  | 'python'
  | 'go'
  | 'shell'
  | 'powershell'
  | 'notebook';

/** The manifest/config flavour, when known. */
export type ConfigFormat =
  | 'k8s' // Kubernetes object (Deployment, Pod, CronJob, ConfigMap, Secret, …)
  | 'helm-values'
  | 'compose'
  | 'github-workflow'
  | 'spring' // application*.yml / application*.properties
  | 'dotenv'
  | 'properties'
  | 'appsettings'
  | 'dockerfile'
  | 'yaml' // YAML we could not place more precisely
  | 'json';

export interface Location {
  file: RepoPath;
  line: Line;
  column?: Column;
  endLine?: Line;
}
