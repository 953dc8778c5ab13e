/**
 * File roles: what part a file plays in the repository, beyond its kind — code written
 * by the project, or third-party code copied in (`vendored`), built output (`bundle`:
 * minified or webpack/UMD-wrapped JavaScript), a translation catalogue, a test or
 * fixture, documentation or an example. The role changes how much evidence a
 * credential needs (policies/credentials: a translation holds no keyed credentials, a
 * test needs a random-looking value, vendored code only vendor-format tokens); it is a
 * fact, recorded on the file (`FileFact.role`), and the verdict stays in Rego.
 *
 * Decided by path AND by content: a `vendor/` folder or a `.min.js` name says enough,
 * but a bundle copied to `public/js/app.js` is recognised by its lines (a few very long
 * ones, little whitespace), its webpack/UMD wrapper or its licence banner, and a
 * translation file by its values (mostly words for people) in a folder or under a name
 * that says locale. Pure functions, no I/O; the text is whatever the caller read.
 */
import type { FileKind, FileRole } from '../facts/types.js';

export type { FileRole } from '../facts/types.js';

/** How much of a file the content tests look at (the head; bundles are judged on it too). */
const SAMPLE_CHARS = 65_536;

// ---------------------------------------------------------------------------
// Path signals

/** Folders that hold third-party code as shipped by its authors. */
const VENDOR_DIRS = new Set([
  'vendor',
  'vendors',
  'node_modules',
  'bower_components',
  'jspm_packages',
  'third_party',
  'third-party',
  'thirdparty',
  '3rdparty',
  'external_libs',
]);
/** Web asset roots: a `lib`/`libs`/`plugins` folder below one holds copied libraries. */
const ASSET_DIRS = new Set(['public', 'static', 'assets', 'wwwroot', 'webapp', 'www', 'web', 'resources']);
const ASSET_LIB_DIRS = new Set(['lib', 'libs', 'plugins', 'plugin', 'bower', 'packages']);
const WEB_EXT = /\.(?:m?js|cjs|css|map)$/i;
/** `jquery-3.6.0.min.js`, `STPad-3.3.2.js`: a library file named with its version. */
const VERSIONED_NAME = /[-_.]v?\d+\.\d+(?:\.\d+)*(?:[-.][a-z0-9]+)?\.(?:min\.)?m?js$/i;
const MINIFIED_NAME = /\.(?:min|bundle|prod|production)\.(?:m?js|css)$|(?:^|[-_.])chunk-vendors?\b/i;
const BUILD_DIRS = new Set(['dist', 'build', 'out', '.next', '.nuxt', 'bundle', 'bundles']);

const TRANSLATION_DIRS = new Set([
  'lang',
  'langs',
  'language',
  'languages',
  'locale',
  'locales',
  'i18n',
  'l10n',
  'translations',
  'translation',
  'localization',
  'localisation',
  'localizations',
  'nls',
]);
/** Catalogue formats that are nothing but translations. */
const TRANSLATION_EXT = /\.(?:po|pot|xlf|xliff|resx|strings|arb)$/i;
/** ISO 639-1 codes of languages apps are commonly translated into. */
const LANGUAGES =
  'af am ar az be bg bn bs ca cs cy da de el en eo es et eu fa fi fil fr ga gl gu he hi hr hu hy id is it ja ka kk km kn ko ku ky lo lt lv mk ml mn mr ms my nb ne nl nn no pa pl ps pt ro ru si sk sl so sq sr sv sw ta te tg th tk tl tr uk ur uz vi zh';
/** `en`, `vi`, `pt_BR`, `zh-TW`, `de_informal`, `en-US`, `sr-latn`: a language code, optionally with a region or variant. */
const LOCALE = new RegExp(`^(?:${LANGUAGES.replace(/ /g, '|')})(?:[-_][A-Za-z]{2,10})?$`, 'i');
/** `messages_vi`, `Language_en`, `strings.fr`, `translation`, `messages`. */
const LOCALE_NAME = /^(?:messages|message|language|lang|strings|translations?|locale|resources?)(?:[-_.][a-z]{2,3}(?:[-_][a-z]{2,4})?)?$/i;

