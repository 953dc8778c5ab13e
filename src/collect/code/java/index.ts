/**
 * The Java collector: Spring (RestTemplate, WebClient, RestClient, WebServiceTemplate,
 * Feign, `@Value`, `@ConfigurationProperties`), JDK and common HTTP libraries, on the
 * tree-sitter framework. See analyze.ts for what is detected and ../README.md for the
 * framework.
 */
import { createTreeSitterCollector } from '../collector.js';
import { commonPrefilter } from '../prefilter.js';
import type { LanguageSpec } from '../spec.js';
import { analyzeJava, javaFunctionLimiter, javaGate, javaWrapper } from './analyze.js';
import { prepareJava, type JavaProject } from './project.js';
import { JAVA_QUERY } from './queries.js';
import { JAVA_SYNTAX } from './syntax.js';
import { JAVA_CROSS_FILE } from './crossfile.js';

/** Mentions of an HTTP/SOAP client, a TLS switch, a tool marker, a limiter or an auth API. */
const JAVA_KEYWORDS =
  /RestTemplate|SimpleHttp|RestOperations|WebClient|RestClient|WebServiceTemplate|marshalSendAndReceive|HttpURLConnection|openConnection|okhttp|Request\.Builder|\bHttp(?:Get|Post|Put|Delete|Patch)\b|RequestBuilder|HttpRequest|HttpClient|FeignClient|SOAPConnection|ENDPOINT_ADDRESS_PROPERTY|getPort\b|TrustManager|HostnameVerifier|TrustAllStrategy|TrustSelfSigned|InsecureTrustManagerFactory|ALLOW_ALL_HOSTNAME|static\s+void\s+main|CommandLineRunner|ApplicationRunner|@Scheduled|@ShellMethod|picocli|org\.openqa\.selenium|setBasicAuth|basicAuthentication|UsernamePasswordCredentials|PasswordAuthentication|DriverManager|Credentials\.basic|encodeToString|encodeBase64|jdbc:|@Value\(\s*"\$\{[^}"]*:/;

export const javaSpec: LanguageSpec<JavaProject> = {
  name: 'java',
  language: 'java',
  grammar: 'java',
  query: JAVA_QUERY,
  prepare: prepareJava,
  crossFile: JAVA_CROSS_FILE,
  worthParsing(text, _path, project, env) {
    if (JAVA_KEYWORDS.test(text)) return true;
    if (project?.feignMention?.test(text)) return true;
    return commonPrefilter(text, env.settings);
  },
  syntax: JAVA_SYNTAX,
  hooks: {
    analyze: analyzeJava,
    gate: javaGate,
    wrapper: javaWrapper,
    functionLimiter: javaFunctionLimiter,
  },
};

export const javaCollector = createTreeSitterCollector(javaSpec);
