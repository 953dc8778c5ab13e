/**
 * Per-format reading of YAML documents into config entries:
 *
 * - k8s: container `env[].name/value` anywhere (Deployment, StatefulSet, DaemonSet, Job,
 *   CronJob, Pod, initContainers…) → `k8s-env` (`valueFrom` is a reference: nothing);
 *   `Secret` `data` (base64-decoded, `decoded: true`) and `stringData` → `k8s-secret`
 *   (every value a candidate); `ConfigMap` `data` → `k8s-configmap`. A `data` entry that
 *   is a whole config file (`application.properties: |`, `.env`, `.yml`, `.json`) is read
 *   as that file, with its lines mapped back. `List` items are read one by one. Other
 *   leaves (CRDs…) → `config`; `metadata`, `status` and SealedSecret `encryptedData`
 *   are skipped.
 * - helm-values → `helm-values`; compose → `compose-env` (environment as map or
 *   `KEY=VALUE` list, build args too); github-workflow → `workflow-env`; spring →
 *   `spring`; other YAML → `config` (or k8s when the document has `apiVersion` + `kind`).
 */
import type { ConfigFormat, CredentialSource } from '../../../facts/types.js';
import { jsonEntries, parseJson } from '../json.js';
import { parseDotenv } from '../dotenv.js';
import { parseProperties } from '../properties.js';
import type { ConfigEntry, ParsedKV } from '../entries.js';
import { mapGet, parseYaml, scalarText, walkLeaves, type Leaf, type PNode, type PScalar, type Seg, type WalkOptions } from './tree.js';

function leafEntry(leaf: Leaf, source: CredentialSource): ConfigEntry | undefined {
  const n = leaf.node;
  if (n.value === null) return undefined;
  const e: ConfigEntry = { key: leaf.key, value: n.value, line: n.line, column: n.column, source, group: leaf.group };
  if (n.blockLiteral) e.contentLine = n.line + 1;
  return e;
}

function entriesOf(leaves: readonly Leaf[], sourceFor: (leaf: Leaf) => CredentialSource): ConfigEntry[] {
  const out: ConfigEntry[] = [];
  for (const leaf of leaves) {
    const e = leafEntry(leaf, sourceFor(leaf));
    if (e) out.push(e);
  }
  return out;
}

function leavesToEntries(root: PNode, opts: WalkOptions, sourceFor: (leaf: Leaf) => CredentialSource): ConfigEntry[] {
  return entriesOf(walkLeaves(root, opts), sourceFor);
}

// ---------------------------------------------------------------------------
// Kubernetes

const K8S_SKIP = new Set(['metadata', 'status', 'encryptedData']);
const k8sWalk: WalkOptions = {
  sep: '.',
  skip: (path: readonly Seg[]) => {
    const last = path[path.length - 1];
    return typeof last === 'string' && K8S_SKIP.has(last);
  },
};

function decodeBase64(value: string): string | undefined {
  const compact = value.replace(/\s+/g, '');
  if (compact.length === 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) return undefined;
  const buf = Buffer.from(compact, 'base64');
  const text = buf.toString('utf8');
  // Binary (keystores, DER keys) stays as written.
  if (text.includes('\uFFFD') || /[\x00-\x08\x0E-\x1F\x7F]/.test(text)) return undefined;
  return text;
}

/** A `data` value that is a whole config file, read as that file. */
function embeddedEntries(
  dataKey: string,
  value: string,
  node: PScalar,
  source: CredentialSource,
  decoded: boolean | undefined,
): ConfigEntry[] | undefined {
  const ext = /\.(properties|env|ya?ml|json)$/i.exec(dataKey)?.[1]?.toLowerCase();
  if (!ext && dataKey !== '.env') return undefined;
  // Inner lines map onto the file's lines only for a `|` block written in clear.
  const mapLine = (inner: number): number => (!decoded && node.blockLiteral ? node.line + inner : node.line);
  const entry = (key: string, value: string, innerLine: number): ConfigEntry => {
    const e: ConfigEntry = { key, value, line: mapLine(innerLine), source };
    if (decoded !== undefined) e.decoded = decoded;
    return e;
  };
  const fromKV = (kvs: ParsedKV[]): ConfigEntry[] => kvs.map((kv) => entry(kv.key, kv.value, kv.line));
  try {
    if (ext === 'properties') return fromKV(parseProperties(value).entries);
    if (ext === 'env' || dataKey === '.env') return fromKV(parseDotenv(value).entries);
    if (ext === 'json') {
      const root = parseJson(value);
      return root ? jsonEntries(root, source, '.').map((e) => entry(e.key, e.value, e.line)) : [];
    }
    const parsed = parseYaml(value, '');
    if (parsed.diagnostics.length > 0) return undefined;
    return parsed.docs.flatMap((doc) =>
      leavesToEntries(doc, { sep: '.' }, () => source).map((e) => entry(e.key, e.value, e.line)),
    );
  } catch {
    return undefined;
  }
}

