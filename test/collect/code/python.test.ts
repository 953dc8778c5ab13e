import { EXAMPLES, FIXTURES as FIXTURES_DIR } from '../../helpers/paths.js';
import { fixtureHarness, loadTree, siteAt } from '../../helpers/collect.js';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigIndex } from '../../../src/collect/config/values.js';
import { readDjangoSettings } from '../../../src/collect/config/flavours/django.js';
import { pythonCollector } from '../../../src/collect/code/python/index.js';
import { readNotebook } from '../../../src/collect/code/python/notebook.js';
import type { DiscoveredFile } from '../../../src/discover/types.js';
import type { CollectedFacts } from '../../../src/facts/types.js';
import { factsErrors } from '../../../src/facts/validate.js';
import { scan } from '../../../src/pipeline/scan.js';

const FIXTURES = join(FIXTURES_DIR, 'python');

const { collect, document } = fixtureHarness(FIXTURES, pythonCollector);
const site = siteAt;
const load = loadTree;

const ALL = ['clients', 'context', 'tls', 'tools', 'creds', 'notebook', 'broken'];

describe('pythonCollector: applies to', () => {
  it('reads Python sources and notebooks', () => {
    const f = (language: DiscoveredFile['language']): DiscoveredFile => ({ path: 'a.py', absPath: '/a.py', size: 1, kind: 'source', language });
    expect(pythonCollector.appliesTo(f('python'))).toBe(true);
    expect(pythonCollector.appliesTo(f('notebook'))).toBe(true);
    expect(pythonCollector.appliesTo(f('php'))).toBe(false);
  });
});

describe('Django settings reader', () => {
  it('reads module-level string constants and env reads as placeholders', () => {
    const text = [
      'import os',
      'DEBUG = False',
      'DANCU_URL = os.environ.get("DANCU_URL", "https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu")  # the gateway',
      "TOKEN = os.getenv('DANCU_TOKEN')",
      'WSDL: str = "https://lgsp.tinh-mau.gov.vn/dancu/ws?wsdl"',
      'KEY = os.environ["C06_KEY"]',
      'COMPUTED = BASE + "/x"',
      '    NESTED = "ignored"',
    ].join('\n');
    expect(readDjangoSettings('dvc/settings.py', text).map((v) => [v.key, v.value, v.line])).toEqual([
      ['DANCU_URL', '${DANCU_URL:https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu}', 3],
      ['TOKEN', '${DANCU_TOKEN}', 4],
      ['WSDL', 'https://lgsp.tinh-mau.gov.vn/dancu/ws?wsdl', 5],
      ['KEY', '${C06_KEY}', 6],
    ]);
  });

  it('is the `django` flavour of the config index', async () => {
    const { ctx } = await load(join(FIXTURES, 'clients'));
    expect(ConfigIndex.of(ctx).withEnv('django', 'DANCU_GATEWAY')).toMatchObject({
      value: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu',
      keys: ['DANCU_GATEWAY', 'DANCU_URL'],
      at: { file: 'dvc/settings.py', line: 6 },
    });
  });
});

