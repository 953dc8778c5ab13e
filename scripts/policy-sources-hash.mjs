// The fingerprint of the policy sources that the committed bundle was built from.
//
// `npm run build:policies` records it in policies/bundle/sources.sha256; the test
// suite recomputes it so a stale bundle is caught without OPA installed.
// Covered: every non-test `.rego` file under policies/, policies/data/basis.json
// (rule basis is resolved into rules.json at build time) and policies/OPA_VERSION
// (the compiler version shapes the WebAssembly). Not covered: tests (they do not
// reach the bundle) and policies/data/settings.json (data is supplied at run time).
//
// Usage: node scripts/policy-sources-hash.mjs          print the hash
//        node scripts/policy-sources-hash.mjs --check  exit 1 when the bundle is stale
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const RECORDED_HASH_FILE = 'policies/bundle/sources.sha256';

const EXTRA_SOURCES = ['policies/data/basis.json', 'policies/OPA_VERSION'];

/** Repo-relative, forward-slash paths of the hashed sources, sorted. */
export function policySourceFiles(root = REPO_ROOT) {
  const found = [];
  const walk = (rel) => {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== 'bundle' && !entry.name.startsWith('.')) walk(child);
      } else if (entry.isFile() && entry.name.endsWith('.rego') && !entry.name.endsWith('_test.rego')) {
        found.push(child);
      }
    }
  };
  walk('policies');
  return [...found, ...EXTRA_SOURCES].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * sha256 over "<path>\0<sha256 of content>\n" for each source in order. Content has
 * CRLF normalised to LF so a Windows checkout hashes the same.
 */
export function policySourcesHash(root = REPO_ROOT) {
  const outer = createHash('sha256');
  for (const rel of policySourceFiles(root)) {
    const content = readFileSync(join(root, rel), 'utf8').replace(/\r\n/g, '\n');
    const inner = createHash('sha256').update(content, 'utf8').digest('hex');
    outer.update(`${rel}\0${inner}\n`, 'utf8');
  }
  return outer.digest('hex');
}

/** The hash recorded by the last build, or undefined when there is none. */
export function recordedPolicySourcesHash(root = REPO_ROOT) {
  try {
    return readFileSync(join(root, RECORDED_HASH_FILE), 'utf8').trim().split(/\s+/)[0];
  } catch {
    return undefined;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const current = policySourcesHash();
  if (process.argv.includes('--check')) {
    const recorded = recordedPolicySourcesHash();
    if (recorded !== current) {
      process.stderr.write(
        `policy bundle is stale: ${RECORDED_HASH_FILE} has ${recorded ?? '(missing)'}, sources hash to ${current}; run \`npm run build:policies\`\n`,
      );
      process.exit(1);
    }
    process.stdout.write(`policy bundle is fresh (${current})\n`);
  } else {
    process.stdout.write(`${current}\n`);
  }
}
