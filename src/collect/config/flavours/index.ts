/**
 * The built-in config flavours, by name: the one list that knows them all (the index in
 * `../values.ts` starts from it; `registerConfigProvider` adds more).
 */
import { djangoSettingsProvider } from './django.js';
import { dotnetProvider } from './dotnet.js';
import { envProvider } from './env.js';
import { laravelConfigProvider } from './laravel.js';
import { netfxAppSettings, netfxConnectionStrings, wcfEndpoints } from './netfx.js';
import type { BuiltinFlavor, ConfigProvider } from './provider.js';
import { springProvider } from './spring.js';
import { viperConfigProvider } from './viper.js';

/**
 * The collectors that look each built-in flavour up (code/<language>/values.ts); a flavour
 * not listed (`env`, registered ones) may be asked for by any. The pipeline reads a
 * flavour only when one of its collectors has files (Viper's index of every YAML/JSON key
 * is large, and only Go reads it).
 */
export const FLAVOUR_USERS: Readonly<Record<string, readonly string[]>> = {
  spring: ['java'],
  dotnet: ['csharp'],
  'netfx-appsettings': ['csharp'],
  'netfx-connection-strings': ['csharp'],
  'wcf-endpoint': ['csharp'],
  laravel: ['php'],
  django: ['python'],
  viper: ['go'],
};

export function builtinFlavours(): Map<string, ConfigProvider> {
  return new Map<BuiltinFlavor, ConfigProvider>([
    ['spring', springProvider],
    ['dotnet', dotnetProvider],
    ['env', envProvider],
    ['netfx-appsettings', netfxAppSettings],
    ['netfx-connection-strings', netfxConnectionStrings],
    ['wcf-endpoint', wcfEndpoints],
    ['laravel', laravelConfigProvider],
    ['django', djangoSettingsProvider],
    ['viper', viperConfigProvider],
  ]);
}
