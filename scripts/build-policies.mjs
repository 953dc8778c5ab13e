// npm run build:policies
//
// Compiles the Rego policies in policies/ to WebAssembly with the OPA version pinned
// in policies/OPA_VERSION and writes the committed bundle:
//   policies/bundle/policy.wasm     entrypoints dancu/main/findings (the scan), dancu/gate/findings
//                                   and dancu/gate/surface (the pre-deployment gate, src/gate/);
//                                   data supplied at run time
//   policies/bundle/rules.json      rule metadata from the METADATA annotations, basis resolved
//   policies/bundle/sources.sha256  hash of the sources (see policy-sources-hash.mjs)
// The output is deterministic: building twice gives identical files.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { REPO_ROOT, RECORDED_HASH_FILE, policySourcesHash } from './policy-sources-hash.mjs';

const ENTRYPOINT = 'dancu/main/findings';
// The pre-deployment gate (policies/gate): its findings, judged only when the input
// carries `gate` facts, and the integration surface the fingerprint is computed from.
const GATE_ENTRYPOINTS = ['dancu/gate/findings', 'dancu/gate/surface'];
const ENTRYPOINTS = [ENTRYPOINT, ...GATE_ENTRYPOINTS];
// Categories, severities and the rule-id shape: the taxonomy (src/contracts/taxonomy.ts,
// generated to JSON by npm run build:schema).
const TAXONOMY = JSON.parse(readFileSync(join(REPO_ROOT, 'src', 'contracts', 'schemas', 'taxonomy.json'), 'utf8')).definitions;
const SEVERITIES = TAXONOMY.Severity.enum;
const CATEGORIES = TAXONOMY.Category.enum;
const RULE_ID = new RegExp(TAXONOMY.RuleId.pattern);
const OUT_DIR = join(REPO_ROOT, 'policies', 'bundle');

function fail(message) {
  process.stderr.write(`build-policies: ${message}\n`);
  process.exit(1);
}

const wantedVersion = readFileSync(join(REPO_ROOT, 'policies', 'OPA_VERSION'), 'utf8').trim();

// ---------------------------------------------------------------------------
// Locate opa at the pinned version.

