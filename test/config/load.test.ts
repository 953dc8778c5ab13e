import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, mergeSettings, parseConfig } from '../../src/config/load.js';
import { defaultSettings } from '../../src/policy/settings.js';
import { UsageError } from '../../src/util/errors.js';

function errorOf(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return err as UsageError;
  }
  throw new Error('expected a UsageError');
}

describe('config (.dancu-guard.yml)', () => {
  it('accepts a valid config and merges it into the defaults', () => {
    const cfg = parseConfig(
      ['version: 1', 'endpoints:', '  - "(?i)c06\\\\.tinh-mau\\\\.gov\\\\.vn"', 'approvedModules: [src/gateway/**]', 'ignore: [legacy/]'].join('\n'),
      'cfg.yml',
    );
    const settings = mergeSettings(cfg);
    expect(settings.endpointPatterns).toContain('(?i)c06\\.tinh-mau\\.gov\\.vn');
    expect(settings.endpointPatterns).toEqual(expect.arrayContaining(defaultSettings().endpointPatterns));
    expect(settings.approvedModules).toEqual(['src/gateway/**']);
    expect(cfg.ignore).toEqual(['legacy/']);
  });

  it('names an unknown key and its line', () => {
    const err = errorOf(() => parseConfig('version: 1\napprovedModules: []\nendpoint: ["x"]\n', 'cfg.yml'));
    expect(err.message).toContain('cfg.yml:3');
    expect(err.message).toContain('unknown key "endpoint"');
  });

  it('names a wrong type with key and line', () => {
    const err = errorOf(() => parseConfig('version: 1\nloggers:\n  - auditLog\n  - 42\n', 'cfg.yml'));
    expect(err.message).toContain('cfg.yml:4');
    expect(err.message).toContain('"loggers.1" must be string');
  });

  it('rejects a regex that does not compile, naming the line', () => {
    const err = errorOf(() => parseConfig('endpoints:\n  - "dancu("\n', 'cfg.yml'));
    expect(err.message).toMatch(/cfg\.yml:2: endpoints\[0\] is not a valid regular expression/);
  });

  it('rejects patterns RE2 (the policy engine) cannot run, which would silently match nothing', () => {
    for (const [pattern, why] of [
      ['(?<=//)c06-gw', 'lookahead/lookbehind'],
      ['dancu(?!-test)', 'lookahead/lookbehind'],
      ['(a)\\\\1', 'backreferences'],
      ['(?<x>a)\\\\k<x>', 'backreferences'],
    ] as const) {
      const err = errorOf(() => parseConfig(`endpoints:\n  - '${pattern}'\n`, 'cfg.yml'));
      expect(err.message, pattern).toContain('cfg.yml:2: endpoints[0] is not a valid regular expression');
      expect(err.message, pattern).toContain(why);
    }
    expect(parseConfig("endpoints:\n  - '(?i)c06-gw\\.tinh-mau'\n", 'cfg.yml').endpoints).toHaveLength(1);
  });

  it('reports malformed YAML with its line', () => {
    const err = errorOf(() => parseConfig('version: 1\nendpoints: [a, b\nloggers: []\n', 'cfg.yml'));
    expect(err.message).toMatch(/cfg\.yml:\d+: invalid YAML/);
  });

  it('finds .dancu-guard.yml at the root; a missing explicit file is an error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-config-'));
    expect(loadConfig(dir).config).toEqual({});
    writeFileSync(join(dir, '.dancu-guard.yml'), 'approvedTools: ["tools/approved/**"]\n');
    const loaded = loadConfig(dir);
    expect(loaded.path).toBe(join(dir, '.dancu-guard.yml'));
    expect(loaded.config.approvedTools).toEqual(['tools/approved/**']);
    expect(errorOf(() => loadConfig(dir, join(dir, 'nope.yml'))).message).toContain('config file not found');
  });
});
