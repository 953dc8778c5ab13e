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
