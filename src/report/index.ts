import { formatJson } from './json.js';
import { formatText } from './text.js';
import type { Formatter } from './types.js';

/** One formatter per format; the engine knows none of them. */
export const FORMATTERS: Record<string, Formatter> = {
  text: formatText,
  json: formatJson,
};

export type { Formatter, ReportInput, ReportOptions, Summary } from './types.js';
