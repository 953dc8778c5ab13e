/**
 * The PHP collector: Laravel and plain PHP (Guzzle, Laravel `Http`, cURL, SoapClient,
 * Symfony HttpClient) on the tree-sitter framework. See analyze.ts for what is
 * detected, project.ts for route throttles, laravel.ts for `config/*.php`, and
 * ../README.md for the framework.
 */
import { createTreeSitterCollector } from '../collector.js';
import { keywordPrefilter, type LanguageSpec } from '../spec.js';
import { analyzePhp, phpFunctionLimiter, phpGate, phpWrapper } from './analyze.js';
import { preparePhp, type PhpProject } from './project.js';
import { PHP_QUERY } from './queries.js';
import { PHP_SYNTAX } from './syntax.js';
import { PHP_CROSS_FILE } from './crossfile.js';

/** Mentions of an HTTP/SOAP client, a TLS switch, a tool marker, a limiter or an auth API. */
const PHP_KEYWORDS =
  /GuzzleHttp|HttpClient|Http::|\bcurl_|SoapClient|nusoap|__soapCall|file_get_contents\s*\(\s*['"]https?:|->(?:post|put|patch|delete|request|send)(?:Async)?\s*\(|CURLOPT_|['"]verify(?:_peer(?:_name)?)?['"]|allow_self_signed|withoutVerifying|extends\s+\\?[\w\\]*Command\b|\$schedule->|\$argv|\$argc|getopt\s*\(|WebDriver|Panther|Dusk|base64_encode|withBasicAuth|withDigestAuth|withToken|RateLimiter|throttle|^#!/m;

export const phpSpec: LanguageSpec<PhpProject> = {
  name: 'php',
  language: 'php',
  grammar: 'php',
  query: PHP_QUERY,
  prepare: preparePhp,
  crossFile: PHP_CROSS_FILE,
  worthParsing: keywordPrefilter(PHP_KEYWORDS),
  syntax: PHP_SYNTAX,
  hooks: {
    analyze: analyzePhp,
    gate: phpGate,
    wrapper: phpWrapper,
    functionLimiter: phpFunctionLimiter,
  },
};

export const phpCollector = createTreeSitterCollector(phpSpec);
