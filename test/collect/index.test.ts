/** collectFacts: file roles on the file facts; a collector's very long lists merged without a stack overflow. */
import { describe, expect, it } from 'vitest';
import { collectFacts } from '../../src/collect/index.js';
import type { CollectContext, Collector } from '../../src/collect/types.js';
import type { DiscoveredFile } from '../../src/discover/types.js';
import type { DiagnosticFact } from '../../src/facts/types.js';
import { defaultSettings } from '../../src/policy/settings.js';

const texts: Record<string, string> = {
  'src/app.ts': 'export const a = 1;\n',
  'lang/de/auth.php': "<?php\nreturn [\n  'password' => 'Passwort',\n  'log_in' => 'Anmelden',\n  'sign_up' => 'Registrieren',\n];\n",
  'tests/LoginTest.php': '<?php\nclass LoginTest {}\n',
  'vendor/acme/lib.php': '<?php\n',
};

const files: DiscoveredFile[] = Object.keys(texts).map((path) => ({ path, absPath: `/x/${path}`, size: 10, kind: 'source', language: path.endsWith('.ts') ? 'typescript' : 'php' }));
const ctx: CollectContext = { root: '/x', settings: defaultSettings(), allFiles: files, readText: (p) => texts[p] };

describe('collectFacts', () => {
  it('records each file\'s role, and collectors see it', async () => {
    const seen: Record<string, string | undefined> = {};
    const spy: Collector = {
      name: 'spy',
      appliesTo: () => true,
      collect(mine) {
        for (const f of mine) seen[f.path] = f.role;
        return {};
      },
    };
    const facts = await collectFacts(files, ctx, { name: 'r', binEntries: [] }, [spy]);
    const roles = Object.fromEntries(facts.files.map((f) => [f.path, f.role]));
    expect(roles).toEqual({ 'src/app.ts': undefined, 'lang/de/auth.php': 'translation', 'tests/LoginTest.php': 'test', 'vendor/acme/lib.php': 'vendored' });
    expect(seen).toEqual(roles);
  });

  it('merges a collector\'s lists of hundreds of thousands of facts (a chart collection scanned as one tree)', async () => {
    const many: DiagnosticFact[] = Array.from({ length: 300_000 }, (_, i) => ({ file: 'src/app.ts', line: i + 1, kind: 'parse-error', message: 'x' }));
    const flood: Collector = { name: 'flood', appliesTo: () => true, collect: () => ({ diagnostics: many }) };
    const facts = await collectFacts(files, ctx, { name: 'r', binEntries: [] }, [flood]);
    expect(facts.diagnostics).toHaveLength(300_000);
  });

  it('a script over the size limit: the text path when it is data, not analysed (skipped-size) when hand-written', async () => {
    const big: Record<string, string> = {
      'src/data.js': `export const rows = [\n${'  { "id": 1, "name": "x" },\n'.repeat(20)}];\n`,
      'src/app.js': `${'export function f(x) { return g(x); }\n'.repeat(20)}const token = "Zq8wV2pLm4Rt7yXc9KbN";\n`,
    };
    const bigFiles: DiscoveredFile[] = Object.keys(big).map((path) => ({ path, absPath: `/x/${path}`, size: 3 * 1024 * 1024, kind: 'source', language: 'javascript', oversized: true }));
    const facts = await collectFacts(bigFiles, { root: '/x', settings: defaultSettings(), allFiles: bigFiles, readText: (p) => big[p] }, { name: 'r', binEntries: [] });
    expect(facts.diagnostics.map((d) => `${d.file} ${d.kind}`)).toEqual(['src/app.js skipped-size']);
    expect(facts.credentials.some((c) => c.file === 'src/app.js')).toBe(false); // no collector read it
  });
});

