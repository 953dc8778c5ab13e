/**
 * .NET Framework XML config (`Web.config`, `App.config`, `*.config`) as three config
 * flavours, keys case-insensitive, `Web.config`/`App.config` before transforms:
 * `netfx-appsettings` (`<appSettings><add key value/>`, `<applicationSettings>…<setting
 * name><value>`), `netfx-connection-strings` (`<connectionStrings><add name
 * connectionString/>`) and `wcf-endpoint` (`<client><endpoint address name contract/>`,
 * indexed by name and by contract).
 */
import { isXmlConfigPath, readXmlConfig, type XmlConfig } from '../xml.js';
import { baseName, type ConfigProvider } from './provider.js';

const netfxRank = (path: string): number => (/^(web|app)\.config$/i.test(baseName(path)) ? 0 : 1);

function xmlFlavour(part: keyof Omit<XmlConfig, 'error'>): ConfigProvider {
  return {
    appliesTo: (f) => isXmlConfigPath(f.path),
    read: (path, text) => readXmlConfig(path, text)[part],
    normalize: (k) => k.toLowerCase(),
    rank: netfxRank,
  };
}

export const netfxAppSettings = xmlFlavour('appSettings');
export const netfxConnectionStrings = xmlFlavour('connectionStrings');
export const wcfEndpoints = xmlFlavour('endpoints');
