/**
 * `--format html`: the output is inert, offline markup (every repository value escaped,
 * no network target, a CSP that forbids loads and allows exactly the inline style), and
 * no secret in a scanned line reaches it in clear — checked on the formatter and on the
 * built CLI over a synthetic repository full of secrets.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/types.js';
import { defaultSettings } from '../../src/policy/settings.js';
import { buildCodeContext, redactLines } from '../../src/report/context.js';
import { formatHtml } from '../../src/report/html/index.js';
import { FORMATTERS } from '../../src/report/index.js';
import { summarize } from '../../src/report/summary.js';
import type { CodeContext, ReportInput } from '../../src/report/types.js';
import { sha256Hex } from '../../src/util/redact.js';

const BIN = join(__dirname, '..', '..', 'bin', 'dancu-guard.js');
const EVIL_FILE = '<img src=x onerror=alert(1)>.ts';

function finding(over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'DG-CRED-001',
    title: 'Hardcoded credential in source code',
    category: 'credentials',
    severity: 'critical',
    file: 'src/config.ts',
    line: 3,
    message: 'C06_secretKey holds a credential (value Su…9x).',
    remediation: 'Read it from a secret store.',
    basis: ['Công văn 2761/BCA-QLHCTTXH, mục II.2(2)'],
    fingerprint: 'fp-1',
    value: 'Su…9x',
    ...over,
  };
}

function inputOf(findings: Finding[], extra: Partial<ReportInput> = {}): ReportInput {
  return {
    tool: { name: 'dancu-guard', version: '0.1.0' },
    findings,
    summary: summarize(findings, 12, [{ path: '<b>bin</b>.png', reason: 'binary' }], 'high', performance.now(), { ignored: ['legacy/old.ts'] }),
    generatedAt: '2026-10-01T03:04:05.000Z',
    ...extra,
  };
}

/** Tag names used in the document (opening tags). */
function tagNames(html: string): Set<string> {
  return new Set([...html.matchAll(/<([A-Za-z][A-Za-z0-9-]*)/g)].map((m) => m[1]!.toLowerCase()));
}

/** Every value of attribute `name` (quoted or not) in the tags of the markup (text between tags is not markup). */
function attributes(html: string, name: string): string[] {
  const re = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'gi');
  const tags = html.replace(/<style>[\s\S]*?<\/style>/g, '').match(/<[A-Za-z][^>]*>/g) ?? [];
  return tags.flatMap((tag) => [...tag.matchAll(re)].map((m) => m[1] ?? m[2] ?? m[3] ?? ''));
}

const ALLOWED_TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'main', 'footer', 'section', 'nav', 'article', 'figure', 'figcaption',
  'h1', 'h2', 'h3', 'p', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'div', 'span', 'code', 'pre', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  'svg', 'g', 'rect', 'text',
]);