function opaVersion(bin) {
  const r = spawnSync(bin, ['version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  return /^Version:\s*(\S+)/m.exec(r.stdout)?.[1];
}

function goBinDirs() {
  const dirs = [];
  const r = spawnSync('go', ['env', 'GOBIN', 'GOPATH'], { encoding: 'utf8' });
  if (!r.error && r.status === 0) {
    const [gobin, gopath] = r.stdout.split('\n').map((s) => s.trim());
    if (gobin) dirs.push(gobin);
    if (gopath) dirs.push(join(gopath.split(delimiter)[0], 'bin'));
  }
  dirs.push(join(homedir(), 'go', 'bin'));
  return dirs;
}

function opaCandidates() {
  const exe = process.platform === 'win32' ? 'opa.exe' : 'opa';
  const list = [];
  if (process.env.OPA) list.push(process.env.OPA);
  list.push('opa');
  for (const dir of goBinDirs()) list.push(join(dir, exe));
  return [...new Set(list)];
}

function findOpa() {
  const seen = [];
  for (const bin of opaCandidates()) {
    if (bin !== 'opa' && !existsSync(bin)) continue;
    const v = opaVersion(bin);
    if (v === wantedVersion) return { bin };
    if (v) seen.push(`${bin} is ${v}`);
  }
  return { seen };
}

let found = findOpa();
if (!found.bin) {
  process.stderr.write(`build-policies: opa ${wantedVersion} not found${found.seen.length ? ` (${found.seen.join('; ')})` : ''}; running scripts/install-opa.sh\n`);
  const r = spawnSync('bash', [join(REPO_ROOT, 'scripts', 'install-opa.sh')], { stdio: 'inherit' });
  if (r.error || r.status !== 0) fail(`could not install opa ${wantedVersion} (see above)`);
  found = findOpa();
  if (!found.bin) fail(`opa ${wantedVersion} still not found after install-opa.sh; set OPA=/path/to/opa`);
}
const opa = found.bin;

function runOpa(args) {
  try {
    return execFileSync(opa, args, { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    fail(`opa ${args.join(' ')} failed:\n${err.stderr || err.message}`);
  }
}

// ---------------------------------------------------------------------------
// Capabilities: the current OPA language features, but only the builtins that
// @open-policy-agent/opa-wasm can run (natively in Wasm or in its JS shims), so a
// policy using anything else fails here, not at scan time.

const require = createRequire(import.meta.url);
const sdkDir = dirname(dirname(require.resolve('@open-policy-agent/opa-wasm')));
const sdkCaps = JSON.parse(readFileSync(join(sdkDir, 'capabilities.json'), 'utf8'));
const sdkBuiltins = new Set(sdkCaps.builtins.map((b) => b.name));
const currentCaps = JSON.parse(runOpa(['capabilities', '--current']));
const caps = {
  ...currentCaps,
  builtins: currentCaps.builtins.filter((b) => sdkBuiltins.has(b.name)),
  wasm_abi_versions: sdkCaps.wasm_abi_versions,
};

const work = mkdtempSync(join(tmpdir(), 'dancu-guard-policies-'));
try {
  const capsFile = join(work, 'capabilities.json');
  writeFileSync(capsFile, JSON.stringify(caps));
  const bundleFile = join(work, 'bundle.tar.gz');

  // Relative paths and cwd = repo root: file names end up inside the Wasm (error
  // locations), so absolute paths would make the output machine-dependent.
  runOpa([
    'build',
    '-t', 'wasm',
    ...ENTRYPOINTS.flatMap((e) => ['-e', e]),
    '--capabilities', capsFile,
    '--ignore', '*_test.rego',
    '--ignore', '.*',
    '--ignore', 'data', // policies/data is supplied at run time, never baked in
    '--ignore', 'bundle', // our own output
    '-o', bundleFile,
    'policies',
  ]);

  const files = readTarGz(readFileSync(bundleFile));
  const wasm = files.get('policy.wasm');
  if (!wasm) fail(`no policy.wasm in the bundle (entries: ${[...files.keys()].join(', ')})`);
  const bundledData = files.get('data.json');
  if (bundledData && JSON.stringify(JSON.parse(bundledData.toString('utf8'))) !== '{}') {
    fail('the bundle contains data; policy data must be supplied at run time');
  }

  const rules = buildRules(JSON.parse(runOpa(['inspect', '-a', '--format', 'json', bundleFile])));
  await smokeTest(wasm);

  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'policy.wasm'), wasm);
  writeFileSync(join(OUT_DIR, 'rules.json'), `${JSON.stringify(rules, null, 2)}\n`);
  writeFileSync(join(REPO_ROOT, RECORDED_HASH_FILE), `${policySourcesHash()}\n`);
  process.stdout.write(
    `build-policies: opa ${wantedVersion} (${opa}) → policies/bundle/policy.wasm (${wasm.length} bytes), ` +
      `rules.json (${Object.keys(rules).length} rules), sources.sha256\n`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------

/** Regular files of a .tar.gz as name → content (ustar, GNU and PAX long names). */
function readTarGz(gz) {
  const tar = gunzipSync(gz);
  const out = new Map();
  const cstr = (buf) => {
    const end = buf.indexOf(0);
    return buf.toString('utf8', 0, end === -1 ? buf.length : end);
  };
  let offset = 0;
  let longName;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const size = parseInt(cstr(header.subarray(124, 136)).trim() || '0', 8);
    const type = String.fromCharCode(header[156] || 0x30);
    const prefix = cstr(header.subarray(345, 500));
    let name = longName ?? (prefix ? `${prefix}/${cstr(header.subarray(0, 100))}` : cstr(header.subarray(0, 100)));
    longName = undefined;
    const body = tar.subarray(offset + 512, offset + 512 + size);
    if (type === 'L') {
      longName = cstr(body);
    } else if (type === 'x') {
      const path = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'));
      if (path) longName = path[1];
    } else if (type === '0' || type === '\0') {
      name = name.replace(/^(\.?\/)+/, '');
      out.set(name, Buffer.from(body));
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

/** rules.json from `opa inspect -a` output, checked against the contract. */
function buildRules(inspected) {
  const basis = JSON.parse(readFileSync(join(REPO_ROOT, 'policies', 'data', 'basis.json'), 'utf8'));
  const rules = {};
  const problems = [];
  const annotatedDeny = new Map(); // file → count of annotated deny rules
  const typedPackages = new Set(); // packages whose METADATA gives input the facts schema
  for (const entry of inspected.annotations ?? []) {
    const a = entry.annotations ?? {};
    if (a.scope === 'package' && (a.schemas ?? []).some(isFactsInputSchema)) {
      typedPackages.add(`data.${(entry.path ?? []).slice(1).map((p) => p.value).join('.')}`);
    }
    if (a.scope !== 'rule') continue;
    const where = `${entry.location?.file}:${entry.location?.row}`;
    const path = (entry.path ?? []).map((p) => p.value);
    const ruleName = path[path.length - 1];
    if (ruleName === 'deny') annotatedDeny.set(entry.location.file, (annotatedDeny.get(entry.location.file) ?? 0) + 1);
    const c = a.custom ?? {};
    if (!c.id) {
      problems.push(`${where}: rule METADATA without custom.id`);
      continue;
    }
    const text = (v) => (typeof v === 'string' ? v.trim() : '');
    const basisKeys = Array.isArray(c.basis) ? c.basis.map(String) : [];
    const rule = {
      id: c.id,
      title: { en: text(a.title), vi: text(c.title_vi) },
      severity: c.severity,
      category: c.category,
      // Several requirements can cite the same letter: list each document once.
      basis: [...new Set(basisKeys.flatMap((k) => basis[k] ?? []))],
      basisKeys,
      remediation: { en: text(c.remediation_en), vi: text(c.remediation_vi) },
      package: path.slice(1, -1).join('.'),
    };
    if (!RULE_ID.test(rule.id)) problems.push(`${where}: id ${rule.id} is not of the form DG-XXX-000`);
    if (!SEVERITIES.includes(rule.severity)) problems.push(`${where}: ${rule.id} severity "${rule.severity}" is not one of ${SEVERITIES.join(', ')}`);
    if (!CATEGORIES.includes(rule.category)) problems.push(`${where}: ${rule.id} category "${rule.category}" is not one of ${CATEGORIES.join(', ')}`);
    // Only scanner-health rules (category config) may stand on no legal basis.
    if (basisKeys.length === 0 && rule.category !== 'config') problems.push(`${where}: ${rule.id} has no basis`);
    for (const k of basisKeys) if (!Array.isArray(basis[k]) || basis[k].length === 0) problems.push(`${where}: ${rule.id} basis key ${k} is not in policies/data/basis.json`);
    for (const [field, value] of [['title', rule.title.en], ['title_vi', rule.title.vi], ['remediation_en', rule.remediation.en], ['remediation_vi', rule.remediation.vi]]) {
      if (!value) problems.push(`${where}: ${rule.id} has no ${field}`);
    }
    const previous = rules[rule.id];
    if (previous && JSON.stringify(previous) !== JSON.stringify(rule)) problems.push(`${where}: ${rule.id} is declared twice with different metadata`);
    rules[rule.id] = rule;
  }
  // Every `deny contains` rule must carry its METADATA block.
  for (const file of new Set(Object.values(inspected.namespaces ?? {}).flat())) {
    if (!file.endsWith('.rego')) continue;
    const src = readFileSync(join(REPO_ROOT, file.replace(/^\//, '')), 'utf8');
    const denies = (src.match(/^deny contains\b/gm) ?? []).length;
    const annotated = annotatedDeny.get(file) ?? 0;
    if (denies !== annotated) problems.push(`${file}: ${denies} deny rule(s) but ${annotated} with a METADATA block`);
  }
  // Every package is type-checked against the facts schema (opa check --schema).
  for (const [pkg, files] of Object.entries(inspected.namespaces ?? {})) {
    if (!files.some((f) => f.endsWith('.rego'))) continue; // the Wasm entrypoints, data.json
    if (!typedPackages.has(pkg)) {
      problems.push(`${files.join(', ')}: package ${pkg} has no METADATA "schemas: - input: schema.facts" (opa check --schema would not type-check it)`);
    }
  }
  if (Object.keys(rules).length === 0) problems.push('no rule annotations found');
  if (problems.length) fail(`rule metadata problems:\n  ${problems.join('\n  ')}`);
  return Object.fromEntries(Object.keys(rules).sort().map((id) => [id, rules[id]]));
}

/** `schemas: - input: schema.facts` as `opa inspect` reports it. */
function isFactsInputSchema(s) {
  const ref = (terms) => (terms ?? []).map((t) => t.value).join('.');
  return ref(s.path) === 'input' && ref(s.schema) === 'schema.facts';
}

/** Load the Wasm with the SDK the scanner uses and evaluate empty facts. */
async function smokeTest(wasm) {
  const { loadPolicy } = await import('@open-policy-agent/opa-wasm');
  const settings = JSON.parse(readFileSync(join(REPO_ROOT, 'policies', 'data', 'settings.json'), 'utf8'));
  const policy = await loadPolicy(wasm);
  for (const e of ENTRYPOINTS) if (!(e in policy.entrypoints)) fail(`entrypoint ${e} missing from policy.wasm`);
  policy.setData({ settings });
  const facts = { version: 1, repo: { name: 'smoke', binEntries: [] }, files: [], callSites: [], credentials: [], endpoints: [], tlsSettings: [], diagnostics: [] };
  // Both findings entrypoints: nothing on empty facts (the gate judges only `gate` facts).
  for (const e of [ENTRYPOINT, 'dancu/gate/findings']) {
    const result = policy.evaluate(facts, e);
    if (!Array.isArray(result) || result.length !== 1 || !Array.isArray(result[0].result) || result[0].result.length !== 0) {
      fail(`smoke evaluation of empty facts at ${e} returned ${JSON.stringify(result)}`);
    }
  }
  const surface = policy.evaluate(facts, 'dancu/gate/surface');
  const parts = surface?.[0]?.result;
  if (!Array.isArray(surface) || surface.length !== 1 || !['callSites', 'credentials', 'endpoints'].every((k) => Array.isArray(parts?.[k]) && parts[k].length === 0)) {
    fail(`smoke evaluation of empty facts at dancu/gate/surface returned ${JSON.stringify(surface)}`);
  }
}
