/**
 * Temporary file trees for discovery and collector tests: `tempTrees()` (call it at the
 * top of a test file) gives `tmpDir` and `tree`, and removes every directory after the
 * file's tests, unreadable ones included.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { DiscoverResult } from '../../src/discover/types.js';

export function tempTrees(prefix = 'dg-discover-'): {
  tmpDir: () => string;
  tree: (files: Record<string, string | Buffer>, root?: string) => string;
} {
  const roots: string[] = [];
  afterAll(() => {
    for (const dir of roots) {
      try {
        fs.chmodSync(dir, 0o755);
      } catch {
        // ignore
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  const tmpDir = (): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    roots.push(dir);
    return dir;
  };
  /** Write a tree: keys are forward-slash relative paths, values text or bytes. */
  const tree = (files: Record<string, string | Buffer>, root = tmpDir()): string => {
    for (const [rel, content] of Object.entries(files)) {
      const abs = path.join(root, ...rel.split('/'));
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, content);
    }
    return root;
  };
  return { tmpDir, tree };
}

export function paths(result: DiscoverResult): string[] {
  return result.files.map((f) => f.path);
}

export function skippedAs(result: DiscoverResult, reason: string): string[] {
  return result.skipped.filter((s) => s.reason === reason).map((s) => s.path);
}