const TEST_DIRS = new Set([
  'test',
  'tests',
  '__tests__',
  '__test__',
  'spec',
  'specs',
  '__mocks__',
  'mocks',
  '__fixtures__',
  'fixtures',
  'fixture',
  'testdata',
  'test-data',
  'test_data',
  'testing',
  'e2e',
  'cypress',
]);
/** `Catalog.FunctionalTests`, `App.UnitTests`, `foo-tests`: a test project folder. */
const TEST_PROJECT_DIR = /[._-](?:unit|functional|integration|acceptance|component|api|smoke|load|ui|e2e)?[-_]?tests?$/i;
/** `a.test.ts`, `a.spec.js`, `a_test.go`, `test_a.py`, `.env.test`, `application-test.yml`, `phpunit.xml`. */
const TEST_NAME = /(?:^|[._-])(?:tests?|testing|specs?)(?:[._-]|$)|^test_|^conftest\.py$|^phpunit\.xml(?:\.dist)?$|^(?:jest|vitest|karma|playwright|cypress)\.(?:config|conf|setup)\./i;
/** `UserServiceTest.java`, `OrderTests.cs`, `LoginSpec.ts`, `ApiIT.java`: PascalCase test classes. */
const TEST_CLASS_NAME = /[a-z0-9](?:Tests?|Spec|IT)\.(?:java|kt|cs|php|ts|js|groovy|scala|swift)$/;

const DOC_DIRS = new Set(['doc', 'docs', 'documentation', 'document', 'documents', 'example', 'examples', 'sample', 'samples', 'demo', 'demos']);

function segments(path: string): { dirs: string[]; base: string } {
  const parts = path.replace(/\\/g, '/').split('/').filter(Boolean);
  const base = parts.pop() ?? '';
  return { dirs: parts, base };
}

function vendoredByPath(dirs: readonly string[], base: string): boolean {
  const lower = dirs.map((d) => d.toLowerCase());
  if (lower.some((d) => VENDOR_DIRS.has(d))) return true;
  if (!WEB_EXT.test(base)) return false;
  for (let i = 1; i < lower.length; i++) {
    if (ASSET_LIB_DIRS.has(lower[i] ?? '') && lower.slice(0, i).some((d) => ASSET_DIRS.has(d))) return true;
  }
  return VERSIONED_NAME.test(base) && lower.some((d) => ASSET_DIRS.has(d) || d === 'js' || d === 'scripts');
}

function testByPath(dirs: readonly string[], base: string): boolean {
  if (dirs.some((d) => TEST_DIRS.has(d.toLowerCase()) || TEST_PROJECT_DIR.test(d))) return true;
  return TEST_NAME.test(base) || TEST_CLASS_NAME.test(base);
}

/** A folder or a name that says "locale": `lang/`, `i18n/`, `locales/vi/`, `en.json`, `messages_vi.properties`. */
function translationHint(dirs: readonly string[], base: string): boolean {
  if (dirs.some((d) => TRANSLATION_DIRS.has(d.toLowerCase()))) return true;
  const stem = base.replace(/\.[^.]+$/, '').replace(/\.min$/i, '');
  const suffix = /[-_.]([a-z]{2,3}(?:[-_][A-Za-z]{2,4})?)$/.exec(stem)?.[1];
  return LOCALE_NAME.test(stem) || LOCALE.test(stem) || (suffix !== undefined && LOCALE.test(suffix));
}

// ---------------------------------------------------------------------------
// Content signals

/** A licence banner at the top of a script: how libraries ship (`/*!`, `@license`, MIT text). */
const LICENCE_BANNER =
  /^\s*(?:\/\*!|\/\*\*?[\s\S]{0,1500}?(?:@license|@preserve|\bLicensed under\b|\bReleased under\b|\bMIT License\b|\bThe MIT License\b|Permission is hereby granted|\bApache License\b|\bBSD[- ]\d?-?Clause\b|GNU (?:Lesser )?General Public License)|\/\/\s*(?:@license|\S+ v\d+\.\d+(?:\.\d+)? \|))/;
