/**
 * Issue 10, "Fail-open": a file that should have been analysed and was not never passes.
 * Each hostile tree holds a lookup tool (or a credential) hidden by a shape the analyser
 * choked on or an encoding it could not read. Before: a low DG-CFG-001 or a medium
 * DG-CFG-004, verdict PASS. Now: the rest of the file is analysed (the tool is found) or
 * the file blocks (DG-CFG-004, high), in the scan and in the gate, and the file stays in
 * the integration fingerprint.
 */
import { chmodSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeIntegration } from '../../src/gate/integration.js';
import { runGate } from '../../src/gate/run.js';
import { CASES, declaration, expectBlocked, hostileCase, hostileTrees, scanDefault } from './harness.js';
import { jsTool, TOOL_PACKAGE } from './hostile.mjs';

const tree = hostileTrees();

describe('fail-open cases of issue 10 block at --fail-on high', () => {
  for (const c of CASES.filter((x) => x.section === 'fail-open')) {
    it(`${c.id}: ${c.expect?.rules?.join(', ')}`, async () => {
      const r = await scanDefault(tree(c.files()));
      expectBlocked(r, c.expect?.rules);
    });
  }

  it('deep nesting keeps the rest of the file: the tool is found and the blanked part reported at its line', async () => {
    const r = await scanDefault(tree(hostileCase('ts-800-parens').files()));
    const cfg = r.findings.find((f) => f.ruleId === 'DG-CFG-004')!;
    expect(cfg.severity).toBe('high');
    expect(cfg.line).toBe(4);
    expect(cfg.message).toContain('brackets nested deeper than 100 levels');
    expect(r.findings.find((f) => f.ruleId === 'DG-TOOL-001')?.line).toBe(7);
  });

  it('decoded files keep their line numbers and their facts (UTF-32 with a BOM, UTF-16 without one, Windows-1258)', async () => {
    for (const [id, line] of [['utf32-with-bom', 7], ['utf16-without-bom', 7], ['windows-1258-vietnamese', 8]] as const) {
      const r = await scanDefault(tree(hostileCase(id).files()));
      expect(r.findings.find((f) => f.ruleId === 'DG-TOOL-001')?.line, id).toBe(line);
      expect(r.facts.diagnostics, id).toEqual([]);
    }
  });
});

describe('an unreadable file blocks', () => {
  it('a source file that cannot be read (a dangling link; mode 000 when not root) is DG-CFG-004, high', async () => {
    const root = tree({ 'package.json': TOOL_PACKAGE, 'tools/other.js': jsTool() });
    symlinkSync('missing.js', join(root, 'tools', 'tool.js'));
    if (process.getuid?.() !== 0) chmodSync(join(root, 'tools', 'other.js'), 0o000);
    const r = await scanDefault(root);
    expectBlocked(r, ['DG-CFG-004']);
    const unreadable = r.findings.filter((f) => f.ruleId === 'DG-CFG-004').map((f) => f.file);
    expect(unreadable).toContain('tools/tool.js');
    if (process.getuid?.() !== 0) {
      expect(unreadable).toContain('tools/other.js');
      chmodSync(join(root, 'tools', 'other.js'), 0o644);
    }
  });
});

describe('the gate fails closed too, and keeps unanalysed files in the fingerprint', () => {
    it('an undecodable lookup tool blocks the gate and changing it changes the fingerprint', async () => {
    const root = tree({ ...hostileCase('undecodable').files(), 'package.json': TOOL_PACKAGE });
    const before = await analyzeIntegration({ path: root, records: false });
    const file = before.fingerprint.files.find((f) => f.path === 'tools/tra_cuu.py');
    expect(file?.reasons).toContain('not-analysed');
    writeFileSync(join(root, 'dancu-integration.yml'), declaration(before.fingerprint.fingerprint));
    const g = await runGate({ path: root, deployDate: '2026-12-01' });
    expect(g.blocked).toBe(true);
    expect(g.findings.map((f) => f.ruleId)).toContain('DG-CFG-004');
    // The hidden file changes: the fingerprint does (a notice would be needed again).
    const path = join(root, 'tools', 'tra_cuu.py');
    writeFileSync(path, Buffer.concat([readFileSync(path), Buffer.from('\n# \xff\n', 'latin1')]));
    const after = await analyzeIntegration({ path: root, records: false });
    expect(after.fingerprint.fingerprint).not.toBe(before.fingerprint.fingerprint);
  });

  it('a tool behind 800 parentheses blocks the gate (DG-TOOL-001 and DG-CFG-004)', async () => {
    const root = tree({ 'package.json': TOOL_PACKAGE, 'tools/tool.js': jsTool(`const x = ${'('.repeat(800)}1${')'.repeat(800)};`) });
    const g = await runGate({ path: root, deployDate: '2026-12-01' });
    expect(g.blocked).toBe(true);
    expect(g.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['DG-TOOL-001', 'DG-CFG-004']));
    expect(g.analysis.fingerprint.files.map((f) => f.path)).toContain('tools/tool.js');
  });
});
