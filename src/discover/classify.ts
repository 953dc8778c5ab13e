/**
 * Classification: what a discovered file is (kind + language + format), decided by its
 * repo-relative path and, for a few cases, by its first bytes (`head`): shebang lines
 * for extension-less scripts, `apiVersion:`/`kind:` for YAML we cannot place by name.
 *
 * Pure functions, no I/O.
 */
import type { ConfigFormat, FileKind, Language } from '../facts/types.js';

export interface Classification {
  kind: FileKind;
  language?: Language;
  format?: ConfigFormat;
}

/** How many leading bytes of a file `classify` may look at. */
export const HEAD_BYTES = 4096;

/** What `classifyPath` could not settle without looking at the content. */
export type HeadNeed = 'shebang' | 'yaml';

const SOURCE_EXT: Readonly<Record<string, Language>> = {
  ts: 'typescript',
  tsx: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  java: 'java',
  cs: 'csharp',
  php: 'php',
  py: 'python',
  go: 'go',
  sh: 'shell',
  bash: 'shell',
  ps1: 'powershell',
  ipynb: 'notebook',
};

const DOC_EXT = new Set(['md', 'markdown', 'txt', 'rst', 'adoc']);
const YAML_EXT = new Set(['yml', 'yaml']);
/** Suffixes that mark a file as a template/sample, not the real thing (so not a secret store). */
const TEMPLATE_SUFFIX = /\.(example|sample|template)$/;

function source(language: Language): Classification {
  return { kind: 'source', language };
}

function fileExt(lowerBase: string): string {
  const dot = lowerBase.lastIndexOf('.');
  // A leading dot (".env", ".bashrc") is a hidden-file marker, not an extension.
  return dot > 0 ? lowerBase.slice(dot + 1) : '';
}

/**
 * Classify by path alone. `need` says the answer may change with the file's head:
 * `'shebang'` (a file we could not place; a `#!` line may say what it is) or
 * `'yaml'` (YAML not placed by name; `apiVersion:`+`kind:` make it Kubernetes).
 */
export function classifyPath(relPath: string): { cls: Classification; need?: HeadNeed } {
  const path = relPath.replace(/\\/g, '/');
  const slash = path.lastIndexOf('/');
  const base = slash >= 0 ? path.slice(slash + 1) : path;
  const lower = base.toLowerCase();
  const lowerPath = path.toLowerCase();

  // Templates and samples: `.env.example`, `appsettings.json.sample`, `.env.dist`.
  if (TEMPLATE_SUFFIX.test(lower) || lower === '.env.dist' || lower.endsWith('.env.dist')) {
    return { cls: { kind: 'doc' } };
  }

  // Container build files.
  if (
    lower === 'dockerfile' ||
    lower.startsWith('dockerfile.') ||
    lower.endsWith('.dockerfile') ||
    lower === 'containerfile' ||
    lower.startsWith('containerfile.')
  ) {
    return { cls: { kind: 'manifest', format: 'dockerfile' } };
  }

  // dotenv: `.env`, `.env.local`, `prod.env`.
  if (lower === '.env' || lower.startsWith('.env.') || lower.endsWith('.env')) {
    return { cls: { kind: 'config', format: 'dotenv' } };
  }

  const ext = fileExt(lower);
  const lang = SOURCE_EXT[ext];
  if (lang) return { cls: source(lang) };

  if (ext === 'properties') {
    const spring = lower.startsWith('application') || lower.startsWith('bootstrap');
    return { cls: { kind: 'config', format: spring ? 'spring' : 'properties' } };
  }

  if (ext === 'json') {
    if (lower.startsWith('appsettings')) return { cls: { kind: 'config', format: 'appsettings' } };
    return { cls: { kind: 'config', format: 'json' } };
  }

  if (YAML_EXT.has(ext)) {
    const dir = slash >= 0 ? lowerPath.slice(0, slash) : '';
    if (dir === '.github/workflows' || dir.endsWith('/.github/workflows')) {
      return { cls: { kind: 'manifest', format: 'github-workflow' } };
    }
    if (lower.startsWith('docker-compose') || lower.startsWith('compose')) {
      return { cls: { kind: 'manifest', format: 'compose' } };
    }
    if (lower.startsWith('application') || lower.startsWith('bootstrap')) {
      return { cls: { kind: 'config', format: 'spring' } };
    }
    if (lower.startsWith('values')) {
      return { cls: { kind: 'manifest', format: 'helm-values' } };
    }
    if (`/${dir}/`.includes('/templates/')) {
      return { cls: { kind: 'manifest', format: 'k8s' } };
    }
    return { cls: { kind: 'config', format: 'yaml' }, need: 'yaml' };
  }

  if (DOC_EXT.has(ext)) return { cls: { kind: 'doc' } };

  return { cls: { kind: 'other' }, need: 'shebang' };
}