describe('formatHtml: escaping', () => {
  const hostile = inputOf([
    finding({
      file: EVIL_FILE,
      line: 2,
      ruleId: 'DG-<i>X</i>',
      title: '</title><script>alert(1)</script>',
      message: 'He said "<script>alert(\'x\')</script>" & left',
      remediation: '<a href="https://evil.example/x">click</a>',
      basis: ['"><svg onload=alert(1)>', 'see https://evil.example/doc'],
      value: '<b>v</b>',
    }),
    finding({ file: 'evil/\u202egnp.ts', line: 1, fingerprint: 'fp-2', severity: 'low', category: 'config', message: 'line\nbreak\u0000nul' }),
  ]);
  const context: CodeContext = new Map([
    [EVIL_FILE, new Map([[1, '</code></pre><script>fetch("https://evil.example")</script>'], [2, "const x = '<img src=//evil.example/p.png>';"]])],
  ]);
  const html = formatHtml({ ...hostile, codeContext: context }, { lang: 'en' });

  it('turns every repository value into text, never markup', () => {
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<svg onload/i);
    expect(html).not.toMatch(/<a href="https/i);
    expect(html).not.toContain('<i>X</i>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.ts');
    expect(html).toContain('&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;');
    expect(html).toContain('He said &quot;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot; &amp; left');
    for (const tag of tagNames(html)) expect(ALLOWED_TAGS, `unexpected <${tag}>`).toContain(tag);
  });

  it('shows bidi overrides and control characters as visible escapes', () => {
    expect(html).not.toContain('\u202e');
    expect(html).toContain('evil/\\u202egnp.ts');
    expect(html).toContain('line\\u000abreak\\u0000nul');
  });

  it('has no network target: no src, only in-page anchors, URLs only as text', () => {
    expect(attributes(html, 'src')).toEqual([]);
    const hrefs = attributes(html, 'href');
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(h).toMatch(/^#[A-Za-z0-9-]+$/);
    for (const a of ['action', 'srcset', 'poster', 'data', 'background', 'xlink:href', 'formaction']) expect(attributes(html, a)).toEqual([]);
    expect(html).not.toMatch(/url\(|@import|<link|<base|<iframe|<object|<embed|<form/i);
    // the URLs present are text (escaped basis, remediation, code), never attribute values
    expect(html).toContain('see https://evil.example/doc');
  });

  it('carries a CSP that forbids every load and allows exactly its inline style', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    expect(csp).toBeDefined();
    const directives = new Map(csp!.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v.join(' ')]));
    expect(directives.get('default-src')).toBe("'none'");
    for (const d of ['img-src', 'font-src', 'connect-src', 'script-src', 'object-src', 'frame-src', 'base-uri', 'form-action']) {
      expect(directives.get(d), d).toBe("'none'");
    }
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(styles).toHaveLength(1);
    const hash = createHash('sha256').update(styles[0]!, 'utf8').digest('base64');
    expect(directives.get('style-src')).toBe(`'sha256-${hash}'`);
    expect(attributes(html, 'style')).toEqual([]);
    // the CSP comes before anything that could load
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });
});

