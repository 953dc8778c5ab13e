// npm run build:docs
//
// Writes the rule documentation from the rules' METADATA (policies/bundle/rules.json,
// built by `npm run build:policies`) and policies/data/rule-docs.json (why, examples,
// the letters' own words for R1–R8):
//   docs/rules/<ID>.md, docs/rules/<ID>.vi.md   one page per rule, English and Vietnamese
//   docs/rules/README.md, README.vi.md          the list of rules
//   docs/basis.md, docs/basis.vi.md             R1–R8 with the quotations
// The pages are rendered by src/report/rule-page.ts, the code `dancu-guard explain`
// runs, so the docs and the CLI say the same thing. Deterministic output.
//
// Usage: node scripts/build-rule-docs.mjs          write the files (and remove pages of rules that no longer exist)
//        node scripts/build-rule-docs.mjs --check  exit 1 when a file differs (test/cli/rule-docs.test.ts, .ci/run)
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RULES_DIR = 'docs/rules';

/** src/report/rule-page.ts, bundled for plain node (esbuild, already a devDependency). */
async function loadRenderer() {
  const { build } = await import('esbuild');
  const work = mkdtempSync(join(tmpdir(), 'dancu-guard-docs-'));
  try {
    const outfile = join(work, 'rule-page.mjs');
    await build({
      absWorkingDir: REPO_ROOT,
      entryPoints: ['src/report/rule-page.ts'],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      packages: 'external',
      outfile,
      logLevel: 'warning',
    });
    // The bundle lives outside the package: tell src/policy/settings.ts where the assets are.
    globalThis.__DANCU_GUARD_ASSETS_DIR__ = REPO_ROOT;
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Every generated file: repo-relative path → content. */
export async function ruleDocFiles() {
  const { ruleMarkdown, rulesList, basisMarkdown } = await loadRenderer();
  const catalog = JSON.parse(readFileSync(join(REPO_ROOT, 'policies/bundle/rules.json'), 'utf8'));
  const data = JSON.parse(readFileSync(join(REPO_ROOT, 'policies/data/rule-docs.json'), 'utf8'));
  const problems = [];
  for (const id of Object.keys(catalog)) if (!data.rules[id]) problems.push(`${id} has no entry in policies/data/rule-docs.json`);
  for (const id of Object.keys(data.rules)) if (!catalog[id]) problems.push(`policies/data/rule-docs.json documents ${id}, which is not a rule`);
  for (const meta of Object.values(catalog)) for (const k of meta.basisKeys) if (!data.requirements[k]) problems.push(`${meta.id} cites ${k}, which has no requirement in rule-docs.json`);
  if (problems.length) throw new Error(`rule docs:\n  ${problems.join('\n  ')}`);

  const files = new Map();
  for (const meta of Object.values(catalog)) {
    files.set(`${RULES_DIR}/${meta.id}.md`, ruleMarkdown(meta, data.rules[meta.id], data.requirements, 'en'));
    files.set(`${RULES_DIR}/${meta.id}.vi.md`, ruleMarkdown(meta, data.rules[meta.id], data.requirements, 'vi'));
  }
  const index = {
    en: ['# Rules', '', '[Tiếng Việt](README.vi.md) · [Legal basis R1–R8](../basis.md)', '', 'Every rule dancu-guard ships, generated from the rules\' METADATA (`npm run build:docs`). The same list: `dancu-guard rules`; one rule: `dancu-guard explain <RULE-ID>`.', ''],
    vi: ['# Danh sách quy tắc', '', '[English](README.md) · [Căn cứ pháp lý R1–R8](../basis.vi.md)', '', 'Mọi quy tắc của dancu-guard, tạo tự động từ METADATA của quy tắc (`npm run build:docs`). Xem cùng danh sách bằng `dancu-guard rules --lang vi`; một quy tắc: `dancu-guard explain <MÃ-QUY-TẮC> --lang vi`.', ''],
  };
  for (const lang of ['en', 'vi']) {
    files.set(`${RULES_DIR}/${lang === 'vi' ? 'README.vi.md' : 'README.md'}`, `${index[lang].join('\n')}\n${rulesList(catalog, lang, 'markdown')}`);
    files.set(`docs/${lang === 'vi' ? 'basis.vi.md' : 'basis.md'}`, basisMarkdown(data.requirements, catalog, lang));
  }
  return files;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const check = process.argv.includes('--check');
  const files = await ruleDocFiles();
  const stale = [];
  for (const [rel, content] of files) {
    const path = join(REPO_ROOT, rel);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === content) continue;
    stale.push(rel);
    if (!check) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
  }
  const dir = join(REPO_ROOT, RULES_DIR);
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const rel = `${RULES_DIR}/${name}`;
    if (files.has(rel)) continue;
    stale.push(`${rel} (no such rule)`);
    if (!check) rmSync(join(dir, name));
  }
  if (check && stale.length) {
    process.stderr.write(`build-rule-docs: stale (run \`npm run build:docs\` and commit docs/):\n  ${stale.join('\n  ')}\n`);
    process.exit(1);
  }
  process.stdout.write(`build-rule-docs: ${files.size} files${check ? ' fresh' : `, ${stale.length} written or removed`}\n`);
}
