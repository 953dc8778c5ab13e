/**
 * The shared loader of the YAML documents the scanner reads for itself
 * (src/config/document.ts): safe finding, YAML errors with lines, schema errors naming
 * file, key path and line, used alike by `.dancu-guard.yml` and `dancu-integration.yml`.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDeclaration } from '../../src/config/declaration.js';
import { DocumentType, isRealDate, repoRelative } from '../../src/config/document.js';
import { loadConfig, parseConfig } from '../../src/config/load.js';
import { CATEGORIES } from '../../src/contracts/taxonomy.js';
import { UsageError } from '../../src/util/errors.js';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('expected a UsageError');
}

const exception = (rule: string) => `exceptions:\n  - rule: ${rule}\n    paths: [legacy/**]\n    reason: migration\n    expires: 2026-12-31\n`;

describe('DocumentType', () => {
  const doc = new DocumentType<{ name: string; items?: Array<{ at: string }> }>({
    what: 'config',
    names: ['example.yml'],
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: { type: 'string' },
        items: {
          type: 'array',
          items: { type: 'object', additionalProperties: false, properties: { at: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } } },
        },
      },
    },
  });

  it('returns the value and the line of any key path', () => {
    const { value, lineAt } = doc.parse('\uFEFFname: x\nitems:\n  - at: 2026-01-02\n', 'e.yml');
    expect(value).toEqual({ name: 'x', items: [{ at: '2026-01-02' }] });
    expect(lineAt(['items', 0, 'at'])).toBe(3);
    expect(lineAt(['items', 5])).toBe(3); // missing: the nearest ancestor that exists
  });

  it('names file, key path and line for every schema problem at once', () => {
    const msg = messageOf(() => doc.parse('items:\n  - at: 02/01/2026\n    when: now\n', 'e.yml'));
    expect(msg).toContain('invalid config e.yml:');
    expect(msg).toContain('e.yml:1: missing required key "name"');
    expect(msg).toContain('e.yml:2: "items.0.at" must be a date YYYY-MM-DD (got "02/01/2026")');
    expect(msg).toContain('e.yml:3: unknown key "items.0.when" (known keys of "items.0": at)');
  });

  it('an empty document is an error naming the required keys', () => {
    expect(messageOf(() => doc.parse('', 'e.yml'))).toBe('e.yml:1: the config is empty (required keys: name)');
    expect(messageOf(() => doc.parse('name: [x\n', 'e.yml'))).toMatch(/^e\.yml:\d+: invalid YAML: /);
  });

  it('refuses a document at the root that links out of it; an explicit path must exist', () => {
    const outside = mkdtempSync(join(tmpdir(), 'dg-doc-out-'));
    const root = mkdtempSync(join(tmpdir(), 'dg-doc-root-'));
    writeFileSync(join(outside, 'example.yml'), 'name: x\n');
    symlinkSync(join(outside, 'example.yml'), join(root, 'example.yml'));
    expect(messageOf(() => doc.find(root))).toMatch(/config .*example\.yml is a link to .*, outside the scanned root; refusing to read it/);
    expect(doc.find(root, join(outside, 'example.yml'))).toBe(join(outside, 'example.yml'));
    expect(messageOf(() => doc.find(root, join(root, 'nope.yml')))).toContain('config file not found');
    expect(messageOf(() => doc.read(join(root, 'missing.yml'), 'missing.yml'))).toMatch(/^cannot read config missing\.yml: /);
  });
});

describe('the config and the declaration use it', () => {
  it('refuses .dancu-guard.yml and dancu-integration.yml linking out of the root', () => {
    const outside = mkdtempSync(join(tmpdir(), 'dg-doc-out-'));
    const root = mkdtempSync(join(tmpdir(), 'dg-doc-root-'));
    mkdirSync(join(outside, 'cfg'));
    writeFileSync(join(outside, 'cfg', 'c.yml'), 'version: 1\n');
    symlinkSync(join(outside, 'cfg', 'c.yml'), join(root, '.dancu-guard.yml'));
    symlinkSync(join(outside, 'cfg', 'c.yml'), join(root, 'dancu-integration.yml'));
    expect(messageOf(() => loadConfig(root))).toContain('outside the scanned root');
    expect(messageOf(() => loadDeclaration(root))).toContain('outside the scanned root');
  });

  it('config exceptions name a rule id or a category of the taxonomy', () => {
    for (const rule of [...CATEGORIES, 'DG-CRED-001']) expect(parseConfig(exception(rule), 'cfg.yml').exceptions?.[0]?.rule).toBe(rule);
    for (const rule of ['secrets', 'DG-CRED-01', 'dg-cred-001']) {
      expect(messageOf(() => parseConfig(exception(rule), 'cfg.yml'))).toContain(
        `cfg.yml:2: "exceptions.0.rule" must be a rule id (DG-XXX-000) or one of ${CATEGORIES.map((c) => `"${c}"`).join(', ')} (got "${rule}")`,
      );
    }
  });

  it('a nested unknown config key lists the keys known there', () => {
    expect(messageOf(() => parseConfig('calendar:\n  holidays: []\n', 'cfg.yml'))).toContain(
      'cfg.yml:2: unknown key "calendar.holidays" (known keys of "calendar": off, work)',
    );
    expect(parseConfig('', 'cfg.yml')).toEqual({});
  });
});

describe('helpers', () => {
  it('isRealDate and repoRelative', () => {
    expect(['2026-02-28', '2028-02-29'].map(isRealDate)).toEqual([true, true]);
    expect(['2026-02-29', '2026-2-28', '28/02/2026'].map(isRealDate)).toEqual([false, false, false]);
    expect(repoRelative('/r', '/r/a/b.yml')).toBe('a/b.yml');
    expect(repoRelative('/r', '/elsewhere/b.yml')).toBe('/elsewhere/b.yml');
  });
});
