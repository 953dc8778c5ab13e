/**
 * The committed policy bundle: `policies/bundle/policy.wasm` (compiled Rego) and
 * `policies/bundle/rules.json` (each rule's METADATA, extracted at build time so that
 * reports, SARIF rule help and docs all come from the one place the rule is written).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Category, Severity } from '../findings/types.js';
import { PolicyError } from '../util/errors.js';
import { POLICIES_DIR } from './settings.js';

export interface RuleMeta {
  id: string;
  title: { en: string; vi: string };
  severity: Severity;
  category: Category;
  basis: string[];
  basisKeys: string[];
  remediation: { en: string; vi: string };
  package: string;
}

export type RuleCatalog = Record<string, RuleMeta>;

export const BUNDLE_DIR = join(POLICIES_DIR, 'bundle');

function readBundleFile(name: string): Buffer {
  const path = join(BUNDLE_DIR, name);
  try {
    return readFileSync(path);
  } catch (err) {
    throw PolicyError.of('policy.cannotReadBundle', { path, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message });
  }
}

let wasmCache: Buffer | undefined;
let catalogCache: RuleCatalog | undefined;

export function policyWasm(): Buffer {
  wasmCache ??= readBundleFile('policy.wasm');
  return wasmCache;
}

export function ruleCatalog(): RuleCatalog {
  if (!catalogCache) {
    try {
      catalogCache = JSON.parse(readBundleFile('rules.json').toString('utf8')) as RuleCatalog;
    } catch (err) {
      if (err instanceof PolicyError) throw err;
      throw PolicyError.of('policy.badCatalog', { reason: (err as Error).message });
    }
  }
  return catalogCache;
}
