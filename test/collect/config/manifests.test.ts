import { FIXTURES as FIXTURES_DIR } from '../../helpers/paths.js';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appsettingsCollector } from '../../../src/collect/config/json.js';
import { manifestCollectors } from '../../../src/collect/config/index.js';
import { dockerfileCollector } from '../../../src/collect/config/dockerfile.js';
import { dotenvCollector, parseDotenv } from '../../../src/collect/config/dotenv.js';
import { parseProperties, propertiesCollector } from '../../../src/collect/config/properties.js';
import { dedupeCredentials } from '../../../src/collect/credentials/candidates.js';
import { textCollector } from '../../../src/collect/credentials/text.js';
import type { CollectContext, Collector } from '../../../src/collect/types.js';
import { yamlCollector } from '../../../src/collect/config/yaml/index.js';
import { maskTemplates, parseYaml } from '../../../src/collect/config/yaml/tree.js';
import type { DiscoveredFile } from '../../../src/discover/types.js';
import { emptyFacts, type ConfigFormat, type CredentialFact, type FileKind, type Facts } from '../../../src/facts/types.js';
import { factsErrors } from '../../../src/facts/validate.js';
import { defaultSettings } from '../../../src/policy/settings.js';

const ROOT = join(FIXTURES_DIR, 'manifests');

function file(path: string, kind: FileKind, format?: ConfigFormat): DiscoveredFile {
  const f: DiscoveredFile = { path, absPath: join(ROOT, path), size: 1, kind };
  if (format) f.format = format;
  return f;
}

const FILES: DiscoveredFile[] = [
  file('k8s/deployment.yaml', 'manifest', 'k8s'),
  file('k8s/secret.yaml', 'manifest', 'k8s'),
  file('k8s/broken.yaml', 'manifest', 'k8s'),
  file('helm/values.yaml', 'manifest', 'helm-values'),
  file('compose/docker-compose.yml', 'manifest', 'compose'),
  file('workflows/deploy.yml', 'manifest', 'github-workflow'),
  file('spring/application.yml', 'config', 'spring'),
  file('spring/application.properties', 'config', 'spring'),
  file('legacy/config.properties', 'config', 'properties'),
  file('dotnet/appsettings.json', 'config', 'appsettings'),
  file('dotnet/bad.json', 'config', 'json'),
  file('env/.env', 'config', 'dotenv'),
  file('env/.env.example', 'doc'),
  file('env/placeholders.env', 'config', 'dotenv'),
  file('docker/Dockerfile', 'manifest', 'dockerfile'),
  file('src/client.ts', 'source'),
  file('i18n/vi.yaml', 'config', 'yaml'),
];

function ctx(files: DiscoveredFile[] = FILES): CollectContext {
  return {
    root: ROOT,
    settings: defaultSettings(),
    allFiles: files,
    readText: (p) => (files.some((f) => f.path === p) ? readFileSync(join(ROOT, p), 'utf8') : undefined),
  };
}

/** Run collectors the way the pipeline does: each over the files it applies to, then dedupe. */
async function run(collectors: Collector[], files: DiscoveredFile[] = FILES): Promise<Facts> {
  const facts = emptyFacts({ name: 'manifests', binEntries: [] });
  const c = ctx(files);
  for (const col of collectors) {
    const mine = files.filter((f) => col.appliesTo(f));
    if (mine.length === 0) continue;
    const got = await col.collect(mine, c);
    facts.credentials.push(...(got.credentials ?? []));
    facts.endpoints.push(...(got.endpoints ?? []));
    facts.tlsSettings.push(...(got.tlsSettings ?? []));
    facts.diagnostics.push(...(got.diagnostics ?? []));
  }
  facts.credentials = dedupeCredentials(facts.credentials);
  return facts;
}

const all = run(manifestCollectors());

function credsIn(facts: Facts, path: string): CredentialFact[] {
  return facts.credentials.filter((c) => c.file === path);
}

/** [line, source, kind, key] of each credential in a file, in order. */
function summary(facts: Facts, path: string): Array<[number, string, string, string | undefined]> {
  return credsIn(facts, path).map((c) => [c.line, c.source, c.kind, c.key]);
}

