/** The one finding order every report uses (src/findings/order.ts). */
import { describe, expect, it } from 'vitest';
import { compareFindings, sortFindings } from '../../src/findings/order.js';
import type { Finding, Severity } from '../../src/findings/types.js';

function finding(ruleId: string, severity: Severity, file: string, line: number, column?: number): Finding {
  return {
    ruleId,
    title: ruleId,
    category: 'config',
    severity,
    file,
    line,
    ...(column !== undefined ? { column } : {}),
    message: '',
    remediation: '',
    basis: [],
    fingerprint: `${ruleId}:${file}:${line}:${column ?? ''}`,
  };
}

const list = [
  finding('DG-TOOL-001', 'critical', 'tools/a.py', 16, 17),
  finding('DG-LOG-001', 'high', 'src/b.ts', 3, 5),
  finding('DG-CRED-001', 'critical', 'tools/a.py', 16, 106),
  finding('DG-GATE-010', 'critical', 'k8s/d.yaml', 23),
  finding('DG-CRED-003', 'critical', 'k8s/d.yaml', 23, 22),
  finding('DG-TLS-001', 'medium', 'src/b.ts', 3, 5),
  finding('DG-QUOTA-001', 'info', 'src/b.ts', 1),
];
const ids = (fs: Finding[]) => fs.map((f) => `${f.ruleId}@${f.file}:${f.line}${f.column ? `:${f.column}` : ''}`);

describe('sortFindings', () => {
  it('place: file, line, column, most severe first, rule id', () => {
    expect(ids(sortFindings([...list]))).toEqual([
      'DG-GATE-010@k8s/d.yaml:23',
      'DG-CRED-003@k8s/d.yaml:23:22',
      'DG-QUOTA-001@src/b.ts:1',
      'DG-LOG-001@src/b.ts:3:5',
      'DG-TLS-001@src/b.ts:3:5',
      'DG-TOOL-001@tools/a.py:16:17',
      'DG-CRED-001@tools/a.py:16:106',
    ]);
  });

  it('severity: most severe first, then file, line, rule id, column', () => {
    expect(ids(sortFindings([...list], 'severity'))).toEqual([
      'DG-CRED-003@k8s/d.yaml:23:22',
      'DG-GATE-010@k8s/d.yaml:23',
      'DG-CRED-001@tools/a.py:16:106',
      'DG-TOOL-001@tools/a.py:16:17',
      'DG-LOG-001@src/b.ts:3:5',
      'DG-TLS-001@src/b.ts:3:5',
      'DG-QUOTA-001@src/b.ts:1',
    ]);
  });

  it('is a total order: any input order gives the same result', () => {
    const reversed = [...list].reverse();
    for (const order of ['place', 'severity'] as const) {
      expect(ids(sortFindings([...reversed], order))).toEqual(ids(sortFindings([...list], order)));
    }
    expect(compareFindings(list[0]!, list[0]!, 'severity')).toBe(0);
  });
});
