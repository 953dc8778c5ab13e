/** File roles by path and content (src/discover/roles.ts). */
import { describe, expect, it } from 'vitest';
import { fileRole, skippedFileRole } from '../../src/discover/roles.js';

const minified = `!function(e,t){${'var a=1,b=2,c=function(n){return n*2};'.repeat(120)}}(this);\n`;
const umd = `(function (global, factory) {\n  typeof exports === 'object' && typeof module !== 'undefined' ? module.exports = factory() : global.Lib = factory();\n}(this, function () { return {}; }));\n`;
const banner = `/*!\n * Widget v2.3.1\n * Copyright 2019 Widget Authors\n * Licensed under MIT\n */\nvar DATA_API_KEY = '.data-api';\n`;
const webpack = `(window["webpackJsonp"]=window["webpackJsonp"]||[]).push([["app"],{}]);\n`;

const phpLang = `<?php\nreturn [\n    'password' => 'Mot de passe',\n    'forgot_password' => 'Mot de passe oublié ?',\n    'log_in' => 'Se connecter',\n    'sign_up' => "S'inscrire",\n];\n`;
const jsonLang = JSON.stringify({ 'Client secret': 'Geheimnis des Clients', Credentials: 'Zugangsdaten', Save: 'Speichern', Cancel: 'Abbrechen' }, null, 2);
const phpConfig = `<?php\nreturn [\n    'key' => env('APP_KEY', 'xY3fQ9wL2kP7mN4vR8tB6cZ1'),\n    'cipher' => 'AES-256-CBC',\n    'timezone' => 'UTC',\n];\n`;
const junit = `package app;\nimport org.junit.jupiter.api.Test;\nclass Checks { @Test void ok() {} }\n`;
const goTest = `package app\n\nimport "testing"\n\nfunc TestLookup(t *testing.T) {}\n`;

describe('fileRole', () => {
  it('vendored: third-party folders, libraries under web asset folders, versioned library names, licence banners', () => {
    expect(fileRole('vendor/acme/lib/src/Client.php', 'source')).toBe('vendored');
    expect(fileRole('web/node_modules/x/index.js', 'source')).toBe('vendored');
    expect(fileRole('src/Web/wwwroot/lib/widget/dist/widget.js', 'source')).toBe('vendored');
    expect(fileRole('public/assets/global/plugins/editor/editor.js', 'source')).toBe('vendored');
    expect(fileRole('client/public/js/SignPadLib-3.3.2.js', 'source')).toBe('vendored');
    expect(fileRole('app/js/widget.js', 'source', banner)).toBe('vendored');
    // A licence header in Java is the project's own (many projects carry one).
    expect(fileRole('src/main/java/App.java', 'source', `/*\n * Copyright (c) 2000-present Acme. Licensed under the Apache License\n */\nclass App {}\n`)).toBeUndefined();
  });

  it('bundle: minified or wrapped JavaScript, whatever its name', () => {
    expect(fileRole('static/js/app.js', 'source', minified)).toBe('bundle');
    expect(fileRole('static/js/app.js', 'source', umd)).toBe('bundle');
    expect(fileRole('webapp/js/cli/report/app.js', 'source', webpack)).toBe('bundle');
    expect(fileRole('web/js/jquery.cookie.min.js', 'source')).toBe('bundle');
    expect(fileRole('src/app.js', 'source', 'export const a = 1;\nexport function f(x) {\n  return x + 1;\n}\n')).toBeUndefined();
  });

  it('translation: a locale folder or name, and values for people', () => {
    expect(fileRole('lang/fr/auth.php', 'source', phpLang)).toBe('translation');
    expect(fileRole('shared/i18n/locales/de_DE/translation.json', 'config', jsonLang)).toBe('translation');
    expect(fileRole('src/i18n/messages.po', 'other')).toBe('translation');
    expect(fileRole('resources/content/Language_vi.properties', 'config', 'a.title=Tiêu đề\nb.save=Lưu lại\nc.cancel=Hủy bỏ\n')).toBe('translation');
    // A config file with a locale-ish name but config values is not a translation.
    expect(fileRole('config/app.php', 'source', phpConfig)).toBeUndefined();
    expect(fileRole('lang/Parser.php', 'source', '<?php\nclass Parser {\n  public function parse($x) { return $x; }\n}\n')).toBeUndefined();
    // Without a locale folder or name, words alone decide nothing: a message file may hold a password.
    expect(fileRole('src/main/resources/constants.properties', 'config', 'a.error=Error creating response\nb.error=Error saving file\nc.error=Bad input given\n')).toBeUndefined();
  });

  it('test: folders, names and test frameworks', () => {
    expect(fileRole('tests/Auth/LoginTest.php', 'source')).toBe('test');
    expect(fileRole('src/test/java/app/DecryptorTest.java', 'source')).toBe('test');
    expect(fileRole('server/routes/oauth.test.ts', 'source')).toBe('test');
    expect(fileRole('src/Services/Catalog/Catalog.FunctionalTests/appsettings.json', 'config')).toBe('test');
    expect(fileRole('.env.test', 'config')).toBe('test');
    expect(fileRole('pkg/lookup_test.go', 'source')).toBe('test');
    expect(fileRole('src/main/java/app/Checks.java', 'source', junit)).toBe('test');
    expect(fileRole('pkg/checks.go', 'source', goTest)).toBe('test');
    expect(fileRole('modules/backend-latest/src/Api.java', 'source', 'class Api {}')).toBeUndefined();
    expect(fileRole('src/contest/Score.java', 'source', 'class Score {}')).toBeUndefined();
  });

  it('docs: documentation and example folders, doc files', () => {
    expect(fileRole('document/diagram.pos', 'other', '{"token":"x"}')).toBe('docs');
    expect(fileRole('docs/config/app.yml', 'config', 'a: 1\n')).toBe('docs');
    expect(fileRole('README.md', 'doc')).toBe('docs');
  });

  it('precedence: third-party code in a test folder is vendored; the project\'s own config has no role', () => {
    expect(fileRole('vendor/acme/tests/_files/key.pem', 'other')).toBe('vendored');
    expect(fileRole('src/main/resources/application.yml', 'config', 'spring:\n  datasource:\n    password: x\n')).toBeUndefined();
  });
});

describe('skippedFileRole', () => {
  it('judges unreadable files by path; an oversized script is built output', () => {
    expect(skippedFileRole('vendor/poly/Resources/charset/from.cp037.php', 'source', false)).toBe('vendored');
    expect(skippedFileRole('webapp/js/cli/app/js/chunk-vendors.js', 'source', true)).toBe('bundle');
    expect(skippedFileRole('client/src/features/map/dataGeo.js', 'source', true)).toBe('bundle');
    expect(skippedFileRole('client/src/features/map/dataGeo.js', 'source', false)).toBeUndefined();
    expect(skippedFileRole('src/main/resources/constants.properties', 'config', false)).toBeUndefined();
    expect(skippedFileRole('src/main/resources/content/Language.properties', 'config', false)).toBe('translation');
    expect(skippedFileRole('config/messages.yml', 'config', false)).toBeUndefined();
  });
});
