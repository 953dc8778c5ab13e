import { formatGithub } from './github.js';
import { formatHtml } from './html/index.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';
import type { ReportFormat } from './formats.js';
import type { Formatter } from './types.js';

/** One formatter per format (every name of formats.ts); the engine knows none of them. */
export const FORMATTERS: Record<string, Formatter> & Record<ReportFormat, Formatter> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  junit: formatJunit,
  markdown: formatMarkdown,
  github: formatGithub,
  html: formatHtml,
};

export type { CodeContext, Formatter, ReportInput, ReportOptions, Summary } from './types.js';
export { reportExtras } from './context.js';
