/** Helm templates read as templates (src/collect/config/yaml/tree.ts, lines.ts): no DG-CFG-001, leaves still read. */
import { describe, expect, it } from 'vitest';
import { yamlCollector } from '../../../src/collect/config/yaml/index.js';
import { lineLeaves } from '../../../src/collect/config/yaml/lines.js';
import { maskTemplates, parseYaml } from '../../../src/collect/config/yaml/tree.js';
import type { CollectContext } from '../../../src/collect/types.js';
import type { DiscoveredFile } from '../../../src/discover/types.js';
import type { CollectedFacts } from '../../../src/facts/types.js';
import { defaultSettings } from '../../../src/policy/settings.js';

/** Run the YAML collector over in-memory files (path → text, format). */
async function collect(files: Record<string, { text: string; format: DiscoveredFile['format'] }>): Promise<CollectedFacts> {
  const discovered: DiscoveredFile[] = Object.entries(files).map(([path, f]) => ({ path, absPath: `/x/${path}`, size: f.text.length, kind: 'manifest', format: f.format }));
  const ctx: CollectContext = { root: '/x', settings: defaultSettings(), allFiles: discovered, readText: (p) => files[p]?.text };
  return yamlCollector.collect(discovered, ctx);
}

// An `if` that switches a list item for a map key: not YAML even with the actions masked.
const SWITCHING = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: {{ include "app.fullname" . }}',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: app',
  '          env:',
  '            {{- if .Values.external }}',
  '            - name: DB_HOST',
  '              value: {{ .Values.external.host | quote }}',
  '            {{- else }}',
  '            host: internal',
  '            {{- end }}',
  '            - name: DANCU_PASSWORD',
  '              value: {{ .Values.dancu.password | quote }}',
  '            - name: C06_SECRET_KEY',
  '              value: Tpl-Sup3rS3cretValue!9x',
  '          {{- with .Values.extraEnv }}',
  '          {{- toYaml . | nindent 10 }}',
  '          {{- end }}',
].join('\n');

describe('maskTemplates', () => {
  it('keeps lengths and line breaks; inline actions become `${…}` placeholders, action-only and multi-line actions blanks', () => {
    const tpl = 'a: {{ .Values.a }}-{{ .Values.b }}\n{{- if .x }}\nb: 1\n{{/*\n  a comment\n*/}}\nc: {{ .Values.c | quote }}\n';
    const masked = maskTemplates(tpl);
    expect(masked.length).toBe(tpl.length);
    expect(masked.split('\n').length).toBe(tpl.split('\n').length);
    expect(masked.split('\n')[0]).toBe(`a: \${${'_'.repeat('{{ .Values.a }}'.length - 3)}}-\${${'_'.repeat('{{ .Values.b }}'.length - 3)}}`);
    expect(masked.split('\n')[1]?.trim()).toBe('');
    expect(masked.split('\n')[3]?.trim()).toBe('');
    expect(masked.split('\n')[4]?.trim()).toBe('');
    expect(masked).not.toContain('{{');
  });
});

describe('Helm templates', () => {
  it('a template that does not parse even masked yields no parse error, and its literals are still read line by line', async () => {
    const parsed = parseYaml(SWITCHING, 'chart/templates/deployment.yaml');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.templateLines?.spans.length).toBe(1);

    const facts = await collect({ 'chart/templates/deployment.yaml': { text: SWITCHING, format: 'k8s' } });
    expect(facts.diagnostics).toEqual([]);
    const creds = (facts.credentials ?? []).filter((c) => !c.placeholder);
    expect(creds.map((c) => [c.line, c.key, c.source, c.kind])).toEqual([[20, 'C06_SECRET_KEY', 'k8s-env', 'named-literal']]);
  });

  it('a template that parses once masked is read as YAML', async () => {
    const ok = SWITCHING.replace('            host: internal\n', '');
    const parsed = parseYaml(ok, 'chart/templates/deployment.yaml');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.templateLines).toBeUndefined();
    expect(parsed.docs).toHaveLength(1);
  });

  it('YAML that is not a Helm template is still reported when it does not parse', () => {
    const broken = 'name: ${{ github.ref }}\n  bad: indentation\n: x\n';
    expect(parseYaml(broken, '.github/workflows/ci.yml').diagnostics.length).toBeGreaterThan(0);
    expect(parseYaml('a: [1, 2\nb: 3\n', 'config/app.yaml').diagnostics.length).toBeGreaterThan(0);
  });
});

describe('lineLeaves', () => {
  it('paths from indentation, env items by name, block scalars skipped', () => {
    const text = ['spec:', '  env:', '    - name: API_TOKEN', '      value: "q8Zr2LwX9vTn4KpF"', '  config: |', '    password: inside-a-block', '  db:', '    password: s3cret-Value9 # trailing comment'].join('\n');
    const leaves = lineLeaves(text);
    expect(leaves.map((l) => [l.key, l.node.value, l.node.line, l.envStyle])).toEqual([
      ['API_TOKEN', 'q8Zr2LwX9vTn4KpF', 4, true],
      ['spec.db.password', 's3cret-Value9', 8, false],
    ]);
    expect(leaves[0]?.node.column).toBe(15);
  });
});