/** Wrappers bundlers and library builds emit. */
const BUNDLE_MARKER =
  /webpackJsonp|__webpack_require__|webpackChunk|webpackHotUpdate|\/\*{6}\/|parcelRequire|System\.register\(|__vite_ssr_import__|typeof exports\s*={2,3}\s*["']object["']\s*&&\s*typeof module\s*!={1,2}\s*["']undefined["']|["']object["']\s*={2,3}\s*typeof exports\s*&&\s*["']undefined["']\s*!={1,2}\s*typeof module|\bdefine\.amd\b/;

/** Line statistics of a sample: minified code has a few very long, dense lines. */
function looksMinified(sample: string): boolean {
  if (sample.length < 2000) return false;
  let lines = 0;
  let longest = 0;
  let start = 0;
  while (start <= sample.length) {
    let nl = sample.indexOf('\n', start);
    if (nl < 0) nl = sample.length;
    const len = nl - start;
    if (len > longest) longest = len;
    lines++;
    start = nl + 1;
  }
  let blanks = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) blanks++;
  }
  const dense = blanks / sample.length < 0.12;
  return (longest >= 1500 && dense) || (sample.length / lines >= 400 && dense) || longest >= 20_000;
}

/** Lines of `key: value`, `'key' => 'value'`, `"key": "value"`, `key=value`, `<Tag>value</Tag>`, `msgstr "…"`: the values. */
const PAIR_LINE =
  /^\s*(?:["']?[\w.\- ]{1,80}["']?\s*(?:=>|:|=)\s*["'`]?([^"'`\n]*?)["'`]?\s*,?\s*(?:\/\/.*)?|<(\w[\w.:-]*)(?:\s[^>]*)?>([^<\n]*)<\/\2>|msgstr\s+"([^"\n]*)")\s*$/;

/** A value written for people: words with spaces, a non-ASCII letter, a capitalised word, ending punctuation. */
function isHumanText(v: string): boolean {
  const s = v.trim();
  if (s.length === 0) return false;
  if (/[^\x00-\x7f]/.test(s) && /\p{L}/u.test(s)) return true;
  if (/[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(s)) return true;
  if (/^[A-Z][a-z]{1,30}[.:!?]?$/.test(s)) return true;
  return /[A-Za-z]{2,}[.:!?]$/.test(s);
}

/** Share of pair values that are human text, and how many pairs there were. */
function humanShare(sample: string): { pairs: number; share: number } {
  let pairs = 0;
  let human = 0;
  for (const line of sample.split('\n', 4000)) {
    const m = PAIR_LINE.exec(line);
    if (!m) continue;
    const value = m[1] ?? m[3] ?? m[4];
    if (value === undefined || value.trim() === '' || /^[[{(]$/.test(value.trim())) continue;
    pairs++;
    if (isHumanText(value)) human++;
  }
  return { pairs, share: pairs === 0 ? 0 : human / pairs };
}

/** XML roots of resource catalogues: `<Localization>`, Android `<resources><string>`, .resx `<root><data>`. */
const XML_CATALOGUE = /<(?:Localization|localization)\b|<resources>\s*(?:<!--[\s\S]*?-->\s*)*<string\s+name=|<data\s+name="[^"]*"\s+xml:space="preserve">/;

/**
 * A catalogue of texts for people: an XML resource root, or — in a folder or under a
 * name that says locale — key/value lines whose values are mostly words for people.
 * Without that hint, values alone decide nothing: a config file full of messages may
 * still hold a password.
 */
function looksLikeTranslation(sample: string, hinted: boolean): boolean {
  if (!hinted) return false;
  if (XML_CATALOGUE.test(sample.slice(0, 4000))) return true;
  const { pairs, share } = humanShare(sample);
  return pairs >= 3 && share >= 0.5;
}

const TEST_FRAMEWORK =
  /^\s*(?:import\s+(?:static\s+)?org\.(?:junit|testng)\b|using\s+(?:Xunit|NUnit\.Framework|Microsoft\.VisualStudio\.TestTools)\b|import\s+(?:pytest|unittest)\b|from\s+(?:unittest|django\.test|pytest)\b|use\s+PHPUnit\\|import\s+\{[^}]*\b(?:describe|it|test|expect)\b[^}]*\}\s+from\s+["'](?:vitest|@jest\/globals|mocha|chai|node:test)["'])/m;
const GO_TEST = /^\s*import\s*(?:\(\s*[^)]*"testing"|"testing")[\s\S]*\bfunc\s+Test[A-Z]\w*\s*\(\s*\w+\s+\*testing\.T\)/m;
const PHP_TEST = /\bextends\s+(?:\\?PHPUnit\\Framework\\)?TestCase\b/;

function looksLikeTest(sample: string): boolean {
  return TEST_FRAMEWORK.test(sample) || GO_TEST.test(sample) || PHP_TEST.test(sample);
}

// ---------------------------------------------------------------------------

function isScript(base: string): boolean {
  return /\.(?:m?js|cjs|jsx)$/i.test(base);
}

/**
 * The role of a file (undefined: the project's own code, config or manifest), from its
 * repo-relative path, its kind and (when given) its text. Precedence when several apply:
 * vendored, bundle, translation, test, docs — third-party code is judged as such even in
 * a test folder.
 */
export function fileRole(path: string, kind: FileKind, text?: string): FileRole | undefined {
  const { dirs, base } = segments(path);
  const sample = text === undefined ? undefined : text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const lowerDirs = dirs.map((d) => d.toLowerCase());

  if (vendoredByPath(dirs, base)) return 'vendored';
  const script = isScript(base) || /\.css$/i.test(base);
  if (script && sample !== undefined && LICENCE_BANNER.test(sample.slice(0, 4000))) return 'vendored';
  if (script && MINIFIED_NAME.test(base)) return 'bundle';
  if (script && sample !== undefined) {
    if (looksMinified(sample) || BUNDLE_MARKER.test(sample)) return 'bundle';
    if (lowerDirs.some((d) => BUILD_DIRS.has(d)) && /\/\/[#@] sourceMappingURL=/.test(text?.slice(-500) ?? '')) return 'bundle';
  }

  if (TRANSLATION_EXT.test(base)) return 'translation';
  if (sample !== undefined && kind !== 'doc' && looksLikeTranslation(sample, translationHint(dirs, base))) return 'translation';

  if (testByPath(dirs, base)) return 'test';
  if (sample !== undefined && kind === 'source' && looksLikeTest(sample)) return 'test';

  if (kind === 'doc' || lowerDirs.some((d) => DOC_DIRS.has(d))) return 'docs';
  return undefined;
}

/**
 * The role of a file discovery could not read (binary, not UTF-8, over the size limit),
 * from its path alone — a script or stylesheet over the size limit is built or generated
 * output (nobody writes megabytes of code by hand), a file named as a resource bundle a
 * translation.
 */
export function skippedFileRole(path: string, kind: FileKind | undefined, oversized: boolean): FileRole | undefined {
  const role = fileRole(path, kind ?? 'other');
  if (role !== undefined) return role;
  const { dirs, base } = segments(path);
  if (oversized && /\.(?:m?js|cjs|css|json|map)$/i.test(base)) return 'bundle';
  // A resource bundle named as one (`Language.properties`, `messages_vi.properties`): its text cannot be read to confirm it.
  if (/\.(?:properties|json|ya?ml|php|xml)$/i.test(base) && translationHint(dirs, base) && !dirs.some((d) => /^(?:config|conf|settings)$/i.test(d))) return 'translation';
  return undefined;
}