describe('manifest collectors: registry', () => {
  it('returns all collectors in a stable order', () => {
    expect(manifestCollectors().map((c) => c.name)).toEqual(['yaml', 'dotenv', 'properties', 'appsettings', 'dockerfile', 'text']);
  });

  it('routes files by kind/format; docs (.env.example) are left alone', () => {
    const names = (f: DiscoveredFile) => manifestCollectors().filter((c) => c.appliesTo(f)).map((c) => c.name);
    expect(names(file('k8s/a.yaml', 'manifest', 'k8s'))).toEqual(['yaml', 'text']);
    expect(names(file('application.properties', 'config', 'spring'))).toEqual(['properties', 'text']);
    expect(names(file('application.yml', 'config', 'spring'))).toEqual(['yaml', 'text']);
    expect(names(file('appsettings.json', 'config', 'appsettings'))).toEqual(['appsettings', 'text']);
    expect(names(file('package-lock.json', 'config', 'json'))).toEqual(['text']);
    expect(names(file('.env', 'config', 'dotenv'))).toEqual(['dotenv', 'text']);
    expect(names(file('.env.example', 'doc'))).toEqual([]);
    expect(names(file('src/a.ts', 'source'))).toEqual(['text']);
    expect(names(file('Dockerfile', 'manifest', 'dockerfile'))).toEqual(['dockerfile', 'text']);
  });

  it('produces facts that match the facts schema', async () => {
    expect(factsErrors(await all)).toEqual([]);
  });
});

describe('Kubernetes', () => {
  it('reports env[].value literals in containers, initContainers and CronJob templates at the value line', async () => {
    const facts = await all;
    expect(summary(facts, 'k8s/deployment.yaml')).toEqual([
      [15, 'k8s-env', 'named-literal', 'DB_PASSWORD'],
      [23, 'k8s-env', 'named-literal', 'DANCU_API_PASSWORD'],
      [49, 'k8s-env', 'named-literal', 'CSDLDANCU_ACCESS_KEY'],
    ]);
    const pw = credsIn(facts, 'k8s/deployment.yaml')[1];
    expect(pw).toMatchObject({ column: 22, redacted: 'Su…9x', placeholder: false });
  });

  it('valueFrom/secretKeyRef and $(VAR) are references, not credentials', async () => {
    const keys = credsIn(await all, 'k8s/deployment.yaml').map((c) => c.key);
    expect(keys).not.toContain('DANCU_API_TOKEN');
    expect(keys).not.toContain('C06_SECRET_KEY');
    expect(keys).not.toContain('token');
  });

  it('records endpoints and TLS switches in env', async () => {
    const facts = await all;
    expect(facts.endpoints.filter((e) => e.file === 'k8s/deployment.yaml')).toEqual([
      {
        file: 'k8s/deployment.yaml',
        line: 21,
        column: 22,
        key: 'DANCU_API_URL',
        url: 'https://lgsp.tinhmau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan',
        source: 'k8s-env',
      },
    ]);
    expect(facts.tlsSettings.filter((t) => t.file === 'k8s/deployment.yaml')).toEqual([
      { file: 'k8s/deployment.yaml', line: 30, column: 22, setting: 'NODE_TLS_REJECT_UNAUTHORIZED: 0', format: 'k8s' },
    ]);
  });

  it('decodes Secret data (decoded: true), reads stringData, and ConfigMap data incl. an embedded properties file', async () => {
    const facts = await all;
    expect(summary(facts, 'k8s/secret.yaml')).toEqual([
      [7, 'k8s-secret', 'named-literal', 'DANCU_PASSWORD'],
      [8, 'k8s-secret', 'named-literal', 'DANCU_USERNAME'],
      [10, 'k8s-secret', 'named-literal', 'C06_SECRET_KEY'],
      [19, 'k8s-configmap', 'named-literal', 'DANCU_API_KEY'],
      [22, 'k8s-configmap', 'named-literal', 'dancu.api.password'],
    ]);
    const [data, , stringData, cm] = credsIn(facts, 'k8s/secret.yaml');
    // The decoded value is the password itself: same hash as the clear literal in deployment.yaml.
    const clear = credsIn(facts, 'k8s/deployment.yaml')[1];
    expect(data).toMatchObject({ decoded: true, redacted: 'Su…9x', length: 19 });
    expect(data?.valueHash).toBe(clear?.valueHash);
    expect(stringData?.decoded).toBeUndefined();
    expect(cm?.decoded).toBeUndefined();
    expect(facts.endpoints.filter((e) => e.file === 'k8s/secret.yaml').map((e) => [e.line, e.key, e.source])).toEqual([
      [17, 'DANCU_BASE_URL', 'k8s-configmap'],
    ]);
  });

  it('a malformed document yields a diagnostic with its line; the other documents are still read', async () => {
    const facts = await all;
    expect(facts.diagnostics.filter((d) => d.file === 'k8s/broken.yaml')).toEqual([
      {
        file: 'k8s/broken.yaml',
        line: 11,
        column: 11,
        kind: 'parse-error',
        message: 'YAML: Nested mappings are not allowed in compact mappings',
      },
    ]);
    expect(summary(facts, 'k8s/broken.yaml')).toEqual([
      [6, 'k8s-configmap', 'named-literal', 'API_TOKEN'],
      [19, 'k8s-configmap', 'named-literal', 'API_TOKEN'],
    ]);
  });

  it('parses Helm templates by masking Go-template actions (offsets kept)', () => {
    const tpl = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: app',
      '          env:',
      '            {{- if .Values.dancu.enabled }}',
      '            - name: DANCU_PASSWORD',
      '              value: {{ .Values.dancu.password | quote }}',
      '            - name: C06_SECRET_KEY',
      '              value: Tpl-Sup3rS3cretValue!9x',
      '            {{- end }}',
    ].join('\n');
    expect(maskTemplates(tpl).length).toBe(tpl.length);
    const parsed = parseYaml(tpl, 'templates/deployment.yaml');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.docs).toHaveLength(1);
  });
});

