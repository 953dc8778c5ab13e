/**
 * The first pass of a scan (pipeline/runner.ts): which config flavours are read once for
 * every worker — only those a collector present in the tree looks up — and that values
 * read in that pass are the values a lookup finds (the same as reading them lazily).
 * Synthetic data.
 */
import { describe, expect, it } from 'vitest';
import { ConfigIndex, type ConfigTables } from '../../src/collect/config/values.js';
import { discover } from '../../src/discover/index.js';
import { Runner } from '../../src/pipeline/runner.js';
import { defaultSettings } from '../../src/policy/settings.js';
import { tempTrees } from '../helpers/tree.js';

const { tree } = tempTrees('dg-index-tasks-');

async function runnerFor(files: Record<string, string>): Promise<Runner> {
  const root = tree(files);
  const found = await discover(root, { git: false });
  const runner = new Runner();
  runner.setup({ root: found.root, settings: defaultSettings(), files: found.files, repo: { name: 'r', binEntries: [] }, exceptions: [], keepFacts: false, softMs: 2000 });
  return runner;
}

const flavours = (r: Runner) => r.indexTasks().flatMap((t) => (t.kind === 'flavour' ? [t.name] : []));

describe('config flavours read in the first pass', () => {
  it('only those a collector with files asks for: Spring and env values for Java, not Viper (Go only)', async () => {
    const r = await runnerFor({
      'src/main/java/App.java': 'class App {}\n',
      'src/main/resources/application.yml': 'svc:\n  url: https://weather.example.invalid/x\n',
      'config/settings.yaml': 'a: 1\n',
      '.env': 'A=1\n',
    });
    expect(flavours(r)).toEqual(expect.arrayContaining(['spring', 'env']));
    expect(flavours(r)).not.toContain('viper');
  });

  it('none when no collector looks values up (a chart collection, a TypeScript app)', async () => {
    const r = await runnerFor({ 'src/a.ts': 'export const a = 1;\n', 'k8s/d.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n' });
    expect(flavours(r)).toEqual([]);
  });

  it('Viper for Go, and the tables it reads are what a lookup then finds', async () => {
    const r = await runnerFor({ 'main.go': 'package main\nfunc main() {}\n', 'config.yaml': 'dancu:\n  url: https://weather.example.invalid/x\n' });
    expect(flavours(r)).toContain('viper');
    const part = await r.indexPart({ kind: 'flavour', name: 'viper' });
    const tables = part.value as ConfigTables;
    const ctx = { allFiles: [], readText: () => undefined };
    // Adopted into a context that can read nothing: the values come from the tables alone.
    expect(ConfigIndex.adopt(ctx, tables).lookup('viper', 'dancu.url')?.value).toBe('https://weather.example.invalid/x');
  });
});
