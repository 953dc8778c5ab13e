/**
 * Turn the policies' raw results into Findings: join each with its rule's METADATA
 * (title, severity, category, remediation, basis) and give it a fingerprint.
 */
import type { RuleCatalog } from '../policy/bundle.js';
import type { RawFinding } from '../policy/evaluate.js';
import { PolicyError } from '../util/errors.js';
import { redactText } from '../util/redact.js';
import { fingerprint } from './fingerprint.js';
import { sortFindings } from './order.js';
import { SEVERITIES, type Finding, type Lang, type Severity } from './types.js';

export function buildFindings(raw: readonly RawFinding[], catalog: RuleCatalog, lang: Lang): Finding[] {
  const findings = raw.map((r): Finding => {
    const meta = catalog[r.rule];
    if (!meta) {
      // A rule without METADATA cannot be reported honestly: fail closed.
      throw new PolicyError(`policy emitted rule ${r.rule}, which has no METADATA in policies/bundle/rules.json`);
    }
    const severity =
      r.severity && (SEVERITIES as readonly string[]).includes(r.severity) ? (r.severity as Severity) : meta.severity;
    const f: Finding = {
      ruleId: meta.id,
      title: meta.title[lang],
      category: meta.category,
      severity,
      file: r.file,
      line: Math.max(1, r.line),
      // Messages quote values from the repository: every one passes the one redaction path.
      message: redactText(r.message[lang] || r.message.en),
      remediation: meta.remediation[lang],
      basis: meta.basis,
      fingerprint: fingerprint(meta.id, r.file, r.match ?? `${r.key ?? ''}:${r.line}`),
    };
    if (r.column !== undefined) f.column = r.column;
    if (r.endLine !== undefined) f.endLine = r.endLine;
    if (r.value !== undefined) f.value = r.value;
    return f;
  });
  return sortFindings(findings);
}

// Callers that merge findings from several builds sort them the same way.
export { sortFindings };
