/**
 * The HTML report in a real browser: headless Chromium (Debian's `/usr/bin/chromium`,
 * driven by playwright-core) opens the file the built CLI wrote, and
 *
 * - no request leaves the page (a request listener and a route that aborts everything
 *   but the report itself; a control page proves the listener sees loads), the CSP
 *   blocks a load injected after the fact, and the console shows no CSP violation
 *   (the inline style's hash is right: the styles apply);
 * - the summary numbers equal the JSON report's, and the charts are drawn and visible;
 * - a hostile file name stays text (no image element, no dialog);
 * - a full-page screenshot is a real rendering (PNG of the expected size, many colours).
 *
 * Without `/usr/bin/chromium` the browser tests are skipped with the reason printed,
 * except in CI (`CI` set), where its absence fails (`.ci/run` installs it).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distinctColours, pixelAt, readPng } from '../helpers/png.js';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const IN_CI = Boolean(process.env.CI);
const BIN = join(__dirname, '..', '..', 'bin', 'dancu-guard.js');
const EXAMPLE = join(__dirname, '..', '..', 'examples', 'ts-violating');
/** The flags the report is checked under (`--user-data-dir` is a fresh directory, given by launchPersistentContext). */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

if (!HAVE_CHROMIUM && !IN_CI) {
  process.stderr.write(`html-browser.test.ts: skipped: ${CHROMIUM} not found (install it with: apt-get install -y chromium)\n`);
}