describe('formatHtml: content', () => {
  const findings = [
    finding(),
    finding({ ruleId: 'DG-LOG-001', category: 'logging', severity: 'medium', file: 'src/dancu/client.ts', line: 10, fingerprint: 'fp-3', value: undefined, message: 'No audit record.' }),
    finding({ ruleId: 'DG-TLS-001', category: 'transport', severity: 'high', file: 'k8s/deploy.yaml', line: 21, fingerprint: 'fp-4', value: undefined }),
    finding({ ruleId: 'DG-TOOL-001', category: 'lookup-tool', severity: 'high', file: 'run.py', line: 1, fingerprint: 'fp-5', value: undefined }),
  ];
  const context: CodeContext = new Map([['src/config.ts', new Map([[1, 'a'], [2, 'b'], [3, "export const C06_secretKey = 'Su…9x';"], [4, 'd'], [5, 'e'], [6, 'far']])]]);

  it('is a pure function of its input', () => {
    const input = inputOf(findings, { codeContext: context });
    expect(formatHtml(input, { lang: 'vi' })).toBe(formatHtml(input, { lang: 'vi' }));
    // The registry's html formatter is formatHtml (behind the Vietnamese tool-reason localisation).
    expect(FORMATTERS.html!(input, { lang: 'en' })).toBe(formatHtml(input, { lang: 'en' }));
  });

  it('summarises verdict, counts, files, date and tool version', () => {
    const html = formatHtml(inputOf(findings), { lang: 'en' });
    expect(html).toContain('<span id="total-findings">4</span>');
    expect(html).toContain('<span id="blocking-findings">3</span>');
    expect(html).toContain('<span id="files-scanned">12</span>');
    expect(html).toContain('<span id="files-skipped">1</span> (1 binary); 1 ignored by configuration');
    expect(html).toContain('<span id="generated">01/10/2026 10:04 (Vietnam time, UTC+7)</span>');
    expect(html).toContain('<span id="tool">dancu-guard 0.1.0</span>');
    expect(html).toMatch(/<div class="verdict fail" id="verdict">FAIL · KHÔNG ĐẠT<\/div>/);
    // skipped and ignored files are listed (trust model: what was not analysed is shown)
    expect(html).toContain('<td class="path">&lt;b&gt;bin&lt;/b&gt;.png</td><td>binary</td>');
    expect(html).toContain('<td class="path">legacy/old.ts</td><td>ignored by configuration</td>');
  });

  it('charts severity, category and top-level folder', () => {
    const html = formatHtml(inputOf(findings), { lang: 'en' });
    const bars = (id: string) => {
      const fig = new RegExp(`<figure class="chart" id="${id}">([\\s\\S]*?)</figure>`).exec(html)?.[1] ?? '';
      return [...fig.matchAll(/<g class="bar" data-label="([^"]*)" data-value="(\d+)">/g)].map((m) => `${m[1]}=${m[2]}`);
    };
    expect(bars('chart-severity')).toEqual(['critical=1', 'high=2', 'medium=1', 'low=0', 'info=0']);
    expect(bars('chart-category')).toEqual([
      'Credentials=1', 'Self-made lookup tools=1', 'Audit logging=1', 'Query quota=0', 'Change control=0', 'State secrets=0', 'Transport security=1',
      'Configuration, unreadable files=0',
    ]);
    expect(bars('chart-module')).toEqual(['src=2', '(root)=1', 'k8s=1']);
  });

  it('shows each finding with rule, title, severity, message, remediation, basis and its code context', () => {
    const html = formatHtml(inputOf(findings, { codeContext: context }), { lang: 'vi' });
    const article = /<article class="finding sev-critical"[\s\S]*?<\/article>/.exec(html)?.[0] ?? '';
    expect(article).toContain('<span class="rule">DG-CRED-001</span>');
    expect(article).toContain('<span class="title">Hardcoded credential in source code</span>');
    expect(article).toContain('<span class="badge sev-critical">nghiêm trọng</span>');
    expect(article).toContain('<dd class="message">C06_secretKey holds a credential (value Su…9x).</dd>');
    expect(article).toContain('<dd class="remediation">Read it from a secret store.</dd>');
    expect(article).toContain('<li>Công văn 2761/BCA-QLHCTTXH, mục II.2(2)</li>');
    // lines 1–5 around line 3, line 3 highlighted, line 6 not shown
    expect(article).toContain('<span class="l hit"><span class="ln">3</span>export const C06_secretKey = &#39;Su…9x&#39;;</span>');
    expect([...article.matchAll(/<span class="ln">(\d+)<\/span>/g)].map((m) => m[1])).toEqual(['1', '2', '3', '4', '5']);
    // a finding without context says so
    expect(html).toContain('Không hiển thị mã nguồn');
  });

  it('puts the --lang language first', () => {
    const vi = formatHtml(inputOf(findings), { lang: 'vi' });
    const en = formatHtml(inputOf(findings), { lang: 'en' });
    expect(vi).toMatch(/^<!DOCTYPE html>\n<html lang="vi">/);
    expect(vi).toContain('<h2>Tóm tắt <span class="other">/ Summary</span></h2>');
    expect(en).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(en).toContain('<h2>Summary <span class="other">/ Tóm tắt</span></h2>');
  });

  it('says when there is nothing to report', () => {
    const html = formatHtml(inputOf([]), { lang: 'en' });
    expect(html).toContain('<p id="no-findings">No findings.</p>');
    expect(html).toContain('<div class="verdict pass" id="verdict">PASS · ĐẠT</div>');
  });
});