describe('Helm values, compose, workflows', () => {
  it('helm values: sensitive leaves with literals, flattened keys, c06.key by path, env lists', async () => {
    const facts = await all;
    expect(summary(facts, 'helm/values.yaml')).toEqual([
      [7, 'helm-values', 'named-literal', 'dancu.password'],
      [14, 'helm-values', 'named-literal', 'c06.key'],
      [17, 'helm-values', 'named-literal', 'C06_API_KEY'],
    ]);
    expect(facts.tlsSettings.filter((t) => t.file === 'helm/values.yaml').map((t) => [t.line, t.setting])).toEqual([
      [10, 'dancu.tls.verify: false'],
    ]);
    expect(facts.endpoints.filter((e) => e.file === 'helm/values.yaml').map((e) => [e.line, e.key])).toEqual([[5, 'dancu.endpoint']]);
  });

  it('compose: environment as list (KEY=VALUE, exact column) and as map; ${VAR:-default} judged by its default', async () => {
    const facts = await all;
    expect(summary(facts, 'compose/docker-compose.yml')).toEqual([
      [6, 'compose-env', 'named-literal', 'DANCU_API_PASSWORD'],
      [12, 'compose-env', 'named-literal', 'POSTGRES_PASSWORD'],
      [14, 'compose-env', 'named-literal', 'PGADMIN_PASSWORD'],
    ]);
    expect(credsIn(facts, 'compose/docker-compose.yml')[0]?.column).toBe(28);
    expect(credsIn(facts, 'compose/docker-compose.yml')[2]?.redacted).toBe('De…9x');
    expect(facts.endpoints.filter((e) => e.file === 'compose/docker-compose.yml').map((e) => [e.line, e.column, e.key])).toEqual([
      [5, 23, 'DANCU_API_URL'],
    ]);
  });

  it('workflow: ${{ secrets.X }} is a placeholder; a literal in job env is reported', async () => {
    const facts = await all;
    expect(summary(facts, 'workflows/deploy.yml')).toEqual([[11, 'workflow-env', 'named-literal', 'C06_SECRET_KEY']]);
    expect(facts.tlsSettings.filter((t) => t.file === 'workflows/deploy.yml').map((t) => [t.line, t.setting, t.format])).toEqual([
      [17, 'GIT_SSL_NO_VERIFY: true', 'github-workflow'],
    ]);
  });
});

