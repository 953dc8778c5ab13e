/**
 * Stand-alone tool signals in a TypeScript/JavaScript file: shebang, package.json
 * `bin`, main guards and CLI argument parsing, cron schedules, browser automation,
 * and DB-calling files under scripts/, tools/, bin/.
 */
import { ts } from 'ts-morph';
import type { ToolSignals } from '../code/kit/tools.js';
import type { CollectContext } from '../types.js';
import { lineOf, type FileModel } from './model.js';
import { callName } from './names.js';
import { normSpec, unwrap } from './values.js';

const CLI_LIBS = new Set(['commander', 'yargs', 'yargs/yargs', 'minimist', 'meow', 'cac', 'arg', 'sade', 'command-line-args', 'clipanion', 'oclif', '@oclif/core', 'caporal', 'vorpal']);
const CRON_LIBS = new Set(['node-cron', 'cron', 'node-schedule', 'agenda', 'bree', 'croner', 'toad-scheduler', 'cron-schedule', '@nestjs/schedule']);
const BROWSER_LIBS = new Set([
  'puppeteer', 'puppeteer-core', 'puppeteer-extra', 'playwright', 'playwright-core', 'playwright-chromium',
  'playwright-firefox', 'playwright-webkit', 'selenium-webdriver', 'webdriverio', 'nightmare',
]);

/** package.json `bin` entries of every discovered package.json, as repo-relative paths. */
export function binEntries(ctx: CollectContext): Set<string> {
  const out = new Set<string>();
  for (const f of ctx.allFiles) {
    if (f.path !== 'package.json' && !f.path.endsWith('/package.json')) continue;
    if (f.path.includes('node_modules/')) continue;
    const text = ctx.readText(f.path);
    if (!text) continue;
    let pkg: unknown;
    try {
      pkg = JSON.parse(text);
    } catch {
      continue;
    }
    const bin = (pkg as { bin?: unknown }).bin;
    const dir = f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/') + 1) : '';
    const values = typeof bin === 'string' ? [bin] : bin && typeof bin === 'object' ? Object.values(bin as Record<string, unknown>) : [];
    for (const v of values) {
      if (typeof v !== 'string') continue;
      const rel = (dir + v.replace(/^\.\//, '')).replace(/\/\.\//g, '/');
      out.add(rel);
    }
  }
  return out;
}

export function importSignals(spec: string, line: number, names: string[], signals: ToolSignals): void {
  const s = normSpec(spec);
  if (BROWSER_LIBS.has(s)) signals.add('browser-automation', `imports ${s}`, line);
  else if (CRON_LIBS.has(s) && (s !== '@nestjs/schedule' || names.length === 0)) signals.add('cron', `imports ${s}`, line);
  else if (CLI_LIBS.has(s)) signals.add('cli', `imports ${s}`, line);
  else if (s === 'util' && names.includes('parseArgs')) signals.add('cli', 'uses util.parseArgs', line);
}

function isProcessArgv(e: ts.Expression): boolean {
  return callName(e) === 'process.argv';
}

/** Per-node checks during the file walk. */
export function nodeSignals(file: FileModel, n: ts.Node, signals: ToolSignals): void {
  const sf = file.sf;
  if (ts.isBinaryExpression(n)) {
    const k = n.operatorToken.kind;
    if (k === ts.SyntaxKind.EqualsEqualsEqualsToken || k === ts.SyntaxKind.EqualsEqualsToken) {
      const l = n.left.getText(sf).replace(/\s+/g, '');
      const r = n.right.getText(sf).replace(/\s+/g, '');
      const both = `${l}|${r}`;
      if ((l === 'require.main' && r === 'module') || (r === 'require.main' && l === 'module')) {
        signals.add('cli', 'require.main === module', lineOf(sf, n));
      } else if (both.includes('import.meta.url') || both.includes('import.meta.filename')) {
        if (both.includes('process.argv')) signals.add('cli', 'import.meta.url main guard', lineOf(sf, n));
      }
    }
    return;
  }
  if (ts.isPropertyAccessExpression(n) && n.name.text === 'main' && ts.isMetaProperty(n.expression)) {
    signals.add('cli', 'import.meta.main', lineOf(sf, n));
    return;
  }
  if (ts.isElementAccessExpression(n) && isProcessArgv(n.expression)) {
    const a = unwrap(n.argumentExpression);
    if (ts.isNumericLiteral(a) && Number(a.text) >= 2) signals.add('cli', 'reads process.argv', lineOf(sf, n), true);
    return;
  }
  if (ts.isCallExpression(n)) {
    const callee = unwrap(n.expression);
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'slice' && isProcessArgv(callee.expression)) {
      signals.add('cli', 'reads process.argv', lineOf(sf, n), true);
    }
    return;
  }
  if (ts.isDecorator(n)) {
    const e = unwrap(n.expression);
    const name = ts.isCallExpression(e) ? callName(e.expression) : callName(e);
    if (name === 'Cron' || name === 'Interval') signals.add('cron', `@${name} schedule`, lineOf(sf, n));
  }
}

export function shebangSignal(file: FileModel, signals: ToolSignals): void {
  if (file.text.startsWith('#!')) signals.add('script', 'shebang', 1);
}

export function underToolDir(path: string): string | undefined {
  const segs = path.split('/').slice(0, -1);
  return segs.find((s) => s === 'scripts' || s === 'tools' || s === 'bin' || s === 'script');
}
