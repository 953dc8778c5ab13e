/**
 * JUnit XML, for CI systems that show test reports (GitLab "Tests" tab and MR widget,
 * Jenkins JUnit plugin, Azure DevOps, …).
 *
 * Mapping (chosen for what those systems actually display):
 * - one `<testsuite name="dancu-guard/<category>">` per category that has findings,
 *   in the fixed category order: few, stable suite names whatever the rule set;
 * - one `<testcase classname="<rule id>" name="<file>:<line>" file="<file>">` per
 *   finding (Jenkins groups by classname, i.e. by rule; GitLab links `file`);
 * - a finding at or above `summary.failOn` gets `<failure message=… type=<severity>>`
 *   whose text holds the details (GitLab shows only that text, Jenkins shows it as the
 *   stack trace);
 * - a finding below `failOn` gets `<skipped message=…>` with the same details. A
 *   testcase without a child counts as passed and GitLab drops any output it has, so
 *   `skipped` is the only non-failing status whose text both GitLab and Jenkins show;
 *   neither fails or marks the build unstable for it;
 * - when nothing blocks (including a run with no findings at all), one passing
 *   testcase `dancu-guard / no blocking findings (--fail-on …)` in suite
 *   `dancu-guard`, so the report shows "passed" instead of being empty.
 *
 * Testcase names are English and stable (CI compares them across pipelines); the
 * detail text follows `opts.lang`.
 */
import { atOrAbove, CATEGORIES, type Category, type Finding } from '../findings/types.js';
import type { Formatter, ReportOptions, Summary } from './types.js';

const LABELS = {
  en: {
    severity: 'Severity',
    category: 'Category',
    location: 'Location',
    message: 'Message',
    value: 'Value',
    fix: 'Fix',
    basis: 'Legal basis',
    belowThreshold: 'below --fail-on',
  },
  vi: {
    severity: 'Mức độ',
    category: 'Nhóm',
    location: 'Vị trí',
    message: 'Nội dung',
    value: 'Giá trị',
    fix: 'Khắc phục',
    basis: 'Căn cứ pháp lý',
    belowThreshold: 'dưới ngưỡng --fail-on',
  },
} as const;

/**
 * Characters XML 1.0 forbids (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/F),
 * plus DEL and the C1 controls, which are legal but break some readers.
 */
const FORBIDDEN =
  /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(s: string): string {
  return s.replace(FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function xmlAttr(s: string): string {
  return xmlText(s)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

function attrs(a: Record<string, string | number>): string {
  return Object.entries(a)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');
}

function line(f: Finding): number {
  return Number.isFinite(f.line) && f.line >= 1 ? Math.floor(f.line) : 1;
}

function details(f: Finding, opts: ReportOptions): string {
  const L = LABELS[opts.lang];
  const loc = `${f.file}:${line(f)}${f.column !== undefined && f.column >= 1 ? `:${f.column}` : ''}`;
  const out = [
    `${f.ruleId} ${f.title}`,
    `${L.severity}: ${f.severity} · ${L.category}: ${f.category}`,
    `${L.location}: ${loc}`,
    `${L.message}: ${f.message}`,
  ];
  if (f.value !== undefined) out.push(`${L.value}: ${f.value}`);
  out.push(`${L.fix}: ${f.remediation}`);
  if (f.basis.length) out.push(`${L.basis}: ${f.basis.join('; ')}`);
  return out.join('\n');
}

function shortMessage(f: Finding, opts: ReportOptions): string {
  const v = f.value !== undefined ? ` (${LABELS[opts.lang].value.toLowerCase()}: ${f.value})` : '';
  return `${f.message}${v}`;
}

interface Suite {
  name: string;
  cases: string[];
  failures: number;
  skipped: number;
}

function renderSuite(s: Suite, indent: string): string {
  const head = `${indent}<testsuite${attrs({
    name: s.name,
    tests: s.cases.length,
    failures: s.failures,
    errors: 0,
    skipped: s.skipped,
    time: '0',
  })}>`;
  return [head, ...s.cases, `${indent}</testsuite>`].join('\n');
}

function passingSuite(summary: Summary): Suite {
  return {
    name: 'dancu-guard',
    cases: [
      `    <testcase${attrs({
        classname: 'dancu-guard',
        name: `no blocking findings (--fail-on ${summary.failOn})`,
        time: '0',
      })}/>`,
    ],
    failures: 0,
    skipped: 0,
  };
}

export const formatJunit: Formatter = (input, opts) => {
  const { summary } = input;
  const byCategory = new Map<Category, Finding[]>();
  for (const f of input.findings) {
    const list = byCategory.get(f.category) ?? [];
    list.push(f);
    byCategory.set(f.category, list);
  }
  // Categories outside the fixed list (should not happen) still get a suite, last.
  const order = [...CATEGORIES, ...[...byCategory.keys()].filter((c) => !CATEGORIES.includes(c))];

  const suites: Suite[] = [];
  let anyBlocking = false;
  for (const category of order) {
    const findings = byCategory.get(category);
    if (!findings?.length) continue;
    const suite: Suite = { name: `dancu-guard/${category}`, cases: [], failures: 0, skipped: 0 };
    const seen = new Map<string, number>();
    for (const f of findings) {
      // Same rule twice on one line: keep (classname, name) unique for Jenkins/GitLab.
      const base = `${f.file}:${line(f)}`;
      const key = `${f.ruleId}\0${base}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      const name = n > 1 ? `${base} (${n})` : base;
      const tc = `    <testcase${attrs({ classname: f.ruleId, name, file: f.file, time: '0' })}>`;
      const body = xmlText(details(f, opts));
      let child: string;
      if (atOrAbove(f.severity, summary.failOn)) {
        anyBlocking = true;
        suite.failures++;
        child = `      <failure${attrs({ message: shortMessage(f, opts), type: f.severity })}>${body}</failure>`;
      } else {
        suite.skipped++;
        const msg = `[${f.severity}, ${LABELS[opts.lang].belowThreshold} ${summary.failOn}] ${shortMessage(f, opts)}`;
        child = `      <skipped${attrs({ message: msg })}>${body}</skipped>`;
      }
      suite.cases.push([tc, child, '    </testcase>'].join('\n'));
    }
    suites.push(suite);
  }
  if (!anyBlocking) suites.push(passingSuite(summary));

  const total = suites.reduce((n, s) => n + s.cases.length, 0);
  const failures = suites.reduce((n, s) => n + s.failures, 0);
  const skipped = suites.reduce((n, s) => n + s.skipped, 0);
  const time = (Math.max(0, summary.durationMs) / 1000).toFixed(3);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: input.tool.name, tests: total, failures, errors: 0, skipped, time })}>`,
    ...suites.map((s) => renderSuite(s, '  ')),
    '</testsuites>',
    '',
  ].join('\n');
};
