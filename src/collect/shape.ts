/**
 * The shape of a file's text, judged before any parse: is it minified or bundled
 * JavaScript? Such files (`tinymce.min.js`, a webpack bundle) take the text path — the
 * token-level credential scan and the plain-text detectors — instead of a full syntax
 * tree: a megabyte on one line costs seconds to parse and yields nothing a person
 * wrote. One exception keeps the cheap path from being a hiding place: a bundle that
 * names the population DB (an endpoint pattern, a SOAP namespace, an operation) is
 * analysed in full, however it is shaped.
 */
import { compilePatterns, type Settings } from '../policy/settings.js';
import { mentionsNamespace, operationTextPattern } from './code/prefilter.js';

/** `x.min.js`, `x-min.js`, `x.bundle.js` (and the `.mjs`/`.cjs` forms). */
const MINIFIED_NAME = /[.-]min\.[cm]?js$|\.bundle\.[cm]?js$/i;

/** A bundler's runtime, near the top of its output. */
const BUNDLER_RUNTIME = /__webpack_require__|__webpack_modules__|webpackJsonp|webpackChunk|parcelRequire|System\.register\(/;

/** Below this size a file is cheap whatever its shape. */
const SMALL = 4096;

/** Characters per line above which text is minified: hand-written code averages 30–60. */
const MINIFIED_LINE = 250;

/** Bytes of the head searched for a bundler's runtime. */
const HEAD = 16_384;

/** Minified or bundled by its name or its text (see the module comment). */
export function isMinified(path: string, text: string): boolean {
  if (MINIFIED_NAME.test(path)) return true;
  if (text.length < SMALL) return false;
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  if (text.length / lines > MINIFIED_LINE) return true;
  return BUNDLER_RUNTIME.test(text.length > HEAD ? text.slice(0, HEAD) : text);
}

const endpointCache = new WeakMap<Settings, RegExp[]>();

/** The text names the population DB: an endpoint pattern, a SOAP namespace or an operation. */
export function mentionsDb(text: string, settings: Settings): boolean {
  if (mentionsNamespace(text, settings)) return true;
  if (operationTextPattern(settings)?.test(text)) return true;
  let endpoints = endpointCache.get(settings);
  if (!endpoints) {
    try {
      endpoints = compilePatterns(settings.endpointPatterns);
    } catch {
      endpoints = [];
    }
    endpointCache.set(settings, endpoints);
  }
  return endpoints.some((re) => re.test(text));
}

/** Minified or bundled, and silent about the DB: the text path is enough. */
export function takesTextPath(path: string, text: string, settings: Settings): boolean {
  return isMinified(path, text) && !mentionsDb(text, settings);
}