describe('pythonCollector: HTTP/SOAP clients and config resolution', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await collect('clients');
  });
  const F = 'clients.py';

  it('requests.post with an f-string of module constants, os.getenv default overridden by .env', () => {
    const s = site(facts, F, 17);
    expect(s).toMatchObject({ client: 'requests', language: 'python', column: 12, function: { name: 'module_requests', line: 16 } });
    expect(s.target).toEqual({
      url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan?SoDinhDanh=${id}',
      via: ['template', 'constant', 'env', 'literal'],
      keys: ['DANCU_URL'],
      definedAt: { file: '.env', line: 1, column: 11 },
      operation: 'TraCuuThongTinCongDan',
    });
  });

  it("requests.request('POST', …); a Session's post with % formatting of Django settings", () => {
    expect(site(facts, F, 21).target.url).toBe('https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/XacThucThongTinCongDan');
    expect(site(facts, F, 30)).toMatchObject({
      client: 'requests',
      function: { name: 'Svc.session_post' },
      target: { url: 'https://apidvc.tinh-mau.gov.vn/dancu/XacMinhThongTinNhanThan', keys: ['DANCU_BASE'], definedAt: { file: 'dvc/settings.py', line: 4 } },
    });
  });

  it('zeep: client.service.Op(…) with the WSDL from settings', () => {
    expect(site(facts, F, 33)).toMatchObject({
      client: 'zeep',
      target: { url: 'https://lgsp.tinh-mau.gov.vn/dancu/TraCuuSoap.asmx?wsdl', operation: 'TraCuuThongTinCongDan', keys: ['DANCU_WSDL'] },
    });
  });

  it('httpx Client/AsyncClient with base_url (with … as c), settings read through the env', () => {
    expect(site(facts, F, 38)).toMatchObject({ client: 'httpx', target: { url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/CungCapThongTinCongDan' } });
    expect(site(facts, F, 43)).toMatchObject({
      client: 'httpx',
      target: { url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan', keys: ['DANCU_GATEWAY', 'DANCU_URL'] },
    });
  });

  it('urllib urlopen(Request(…)) with str.format, aiohttp with urljoin(os.environ[…]), urllib3 with "/".join', () => {
    expect(site(facts, F, 48)).toMatchObject({ client: 'urllib', target: { url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan' } });
    expect(site(facts, F, 53)).toMatchObject({ client: 'aiohttp', target: { url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan', keys: ['DANCU_URL'] } });
    expect(site(facts, F, 59)).toMatchObject({ client: 'urllib3', target: { url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/XacThucThongTinCongDan' } });
  });

  it('a module-level envelope constant gives namespace and operation; an env var set nowhere gives keys only', () => {
    expect(site(facts, F, 68).target).toEqual({ via: ['env'], keys: ['DANCU_SOAP'], namespace: 'http://dancuquocgia.bca', operation: 'TraCuuThongTinCongDan' });
  });

  it('reports unrelated calls too', () => {
    expect(site(facts, F, 72).target).toEqual({ url: 'https://example.invalid/weather', via: ['literal'] });
    expect(facts.callSites).toHaveLength(11);
  });
});

describe('pythonCollector: code-path context', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await collect('context');
  });
  const F = 'context.py';

  it('function, calls (logging.getLogger(…).info → logging.info), same-file callers and the loop in a caller', () => {
    const s = site(facts, F, 18);
    expect(s.function).toEqual({ name: 'Svc.one', line: 17 });
    expect(s.callsInFunction).toEqual(['requests.post', 'logging.info', 'logging.getLogger']);
    expect(s.callers).toEqual([{ name: 'Svc.loop', line: 22, calls: ['one'] }]);
    expect(s.loop).toEqual({ kind: 'for', line: 23 });
  });

  it('while (structlog bind(…).info → log.info), comprehension, map(lambda), executor.map(self.fetch)', () => {
    expect(site(facts, F, 28)).toMatchObject({ loop: { kind: 'while', line: 27 }, callsInFunction: ['requests.post', 'q.pop', 'log.info', 'log.bind'] });
    expect(site(facts, F, 32).loop).toEqual({ kind: 'comprehension', line: 32 });
    expect(site(facts, F, 35).loop).toEqual({ kind: 'map', line: 35 });
    expect(site(facts, F, 42)).toMatchObject({ loop: { kind: 'map', line: 39 }, callers: [{ name: 'Svc.pooled' }] });
  });

  it('limiters: Flask-Limiter decorator, ratelimit @limits, time.sleep(≥1 s) in the same loop', () => {
    expect(site(facts, F, 47).limiter).toEqual({ name: '@limiter.limit("100/day")', line: 44 });
    expect(site(facts, F, 52).limiter).toEqual({ name: '@limits(calls=10, period=60)', line: 50 });
    expect(site(facts, F, 56).limiter).toEqual({ name: 'time.sleep', line: 57 });
  });

  it('not limiters: a short sleep, a sleep in another loop, asyncio.Semaphore', () => {
    for (const line of [61, 68, 74]) expect(site(facts, F, line).limiter, String(line)).toBeUndefined();
    expect(site(facts, F, 74).loop).toEqual({ kind: 'for', line: 72 });
  });
});

describe('pythonCollector: TLS', () => {
  it('verify=False, session.verify = False, check_hostname, CERT_NONE, unverified context, aiohttp ssl=False, disable_warnings', async () => {
    const facts = await collect('tls');
    expect((facts.tlsSettings ?? []).map((t) => [t.line, t.setting])).toEqual([
      [7, 'urllib3.disable_warnings'],
      [8, 'ssl._create_unverified_context'],
      [13, 's.verify = False'],
      [15, 'ctx.check_hostname = False'],
      [16, 'ssl.CERT_NONE'],
      [17, 'ssl=False'],
      [18, 'verify=False'],
    ]);
    expect(site(facts, 'insecure.py', 18).tlsVerifyDisabled).toEqual({ setting: 'urllib3.disable_warnings', line: 7 });
  });
});

describe('pythonCollector: stand-alone tools', () => {
  it('__main__ guard (not when it starts a web server), argparse, click, typer, sys.argv, shebang, Django command, scheduler, Playwright', async () => {
    const facts = await collect('tools');
    expect(Object.fromEntries((facts.files ?? []).map((f) => [f.path, f.tool]))).toEqual({
      'argparse_tool.py': { kind: 'cli', reason: 'argparse command line', line: 3 },
      'argv_tool.py': { kind: 'cli', reason: 'reads sys.argv', line: 3 },
      'click_tool.py': { kind: 'cli', reason: '@click.command', line: 5 },
      'main_guard.py': { kind: 'script', reason: 'if __name__ == "__main__"', line: 5 },
      'manage_command.py': { kind: 'console-command', reason: 'Django management command (BaseCommand.handle)', line: 5 },
      'nightly.py': { kind: 'cron', reason: 'scheduler (schedule.every)', line: 3 },
      'portal.py': { kind: 'browser-automation', reason: 'imports playwright', line: 1 },
      'shebang_tool.py': { kind: 'script', reason: 'shebang', line: 1 },
      'typer_tool.py': { kind: 'cli', reason: 'typer.Typer command line', line: 3 },
    });
    expect(facts.endpoints).toEqual([{ file: 'portal.py', line: 5, column: 15, key: 'page.goto', navigation: true, url: 'https://dichvucong.dancuquocgia.gov.vn/portal/tra-cuu', source: 'source' }]);
  });
});

describe('pythonCollector: credentials', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await collect('creds');
  });

  it('reports each construct once, with key and redacted value only; callee texts carry no secret', () => {
    expect((facts.credentials ?? []).map((c) => [c.line, c.kind, c.key ?? null, c.redacted])).toEqual([
      [7, 'named-literal', 'C06_SECRET_KEY', 'Su…9x'],
      [12, 'named-literal', 'api_key', 'kq…dF'],
      [15, 'named-literal', 'password', 'Pr…77'],
      [18, 'named-literal', 'token', 'T0…6w'],
      [19, 'auth-header', 'Authorization', 'ti…11'],
      [20, 'auth-object', 'HTTPBasicAuth', 'H7…22'],
      [21, 'auth-object', 'auth', 'Tu…33'],
      [21, 'named-literal', 'X-Api-Key', 'Hd…Yc'],
      [22, 'named-literal', 'password', 'Kw…44'],
      [23, 'named-literal', 'DANCU_SECRET_KEY', 'En…55'],
      [25, 'auth-object', 'auth', 'Se…66'],
    ]);
    expect(site(facts, 'creds.py', 21).callee).toBe('requests.post("…", auth=("tinhmau_dvc", "…"), headers={"X-Api-Key": "…"})');
    const text = JSON.stringify(facts);
    for (const secret of ['Sup3rS3cretValue', 'Pr0pPassw0rd', 'B4sicPass', 'H77pBasicPass', 'Tup1ePass', 'Kw4rgPass', 'EnvFa11back', 'Sess1onPass']) expect(text).not.toContain(secret);
  });

  it('non-sensitive names, getenv without a default and placeholders are not candidates', () => {
    const lines = new Set((facts.credentials ?? []).map((c) => c.line));
    for (const l of [8, 24, 26, 27]) expect(lines.has(l), String(l)).toBe(false);
  });
});

describe('pythonCollector: notebooks', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await collect('notebook');
  });

  it('code cells are analysed; facts point at the line of the JSON string holding the code line', () => {
    const s = site(facts, 'tra_cuu.ipynb', 27);
    expect(s).toMatchObject({
      column: 14,
      client: 'requests',
      function: { name: '<module>', line: 14 },
      loop: { kind: 'for', line: 26 },
      tlsVerifyDisabled: { setting: 'verify=False', line: 27 },
      target: { url: 'http://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan', definedAt: { file: 'tra_cuu.ipynb', line: 17 } },
    });
    expect(facts.credentials?.map((c) => [c.file, c.line, c.key])).toEqual([['tra_cuu.ipynb', 16, 'C06_SECRET_KEY']]);
  });

  it('every Python notebook is a tool; an R notebook is not analysed; magics and %%cells do not break parsing', () => {
    expect(Object.fromEntries((facts.files ?? []).map((f) => [f.path, f.tool]))).toEqual({
      'broken_cell.ipynb': { kind: 'notebook', reason: 'Jupyter notebook', line: 1 },
      'tra_cuu.ipynb': { kind: 'notebook', reason: 'Jupyter notebook', line: 1 },
    });
    expect((facts.callSites ?? []).some((c) => c.file === 'r_kernel.ipynb')).toBe(false);
  });

  it('bad JSON and a Python syntax error in a cell are parse-error diagnostics at the notebook line', () => {
    expect(facts.diagnostics).toEqual([
      { file: 'bad_json.ipynb', line: 4, column: 1, kind: 'parse-error', message: 'Notebook: JSON: unexpected end of input' },
      { file: 'broken_cell.ipynb', line: 9, column: 12, kind: 'parse-error', message: 'Python: syntax error: missing ")"' },
    ]);
    expect(site(facts, 'broken_cell.ipynb', 11).target.url).toBe('https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan');
  });

  it('readNotebook maps every code line to its JSON line', () => {
    const nb = readNotebook(readFileSync(join(FIXTURES, 'notebook/tra_cuu.ipynb'), 'utf8'));
    expect(nb.ok).toBe(true);
    if (!nb.ok) return;
    expect(nb.code.text.split('\n').slice(0, 6)).toEqual(['pass', 'import requests', 'C06_SECRET_KEY = "Sup3rS3cretValue!9x"', 'URL = "http://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan"', '', 'for so_dinh_danh in ids:']);
    expect(nb.code.at.slice(0, 6).map((a) => a.line)).toEqual([14, 15, 16, 17, 17, 26]);
  });
});

describe('pythonCollector: broken files', () => {
  it('a syntax error is a parse-error diagnostic with its line, and the rest of the file is still read', async () => {
    const facts = await collect('broken');
    expect(facts.diagnostics).toEqual([{ file: 'broken.py', line: 6, column: 7, kind: 'parse-error', message: 'Python: syntax error: missing ")"' }]);
    expect(site(facts, 'broken.py', 11).target.url).toBe('https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan');
    expect(facts.credentials?.map((c) => c.key)).toEqual(['C06_SECRET_KEY']);
  });

  it('becomes a DG-CFG-001 finding, and the rest of the file is still judged', async () => {
    const r = await scan({ path: join(FIXTURES, 'broken') });
    expect(r.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`).sort()).toEqual(['DG-CFG-001 broken.py:6', 'DG-CRED-001 broken.py:3', 'DG-LOG-001 broken.py:11']);
  });
});

describe('pythonCollector: facts document', () => {
  it('every fixture yields a document that matches the schema', async () => {
    for (const f of ALL) expect(factsErrors(await document(f)), f).toEqual([]);
  });

  it('is deterministic', async () => {
    expect(await collect('context')).toEqual(await collect('context'));
  });
});

describe('examples: python-violating and python-compliant (end to end, real policies)', () => {
  it('python-violating: every applicable category, finding by finding', async () => {
    const { findings, facts } = await scan({ path: join(EXAMPLES, 'python-violating'), failOn: 'high' });
    expect(JSON.stringify(facts)).not.toContain('Sup3rS3cretValue');
    expect(findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`).sort()).toEqual(
      [
        'DG-LOG-001 dvc/dancu/client.py:12',
        'DG-TLS-001 dvc/dancu/client.py:12',
        'DG-TLS-002 dvc/dancu/client.py:15',
        'DG-LOG-001 dvc/dancu/soap.py:8',
        'DG-CRED-001 dvc/settings.py:11',
        'DG-TLS-001 dvc/settings.py:8', // the plain-HTTP URL where it is written (the call is in client.py)
        'DG-TOOL-001 notebooks/tra_cuu.ipynb:31',
        'DG-LOG-001 notebooks/tra_cuu.ipynb:31',
        'DG-QUOTA-001 notebooks/tra_cuu.ipynb:31',
        'DG-TOOL-002 tools/portal_scraper.py:6', // where it navigates to the portal
        'DG-TOOL-001 tools/tra_cuu_hang_loat.py:16',
        'DG-LOG-001 tools/tra_cuu_hang_loat.py:16',
        'DG-QUOTA-001 tools/tra_cuu_hang_loat.py:16',
        'DG-TLS-001 tools/tra_cuu_hang_loat.py:16',
        'DG-CRED-001 tools/tra_cuu_hang_loat.py:16',
      ].sort(),
    );
    const categories = new Set(findings.map((f) => f.category));
    for (const c of ['credentials', 'lookup-tool', 'logging', 'quota', 'transport']) expect(categories.has(c as never), c).toBe(true);
  });

  it('python-compliant: no findings at all; the gateway call logs in the same method; the Flask main is not a tool', async () => {
    const r = await scan({ path: join(EXAMPLES, 'python-compliant'), failOn: 'high' });
    expect(r.findings).toEqual([]);
    expect(r.facts.callSites).toHaveLength(1);
    expect(r.facts.callSites[0]).toMatchObject({
      file: 'app/dancu/gateway.py',
      client: 'requests',
      function: { name: 'DanCuGateway.tra_cuu' },
      target: { url: '${DANCU_URL}/TraCuuThongTinCongDan', keys: ['DANCU_URL'], operation: 'TraCuuThongTinCongDan' },
    });
    expect(r.facts.callSites[0]?.callsInFunction).toContain('audit_log.info');
    expect(r.facts.files.find((f) => f.path === 'app/web/server.py')?.tool).toBeUndefined();
  });
});
