/**
 * Endpoints in TypeScript/JavaScript source: URL literals of the DB, its portals and
 * its gateways where they are written (a constant, an object key, an argument), and
 * the navigations of browser automation (`page.goto(url)`, Selenium `driver.get(url)`,
 * WebdriverIO `browser.url(url)`). Also whether a file is browser code, whose calls to
 * a relative URL are the application's own backend.
 */
import { ts } from 'ts-morph';
import type { EndpointFact } from '../../facts/types.js';
import type { Settings } from '../../policy/settings.js';
import { redactEndpoint } from '../credentials/candidates.js';
import { tierUrl } from '../code/kit/tiers.js';
import type { FileModel } from './model.js';
import { callName } from './names.js';
import { normSpec, propName } from './values.js';

/** The name a literal is bound to: a variable, a property, an assignment target. */
function boundName(n: ts.Node): string | undefined {
  const p = n.parent;
  if (!p) return undefined;
  if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name) && p.initializer === n) return p.name.text;
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) && p.initializer === n) return propName(p.name);
  if (ts.isBinaryExpression(p) && p.right === n && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) return callName(p.left) || undefined;
  return undefined;
}

/** A URL literal (or the literal head of a template) of a tier, as an endpoint fact. */
export function literalEndpoint(file: FileModel, n: ts.Node, settings: Settings): EndpointFact | undefined {
  let text: string | undefined;
  let holder: ts.Node = n;
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) text = n.text;
  else if (ts.isTemplateExpression(n)) text = n.head.text;
  if (!text || !text.includes('://')) return undefined;
  if (ts.isTemplateHead(holder)) holder = holder.parent;
  if (!tierUrl(text, settings)) return undefined;
  const lc = file.sf.getLineAndCharacterOfPosition(n.getStart(file.sf));
  const e: EndpointFact = { file: file.path, line: lc.line + 1, column: lc.character + 1, url: redactEndpoint(text), source: 'source' };
  const key = boundName(holder);
  if (key) e.key = key;
  return e;
}

const NAVIGATION_METHODS = new Set(['goto', 'navigate', 'url', 'get', 'navigateTo']);
const WEBDRIVER_LIBS = new Set(['selenium-webdriver', 'webdriverio', '@wdio/globals', 'nightwatch']);

/**
 * A call that navigates a browser: `page.goto(u)` always; `driver.get(u)`,
 * `browser.url(u)`, `navigate().to(u)` only in a file that uses a WebDriver library.
 */
export function isNavigation(call: ts.CallExpression, webdriver: boolean): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || call.arguments.length === 0) return false;
  const m = callee.name.text;
  if (m === 'goto') return true;
  if (!webdriver || !NAVIGATION_METHODS.has(m)) return false;
  return m !== 'get' || /driver|browser/i.test(callName(callee.expression));
}

export function usesWebDriver(specs: ReadonlyArray<{ spec: string }>): boolean {
  return specs.some((s) => WEBDRIVER_LIBS.has(normSpec(s.spec)));
}

const UI_LIBS = /^(react|react-dom(\/.*)?|vue|svelte|preact|solid-js|@angular\/core|next\/(router|link|navigation)|@remix-run\/react|antd|@mui\/.*|react-router(-dom)?)$/;
const SERVER_LIBS = /^(express|koa|fastify|@nestjs\/.*|hapi|@hapi\/hapi|http|https|net|fs|child_process|next\/server)$/;
const BROWSER_ENV = /\b(?:import\.meta\.env\.VITE_|process\.env\.(?:REACT_APP_|NEXT_PUBLIC_|VUE_APP_|VITE_))|\bwindow\.location\b|\blocalStorage\.|\bsessionStorage\./;

/**
 * Whether a file is browser code of a front-end app: a `.tsx`/`.jsx` file, one that
 * imports a UI framework or reads a front-end build variable, or any file of a package
 * whose nearest package.json is a front-end app's (`frontend`); never one that imports a
 * server framework or a Node built-in.
 */
export function isBrowserFile(file: FileModel, specs: ReadonlyArray<{ spec: string }>, frontend?: (path: string) => boolean): boolean {
  const mods = specs.map((s) => normSpec(s.spec));
  if (mods.some((m) => SERVER_LIBS.test(m))) return false;
  if (/\.(tsx|jsx)$/.test(file.path)) return true;
  if (mods.some((m) => UI_LIBS.test(m))) return true;
  if (BROWSER_ENV.test(file.text)) return true;
  return frontend?.(file.path) ?? false;
}

const FRONTEND_DEPS = ['react-dom', 'vue', '@angular/core', 'svelte', 'preact', 'solid-js'];
const SERVER_DEPS = ['express', 'koa', 'fastify', '@nestjs/core', '@hapi/hapi', 'hapi', 'next'];

/**
 * Packages that are front-end apps: a package.json depending on a UI framework's DOM
 * renderer and on no server framework (Next.js apps hold server code too: left out).
 * `isFrontend(path)` asks the nearest package.json above a file.
 */
export function frontendPackages(readText: (path: string) => string | undefined, paths: Iterable<string>): (path: string) => boolean {
  const pkgs = new Map<string, boolean>();
  for (const p of paths) {
    if (p !== 'package.json' && !p.endsWith('/package.json')) continue;
    if (p.includes('node_modules/')) continue;
    let deps: Record<string, unknown> = {};
    try {
      const j = JSON.parse(readText(p) ?? '{}') as { dependencies?: Record<string, unknown>; devDependencies?: Record<string, unknown> };
      deps = { ...(j.devDependencies ?? {}), ...(j.dependencies ?? {}) };
    } catch {
      continue;
    }
    const dir = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '';
    pkgs.set(dir, FRONTEND_DEPS.some((d) => d in deps) && !SERVER_DEPS.some((d) => d in deps));
  }
  const memo = new Map<string, boolean>();
  return (path) => {
    let dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    const start = dir;
    const m = memo.get(start);
    if (m !== undefined) return m;
    let found = false;
    for (;;) {
      const v = pkgs.get(dir);
      if (v !== undefined) {
        found = v;
        break;
      }
      if (dir === '') break;
      dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
    }
    memo.set(start, found);
    return found;
  };
}
