/**
 * The TypeScript/JavaScript collector.
 *
 * Never executes or imports scanned code. Every file is first checked with a cheap
 * text prefilter (does it mention an HTTP/SOAP client, a sensitive key name, a TLS
 * switch, or a stand-alone-tool marker?); only those files are parsed and analysed.
 * Other files are parsed only when an analysed file imports them (to resolve
 * constants), from an in-memory workspace that holds discovered files' text only.
 */
import type { DiscoveredFile } from '../../discover/types.js';
import type { CallSiteFact, CollectedFacts } from '../../facts/types.js';
import { compilePatterns, type Settings } from '../../policy/settings.js';
import type { CollectContext, Collector } from '../types.js';
import { byLocation, factLists, readSource } from '../code/kit/files.js';
import { sensitiveTextTest, type TextTest } from '../code/prefilter.js';
import { linkEndpointsToCalls, mentionsOfficerField, mentionsTierUrl } from '../code/kit/tiers.js';
import { analyzeFile, type AnalyzerEnv } from './analyze.js';
import { Workspace } from './model.js';
import { Resolver } from './resolve.js';
import { binEntries } from './tools.js';
import { frontendPackages } from './endpoints.js';

/** Mentions of an HTTP/SOAP client, a TLS switch or a stand-alone-tool marker. */
const STRUCTURAL =
  /\bfetch\s*\(|axios|\bgot\b|undici|\brequest\s*\(|\bhttps?\.(?:request|get)\b|['"](?:node:)?https?['"]|soap|createClient|superagent|needle|\bky\b|\$\.ajax|HttpService|rejectUnauthorized|NODE_TLS_REJECT_UNAUTHORIZED|strictSSL|require\.main|import\.meta\.(?:url|main)|process\.argv|commander|yargs|minimist|parseArgs|cron|@Cron|puppeteer|playwright|selenium|webdriver|\.goto\s*\(/;

/**
 * `.get(`/`.post(`… on something that looks like an HTTP client (`api.get`, `this.http.post`,
 * `lgspClient.request`), or with a URL/path literal (`x.post('/ChiaSe…'`, `` x.get(`${BASE}/…` ``).
 * `map.get(key)` alone does not make a file worth parsing.
 */
const METHOD_CALL =
  /(?:http|api|client|axios|request|rest|service|instance|gateway|lgsp|ngsp|dancu|c06)[\w$]{0,64}\s{0,16}\??\.\s{0,16}(?:get|post|put|patch|delete|request)\s{0,16}\(|\.(?:get|post|put|patch|delete|request)\s{0,16}\(\s{0,16}(?:['"`](?:https?:|\/|\$\{)|`)/i;
// Quantifiers are bounded: an unbounded `[\w$]*` after `c06` made a line of `C06_C06_…` quadratic.

/**
 * A text test that finds (a superset of) the places a literal can be bound to a
 * sensitive key name: the settings' key patterns, anchors turned into identifier
 * boundaries, followed by `:`/`=`/`||`/`??`/`,` and a quote (linear: prefilter.ts).
 */
export function sensitiveTextPattern(settings: Settings): TextTest | undefined {
  return sensitiveTextTest(settings, `[\\w$-]*['"\`\\]]?\\s*(?:[:=,]|\\|\\||\\?\\?)\\s*[\\w$.]*\\s*(?:\\|\\||\\?\\?)?\\s*['"\`]`);
}

/** Whether a file's text is worth a full analysis. */
export function worthAnalysing(text: string, sensitive: TextTest | undefined, settings?: Settings): boolean {
  return (
    text.startsWith('#!') ||
    STRUCTURAL.test(text) ||
    METHOD_CALL.test(text) ||
    BROWSER_TLS.test(text) ||
    (settings !== undefined && (mentionsTierUrl(text, settings) || mentionsOfficerField(text, settings))) ||
    (sensitive ? sensitive.test(text) : true)
  );
}

/** Browser-automation TLS switches (tls.ts). */
const BROWSER_TLS = /ignoreHTTPSErrors|acceptInsecureCerts|ignore-certificate-errors|ignore-ssl-errors/;

export function isTsJs(file: DiscoveredFile): boolean {
  return file.kind === 'source' && (file.language === 'typescript' || file.language === 'javascript');
}

export interface TypeScriptCollectStats {
  files: number;
  analysed: number;
  parsed: number;
}

/** Collect facts from TypeScript/JavaScript files. Never throws. */
export function collectTypeScript(files: readonly DiscoveredFile[], ctx: CollectContext, stats?: TypeScriptCollectStats): CollectedFacts {
  const settings = ctx.settings;
  const ws = new Workspace(ctx);
  const resolver = new Resolver(ws);
  const bins = binEntries(ctx);
  const sensitive = sensitiveTextPattern(settings);
  const env: AnalyzerEnv = {
    resolver,
    settings,
    binEntries: bins,
    frontend: frontendPackages((p) => ctx.readText(p), ctx.allFiles.map((f) => f.path)),
    patterns: {
      endpoint: compilePatterns(settings.endpointPatterns),
      operation: compilePatterns(settings.operationPatterns),
      limiter: compilePatterns(settings.limiterPatterns),
    },
  };
  const result = factLists();
  const { files: fileFacts, callSites, credentials, tlsSettings, endpoints, diagnostics, logWrites, officerFields } = result;
  const pendingSoap: Array<{ node: unknown; fact: CallSiteFact }> = [];
  const usedSoap = new Set<unknown>();
  let analysed = 0;

  for (const f of files) {
    if (!isTsJs(f)) continue;
    ctx.onFile?.(f.path);
    const text = readSource(ctx, f.path, diagnostics);
    if (text === undefined) continue;
    if (f.path.endsWith('.d.ts') || !(bins.has(f.path) || worthAnalysing(text, sensitive, settings))) continue;
    analysed++;
    try {
      const model = ws.get(f.path);
      if (!model) continue;
      const r = analyzeFile(model, env);
      callSites.push(...r.callSites);
      credentials.push(...r.credentials);
      tlsSettings.push(...r.tlsSettings);
      endpoints.push(...r.endpoints);
      diagnostics.push(...r.diagnostics);
      logWrites.push(...r.logWrites);
      officerFields.push(...r.officerFields);
      pendingSoap.push(...r.soapCreates);
      for (const u of r.usedSoapCreates) usedSoap.add(u);
      if (ctx.deferred) for (const u of r.usedSoapCreates) ctx.deferred.claim(soapKey(u), f.path);
      if (r.tool) fileFacts.push({ path: f.path, tool: r.tool });
    } catch (err) {
      diagnostics.push({
        file: f.path,
        line: 1,
        kind: 'not-analysed',
        message: `internal: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
      });
    }
  }
  // A soap.createClient whose client we never saw make an operation call is reported itself.
  // The caller may be in a file of another chunk: the pipeline settles that (ctx.deferred).
  if (ctx.deferred) for (const p of pendingSoap) ctx.deferred.unlessClaimed(soapKey(p.node), p.fact);
  else for (const p of pendingSoap) if (!usedSoap.has(p.node)) callSites.push(p.fact);
  linkEndpointsToCalls(endpoints, callSites);
  callSites.sort(byLocation);
  if (stats) {
    stats.files = files.filter(isTsJs).length;
    stats.analysed = analysed;
    stats.parsed = ws.parsedCount();
  }
  return result;
}

/** Where a `soap.createClient(…)` call is written (its file and offset): the same call, whichever file's analysis found it. */
function soapKey(node: unknown): string {
  const n = node as { getSourceFile(): { fileName: string }; getStart(): number };
  return `${n.getSourceFile().fileName}:${n.getStart()}`;
}

export const typescriptCollector: Collector = {
  name: 'typescript',
  appliesTo: isTsJs,
  collect: (files, ctx) => collectTypeScript(files, ctx),
};
