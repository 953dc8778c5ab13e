/**
 * What tightens and what loosens (src/config/trust.ts): every key of the config schema
 * has its rule, a trusted configuration takes from the repository only what tightens,
 * and PR mode names every change that loosens.
 */
import { describe, expect, it } from 'vitest';
import { parseConfigWithLines, type LoadedConfig } from '../../src/config/load.js';
import schema from '../../src/config/schema.json' with { type: 'json' };
import {
  baselineWeakenings,
  combineConfigs,
  configWeakenings,
  ignoreFileWeakenings,
  KEY_EFFECTS,
  stricter,
} from '../../src/config/trust.js';
import type { Baseline } from '../../src/findings/baseline.js';

const ROOT = '/repo';

function config(yaml: string, file = '.dancu-guard.yml'): LoadedConfig {
  return { path: file.startsWith('/') ? file : `${ROOT}/${file}`, ...parseConfigWithLines(yaml, file) };
}

const REPO = config(`version: 1
endpoints: ["(?i)lgsp\\\\.tinh-mau"]
sensitiveKeys: ["(?i)matkhau"]
approvedModules: ["src/**"]
approvedTools: ["**"]
loggers: ["."]
limiters: ["."]
ignore: ["tools/", "!dist/"]
failOn: critical
calendar:
  off: ["2026-09-03"]
  work: ["2026-09-05"]
exceptions:
  - rule: lookup-tool
    paths: ["**"]
    reason: approved by the province in writing
    expires: 9999-12-31
`);

const TRUSTED = config(
  `version: 1
endpoints: ["(?i)dvc\\\\.tinh-mau"]
approvedTools: ["tools/bao-cao/**"]
failOn: medium
calendar:
  off: ["2026-12-31"]
exceptions:
  - rule: DG-CRED-002
    paths: ["test/fixtures/**"]
    reason: synthetic fixtures reviewed by So TT&TT
    expires: 2027-06-30
`,
  '/etc/dancu-guard/tinh-mau.yml',
);

describe('KEY_EFFECTS', () => {
  it('has a rule for every key of the config schema (and calendar.off / calendar.work)', () => {
    const keys = Object.keys(schema.properties).flatMap((k) => (k === 'calendar' ? ['calendar.off', 'calendar.work'] : [k]));
    expect(Object.keys(KEY_EFFECTS).sort()).toEqual(keys.sort());
    for (const [key, rule] of Object.entries(KEY_EFFECTS)) {
      if (rule.effect !== 'neutral') expect(rule.kind, key).toBeDefined();
    }
  });
});

