import { formatGithub } from './github.js';
import { formatHtml } from './html/index.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';
import { localizeToolReasons } from './i18n.js';
import type { Formatter } from './types.js';

/**
 * Every formatter sees Vietnamese messages whole: the collectors' English tool reasons
 * embedded in DG-TOOL-* messages are translated first (src/report/i18n.ts).
 */
const localized =
  (format: Formatter): Formatter =>
  (input, opts) =>
    format(
      opts.lang === 'vi'
        ? { ...input, findings: input.findings.map((f) => ({ ...f, message: localizeToolReasons(f.ruleId, f.message, 'vi') })) }
        : input,
      opts,
    );

/** One formatter per format; the engine knows none of them. */
export const FORMATTERS: Record<string, Formatter> = {
  text: localized(formatText),
  json: localized(formatJson),
  sarif: localized(formatSarif),
  junit: localized(formatJunit),
  markdown: localized(formatMarkdown),
  github: localized(formatGithub),
  html: localized(formatHtml),
};

export type { CodeContext, Formatter, ReportInput, ReportOptions, Summary } from './types.js';
export { reportExtras } from './context.js';