function dataEntries(data: PNode | undefined, source: CredentialSource, base64: boolean, forceSensitive: boolean): ConfigEntry[] {
  if (data?.type !== 'map') return [];
  const out: ConfigEntry[] = [];
  for (const p of data.pairs) {
    const n = p.value;
    if (n?.type !== 'scalar' || n.value === null) continue;
    let value = n.value;
    let decoded: boolean | undefined;
    if (base64) {
      const d = decodeBase64(n.value);
      decoded = d !== undefined;
      if (d !== undefined) value = d;
    }
    const inner = embeddedEntries(p.key, value, n, source, decoded);
    if (inner && inner.length > 0) {
      for (const e of inner) out.push(e);
      continue;
    }
    const e: ConfigEntry = { key: p.key, value, line: n.line, column: n.column, source, group: 'data' };
    if (forceSensitive) e.forceSensitive = true;
    if (decoded !== undefined) e.decoded = decoded;
    if (n.blockLiteral && !decoded) e.contentLine = n.line + 1;
    out.push(e);
  }
  return out;
}

function k8sEntries(root: PNode): ConfigEntry[] {
  const kind = scalarText(mapGet(root, 'kind'));
  if (kind === 'List' || kind?.endsWith('List')) {
    const items = mapGet(root, 'items');
    if (items?.type === 'seq') return items.items.flatMap((item) => (item ? k8sEntries(item) : []));
  }
  if (kind === 'Secret') {
    return [
      ...dataEntries(mapGet(root, 'data'), 'k8s-secret', true, true),
      ...dataEntries(mapGet(root, 'stringData'), 'k8s-secret', false, true),
    ];
  }
  if (kind === 'ConfigMap') return dataEntries(mapGet(root, 'data'), 'k8s-configmap', false, false);
  return leavesToEntries(root, k8sWalk, k8sSource);
}

function k8sSource(leaf: Leaf): CredentialSource {
  return leaf.envStyle && leaf.parent.some((s) => s === 'env') ? 'k8s-env' : 'config';
}

function looksLikeK8sDoc(root: PNode): boolean {
  return scalarText(mapGet(root, 'apiVersion')) !== undefined && scalarText(mapGet(root, 'kind')) !== undefined;
}

// ---------------------------------------------------------------------------

const COMPOSE_LISTS = new Set(['environment', 'args']);

/** The source a format gives its plain leaves. */
const FORMAT_SOURCE: Partial<Record<ConfigFormat, CredentialSource>> = {
  'helm-values': 'helm-values',
  compose: 'compose-env',
  'github-workflow': 'workflow-env',
  spring: 'spring',
};

/**
 * Config entries of leaves read line by line from a template that does not parse
 * (./lines.ts): Kubernetes `env` entries keep their source, other leaves take the
 * format's. `metadata` and `status` are skipped as in parsed manifests.
 */
export function templateEntries(leaves: readonly Leaf[], format: ConfigFormat | undefined): ConfigEntry[] {
  const kept = leaves.filter((l) => !l.parent.some((s) => typeof s === 'string' && K8S_SKIP.has(s)));
  const fixed = format ? FORMAT_SOURCE[format] : undefined;
  return entriesOf(kept, (leaf) => fixed ?? k8sSource(leaf));
}

/** Config entries of one parsed YAML document, read as `format`. */
export function yamlEntries(root: PNode, format: ConfigFormat | undefined): ConfigEntry[] {
  switch (format) {
    case 'k8s':
      return k8sEntries(root);
    case 'helm-values':
      return leavesToEntries(root, { sep: '.' }, () => 'helm-values');
    case 'compose':
      return leavesToEntries(root, { sep: '.', splitLists: COMPOSE_LISTS }, () => 'compose-env');
    case 'github-workflow':
      return leavesToEntries(root, { sep: '.' }, () => 'workflow-env');
    case 'spring':
      return leavesToEntries(root, { sep: '.' }, () => 'spring');
    default:
      if (looksLikeK8sDoc(root)) return k8sEntries(root);
      return leavesToEntries(root, { sep: '.' }, () => 'config');
  }
}
