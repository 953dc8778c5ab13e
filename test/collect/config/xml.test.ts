/**
 * The .NET XML config reader (saxes): values at the exact line and column of the value,
 * entities, comments, CDATA, applicationSettings `<value>` text, WCF endpoints; a file
 * that is not well-formed keeps what was read and reports its first error.
 */
import { describe, expect, it } from 'vitest';
import { webConfigCollector } from '../../../src/collect/config/webconfig.js';
import { isXmlConfigPath, readXmlConfig } from '../../../src/collect/config/xml.js';
import type { CollectContext } from '../../../src/collect/types.js';
import type { DiscoveredFile } from '../../../src/discover/types.js';
import { defaultSettings } from '../../../src/policy/settings.js';

const WEB_CONFIG = [
  '<?xml version="1.0" encoding="utf-8"?>', // 1
  '<configuration>', // 2
  '  <!-- <appSettings><add key="Commented" value="http://commented.out"/></appSettings> -->', // 3
  '  <connectionStrings>', // 4
  '    <add name="Default" connectionString="Server=db;User Id=sa;Password=${DB_PASSWORD};" />', // 5
  '  </connectionStrings>', // 6
  '  <APPSETTINGS>', // 7
  '    <Add Key="DanCuUrl" Value="https://lgsp.tinh-mau.gov.vn/a?x=1&amp;y=2" />', // 8
  '    <add key="Chars"', // 9
  "         value='&#x41;&#66;&lt;&gt;' />", // 10
  '  </APPSETTINGS>', // 11
  '  <applicationSettings>', // 12
  '    <Dvc.Properties.Settings>', // 13
  '      <setting name="DanCuService" serializeAs="String">', // 14
  '        <value>https://lgsp.tinh-mau.gov.vn/dancu/ws</value>', // 15
  '      </setting>', // 16
  '      <setting name="Parts" serializeAs="String">', // 17
  '        <value>', // 18
  '          https://a<!-- c -->b<![CDATA[<c>]]>', // 19
  '        </value>', // 20
  '      </setting>', // 21
  '      <setting name="Empty" serializeAs="String"><value/></setting>', // 22
  '    </Dvc.Properties.Settings>', // 23
  '  </applicationSettings>', // 24
  '  <system.serviceModel><client>', // 25
  '    <endpoint address="https://lgsp.tinh-mau.gov.vn/TraCuuSoap.asmx" contract="DanCuRef.TraCuuSoap" name="TraCuuSoapEp"/>', // 26
  '  </client></system.serviceModel>', // 27
  '</configuration>', // 28
  '',
].join('\n');

describe('readXmlConfig', () => {
  it('reads appSettings (case-insensitively, entities decoded, comments skipped) at the line and column of each value', () => {
    const x = readXmlConfig('Web.config', WEB_CONFIG);
    expect(x.error).toBeUndefined();
    expect(x.appSettings).toEqual([
      { key: 'DanCuUrl', value: 'https://lgsp.tinh-mau.gov.vn/a?x=1&y=2', file: 'Web.config', line: 8, column: 32 },
      { key: 'Chars', value: 'AB<>', file: 'Web.config', line: 10, column: 17 },
      // applicationSettings: the text of <value> (comments skipped, CDATA kept), at the line its text starts on.
      { key: 'DanCuService', value: 'https://lgsp.tinh-mau.gov.vn/dancu/ws', file: 'Web.config', line: 15 },
      { key: 'Parts', value: 'https://ab<c>', file: 'Web.config', line: 18 },
      { key: 'Empty', value: '', file: 'Web.config', line: 22 },
    ]);
    expect(x.connectionStrings).toEqual([{ key: 'Default', value: 'Server=db;User Id=sa;Password=${DB_PASSWORD};', file: 'Web.config', line: 5, column: 43 }]);
  });

  it('indexes WCF endpoints by name, contract and the contract stem', () => {
    const x = readXmlConfig('Web.config', WEB_CONFIG);
    expect(x.endpoints.map((e) => [e.key, e.line, e.column])).toEqual([
      ['TraCuuSoapEp', 26, 24],
      ['DanCuRef.TraCuuSoap', 26, 24],
      ['TraCuuSoap', 26, 24],
    ]);
  });

  it('gives the same lines and columns for CRLF files and a BOM', () => {
    const crlf = readXmlConfig('a/Web.config', `\uFEFF${WEB_CONFIG.replace(/\n/g, '\r\n')}`);
    const lf = readXmlConfig('b/Web.config', WEB_CONFIG);
    const strip = (v: { file: string }[]) => v.map((e) => ({ ...e, file: '' }));
    expect(strip(crlf.appSettings)).toEqual(strip(lf.appSettings));
    expect(strip(crlf.endpoints)).toEqual(strip(lf.endpoints));
  });

  it('keys and attribute names compare case-insensitively; attribute lines are where the value is', () => {
    const x = readXmlConfig('App.config', '<configuration>\n<APPSETTINGS>\n<Add Key="K"\n   Value="V"/>\n</APPSETTINGS>\n</configuration>');
    expect(x.appSettings).toEqual([{ key: 'K', value: 'V', file: 'App.config', line: 4, column: 11 }]);
  });

  it('a file that is not well-formed keeps what was read before the error and reports it without quoting the file', () => {
    const x = readXmlConfig('Web.config', '<configuration>\n<appSettings>\n<add key="A" value="1"/>\n<!- broken -->\n<add key="Secret-Name" value="2"/>\n</appSettings>\n</configuration>');
    expect(x.appSettings.map((v) => v.key)).toEqual(['A']);
    expect(x.error).toMatchObject({ line: 4 });
    expect(x.error?.message).toMatch(/^XML: /);
    expect(x.error?.message).not.toContain('Secret');
    expect(() => readXmlConfig('x.config', '<'.repeat(10_000))).not.toThrow();
  });

  it('isXmlConfigPath: .config files, not NuGet ones', () => {
    expect(isXmlConfigPath('Web.Release.config')).toBe(true);
    expect(isXmlConfigPath('src/packages.config')).toBe(false);
    expect(isXmlConfigPath('NuGet.Config')).toBe(false);
  });
});

describe('webConfigCollector', () => {
  const ctxFor = (files: Record<string, string>): { files: DiscoveredFile[]; ctx: CollectContext } => {
    const list: DiscoveredFile[] = Object.keys(files).map((path) => ({ path, absPath: `/x/${path}`, size: 1, kind: 'config' }));
    return { files: list, ctx: { root: '/x', settings: defaultSettings(), allFiles: list, readText: (p) => files[p] } };
  };

  it('reports a parse error for XML that is not well-formed, not for another tool\'s .config', async () => {
    const { files, ctx } = ctxFor({
      'Web.config': '<configuration>\n<appSettings>\n<add key="A" value="1">\n</configuration>\n',
      'tool.config': 'name = x < y\n',
    });
    const facts = await webConfigCollector.collect(files, ctx);
    expect(facts.diagnostics).toEqual([expect.objectContaining({ file: 'Web.config', kind: 'parse-error', line: 4 })]);
  });
});
