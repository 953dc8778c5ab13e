/**
 * SARIF 2.1.0, for GitHub code scanning (and any other SARIF consumer).
 *
 * One run. `tool.driver.rules` lists every rule of the catalog when `input.rules` is
 * given (plus any rule seen in a finding that the catalog lacks), otherwise the rules
 * that appear in the findings; always sorted by id so that `ruleIndex` is stable.
 * Each result carries only what its finding carries (message and redacted value).
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Log, Region, ReportingDescriptor, Result, Suppression } from 'sarif';
import type { Category, Finding, Lang, Severity } from '../findings/types.js';
import type { RuleMeta } from '../policy/bundle.js';
import { ruleDocUrl } from './rule-docs.js';
import { describeBy, type AcceptedBy } from './suppressed.js';
import type { Formatter, ReportInput } from './types.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const DEFAULT_AUTOMATION_CATEGORY = 'dancu-guard/';
/** Our own fingerprint scheme in `result.fingerprints`. */
export const FINGERPRINT_KEY = 'dancu-guard/v1';

type Level = Extract<Result.level, 'error' | 'warning' | 'note'>;

/** GitHub reads `security-severity` (a string, 0.0–10.0) to rank security alerts. */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};

const LEVEL: Record<Severity, Level> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

const LABELS = {
  en: {
    remediation: 'Remediation',
    basis: 'Legal basis',
    noBasis: 'No specific legal basis recorded.',
    value: 'value',
    category: 'Category',
    severity: 'Severity',
    srcroot: 'The root of the scanned repository.',
  },
  vi: {
    remediation: 'Khắc phục',
    basis: 'Căn cứ pháp lý',
    noBasis: 'Chưa ghi căn cứ pháp lý cụ thể.',
    value: 'giá trị',
    category: 'Nhóm',
    severity: 'Mức độ',
    srcroot: 'Thư mục gốc của kho mã được quét.',
  },
} as const;

/** What a rule descriptor is built from: the catalog, or failing that a finding. */
interface RuleInfo {
  id: string;
  /** English title, for `name` (an identifier). */
  nameSource: string;
  title: string;
  severity: Severity;
  category: Category;
  remediation: string;
  basis: string[];
}

function fromMeta(meta: RuleMeta, lang: Lang): RuleInfo {
  return {
    id: meta.id,
    nameSource: meta.title.en || meta.title[lang],
    title: meta.title[lang] || meta.title.en,
    severity: meta.severity,
    category: meta.category,
    remediation: meta.remediation[lang] || meta.remediation.en,
    basis: meta.basis,
  };
}

function fromFinding(f: Finding): RuleInfo {
  return {
    id: f.ruleId,
    nameSource: f.title,
    title: f.title,
    severity: f.severity,
    category: f.category,
    remediation: f.remediation,
    basis: f.basis,
  };
}

/** `Hardcoded credential in source code` → `HardcodedCredentialInSourceCode`. */
export function pascalCase(title: string, fallback: string): string {
  const ascii = title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
  const name = ascii
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
  return name || fallback.replace(/[^A-Za-z0-9]+/g, '');
}

/** Repo-relative path → relative URI reference (each segment percent-encoded). */
export function toUri(file: string): string {
  return file
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+/, '')
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

function positiveInt(n: number | undefined): number | undefined {
  if (n === undefined || !Number.isFinite(n)) return undefined;
  const i = Math.floor(n);
  return i >= 1 ? i : undefined;
}