describe('combineConfigs', () => {
  it('without a trusted config applies the repository config as written', () => {
    const e = combineConfigs(ROOT, REPO);
    expect(e.config).toBe(REPO.config);
    expect(e.notApplied).toEqual([]);
    expect(e.exceptions.map((x) => [x.file, x.line, x.exception.rule])).toEqual([['.dancu-guard.yml', 14, 'lookup-tool']]);
    expect(e.failOnFloor).toBe('critical');
    // the accepting values in effect are listed with their lines
    expect(e.accepting.map((a) => `${a.line} ${a.what}`)).toEqual([
      '4 approvedModules: src/**',
      '5 approvedTools: **',
      '6 loggers: .',
      '7 limiters: .',
      '8 ignore: tools/',
      '12 calendar.work: 2026-09-05',
      '14 exceptions[0]: lookup-tool on ** until 9999-12-31',
    ]);
  });

  it('with a trusted config takes from the repository only what tightens, and names the rest', () => {
    const e = combineConfigs(ROOT, REPO, { trusted: TRUSTED, why: 'trusted-config' });
    // detection: both
    expect(e.config.endpoints).toEqual(['(?i)dvc\\.tinh-mau', '(?i)lgsp\\.tinh-mau']);
    expect(e.config.sensitiveKeys).toEqual(['(?i)matkhau']);
    expect(e.config.calendar).toEqual({ off: ['2026-12-31', '2026-09-03'] });
    // approvedModules: the trusted config sets none, so the repository's switch DG-TOOL-003 on
    expect(e.config.approvedModules).toEqual(['src/**']);
    // accepting: the trusted config's only; a `!` re-include scans more and applies
    expect(e.config.approvedTools).toEqual(['tools/bao-cao/**']);
    expect(e.config.loggers).toBeUndefined();
    expect(e.config.limiters).toBeUndefined();
    expect(e.config.ignore).toEqual(['!dist/']);
    expect(e.exceptions.map((x) => [x.file, x.exception.rule])).toEqual([['/etc/dancu-guard/tinh-mau.yml', 'DG-CRED-002']]);
    // the strictest floor
    expect(e.failOnFloor).toBe('medium');
    expect(e.notApplied.map((n) => `${n.file}:${n.line} ${n.kind} ${n.what}`)).toEqual([
      '.dancu-guard.yml:5 approved-tool approvedTools: **',
      '.dancu-guard.yml:6 logger loggers: .',
      '.dancu-guard.yml:7 limiter limiters: .',
      '.dancu-guard.yml:8 ignore ignore: tools/',
      '.dancu-guard.yml:12 calendar calendar.work: 2026-09-05',
      '.dancu-guard.yml:14 exception exceptions[0]: lookup-tool on ** until 9999-12-31',
      '.dancu-guard.yml:9 fail-on failOn: critical',
    ]);
    expect(new Set(e.notApplied.map((n) => n.why))).toEqual(new Set(['trusted-config']));
    expect(e.accepting.map((a) => a.file)).toEqual(['/etc/dancu-guard/tinh-mau.yml', '/etc/dancu-guard/tinh-mau.yml']);
  });

  it('approvedModules set by the trusted config cannot be widened by the repository', () => {
    const trusted = config('approvedModules: ["src/gateway/**"]\n', '/p.yml');
    const e = combineConfigs(ROOT, REPO, { trusted, why: 'trusted-config' });
    expect(e.config.approvedModules).toEqual(['src/gateway/**']);
    expect(e.notApplied.some((n) => n.what === 'approvedModules: src/**')).toBe(true);
  });

  it('a stricter repository failOn applies over a looser trusted one', () => {
    const e = combineConfigs(ROOT, config('failOn: low\n'), { trusted: config('failOn: high\n', '/p.yml'), why: 'trusted-config' });
    expect(e.failOnFloor).toBe('low');
    expect(e.notApplied).toEqual([]);
    expect(stricter('high', 'low')).toBe('low');
    expect(stricter('none', 'medium')).toBe('medium');
    expect(stricter('critical', undefined)).toBe('critical');
  });
});

