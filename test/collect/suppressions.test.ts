/** Inline suppression directives: the comment rule, and the shared lexer's string literals. */
import { describe, expect, it } from 'vitest';
import { parseSuppressions } from '../../src/collect/suppressions.js';

describe('parseSuppressions', () => {
  it('a directive inside a string literal is not one, even after a comment marker in the string', () => {
    const text = [
      'const a = "// dancu-guard:ignore credentials -- inside a string";',
      'const b = 1; // dancu-guard:ignore DG-CRED-001 -- a real comment',
      'const c = `',
      '# dancu-guard:ignore DG-CRED-002 -- inside a template literal',
      '`;',
    ].join('\n');
    expect(parseSuppressions('src/a.ts', text)).toEqual([{ file: 'src/a.ts', line: 2, targets: ['DG-CRED-001'], reason: 'a real comment' }]);
  });

  it('uses the syntax of the file: in YAML a quoted value holds no directive, a # comment does', () => {
    const text = 'a: "# dancu-guard:ignore DG-CRED-003 -- quoted"\r\nb: x # dancu-guard:ignore DG-CRED-003 -- comment\r\n';
    expect(parseSuppressions('k8s/a.yaml', text, { format: 'k8s' })).toEqual([{ file: 'k8s/a.yaml', line: 2, targets: ['DG-CRED-003'], reason: 'comment' }]);
  });

  it('files of unknown syntax keep the comment-token rule alone (their strings are not known)', () => {
    expect(parseSuppressions('db/a.sql', "SELECT 1; -- dancu-guard:ignore DG-CRED-004 -- sample\nSELECT '-- dancu-guard:ignore x';\n")).toEqual([
      { file: 'db/a.sql', line: 1, targets: ['DG-CRED-004'], reason: 'sample' },
      { file: 'db/a.sql', line: 2, targets: ['x'] },
    ]);
  });
});