function collectRules(input: ReportInput, lang: Lang): RuleInfo[] {
  const rules = new Map<string, RuleInfo>();
  if (input.rules) {
    for (const meta of Object.values(input.rules)) rules.set(meta.id, fromMeta(meta, lang));
  }
  for (const f of input.findings) {
    if (!rules.has(f.ruleId)) rules.set(f.ruleId, fromFinding(f));
  }
  for (const s of input.acceptance?.suppressed ?? []) {
    if (!rules.has(s.ruleId)) rules.set(s.ruleId, { id: s.ruleId, nameSource: s.title, title: s.title, severity: s.severity, category: s.category, remediation: '', basis: [] });
  }
  return [...rules.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function describeRule(r: RuleInfo, lang: Lang): ReportingDescriptor {
  const L = LABELS[lang];
  const basisText = r.basis.length ? r.basis.map((b) => `- ${b}`).join('\n') : L.noBasis;
  const basisMd = r.basis.length ? r.basis.map((b) => `- ${b}`).join('\n') : `_${L.noBasis}_`;
  return {
    id: r.id,
    name: pascalCase(r.nameSource, r.id),
    shortDescription: { text: r.title },
    fullDescription: {
      text: `${r.title}. ${L.category}: ${r.category}. ${L.severity}: ${r.severity}.`,
    },
    defaultConfiguration: { level: LEVEL[r.severity] },
    helpUri: ruleDocUrl(r.id, lang),
    help: {
      text: `${L.remediation}: ${r.remediation}\n\n${L.basis}:\n${basisText}`,
      markdown: `**${L.remediation}**\n\n${r.remediation}\n\n**${L.basis}**\n\n${basisMd}`,
    },
    properties: {
      tags: [r.category, 'security', 'compliance'],
      'security-severity': SECURITY_SEVERITY[r.severity],
    },
  };
}

export const formatSarif: Formatter = (input, opts) => {
  const L = LABELS[opts.lang];
  const rules = collectRules(input, opts.lang);
  const index = new Map(rules.map((r, i) => [r.id, i]));

  // GitHub's primaryLocationLineHash is `hash:occurrence`: the n-th result with the
  // same hash gets `:n`, so that two identical matches in one file stay distinct.
  const occurrences = new Map<string, number>();
  const results: Result[] = input.findings.map((f): Result => {
    const n = (occurrences.get(f.fingerprint) ?? 0) + 1;
    occurrences.set(f.fingerprint, n);
    const startLine = positiveInt(f.line) ?? 1;
    const startColumn = positiveInt(f.column);
    const endLine = positiveInt(f.endLine);
    const region: Region = {
      startLine,
      ...(startColumn !== undefined ? { startColumn } : {}),
      ...(endLine !== undefined && endLine >= startLine ? { endLine } : {}),
    };
    return {
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId)!,
      level: LEVEL[f.severity],
      message: { text: f.value !== undefined ? `${f.message} (${L.value}: ${f.value})` : f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: toUri(f.file), uriBaseId: '%SRCROOT%' },
            region,
          },
        },
      ],
      partialFingerprints: { primaryLocationLineHash: `${f.fingerprint}:${n}` },
      fingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
      properties: { severity: f.severity, category: f.category },
    };
  });

  // Accepted findings are results too, each with what accepted it (`suppressions`):
  // `inSource` for an inline directive, `external` for an exception or the baseline.
  for (const s of input.acceptance?.suppressed ?? []) {
    const n = (occurrences.get(s.fingerprint) ?? 0) + 1;
    occurrences.set(s.fingerprint, n);
    results.push({
      ruleId: s.ruleId,
      ruleIndex: index.get(s.ruleId)!,
      level: LEVEL[s.severity],
      message: { text: s.value !== undefined ? `${s.message} (${L.value}: ${s.value})` : s.message },
      locations: [
        { physicalLocation: { artifactLocation: { uri: toUri(s.file), uriBaseId: '%SRCROOT%' }, region: { startLine: positiveInt(s.line) ?? 1 } } },
      ],
      partialFingerprints: { primaryLocationLineHash: `${s.fingerprint}:${n}` },
      fingerprints: { [FINGERPRINT_KEY]: s.fingerprint },
      suppressions: [sarifSuppression(s.by, opts.lang)],
      properties: { severity: s.severity, category: s.category },
    });
  }

  let category = input.automationCategory?.trim() || DEFAULT_AUTOMATION_CATEGORY;
  if (!category.endsWith('/')) category += '/';

  const srcroot: ArtifactLocation =
    input.root && isAbsolute(input.root)
      ? { uri: ensureSlash(pathToFileURL(input.root).href) }
      : { description: { text: L.srcroot } };

  const s = input.summary;
  const log: Log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: input.tool.name,
            version: input.tool.version,
            semanticVersion: input.tool.version,
            language: opts.lang === 'vi' ? 'vi-VN' : 'en-US',
            rules: rules.map((r) => describeRule(r, opts.lang)),
          },
        },
        automationDetails: { id: category },
        originalUriBaseIds: { '%SRCROOT%': srcroot },
        columnKind: 'utf16CodeUnits',
        results,
        properties: {
          failOn: s.failOn,
          blocking: s.blocking,
          verdict: s.verdict,
          filesScanned: s.filesScanned,
          ...(input.acceptance
            ? {
                policyMode: input.acceptance.mode,
                ignoredFiles: input.acceptance.ignored,
                notApplied: input.acceptance.notApplied.map((n) => `${n.file}:${n.line} ${n.what}`),
              }
            : {}),
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function sarifSuppression(by: AcceptedBy, lang: Lang): Suppression {
  return {
    kind: by.kind === 'inline' ? 'inSource' : 'external',
    status: 'accepted',
    justification: describeBy(by, lang),
    ...(by.kind === 'baseline'
      ? {}
      : { location: { physicalLocation: { artifactLocation: { uri: toUri(by.file), uriBaseId: '%SRCROOT%' }, region: { startLine: positiveInt(by.line) ?? 1 } } } }),
  };
}

function ensureSlash(uri: string): string {
  return uri.endsWith('/') ? uri : `${uri}/`;
}
