/**
 * The Go collector: net/http, resty, gowsdl SOAP clients, Viper config, on the
 * tree-sitter framework. See analyze.ts for what is detected, viper.ts for the config
 * files, and ../README.md for the framework.
 */
import { createTreeSitterCollector } from '../collector.js';
import { keywordPrefilter, type LanguageSpec } from '../spec.js';
import { analyzeGo, goGate } from './analyze.js';
import { GO_QUERY } from './queries.js';
import { GO_SYNTAX } from './syntax.js';
import { GO_CROSS_FILE } from './crossfile.js';

/** Mentions of an HTTP/SOAP client, a TLS switch, a tool marker, a limiter or an auth API. */
const GO_KEYWORDS =
  /"net\/http"|go-resty|gowsdl|InsecureSkipVerify|func\s+main\s*\(|robfig\/cron|gocron|chromedp|tebeka\/selenium|go-rod|playwright-go|SetBasicAuth|SetAuthToken|EncodeToString|golang\.org\/x\/time\/rate|time\.Tick|spf13\/viper/;

export const goSpec: LanguageSpec = {
  name: 'go',
  language: 'go',
  grammar: 'go',
  query: GO_QUERY,
  crossFile: GO_CROSS_FILE,
  worthParsing: keywordPrefilter(GO_KEYWORDS),
  syntax: GO_SYNTAX,
  hooks: {
    analyze: analyzeGo,
    gate: goGate,
  },
};

export const goCollector = createTreeSitterCollector(goSpec);
