import type { Formatter } from './types.js';

/** The stable, versioned JSON contract (design.md). Values are already redacted. */
export const formatJson: Formatter = (input) => {
  const doc = {
    version: 1,
    tool: input.tool,
    findings: input.findings.map((f) => ({
      ruleId: f.ruleId,
      title: f.title,
      category: f.category,
      severity: f.severity,
      file: f.file,
      line: f.line,
      ...(f.column !== undefined ? { column: f.column } : {}),
      ...(f.endLine !== undefined ? { endLine: f.endLine } : {}),
      message: f.message,
      remediation: f.remediation,
      basis: f.basis,
      fingerprint: f.fingerprint,
      ...(f.value !== undefined ? { value: f.value } : {}),
      ...(f.commit !== undefined ? { commit: f.commit } : {}),
    })),
    summary: input.summary,
    // What was accepted instead of reported, and by what; what the repository said that was not applied.
    ...(input.acceptance
      ? {
          suppressed: input.acceptance.suppressed,
          accepting: input.acceptance.accepting,
          notApplied: input.acceptance.notApplied,
          policy: {
            mode: input.acceptance.mode,
            ...(input.acceptance.trustedConfig ? { trustedConfig: input.acceptance.trustedConfig } : {}),
            ignored: input.acceptance.ignored,
            readmitted: input.acceptance.readmitted,
          },
        }
      : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
};