describe('Spring, properties, appsettings', () => {
  it('application.yml: flattened dotted keys, ${X:default} default, profile documents', async () => {
    const facts = await all;
    expect(summary(facts, 'spring/application.yml')).toEqual([
      [7, 'spring', 'named-literal', 'dancu.api.password'],
      [11, 'spring', 'named-literal', 'spring.datasource.password'],
    ]);
  });

  it('application.properties: =, :, whitespace separators, continuations, unicode escapes (prose skipped)', async () => {
    const facts = await all;
    expect(summary(facts, 'spring/application.properties')).toEqual([
      [4, 'spring', 'named-literal', 'dancu.api.password'],
      [6, 'spring', 'named-literal', 'c06.secret-key'],
      [7, 'spring', 'named-literal', 'dancu.api.token'],
      [8, 'spring', 'named-literal', 'dancu.api.client-secret'],
    ]);
    const cont = credsIn(facts, 'spring/application.properties')[3];
    expect(cont).toMatchObject({ redacted: 'Co…9x', length: 'Cont-Sup3rS3cretValue!9x'.length, column: 25 });
  });

  it('parseProperties follows java.util.Properties', () => {
    const { entries, problems } = parseProperties('a=1\n  b : 2\nc 3\n# x=y\n! z=w\nd=multi\\\n    line\ne=\\u00e9\\t!\nf=\\uZZZZ\n');
    expect(entries.map((e) => [e.key, e.value, e.line])).toEqual([
      ['a', '1', 1],
      ['b', '2', 2],
      ['c', '3', 3],
      ['d', 'multiline', 6],
      ['e', 'é\t!', 8],
      ['f', 'uZZZZ', 9],
    ]);
    expect(problems).toEqual([{ line: 9, message: 'properties: malformed \\uXXXX escape' }]);
  });

  it('other .properties get source properties', async () => {
    const facts = await all;
    expect(summary(facts, 'legacy/config.properties')).toEqual([[2, 'properties', 'named-literal', 'keyPass']]);
    expect(facts.tlsSettings.filter((t) => t.file === 'legacy/config.properties').map((t) => t.setting)).toEqual(['dancu.ssl.verify=false']);
  });

  it('appsettings.json: C06:SecretKey, connection string with Password=, comments and trailing commas, i18n skipped', async () => {
    const facts = await all;
    expect(summary(facts, 'dotnet/appsettings.json')).toEqual([
      [7, 'appsettings', 'named-literal', 'C06:SecretKey'],
      [11, 'appsettings', 'connection-string', 'ConnectionStrings:Default'],
    ]);
    expect(credsIn(facts, 'dotnet/appsettings.json')[1]?.redacted).toBe('Co…9x');
    expect(facts.tlsSettings.filter((t) => t.file === 'dotnet/appsettings.json').map((t) => [t.line, t.setting])).toEqual([
      [8, 'C06:VerifySsl: false'],
      [11, 'TrustServerCertificate=True'],
    ]);
    expect(facts.endpoints.filter((e) => e.file === 'dotnet/appsettings.json').map((e) => [e.line, e.column, e.key, e.source])).toEqual([
      [5, 16, 'C06:BaseUrl', 'appsettings'],
    ]);
  });

  it('bad JSON → parse-error diagnostic with its line, no throw', async () => {
    const facts = await all;
    expect(facts.diagnostics.filter((d) => d.file === 'dotnet/bad.json')).toEqual([
      { file: 'dotnet/bad.json', line: 4, column: 3, kind: 'parse-error', message: "JSON: expected ',' or '}'" },
    ]);
    expect(credsIn(facts, 'dotnet/bad.json')).toEqual([]);
  });
});

describe('dotenv and Dockerfile', () => {
  it('.env with and without quotes, export, inline comments, multi-line values, URLs with passwords', async () => {
    const facts = await all;
    expect(summary(facts, 'env/.env')).toEqual([
      [3, 'dotenv', 'named-literal', 'DANCU_API_PASSWORD'],
      [4, 'dotenv', 'named-literal', 'C06_SECRET_KEY'],
      [5, 'dotenv', 'named-literal', 'C06_API_KEY'],
      [9, 'dotenv', 'named-literal', 'MULTI_TOKEN'],
      [11, 'dotenv', 'connection-string', 'DATABASE_URL'],
    ]);
    const [plain, dq, sq] = credsIn(facts, 'env/.env');
    expect(plain?.length).toBe('Env-Sup3rS3cretValue!9x'.length);
    expect(dq?.length).toBe('Quoted-Sup3rS3cretValue!9x'.length); // quotes stripped
    expect(sq?.length).toBe('Single-Sup3rS3cretValue!9x'.length); // comment stripped
    expect(facts.tlsSettings.filter((t) => t.file === 'env/.env').map((t) => [t.line, t.setting, t.format])).toEqual([
      [7, 'NODE_TLS_REJECT_UNAUTHORIZED=0', 'dotenv'],
    ]);
  });

  it('parseDotenv reports an unterminated quote and goes on', () => {
    const { entries, problems } = parseDotenv('A="open\nB=2\n');
    expect(problems).toEqual([{ line: 1, column: 3, message: 'dotenv: unterminated " quoted value for A' }]);
    expect(entries.map((e) => [e.key, e.value, e.line])).toEqual([
      ['A', 'open', 1],
      ['B', '2', 2],
    ]);
  });

  it('.env.example is a doc: nothing collected from it', async () => {
    const facts = await all;
    expect(facts.credentials.filter((c) => c.file === 'env/.env.example')).toEqual([]);
  });

  it('Dockerfile ENV (both forms, continuations) and ARG defaults at their physical lines', async () => {
    const facts = await all;
    expect(summary(facts, 'docker/Dockerfile')).toEqual([
      [2, 'dockerfile', 'named-literal', 'NPM_TOKEN'],
      [5, 'dockerfile', 'named-literal', 'DANCU_API_PASSWORD'],
      [7, 'dockerfile', 'named-literal', 'C06_SECRET_KEY'],
      // Inside a RUN heredoc: only the plain-text scan sees it.
      [10, 'text', 'connection-string', undefined],
    ]);
    expect(credsIn(facts, 'docker/Dockerfile')[1]).toMatchObject({ column: 24, length: 'Docker-Sup3rS3cretValue!9x'.length });
    expect(facts.endpoints.filter((e) => e.file === 'docker/Dockerfile').map((e) => [e.line, e.key])).toEqual([[4, 'DANCU_API_URL']]);
    expect(facts.tlsSettings.filter((t) => t.file === 'docker/Dockerfile').map((t) => [t.line, t.setting])).toEqual([
      [8, 'NODE_TLS_REJECT_UNAUTHORIZED=0'],
    ]);
  });
});