const K8S_API_VERSION = /^apiVersion:[ \t]*\S/m;
const K8S_KIND = /^kind:[ \t]*\S/m;

/** True when a YAML head has top-level `apiVersion:` and `kind:` keys. */
export function looksLikeK8s(head: string): boolean {
  return K8S_API_VERSION.test(head) && K8S_KIND.test(head);
}

/**
 * The language a `#!` line names, e.g. `#!/usr/bin/env node`, `#!/bin/bash`,
 * `#!/usr/bin/env -S python3 -u`. Undefined when there is no shebang or it names
 * an interpreter we do not parse.
 */
export function shebangLanguage(head: string): Language | undefined {
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  if (!text.startsWith('#!')) return undefined;
  const nl = text.indexOf('\n');
  const line = (nl >= 0 ? text.slice(2, nl) : text.slice(2)).trim();
  const words = line.split(/\s+/).filter(Boolean);
  let i = 0;
  const first = words[0];
  if (first !== undefined && basename(first) === 'env') {
    i = 1;
    // Skip `env` options (-S, -i, -u NAME, …) and VAR=value assignments.
    while (i < words.length) {
      const w = words[i] ?? '';
      if (w === '-u' || w === '--unset' || w === '-C' || w === '--chdir') i += 2;
      else if (w.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) i += 1;
      else break;
    }
  }
  const interpreter = words[i];
  if (interpreter === undefined) return undefined;
  return interpreterLanguage(basename(interpreter));
}

function basename(p: string): string {
  const s = p.lastIndexOf('/');
  return s >= 0 ? p.slice(s + 1) : p;
}

function interpreterLanguage(name: string): Language | undefined {
  const n = name.toLowerCase();
  if (n === 'node' || n === 'nodejs' || /^node\d+$/.test(n) || n === 'bun' || n === 'zx') return 'javascript';
  if (n === 'ts-node' || n === 'ts-node-esm' || n === 'tsx' || n === 'deno') return 'typescript';
  if (/^python(\d+(\.\d+)?)?$/.test(n) || n === 'pypy' || n === 'pypy3') return 'python';
  if (n === 'sh' || n === 'bash' || n === 'dash' || n === 'ash' || n === 'ksh' || n === 'zsh') return 'shell';
  if (n === 'pwsh' || n === 'powershell') return 'powershell';
  if (/^php(\d+(\.\d+)?)?$/.test(n)) return 'php';
  return undefined;
}

/**
 * Classify a file by its repo-relative path and, optionally, its first bytes as text
 * (`head`; a few KiB is plenty). Without `head`, content-based refinements are skipped:
 * unknown YAML stays `config/yaml` and extension-less scripts stay `other`.
 */
export function classify(relPath: string, head?: string): Classification {
  const { cls, need } = classifyPath(relPath);
  if (head === undefined || need === undefined) return cls;
  if (need === 'yaml') {
    const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
    return looksLikeK8s(text) ? { kind: 'manifest', format: 'k8s' } : cls;
  }
  const language = shebangLanguage(head);
  return language ? source(language) : cls;
}

/** The source language a path's extension names, if any (no look at the content). */
export function languageOfPath(path: string): Language | undefined {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return Object.hasOwn(SOURCE_EXT, ext) ? SOURCE_EXT[ext] : undefined;
}
