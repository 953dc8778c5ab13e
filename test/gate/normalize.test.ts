/** Normalization behind the integration fingerprint: comments, whitespace and line endings do not count; code and strings do. */
import { describe, expect, it } from 'vitest';
import { normalizeFile, normalizeTsJs } from '../../src/gate/normalize.js';

describe('normalization', () => {
  it('TS/JS: comments and whitespace do not count, code and strings do', () => {
    const a = `import x from 'y';\n\n// call the DB\nexport async function f() {\n  return fetch(URL, { method: 'POST' }); /* trailing */\n}\n`;
    const b = `/** doc */\nimport x from 'y';\r\nexport   async function f()   {\r\n\treturn fetch(URL,{method:'POST'});\r\n}`;
    expect(normalizeTsJs(a)).toBe(normalizeTsJs(b));
    expect(normalizeTsJs(a)).toBe("import x from 'y' ;\nexport async function f ( ) {\nreturn fetch ( URL , { method : 'POST' } ) ;\n}");
    expect(normalizeTsJs(a)).not.toBe(normalizeTsJs(a.replace("'POST'", "'GET'")));
    // markers inside strings, templates and regexes are code
    const tricky = 'const u = "http://x//y"; const t = `a ${b} // c`; const r = /\\/\\/ d/g; // gone';
    expect(normalizeTsJs(tricky)).toBe('const u = "http://x//y" ; const t = `a ${ b } // c` ; const r = /\\/\\/ d/g ;');
    // JSX text
    expect(normalizeTsJs('const e = <p>\n  Xin   chào\n</p>;', 'a.tsx')).toBe(normalizeTsJs('const e = <p>\nXin chào\n   </p>;', 'a.tsx'));
  });

  it('other languages: their comments go, strings stay', () => {
    const py = 'url = "http://x#y"  # the endpoint\n\n# comment line\ndef f():\n    return 1   \n';
    expect(normalizeFile(py, { path: 'a.py', language: 'python' })).toBe('url = "http://x#y"\ndef f():\n    return 1');
    const java = 'String u = "a//b"; // x\n/* block\n comment */ int y = 2;\nString t = """\n // kept\n""";';
    expect(normalizeFile(java, { path: 'A.java', language: 'java' })).toBe('String u = "a//b";\nint y = 2;\nString t = """\n// kept\n""";');
    const cs = 'var p = @"C:\\x\\""//y"; // z';
    expect(normalizeFile(cs, { path: 'a.cs', language: 'csharp' })).toBe('var p = @"C:\\x\\""//y";');
    const php = "#[Attr]\n$u = 'a#b'; # c\n// d\n";
    expect(normalizeFile(php, { path: 'a.php', language: 'php' })).toBe("#[Attr]\n$u = 'a#b';");
    const sh = 'echo "$#" # count\nX=a#b\n';
    expect(normalizeFile(sh, { path: 'a.sh', language: 'shell' })).toBe('echo "$#"\nX=a#b');
    const go = 'u := `http://x//y` // c';
    expect(normalizeFile(go, { path: 'a.go', language: 'go' })).toBe('u := `http://x//y`');
  });

  it('config: # comments (YAML, .env), #/! lines (properties), blank lines, CRLF', () => {
    const yaml = "# header\nkey: 'a # b' # note\nurl: http://x/#frag\nit's: fine\n\n";
    expect(normalizeFile(yaml, { path: 'a.yaml', format: 'yaml' })).toBe("key: 'a # b'\nurl: http://x/#frag\nit's: fine");
    expect(normalizeFile('a=b#c\r\n# x\r\n! y\r\n', { path: 'a.properties', format: 'properties' })).toBe('a=b#c');
    expect(normalizeFile('A=1 # x\n#B=2\n', { path: '.env', format: 'dotenv' })).toBe('A=1');
    expect(normalizeFile('plain\n\n  text  \n', { path: 'README' })).toBe('plain\n  text');
  });
});