describe('redacted code context', () => {
  const settings = defaultSettings();

  it('masks secrets bound to names, known formats and URL passwords, leaving code readable', () => {
    const text = [
      "const C06_secretKey = 'Qz8vN3kLp2Xw7RtY';",
      'C06_API_KEY=Hm4rT9wQz2LkV8pXs5Nc',
      'url: https://dvc:Pw7xQ2zL9k@lgsp.tinh-mau.gov.vn/api?token=Zx4cVb7nM2&page=2',
      "const ok = fetch(DANCU_URL, { method: 'POST' });",
      "headers: { 'X-Trace': 'A1b2C3d4E5f6G7h8I9j0K1l2' }",
    ].join('\n');
    const out = redactLines(text, 'src/a.ts', [1, 2, 3, 4, 5], { settings });
    expect(out.get(1)).toBe("const C06_secretKey = 'Qz…tY';");
    expect(out.get(2)).toBe('C06_API_KEY=Hm…Nc');
    expect(out.get(3)).not.toContain('Pw7xQ2zL9k');
    expect(out.get(3)).not.toContain('Zx4cVb7nM2');
    expect(out.get(3)).toContain('lgsp.tinh-mau.gov.vn/api');
    expect(out.get(4)).toBe("const ok = fetch(DANCU_URL, { method: 'POST' });");
    expect(out.get(5)).toBe("headers: { 'X-Trace': 'A1…l2' }");
  });

  it('masks a multi-line private key, and a credential fact found by its hash', () => {
    const body = 'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0';
    const text = ['const key = `-----BEGIN RSA PRIVATE KEY-----', body, '-----END RSA PRIVATE KEY-----`;', 'call(x, "nothing-secret-here")'].join('\n');
    const value = 'nothing-secret-here';
    const out = redactLines(text, 'src/k.ts', [1, 2, 3, 4], {
      settings,
      credentials: [
        { file: 'src/k.ts', line: 4, source: 'source', kind: 'named-literal', redacted: 'no…re', length: value.length, entropy: 3, placeholder: false, valueHash: sha256Hex(value) },
      ],
    });
    const all = [...out.values()].join('\n');
    expect(all).not.toContain(body.slice(10, 30));
    expect(all).toContain('const key = `');
    expect(out.get(4)).toBe('call(x, "no…re")');
  });

  it('masks every literal and value on a credentials finding line it cannot pin down', () => {
    const text = 'data:\n  C06_PASSWORD: RmFrZVBhc3N3b3JkITIwMjY=\n  note: "plain words"\n';
    const out = redactLines(text, 'k8s/secret.yaml', [1, 2, 3], { settings, strict: new Set([2]) });
    expect(out.get(2)).toBe('  C06_PASSWORD: Rm…Y=');
    expect(out.get(3)).toBe('  note: "plain words"');
  });

  it('reads only inside the root and never for findings from history', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-html-ctx-'));
    try {
      writeFileSync(join(dir, 'a.ts'), 'one\ntwo\nthree\n');
      const ctx = buildCodeContext({ root: dir }, [
        finding({ file: 'a.ts', line: 2, category: 'logging', value: undefined }),
        finding({ file: '../etc/passwd', line: 1 }),
        finding({ file: 'b.ts', line: 1, commit: { sha: 'a'.repeat(40), authorDate: '2026-01-01' } }),
      ]);
      expect([...ctx.keys()]).toEqual(['a.ts']);
      expect([...ctx.get('a.ts')!]).toEqual([[1, 'one'], [2, 'two'], [3, 'three'], [4, '']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('dancu-guard scan --format html (built CLI)', () => {
  let dir: string;
  let out: string;
  const SECRETS = {
    ts: 'Qz8vN3kLp2Xw7RtY',
    env: 'Hm4rT9wQz2LkV8pXs5Nc',
    k8s: 'Fk7Qw!2026zXv',
    conn: 'Wq7zR2kP9mTx',
    php: 'Lp3xV9qR2mWz8K',
    url: 'Pw7xQ2zL9kVb',
    near: 'Zr5tY8uI2oP4aS6d',
  };
  const jwt = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"dvc_tinh","iat":1767225600}').toString(
    'base64url',
  )}.Xk2Pq9Lm4Nz7Rt1Vw5Ys8Bc3Df6Gh0Jk2Lm4Np6Qr8`;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dg-html-cli-'));
    mkdirSync(join(dir, 'src'), { recursive: true });
    mkdirSync(join(dir, 'k8s'), { recursive: true });
    mkdirSync(join(dir, 'config'), { recursive: true });
    writeFileSync(join(dir, 'src', 'config.ts'), `// synthetic\nexport const C06_secretKey = '${SECRETS.ts}';\nexport const jwt = '${jwt}';\n`);
    writeFileSync(
      join(dir, 'src', 'client.ts'),
      [
        `const apiKey = "${SECRETS.near}";`,
        `const DANCU_URL = 'https://dvc:${SECRETS.url}@lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan';`,
        'export async function traCuu(id: string) {',
        '  return fetch(DANCU_URL, { method: "POST", body: JSON.stringify({ SoDinhDanh: id, apiKey }) });',
        '}',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, '.env'), `PORT=8080\nC06_API_KEY=${SECRETS.env}\n`);
    writeFileSync(
      join(dir, 'k8s', 'secret.yaml'),
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: dancu\ntype: Opaque\ndata:\n  C06_PASSWORD: ${Buffer.from(SECRETS.k8s).toString('base64')}\n`,
    );
    writeFileSync(join(dir, 'appsettings.json'), JSON.stringify({ ConnectionStrings: { DanCu: `Server=db;User Id=dvc;Password=${SECRETS.conn};` } }, null, 2));
    writeFileSync(join(dir, 'config', 'dancu.php'), `<?php\nreturn [\n  'secret' => env('C06_SECRET', '${SECRETS.php}'),\n];\n`);
    writeFileSync(join(dir, EVIL_FILE), `export const C06_password = 'Hx7Lq2Vz9Kp4';\n`);
    out = join(dir, 'report.html');
    const r = spawnSync(process.execPath, [BIN, 'scan', dir, '--format', 'html', '-o', out, '--lang', 'vi'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a report with findings and code context', () => {
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('DG-CRED-001');
    expect(html).toContain('<span class="ln">2</span>export const C06_secretKey = &#39;Qz…tY&#39;;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.ts');
    expect(tagNames(html).has('img')).toBe(false);
  });

  it('never shows a secret from a scanned line in clear', () => {
    const html = readFileSync(out, 'utf8');
    const clear = [...Object.values(SECRETS), 'Hx7Lq2Vz9Kp4', jwt.split('.')[2]!, Buffer.from(SECRETS.k8s).toString('base64')];
    for (const secret of clear) {
      for (let i = 0; i + 6 <= secret.length; i++) expect(html, `leaks part of ${secret.slice(0, 2)}…`).not.toContain(secret.slice(i, i + 6));
    }
  });
});

describe('dancu-guard gate --format html (built CLI)', () => {
  it('starts with what the gate decided on', () => {
    const r = spawnSync(process.execPath, [BIN, 'gate', join(__dirname, '..', '..', 'examples', 'gate-changed'), '--deploy-date', '2026-12-01', '--format', 'html', '--no-progress'], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(1);
    const preface = /<ul class="preface" id="preface">([\s\S]*?)<\/ul>/.exec(r.stdout)?.[1] ?? '';
    expect(preface).toContain('<li>Pre-deployment gate — deploy date 2026-12-01</li>');
    // One verdict, the report's own, in the gate's words.
    expect(preface).not.toContain('Verdict');
    expect(r.stdout).toMatch(/<div class="verdict fail" id="verdict">BLOCKED<\/div>/);
    expect(r.stdout).toContain('data-rule="DG-GATE-002"');
  });
});
