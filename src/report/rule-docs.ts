/**
 * Where each rule is documented: docs/rules/<ID>.md (English) and <ID>.vi.md
 * (Vietnamese), generated from the rules' METADATA by `npm run build:docs`. SARIF
 * (`helpUri`), the text report's footer and `dancu-guard explain` link there.
 *
 * RULE_DOCS_BASE_URL is the one place the published location is written: the
 * repository's docs/rules/ folder on its default branch (see docs/releasing.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { POLICIES_DIR } from '../policy/settings.js';
import { PolicyError } from '../util/errors.js';
import type { Lang } from '../findings/types.js';

export const RULE_DOCS_BASE_URL = 'https://github.com/your-org/dancu-guard/blob/main/docs/rules/';

/** The file name of a rule's page in docs/rules/. */
export function ruleDocFile(ruleId: string, lang: Lang): string {
  return lang === 'vi' ? `${ruleId}.vi.md` : `${ruleId}.md`;
}

export function ruleDocUrl(ruleId: string, lang: Lang = 'en'): string {
  return `${RULE_DOCS_BASE_URL}${encodeURIComponent(ruleDocFile(ruleId, lang))}`;
}

// ---------------------------------------------------------------- the docs' own data


type Text = { en: string; vi: string };

/** A requirement of the letters (R1..R8): what it asks, and the letters' own words. */
export interface Requirement {
  title: Text;
  explain: Text;
  quotes: Array<{ document: string; clause: string; text: string }>;
}

/** What a rule's METADATA does not say: why it matters, and a non-compliant and a compliant example. */
export interface RuleDoc {
  why: Text;
  example: { language: string; bad: string; good: string };
}

export interface RuleDocsData {
  requirements: Record<string, Requirement>;
  rules: Record<string, RuleDoc>;
}

/** policies/data/rule-docs.json: one source for `explain` and docs/rules/ (scripts/build-rule-docs.mjs). */
export const RULE_DOCS_FILE = join(POLICIES_DIR, 'data', 'rule-docs.json');

let cache: RuleDocsData | undefined;
export function ruleDocsData(): RuleDocsData {
  if (!cache) {
    try {
      cache = JSON.parse(readFileSync(RULE_DOCS_FILE, 'utf8')) as RuleDocsData;
    } catch (err) {
      throw PolicyError.of('ruleDocs.cannotRead', { file: RULE_DOCS_FILE, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message });
    }
  }
  return cache;
}
