/**
 * The C# collector: ASP.NET Core and .NET Framework (WebForms, WCF) on the tree-sitter
 * framework. See analyze.ts for what is detected and ../README.md for the framework;
 * webconfig.ts reads `Web.config`/`App.config` for credentials and endpoints.
 */
import { createTreeSitterCollector } from '../collector.js';
import { keywordPrefilter, type LanguageSpec } from '../spec.js';
import { analyzeCSharp, csFunctionLimiter, csGate, csWrapper } from './analyze.js';
import { prepareCSharp, type CsProject } from './project.js';
import { CSHARP_QUERY } from './queries.js';
import { CSHARP_SYNTAX } from './syntax.js';
import { CSHARP_CROSS_FILE } from './crossfile.js';

/** Mentions of an HTTP/SOAP client, a TLS switch, a tool marker, a limiter or an auth API. */
const CS_KEYWORDS =
  /HttpClient|HttpRequestMessage|WebRequest|WebClient|RestClient|RestRequest|RestSharp|EndpointAddress|ChannelFactory|SoapClient|ServiceModel|CertificateValidationCallback|DangerousAcceptAny|static\s+(?:async\s+)?(?:void|int|Task(?:<int>)?)\s+Main\b|OpenQA\.Selenium|RecurringJob|\bIJob\b|NetworkCredential|HttpBasicAuthenticator|AuthenticationHeaderValue|ToBase64String|ConnectionStrings?\b|EnableRateLimiting/i;

export const csharpSpec: LanguageSpec<CsProject> = {
  name: 'csharp',
  language: 'csharp',
  grammar: 'c-sharp',
  query: CSHARP_QUERY,
  prepare: prepareCSharp,
  crossFile: CSHARP_CROSS_FILE,
  worthParsing: keywordPrefilter(CS_KEYWORDS),
  syntax: CSHARP_SYNTAX,
  hooks: {
    analyze: analyzeCSharp,
    gate: csGate,
    wrapper: csWrapper,
    functionLimiter: csFunctionLimiter,
  },
};

export const csharpCollector = createTreeSitterCollector(csharpSpec);
