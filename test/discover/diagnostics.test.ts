/** Skipped files that must not pass silently become diagnostics. */
import { describe, it, expect } from 'vitest';
import { skippedDiagnostic, skippedDiagnostics } from '../../src/discover/index.js';

describe('skipped files that must not pass silently', () => {
  it('turn source/config/manifest skips into diagnostics, and leave docs, images and outside links alone', () => {
    const diags = skippedDiagnostics([
      { path: 'src/Lookup.cs', reason: 'non-utf8', size: 10, kind: 'source' },
      { path: 'appsettings.json', reason: 'unreadable', kind: 'config' },
      { path: 'tools/big.ts', reason: 'oversized', size: 3 * 1024 * 1024, kind: 'source' },
      { path: 'k8s/deploy.yaml', reason: 'binary', size: 10, kind: 'manifest' },
      { path: 'closed', reason: 'unreadable', directory: true },
      { path: 'logo.png', reason: 'binary', size: 10, kind: 'other' },
      { path: 'docs/guide.md', reason: 'non-utf8', size: 10, kind: 'doc' },
      { path: 'package-lock.json', reason: 'oversized', size: 5e6, kind: 'config' },
      { path: 'link.ts', reason: 'link-outside-root' },
    ]);
    expect(diags.map((d) => [d.file, d.line, d.kind])).toEqual([
      ['src/Lookup.cs', 1, 'skipped-encoding'],
      ['appsettings.json', 1, 'unreadable'],
      ['tools/big.ts', 1, 'skipped-size'],
      ['k8s/deploy.yaml', 1, 'skipped-binary'],
      ['closed', 1, 'unreadable'],
    ]);
    expect(diags[2]!.message).toContain('3.0 MiB');
    expect(skippedDiagnostic({ path: 'old.lock', reason: 'oversized', kind: 'other' })).toBeUndefined();
  });
});
