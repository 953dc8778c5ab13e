/**
 * Property-based tests (fast-check) of the promises that hold for ANY input:
 *
 * - redaction: a generated secret placed in any of the shapes repositories write it in
 *   never survives whole — not in a message (`redactText`), not in any report format
 *   after a real scan;
 * - escaping: nothing from the repository can start a runner workflow command, break a
 *   Markdown table or open an HTML tag;
 * - decoding: any byte sequence in a source file is decoded and analysed, or blocks
 *   (DG-CFG-004); nothing throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bomOf, decodeWith, detectEncoding } from '../../src/discover/decode.js';
import { escapeData, escapeProperty } from '../../src/report/github.js';
import { esc } from '../../src/report/html/escape.js';
import { FORMATTERS } from '../../src/report/index.js';
import { mdEscape } from '../../src/report/markdown.js';
import { workflowCommand } from '../../src/action/runner.js';
import { redactSecretRef, redactText, redactUrl } from '../../src/util/redact.js';
import { hostileTrees, scanDefault } from './harness.js';

const tree = hostileTrees();

/**
 * Secrets as generated passwords and tokens look: runs of letters broken by digits (so
 * no window of five characters is an English word a message could hold anyway), maybe
 * a symbol a URL or a shell treats specially between two such runs.
 */
const run = fc.stringMatching(/^(?:[A-Za-z]{2}[0-9]){2,6}$/);
const secretArb = fc
  .tuple(run, fc.constantFrom('', '#', '?', '/', '+', '=', '@', '!', '%', '-', '_'), run)
  .map(([a, sym, b]) => `${a}${sym}${b}`);

/** Message shapes a value from the repository reaches a report in. */
const shapes: Array<(s: string) => string> = [
  (s) => `TLS certificate verification disabled (curl -u svc_dancu:${s} -k https://lgsp.example.vn/x)`,
  (s) => `endpoint https://svc:${s}@lgsp.example.vn/apiCSDLDanCu/ChiaSe?x=1`,
  (s) => `Server=db;Database=dc;User Id=sa;Password=${s};`,
  (s) => `config value password: "${s}" in settings`,
  (s) => `Authorization: Bearer ${s}`,
  (s) => `wget --password=${s} https://lgsp.example.vn/`,
  (s) => `mysql -p${s} dancu`,
  (s) => `https://lgsp.example.vn/api?token=${encodeURIComponent(s)}&page=2`,
];

/** The longest run of the secret an output may show: 2 + 2 characters, never 5 in a row. */
function showsSecret(out: string, secret: string): boolean {
  for (let i = 0; i + 5 <= secret.length; i++) if (out.includes(secret.slice(i, i + 5))) return true;
  return false;
}

describe('redaction (any secret, any shape)', () => {
  it('redactText leaves no five characters of the secret in a row', () => {
    fc.assert(
      fc.property(secretArb, fc.integer({ min: 0, max: shapes.length - 1 }), (secret, i) => {
        const out = redactText(shapes[i]!(secret));
        expect(showsSecret(out, secret), out).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('redactUrl masks any password, whatever it holds', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,8}$/), secretArb, (user, secret) => {
        const out = redactUrl(`https://${user}:${secret}@lgsp.example.vn/api`);
        expect(showsSecret(out, secret), out).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('a declared secretRef that gives the secret away is masked', () => {
    fc.assert(
      fc.property(secretArb, fc.constantFrom('mật khẩu là ', 'the password is ', 'password: ', ''), (secret, cue) => {
        expect(showsSecret(redactSecretRef(`${cue}${secret}`), secret)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('a real scan: no report format shows a generated secret written in a config value', async () => {
    await fc.assert(
      fc.asyncProperty(secretArb, fc.constantFrom('curl', 'url', 'conn'), async (secret, shape) => {
        const value =
          shape === 'curl'
            ? `curl -u svc:${secret} -k https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/x`
            : shape === 'url'
              ? `https://svc:${secret}@lgsp.tinh-mau.gov.vn/apiCSDLDanCu/x`
              : `Server=db;User Id=sa;Password=${secret};`;
        // Quoted: an unquoted `#` starts an .env comment and would cut the value.
        const r = await scanDefault(tree({ '.env': `SYNC="${value}"\nDANCU_PASSWORD="${secret}"\n` }));
        expect(r.findings.length).toBeGreaterThan(0);
        for (const [name, format] of Object.entries(FORMATTERS)) {
          const out = format({ tool: { name: 'dancu-guard', version: '0' }, findings: r.findings, summary: r.summary }, { lang: 'en' });
          expect(showsSecret(out, secret), `${name}: ${secret}`).toBe(false);
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 12) },
    );
  });
});

describe('escaping (any text from the repository)', () => {
  it('a runner log line stays one line, whatever the message and file name hold', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (message, file) => {
        const line = workflowCommand('error', { file, line: 1 }, message);
        expect(line).not.toMatch(/[\r\n]/);
        expect(escapeData(message)).not.toMatch(/[\r\n]/);
        expect(escapeProperty(file)).not.toMatch(/[\r\n:,]/);
        // The command it starts is the one we wrote.
        expect(line.startsWith('::error ')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('a Markdown cell cannot break the table, start HTML or mention anyone', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = mdEscape(s, 10_000);
        // Line breaks become `<br>`, the only markup it writes.
        expect(out.replace(/<br>/g, '')).not.toMatch(/[\r\n<>]/);
        expect(out.replace(/\\[|`*_[\]\\~]/g, '')).not.toMatch(/[|`]/);
        expect(out).not.toMatch(/@\w/);
      }),
      { numRuns: 500 },
    );
  });

  it('HTML text cannot open a tag or an attribute, nor reorder what is read', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = esc(s);
        expect(out).not.toMatch(/[<>"']/);
        expect(out.replace(/&(?:amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
        expect(out).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('decoding (any bytes)', () => {
  it('never throws, and what it decodes is text of the encoding it names', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom('a.py', 'a.js', 'a.properties', 'Web.config'), (bytes, name) => {
        const det = detectEncoding(name, bytes);
        if ('encoding' in det) {
          const text = decodeWith(bytes, det.encoding);
          expect(typeof text).toBe('string');
          if (det.bomLength > 0) expect(bomOf(bytes)?.encoding).toBe(det.encoding);
        } else {
          expect(det.undecodable.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('a source file of any bytes is analysed or blocks the scan, never passes unread', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ minLength: 1, maxLength: 4096 }),
          fc.tuple(fc.constantFrom([0xff, 0xfe], [0xfe, 0xff], [0xff, 0xfe, 0, 0], [0, 0, 0xfe, 0xff], [0xef, 0xbb, 0xbf]), fc.uint8Array({ maxLength: 1024 })).map(([b, rest]) => Uint8Array.from([...b, ...rest])),
        ),
        async (bytes) => {
          const r = await scanDefault(tree({ 'tools/x.py': Buffer.from(bytes) }));
          const analysed = r.facts.files.some((f) => f.path === 'tools/x.py');
          const blocked = r.findings.some((f) => f.ruleId === 'DG-CFG-004' && f.file === 'tools/x.py' && f.severity === 'high');
          expect(analysed || blocked).toBe(true);
          if (!analysed) expect(r.summary.verdict).toBe('fail');
        },
      ),
      { numRuns: 40 },
    );
  });
});