describe('configWeakenings (PR mode)', () => {
  const base = config(`endpoints: ["(?i)lgsp"]
approvedModules: ["src/gateway/**"]
failOn: high
exceptions:
  - rule: DG-TOOL-001
    paths: ["tools/a.ts", "tools/b.ts"]
    reason: approved by letter 12/UBND-VP
    expires: 2027-01-01
`);

  it('names each loosening change with its line', () => {
    const head = config(`approvedModules: ["src/gateway/**", "src/**"]
approvedTools: ["**"]
loggers: ["."]
limiters: ["."]
ignore: ["tools/"]
failOn: critical
calendar:
  work: ["2026-09-05"]
exceptions:
  - rule: DG-TOOL-001
    paths: ["tools/a.ts"]
    reason: approved by letter 12/UBND-VP
    expires: 2026-12-01
  - rule: lookup-tool
    paths: ["**"]
    reason: approved by the province in writing
    expires: 9999-12-31
  - rule: DG-TOOL-001
    paths: ["tools/**"]
    reason: approved by letter 12/UBND-VP
    expires: 2027-01-01
  - rule: DG-TOOL-001
    paths: ["tools/a.ts"]
    reason: approved by letter 12/UBND-VP
    expires: 2030-01-01
`);
    expect(configWeakenings(ROOT, base, head).map((w) => `${w.line} ${w.kind} ${w.what}`)).toEqual([
      '1 pattern-removed endpoints: (?i)lgsp removed',
      '1 approved-module approvedModules: src/**',
      '2 approved-tool approvedTools: **',
      '3 logger loggers: .',
      '4 limiter limiters: .',
      '5 ignore ignore: tools/',
      '8 calendar calendar.work: 2026-09-05',
      '6 fail-on failOn: high → critical',
      // a narrower, earlier-expiring exception is covered; a category, a wider glob and a later expiry are not
      '14 exception exceptions[1]: lookup-tool on ** until 9999-12-31',
      '18 exception exceptions[2]: DG-TOOL-001 on tools/** until 2027-01-01',
      '22 exception exceptions[3]: DG-TOOL-001 on tools/a.ts until 2030-01-01',
    ]);
  });

  it('a portal or gateway host pattern added may loosen (it moves hosts between tiers); with a trusted config it is not applied', () => {
    const b = config('endpoints: ["(?i)lgsp"]\n');
    const h = config('endpoints: ["(?i)lgsp"]\nportals: ["."]\ngateways: ["(?i)api\\\\.tinh-mau"]\n');
    expect(configWeakenings(ROOT, b, h).map((w) => `${w.line} ${w.kind} ${w.what}`)).toEqual(['2 tier portals: .', '3 tier gateways: (?i)api\\.tinh-mau']);
    const e = combineConfigs(ROOT, h, { trusted: TRUSTED, why: 'trusted-config' });
    expect(e.config.portals).toBeUndefined();
    expect(e.config.gateways).toBeUndefined();
    expect(e.notApplied.map((n) => `${n.kind} ${n.what}`)).toEqual(['tier portals: .', 'tier gateways: (?i)api\\.tinh-mau']);
  });

  it('adding approvedModules where the base had none only tightens; removing a re-include loosens', () => {
    const b = config('ignore: ["!vendor/dancu/"]\n');
    const h = config('approvedModules: ["src/gateway/**"]\nsensitiveKeys: ["(?i)matkhau"]\n');
    expect(configWeakenings(ROOT, b, h).map((w) => w.what)).toEqual(['ignore: !vendor/dancu/ removed']);
  });

  it('nothing for an unchanged config, or one that only tightens', () => {
    expect(configWeakenings(ROOT, base, base)).toEqual([]);
    const tighter = config(`endpoints: ["(?i)lgsp", "(?i)dvc"]
approvedModules: ["src/gateway/**"]
failOn: medium
`);
    expect(configWeakenings(ROOT, base, tighter)).toEqual([]);
  });
});

describe('ignore file and baseline weakenings', () => {
  it('.dancu-guardignore: a path added or a re-include removed', () => {
    expect(ignoreFileWeakenings('.dancu-guardignore', '# ours\ndist/\n!dist/keep.js\n', 'dist/\n\ntools/\n')).toEqual([
      { kind: 'ignore-file', file: '.dancu-guardignore', line: 3, what: '.dancu-guardignore: tools/' },
      { kind: 'ignore-file', file: '.dancu-guardignore', line: 1, what: '.dancu-guardignore: !dist/keep.js removed' },
    ]);
    expect(ignoreFileWeakenings('.dancu-guardignore', undefined, 'tools/')).toHaveLength(1);
    expect(ignoreFileWeakenings('.dancu-guardignore', 'tools/', undefined)).toEqual([]);
  });

  it('baseline: entries the change adds, as a multiset, with their line', () => {
    const entry = (fp: string, line: number) => ({ fingerprint: fp, ruleId: 'DG-CRED-002', file: '.env', line });
    const doc = (...fps: string[]): Baseline => ({ tool: 'dancu-guard', kind: 'baseline', version: 1, createdAt: '', findings: fps.map((f, i) => entry(f, i + 1)) });
    const head = doc('a'.repeat(16), 'a'.repeat(16), 'b'.repeat(16));
    const text = JSON.stringify(head, null, 2);
    const w = baselineWeakenings('baseline.json', doc('a'.repeat(16)), head, text);
    expect(w.map((x) => x.what)).toEqual(['DG-CRED-002 .env:2 (fingerprint aaaaaaaaaaaa)', 'DG-CRED-002 .env:3 (fingerprint bbbbbbbbbbbb)']);
    expect(w[1]!.line).toBe(text.split('\n').findIndex((l) => l.includes('b'.repeat(16))) + 1);
    expect(baselineWeakenings('baseline.json', head, doc('a'.repeat(16)), '')).toEqual([]);
  });
});
