/**
 * The finding taxonomy: the fixed category and severity names users, tools, policies
 * and reports depend on (docs/design.md, "Contracts"). Defined here once.
 *
 * `npm run build:schema` writes them to `schemas/taxonomy.json` (JSON Schema
 * definitions `Category` and `Severity`), which the build scripts read and the config
 * schema references, so nothing outside TypeScript keeps its own list.
 */

export const CATEGORIES = [
  'credentials',
  'lookup-tool',
  'logging',
  'quota',
  'change-control',
  'state-secret',
  'transport',
  'config',
] as const;

/** What a finding is about. */
export type Category = (typeof CATEGORIES)[number];

/** Most severe first. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;

/** How bad a finding is. */
export type Severity = (typeof SEVERITIES)[number];

/**
 * A rule id: `DG-<AREA>-<3 digits>`, e.g. DG-CRED-001.
 * @pattern ^DG-[A-Z]+-\d{3}$
 */
export type RuleId = string;
