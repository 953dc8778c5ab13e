/**
 * The collector registry (src/collect/index.ts): source collectors are loaded on first
 * use, so which files each reads — and whether it has a whole-repository pass — is
 * declared there without loading it. These must say what the collectors themselves say.
 */
import { describe, expect, it } from 'vitest';
import { csharpCollector } from '../../src/collect/code/csharp/index.js';
import { goCollector } from '../../src/collect/code/go/index.js';
import { javaCollector } from '../../src/collect/code/java/index.js';
import { phpCollector } from '../../src/collect/code/php/index.js';
import { pythonCollector } from '../../src/collect/code/python/index.js';
import { defaultCollectors } from '../../src/collect/index.js';
import type { Collector } from '../../src/collect/types.js';
import { typescriptCollector } from '../../src/collect/typescript/index.js';
import type { DiscoveredFile } from '../../src/discover/types.js';
import type { FileKind, Language } from '../../src/facts/types.js';

const real: Record<string, Collector> = {
  typescript: typescriptCollector,
  java: javaCollector,
  csharp: csharpCollector,
  php: phpCollector,
  python: pythonCollector,
  go: goCollector,
};

const KINDS: FileKind[] = ['source', 'manifest', 'config', 'doc', 'other'];
const LANGUAGES: Array<Language | undefined> = [undefined, 'typescript', 'javascript', 'java', 'csharp', 'php', 'python', 'go', 'shell', 'powershell', 'notebook'];
const files: DiscoveredFile[] = KINDS.flatMap((kind) => LANGUAGES.map((language) => ({ path: `x/${kind}.${language ?? 'none'}`, absPath: '/x', size: 1, kind, ...(language ? { language } : {}) })));

describe('lazy source collectors', () => {
  const lazy = new Map(defaultCollectors().map((c) => [c.name, c]));

  it.each(Object.keys(real))('%s: the same files, and a prepare pass exactly when the collector has one', (name) => {
    const declared = lazy.get(name)!;
    const actual = real[name]!;
    expect(files.filter((f) => declared.appliesTo(f)).map((f) => f.path)).toEqual(files.filter((f) => actual.appliesTo(f)).map((f) => f.path));
    expect(declared.prepare !== undefined).toBe(actual.prepare !== undefined);
  });

  it('keeps the order collectors always ran in', () => {
    expect(defaultCollectors().map((c) => c.name)).toEqual(['typescript', 'java', 'csharp', 'dotnet-xml-config', 'php', 'python', 'go', 'yaml', 'dotenv', 'properties', 'appsettings', 'dockerfile', 'text', 'markings', 'suppressions']);
  });
});
