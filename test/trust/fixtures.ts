/**
 * Synthetic code for the trust tests (test/trust/): the compliant example as the base
 * of a pull request, and what a contractor's pull request adds. No real ID, name or
 * credential.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EXAMPLES } from '../helpers/paths.js';

/** Every file of an example, as a path → text map. */
export function exampleFiles(name: string): Record<string, string> {
  const root = join(EXAMPLES, name);
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of readdirSync(dir)) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(root, p).split('\\').join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(root);
  return out;
}

/**
 * A help-desk lookup tool: a command-line program calling the population DB once,
 * audit-logged, over verified TLS. Only DG-TOOL-001 (critical), at line 9.
 */
export const TOOL_ONLY = `#!/usr/bin/env node
// Looks up one citizen for the help desk.
import { ghiNhatKy } from '../src/dancu/audit';

const DANCU_URL = 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan';

async function main(): Promise<void> {
  const [soDinhDanh, canBo] = [process.argv[2], process.argv[3]];
  const res = await fetch(DANCU_URL, { method: 'POST', body: JSON.stringify({ SoDinhDanh: soDinhDanh }) });
  ghiNhatKy({ maCanBo: canBo, maDonVi: 'dv01', maYeuCau: 'x', mucDich: 'tra cuu', ketQua: res.ok ? 'ok' : 'error' });
}

main();
`;

/** TOOL_ONLY with an inline directive above its DB call (the call moves to line 10). */
export function toolWithDirective(directive: string): string {
  const lines = TOOL_ONLY.split('\n');
  lines.splice(8, 0, `  // ${directive}`);
  return lines.join('\n');
}

/** A bulk lookup tool: DG-TOOL-001, DG-LOG-001, DG-QUOTA-001, DG-TLS-002. */
export const TOOL_ALL = exampleFiles('ts-violating')['tools/tra-cuu-hang-loat.js']!;

/** An application module calling the DB without an audit log: DG-LOG-001 (high), at line 4. */
export const UNLOGGED = `import { DANCU_URL } from './config';

export async function baoCaoNgay(soDinhDanh: string): Promise<unknown> {
  const res = await fetch(DANCU_URL, { method: 'POST', body: JSON.stringify({ SoDinhDanh: soDinhDanh }) });
  return res.json();
}
`;

/** A Kubernetes Secret with a synthetic credential (DG-CRED-003, and DG-GATE-010 at the gate). */
export const SECRET_YAML = `apiVersion: v1
kind: Secret
metadata:
  name: dancu-credentials
type: Opaque
stringData:
  C06_SECRET_KEY: "Tq9ZvLm7Xw2Pz8Kd4Rb6"
`;

/** A baseline document with these entries. */
export function baselineJson(findings: Array<{ fingerprint: string; ruleId: string; file: string; line: number }> = []): string {
  return `${JSON.stringify({ tool: 'dancu-guard', kind: 'baseline', version: 1, createdAt: '2026-01-05T08:00:00.000Z', findings }, null, 2)}\n`;
}