describe('Chromium for the browser tests', () => {
  it.runIf(IN_CI)('is installed in CI', () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: .ci/run installs it with apt-get`).toBe(true);
  });
});

describe.skipIf(!HAVE_CHROMIUM)('the HTML report in headless Chromium', () => {
  let dir: string;
  let report: string;
  let reportUrl: string;
  let summary: { total: number; blocking: number; filesScanned: number; bySeverity: Record<string, number> };
  let context: BrowserContext;
  const requests: string[] = [];
  const aborted: string[] = [];
  const failed = new Map<string, string>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dg-html-browser-'));
    const repo = join(dir, 'repo');
    cpSync(EXAMPLE, repo, { recursive: true });
    writeFileSync(join(repo, 'src', '<img src=x onerror=alert(1)>.ts'), "export const C06_password = 'Hx7Lq2Vz9Kp4';\n");
    report = join(dir, 'report.html');
    const html = spawnSync(process.execPath, [BIN, 'scan', repo, '--format', 'html', '-o', report, '--lang', 'vi'], { encoding: 'utf8' });
    expect(html.status, html.stderr).toBe(1);
    const json = spawnSync(process.execPath, [BIN, 'scan', repo, '--format', 'json'], { encoding: 'utf8' });
    summary = (JSON.parse(json.stdout) as { summary: typeof summary }).summary;
    reportUrl = pathToFileURL(report).href;

    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1200, height: 900 },
      offline: true,
    });
    context.on('request', (r) => requests.push(r.url()));
    context.on('requestfailed', (r) => failed.set(r.url(), r.failure()?.errorText ?? ''));
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url === reportUrl) return route.continue();
      aborted.push(url);
      return route.abort();
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the request listener and the route see loads (control page)', async () => {
    const page = await context.newPage();
    await page.setContent('<img src="http://127.0.0.1:9/probe.png">');
    await page.waitForTimeout(300);
    await page.close();
    expect(requests).toContain('http://127.0.0.1:9/probe.png');
    expect(aborted).toContain('http://127.0.0.1:9/probe.png');
    requests.length = 0;
    aborted.length = 0;
  });

  it('renders with no request leaving the page, no CSP violation and the styles applied', async () => {
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    const dialogs: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(reportUrl, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    expect(requests.filter((u) => u !== reportUrl)).toEqual([]);
    expect(aborted).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(dialogs).toEqual([]);
    // the hostile file name is text: no image element anywhere
    expect(await page.evaluate(() => document.images.length)).toBe(0);
    await expect(page.getByText('src/<img src=x onerror=alert(1)>.ts', { exact: true }).first().isVisible()).resolves.toBe(true);
    // the hash-allowed stylesheet applies
    const verdictBg = await page.locator('#verdict').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(verdictBg).toBe('rgb(185, 28, 28)');
    // the CSP forbids a load injected afterwards (no request is made)
    const violation = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve(`${e.violatedDirective} ${e.blockedURI}`), { once: true });
          const img = document.createElement('img');
          img.src = 'http://127.0.0.1:9/injected.png';
          document.body.appendChild(img);
          setTimeout(() => resolve('no violation'), 2000);
        }),
    );
    expect(violation).toMatch(/^img-src http:\/\/127\.0\.0\.1:9\/injected\.png$/);
    await page.waitForTimeout(200);
    // Chromium announces the request, then refuses it before any network access
    // (it never reaches the route, which would see anything bound for the network).
    expect(failed.get('http://127.0.0.1:9/injected.png')).toMatch(/csp/i); // 'csp' (net::ERR_BLOCKED_BY_CSP)
    expect(aborted).toEqual([]);
    await page.close();
  });

  it('shows the summary numbers of the JSON report, and the charts', async () => {
    const page = await context.newPage();
    await page.goto(reportUrl);
    const text = async (sel: string) => (await page.locator(sel).textContent())?.trim();
    for (const sel of ['#total-findings', '#blocking-findings', '#files-scanned', '#verdict']) {
      expect(await page.locator(sel).isVisible(), sel).toBe(true);
    }
    expect(await text('#total-findings')).toBe(String(summary.total));
    expect(await text('#blocking-findings')).toBe(String(summary.blocking));
    expect(await text('#files-scanned')).toBe(String(summary.filesScanned));
    expect(await text('#verdict')).toBe('KHÔNG ĐẠT · FAIL');
    for (const [sev, n] of Object.entries(summary.bySeverity)) {
      expect(await text(`#severity-tiles .tile[data-severity="${sev}"] .n`), sev).toBe(String(n));
    }
    for (const [id, bars] of [['chart-severity', 5], ['chart-category', 8], ['chart-module', 4]] as const) {
      const chart = page.locator(`#${id} svg`);
      expect(await chart.isVisible(), id).toBe(true);
      const box = await chart.boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      expect(await page.locator(`#${id} g.bar`).count(), id).toBe(bars);
    }
    // a drawn bar per non-zero count, with the severity's colour
    const nonZero = Object.values(summary.bySeverity).filter((n) => n > 0).length;
    expect(await page.locator('#chart-severity rect.fill').count()).toBe(nonZero);
    const critical = page.locator('#chart-severity rect.sev-critical');
    expect(await critical.isVisible()).toBe(true);
    expect(await critical.evaluate((el) => getComputedStyle(el).fill)).toBe('rgb(127, 29, 29)');
    // findings with their code context
    expect(await page.locator('article.finding').count()).toBe(summary.total);
    expect(await page.locator('article.finding pre.code').first().isVisible()).toBe(true);
    await page.close();
  });

  it('takes a screenshot that is a real rendering', async () => {
    const page = await context.newPage();
    await page.goto(reportUrl);
    const shot = await page.screenshot({ fullPage: true, type: 'png' });
    await page.close();
    const png = readPng(shot);
    expect(png.width).toBe(1200);
    expect(png.height).toBeGreaterThan(2000);
    expect(shot.length).toBeGreaterThan(50_000);
    expect(distinctColours(png)).toBeGreaterThan(50);
    // not blank at the top (title) nor uniform: the corner is white, the title is not
    expect(pixelAt(png, 2, 2)).toEqual([255, 255, 255]);
    if (process.env.DANCU_GUARD_SCREENSHOT) {
      const tmp = join(dir, 'shot.png');
      writeFileSync(tmp, shot);
      copyFileSync(tmp, process.env.DANCU_GUARD_SCREENSHOT);
    }
    expect(readFileSync(report, 'utf8')).toContain('<svg role="img"');
  });
});