describe('plain text, placeholders, prose, redaction', () => {
  it('PEM key, JWT, https://user:pass@host and an ADO connection string in a source file', async () => {
    const facts = await all;
    expect(credsIn(facts, 'src/client.ts').map((c) => [c.line, c.source, c.kind])).toEqual([
      [2, 'text', 'private-key'],
      [7, 'text', 'jwt'],
      [9, 'text', 'basic-auth-url'],
      [11, 'text', 'connection-string'],
    ]);
  });

  it('structured facts win over text matches of the same secret (dedupe)', async () => {
    const facts = await all;
    const dbUrl = facts.credentials.filter((c) => c.file === 'env/.env' && c.line === 11);
    expect(dbUrl.map((c) => c.source)).toEqual(['dotenv']);
    const conn = facts.credentials.filter((c) => c.file === 'dotnet/appsettings.json' && c.line === 11);
    expect(conn.map((c) => c.source)).toEqual(['appsettings']);
    // Without dedupe the text collector reports them too.
    const textOnly = await run([textCollector]);
    expect(textOnly.credentials.some((c) => c.file === 'env/.env' && c.line === 11)).toBe(true);
  });

  it('i18n strings like "Mật khẩu" are not credentials', async () => {
    const facts = await all;
    expect(credsIn(facts, 'i18n/vi.yaml')).toEqual([]);
  });

  it('placeholders of every kind are not reported', async () => {
    const facts = await all;
    expect(credsIn(facts, 'env/placeholders.env')).toEqual([]);
    // The URL is still an endpoint, its (placeholder) password masked.
    expect(facts.endpoints.filter((e) => e.file === 'env/placeholders.env').map((e) => e.url)).toEqual([
      'https://${DANCU_USER}:***@lgsp.tinhmau.gov.vn/api',
    ]);
  });

  it('no fact, endpoint or diagnostic carries a clear secret', async () => {
    const facts = await all;
    const json = JSON.stringify(facts);
    expect(json).not.toContain('Sup3rS3cret');
    expect(json).not.toContain('U3VwM3JTM2NyZXRWYWx1ZSE5eA'); // base64 of the password
    expect(json).not.toContain('FAKEKEYFORTESTSONLY');
    expect(json).not.toContain('ZmFrZS1zaWduYXR1cmU'); // JWT signature
    expect(facts.credentials.length).toBeGreaterThan(30);
  });

  it('never throws: unreadable files and odd input become diagnostics', async () => {
    const ghost = file('k8s/missing.yaml', 'manifest', 'k8s');
    const c: CollectContext = { ...ctx(), readText: () => undefined };
    for (const col of [yamlCollector, dotenvCollector, propertiesCollector, appsettingsCollector, dockerfileCollector, textCollector]) {
      const got = await col.collect([ghost], c);
      expect(got.diagnostics).toEqual([{ file: 'k8s/missing.yaml', line: 1, kind: 'unreadable', message: 'file could not be read as text' }]);
    }
    const weird: CollectContext = { ...ctx(), readText: () => '\u0000\u0001 ::: {{ [ "\n\t- - -\n' };
    for (const col of manifestCollectors()) {
      await expect(Promise.resolve(col.collect([ghost], weird))).resolves.toBeDefined();
    }
  });
});
