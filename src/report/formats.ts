/** The report formats, by name (the CLI offers them without loading a formatter). */
export const REPORT_FORMATS = ['text', 'json', 'sarif', 'junit', 'markdown', 'github', 'html'] as const;

export type ReportFormat = (typeof REPORT_FORMATS)[number];
