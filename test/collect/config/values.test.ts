/**
 * The per-scan config index: flavours, nearest-file and base-file ranking, placeholders
 * followed through the env files, registered flavours. (The XML reader: xml.test.ts.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { springEnvName, springKey } from '../../../src/collect/config/flavours/spring.js';
import { dotnetKey } from '../../../src/collect/config/flavours/dotnet.js';
import { replacePlaceholders } from '../../../src/collect/config/placeholders.js';
import { ConfigIndex, registerConfigProvider } from '../../../src/collect/config/values.js';
import type { CollectContext } from '../../../src/collect/types.js';
import { loadTree } from '../../helpers/collect.js';
import { tempTrees } from '../../helpers/tree.js';

const { tree } = tempTrees('dg-cfg-');

describe('ConfigIndex', () => {
  let ctx: CollectContext;
  let idx: ConfigIndex;
  beforeAll(async () => {
    const root = tree({
      'svc-a/src/main/resources/application.yml': 'dancu:\n  base-url: https://a.dancu.tinh-mau.gov.vn\n  url: ${DANCU_URL:https://default.dancu.tinh-mau.gov.vn}\n  nested: ${dancu.base-url}/x\n',
      'svc-a/src/main/resources/application-prod.yml': 'dancu:\n  base-url: https://prod.dancu.tinh-mau.gov.vn\n',
      'svc-b/src/main/resources/application.properties': 'dancu.baseUrl=https://b.dancu.tinh-mau.gov.vn\n',
      'api/appsettings.json': '{ "C06": { "Url": "https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu" } }',
      'api/appsettings.Development.json': '{ "C06": { "Url": "http://localhost:5000" } }',
      '.env': 'DANCU_URL=https://env.dancu.tinh-mau.gov.vn\nC06__Token=abc\n',
      'docker-compose.yml': 'services:\n  api:\n    environment:\n      - C06__Extra=https://compose.dancu.tinh-mau.gov.vn\n',
      'k8s/deploy.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          env:\n            - name: K8S_DANCU\n              value: https://k8s.dancu.tinh-mau.gov.vn\n',
      'Web/Web.config':
        '<?xml version="1.0"?>\n<configuration>\n  <!-- <appSettings><add key="DanCuUrl" value="http://commented.out"/></appSettings> -->\n  <appSettings>\n    <add key="DanCuUrl" value="https://lgsp.tinh-mau.gov.vn/a?x=1&amp;y=2" />\n  </appSettings>\n  <applicationSettings>\n    <Dvc.Properties.Settings>\n      <setting name="DanCuService" serializeAs="String">\n        <value>https://lgsp.tinh-mau.gov.vn/dancu/ws</value>\n      </setting>\n    </Dvc.Properties.Settings>\n  </applicationSettings>\n  <system.serviceModel><client>\n    <endpoint address="https://lgsp.tinh-mau.gov.vn/TraCuuSoap.asmx" contract="DanCuRef.TraCuuSoap" name="TraCuuSoapEp"/>\n  </client></system.serviceModel>\n</configuration>\n',
    });
    ({ ctx } = await loadTree(root));
    idx = ConfigIndex.of(ctx);
  });

  it('is one index per scan context', () => {
    expect(ConfigIndex.of(ctx)).toBe(idx);
  });

  it('Spring: relaxed binding, nearest module first, base file before profile files, placeholders followed', () => {
    expect(idx.spring('dancu.baseUrl', 'svc-a/src/main/java/A.java')).toMatchObject({
      value: 'https://a.dancu.tinh-mau.gov.vn',
      at: { file: 'svc-a/src/main/resources/application.yml', line: 2 },
      via: ['config'],
    });
    expect(idx.spring('dancu.base-url', 'svc-b/src/main/java/B.java')?.value).toBe('https://b.dancu.tinh-mau.gov.vn');
    // ${DANCU_URL:…} resolved from .env (the env wins over the default)
    expect(idx.spring('dancu.url', 'svc-a/x.java')).toMatchObject({ value: 'https://env.dancu.tinh-mau.gov.vn', keys: ['dancu.url', 'DANCU_URL'], complete: true });
    expect(idx.spring('dancu.nested', 'svc-a/x.java')?.value).toBe('https://a.dancu.tinh-mau.gov.vn/x');
    expect(idx.spring('nothing.here')).toBeUndefined();
  });

  it('.NET: case-insensitive, appsettings.json before appsettings.Development.json, `__` env vars', () => {
    expect(idx.dotnet('c06:url')).toMatchObject({ value: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu', at: { file: 'api/appsettings.json' } });
    expect(idx.dotnet('C06:Token')).toMatchObject({ value: 'abc', keys: ['C06:Token', 'C06__Token'], via: ['config', 'env'] });
    expect(idx.dotnet('C06:Extra')?.at.file).toBe('docker-compose.yml');
  });

  it('env: .env, compose environment lists, Kubernetes env', () => {
    expect(idx.env('K8S_DANCU')).toMatchObject({ value: 'https://k8s.dancu.tinh-mau.gov.vn', at: { file: 'k8s/deploy.yaml', line: 10 } });
    expect(idx.env('DANCU_URL')?.at).toMatchObject({ file: '.env', line: 1 });
  });

  it('Web.config: appSettings (entities decoded, comments skipped), applicationSettings, WCF endpoints by name and contract', () => {
    expect(idx.simple('netfx-appsettings', 'dancuurl')).toMatchObject({ value: 'https://lgsp.tinh-mau.gov.vn/a?x=1&y=2', at: { line: 5 } });
    expect(idx.simple('netfx-appsettings', 'DanCuService')?.value).toBe('https://lgsp.tinh-mau.gov.vn/dancu/ws');
    for (const k of ['TraCuuSoapEp', 'DanCuRef.TraCuuSoap', 'TraCuuSoap']) {
      expect(idx.simple('wcf-endpoint', k)?.value, k).toBe('https://lgsp.tinh-mau.gov.vn/TraCuuSoap.asmx');
    }
  });

  it('registerConfigProvider adds a flavour (how the PHP collector plugs Laravel config/*.php in)', async () => {
    registerConfigProvider('laravel-test', {
      appliesTo: (f) => /^config\/[^/]+\.php$/.test(f.path),
      read: (path, text) =>
        [...text.matchAll(/'(\w+)'\s*=>\s*'([^']*)'/g)].map((m) => ({ key: `${path.slice(7, -4)}.${m[1]}`, value: m[2] ?? '', file: path, line: 1 })),
      normalize: (k) => k.toLowerCase(),
    });
    const root = tree({ 'config/dancu.php': "<?php return ['url' => 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu'];\n" });
    const { ctx: c2 } = await loadTree(root);
    expect(ConfigIndex.of(c2).simple('laravel-test', 'dancu.url')?.value).toBe('https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu');
  });

  it('replacePlaceholders: Spring and shell defaults, nesting, unresolved kept', () => {
    const env: Record<string, string> = { A: 'x' };
    expect(replacePlaceholders('${A}/${B:def}/${C:-d2}/${D}/${E:${A}-y}', (n, d) => env[n] ?? (d === undefined ? undefined : replacePlaceholders(d, (m) => env[m])))).toBe(
      'x/def/d2/${D}/x-y',
    );
  });
});

describe('key spellings', () => {
  it('Spring relaxed binding and its env-var form; .NET `__` = `:`', () => {
    expect(springKey('dancu.base-url')).toBe(springKey('dancu.baseUrl'));
    expect(springKey('dancu.base_url')).toBe('dancu.baseurl');
    expect(springEnvName('dancu.base-url')).toBe('DANCU_BASEURL');
    expect(springEnvName('dancu.url')).toBe('DANCU_URL');
    expect(dotnetKey('C06__Url')).toBe(dotnetKey('c06:url'));
  });
});
