// Hostile trees for issue 10, shared by the adversarial suite (test/adversarial/*.test.ts)
// and the benchmark (`npm run bench -- --hostile`, which times each against its budget).
//
// Each case writes a small repository that an attacker (a contractor) could commit. The
// tests assert the promise (no pass on a violation, no secret in clear); the benchmark
// prints the time. Synthetic values only: no real ID, name or credential.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Bytes in a "200 KB single line". */
export const LINE_BYTES = 200 * 1024;
/** Terms in a "100k-term concatenation". */
export const CONCAT_TERMS = 100_000;

export const DB_URL = 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan';
/** A synthetic secret: reports must never show it whole. */
export const SECRET = 'Zq8vN3pLkT5wRx2YsyntH';

/** `unit` repeated to `bytes` (cut to length). */
export function repeatTo(unit, bytes = LINE_BYTES) {
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

/** A stand-alone lookup tool in JavaScript (package.json bin): DG-TOOL-001 when analysed. */
export function jsTool(extra = '') {
  return `#!/usr/bin/env node
const axios = require('axios');
const DANCU_ENDPOINT = '${DB_URL}';
${extra}
async function main(ids) {
  for (const soDinhDanh of ids) {
    const { data } = await axios.post(DANCU_ENDPOINT, { SoDinhDanh: soDinhDanh });
    console.log(data);
  }
}
main(process.argv.slice(2));
`;
}

export const TOOL_PACKAGE = JSON.stringify({ name: 'hostile', version: '1.0.0', bin: { 'tra-cuu': 'tools/tool.js' }, dependencies: { axios: '1.7.0' } });

/** A Python lookup tool (a shebang and a loop): DG-TOOL-001 when analysed. */
export function pyTool(extra = '', coding = '') {
  return `#!/usr/bin/env python3
${coding}import requests
DANCU_URL = "${DB_URL}"
${extra}
def main(ids):
    for so_dinh_danh in ids:
        r = requests.post(DANCU_URL, json={"SoDinhDanh": so_dinh_danh})
        print(r.json())
`;
}

/** A Java lookup tool with a `main`: DG-TOOL-001 when analysed. */
export function javaTool(extra = '') {
  return `import java.net.HttpURLConnection;
import java.net.URL;
import java.util.List;

public class TraCuu {
    ${extra}
    public static void main(String[] args) throws Exception {
        for (String soDinhDanh : List.of(args)) {
            HttpURLConnection con = (HttpURLConnection) new URL("${DB_URL}?SoDinhDanh=" + soDinhDanh).openConnection();
            System.out.println(con.getResponseCode());
        }
    }
}
`;
}

const concat = (n, quote) => Array.from({ length: n }, (_, i) => `${quote}p${i}${quote}`).join(' + ');

/** Windows-1258: â ê ô ă ơ ư precomposed, tones as combining marks. */
export function cp1258(text) {
  const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
  const MAP = new Map([
    ['\u0300', 0xcc], ['\u0301', 0xec], ['\u0303', 0xde], ['\u0309', 0xd2], ['\u0323', 0xf2],
    ['Ă', 0xc3], ['ă', 0xe3], ['Â', 0xc2], ['â', 0xe2], ['Ê', 0xca], ['ê', 0xea], ['Ô', 0xd4], ['ô', 0xf4],
    ['Ơ', 0xd5], ['ơ', 0xf5], ['Ư', 0xdd], ['ư', 0xfd], ['Đ', 0xd0], ['đ', 0xf0],
  ]);
  const out = [];
  for (const ch of text.normalize('NFC')) {
    const d = ch.normalize('NFD');
    const base = d.replace(TONES, '').normalize('NFC');
    const tones = d.match(TONES) ?? [];
    for (const c of [...base, ...tones]) {
      const code = c.codePointAt(0);
      if (code < 0x80) out.push(code);
      else if (MAP.has(c)) out.push(MAP.get(c));
      else if (code <= 0xff) out.push(code);
      else out.push(0x3f);
    }
  }
  return Buffer.from(out);
}

const utf16le = (t) => Buffer.from(t, 'utf16le');
const utf32le = (t) => {
  const cps = [...t].map((c) => c.codePointAt(0));
  const b = Buffer.alloc(cps.length * 4);
  cps.forEach((cp, i) => b.writeUInt32LE(cp, i * 4));
  return b;
};

/**
 * The cases. `owner`: who fixes it — `robust` (this branch: fail closed, nothing in
 * clear, bounded time), `trust-config` (another branch: trusted configuration, PR-mode
 * weakening, CI surfaces; those cases pass once both branches land), `approvals` (signed
 * approvals, landed). `budget`: seconds the benchmark allows (DoS cases). `expect`:
 * what the tests assert — `blocks` (verdict fail at --fail-on high, with `rules` among
 * the findings), `noClear` (the secret never whole in any output).
 */
export const CASES = [
  // ---- Fail-open --------------------------------------------------------------------
  { id: 'ts-800-parens', section: 'fail-open', owner: 'robust', budget: 2, expect: { blocks: true, rules: ['DG-TOOL-001', 'DG-CFG-004'] },
    files: () => ({ 'package.json': TOOL_PACKAGE, 'tools/tool.js': jsTool(`const x = ${'('.repeat(800)}1${')'.repeat(800)};`) }) },
  { id: 'ts-plus-chain', section: 'fail-open', owner: 'robust', budget: 2, expect: { blocks: true, rules: ['DG-TOOL-001'] },
    files: () => ({ 'package.json': TOOL_PACKAGE, 'tools/tool.js': jsTool(`const s = ${concat(20_000, "'")};`) }) },
  { id: 'ts-then-chain', section: 'fail-open', owner: 'robust', budget: 2, expect: { blocks: true, rules: ['DG-TOOL-001'] },
    files: () => ({ 'package.json': TOOL_PACKAGE, 'tools/tool.js': jsTool(`const p = Promise.resolve(0)${'.then((v) => v + 1)'.repeat(10_000)};`) }) },
  { id: 'ts-else-if-ladder', section: 'fail-open', owner: 'robust', budget: 2, expect: { blocks: true, rules: ['DG-TOOL-001'] },
    files: () => ({ 'package.json': TOOL_PACKAGE, 'tools/tool.js': jsTool(`function pick(a) {\n  if (a === 0) return 0;\n${Array.from({ length: 20_000 }, (_, i) => `  else if (a === ${i + 1}) return ${i};`).join('\n')}\n}`) }) },
  { id: 'py-latin1-coding-line', section: 'fail-open', owner: 'robust', expect: { blocks: true, rules: ['DG-TOOL-001'] },
    files: () => ({ 'tools/tra_cuu.py': Buffer.from(pyTool('# Nguy\u00e9n V\u00e3n A, H\u00e0 N\u00f4i\nTEN = "Jos\u00e9"', '# -*- coding: latin-1 -*-\n'), 'latin1') }) },
  { id: 'properties-iso-8859-1', section: 'fail-open', owner: 'robust', expect: { blocks: true, rules: ['DG-CRED-002'] },
    files: () => ({ 'src/main/resources/dancu.properties': Buffer.from(`# C\u00e2u h\u00ecnh k\u1ebft n\u1ed1i\nten.don.vi=S\u00f4 Th\u00f4ng tin\ndancu.password=${SECRET}\n`.normalize('NFC').replace(/[^\u0000-\u00ff]/g, '?'), 'latin1') }) },
  { id: 'windows-1258-vietnamese', section: 'fail-open', owner: 'robust', expect: { blocks: true, rules: ['DG-TOOL-001'] },
    files: () => ({ 'package.json': TOOL_PACKAGE, 'tools/tool.js': cp1258(jsTool('// Tra cứu thông tin công dân hàng loạt: Hà Nội, Đà Nẵng, Thừa Thiên Huế\n// người dùng nhập danh sách số định danh cá nhân')) }) },
  { id: 'js-nul-comment', section: 'fail-open', owner: 'robust', expect: { blocks: true, rules: ['DG-CFG-004'] },
    files: () => ({ 'package.json': TOOL_PACKAGE, 'tools/tool.js': Buffer.concat([Buffer.from('/*'), Buffer.alloc(64 * 1024, 0), Buffer.from('*/\n'), Buffer.from(jsTool())]) }) },
  { id: 'utf16-without-bom', section: 'fail-open', owner: 'robust', expect: { blocks: true, rules: ['DG-TOOL-001'] },
    files: () => ({ 'package.json': TOOL_PACKAGE, 'tools/tool.js': utf16le(jsTool()) }) },
  { id: 'utf32-with-bom', section: 'fail-open', owner: 'robust', expect: { blocks: true, rules: ['DG-TOOL-001'] },
    files: () => ({ 'package.json': TOOL_PACKAGE, 'tools/tool.js': Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32le(jsTool())]) }) },
  { id: 'padded-past-size-limit', section: 'fail-open', owner: 'robust', expect: { blocks: true, rules: ['DG-CFG-004'] },
    files: () => ({ 'package.json': TOOL_PACKAGE, 'tools/tool.js': `${jsTool()}//${'x'.repeat(2 * 1024 * 1024)}\n` }) },
  { id: 'undecodable', section: 'fail-open', owner: 'robust', expect: { blocks: true, rules: ['DG-CFG-004'] },
    files: () => ({ 'tools/tra_cuu.py': Buffer.concat([Buffer.from('# -*- coding: x-unknown-8 -*-\n'), Buffer.from(pyTool().replace('import', '\xff\xfe import'), 'latin1')]) }) },
  { id: 'java-deep-concatenation', section: 'fail-open', owner: 'robust', budget: 10, expect: { blocks: true, rules: ['DG-TOOL-001'] },
    files: () => ({ 'tools/TraCuu.java': javaTool(`static final String S = ${concat(CONCAT_TERMS, '"')};`) }) },
  { id: 'python-deep-concatenation', section: 'fail-open', owner: 'robust', budget: 10, expect: { blocks: true, rules: ['DG-TOOL-001'] },
    files: () => ({ 'tools/tra_cuu.py': pyTool(`S = ${concat(CONCAT_TERMS, '"')}`) }) },

  // ---- A secret in clear ------------------------------------------------------------
  { id: 'curl-user-secret-in-config', section: 'secret', owner: 'robust', expect: { blocks: true, rules: ['DG-TLS-002'], noClear: true },
    files: () => ({ '.env': `HEALTHCHECK=curl -u svc_dancu:${SECRET} -k ${DB_URL}\n`, 'k8s/job.yaml': `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: sync\nspec:\n  template:\n    spec:\n      containers:\n        - name: sync\n          image: curlimages/curl\n          env:\n            - name: SYNC_CMD\n              value: "curl -u svc_dancu:${SECRET} --insecure ${DB_URL}"\n` }) },
  { id: 'url-password-with-hash-and-question-mark', section: 'secret', owner: 'robust', expect: { blocks: true, noClear: true, secrets: ['pa#' + SECRET, 'pa?' + SECRET] },
    files: () => ({ '.env': `DANCU_URL=https://svc:pa#${SECRET}@lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSe\nDANCU_BACKUP=https://svc:pa?${SECRET}@lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSe\n` }) },

  // ---- Denial of service (200 KB single lines, 100k terms) ---------------------------
  ...[
    ['conn-string-password', 'X=', 'Server=x;Password='],
    ['c06-prefix', 'C06_KEY=', 'C06_'],
    ['token-word', 'A=', 'token'],
    ['curl-word', 'CMD=', 'curl '],
    ['password-assign', 'A=', 'password='],
    ['url-userinfo', 'A=', 'https://a:b@'],
    ['authorization-basic', 'A=', 'Authorization: Basic '],
    ['jwt-prefix', 'A=', 'eyJ'],
    ['pem-header', 'A=', '-----BEGIN PRIVATE KEY-----'],
    ['quotes', 'A=', `"'`],
    ['placeholders', 'A=', '${'],
    ['jdbc', 'A=', 'jdbc:'],
  ].flatMap(([name, prefix, unit]) => [
    { id: `line-${name}-env`, section: 'dos', owner: 'robust', budget: 2, files: () => ({ '.env': `${prefix}${repeatTo(unit)}\n` }) },
    { id: `line-${name}-js`, section: 'dos', owner: 'robust', budget: 2, files: () => ({ 'src/a.js': `const a = "${repeatTo(unit).replace(/["\\\n]/g, ' ')}";\n` }) },
  ]),
  { id: 'sensitive-keys-redos', section: 'dos', owner: 'robust', budget: 2, expect: { rules: ['DG-CRED-002'] },
    files: () => ({ '.dancu-guard.yml': 'version: 1\nsensitiveKeys: ["(a+)+$"]\n', '.env': `${'a'.repeat(40)}!=x\nDANCU_PASSWORD=${SECRET}\n` }) },
  { id: 'hundred-endpoint-patterns', section: 'dos', owner: 'robust', budget: 2, expect: { blocks: true, rules: ['DG-TOOL-001'] },
    files: () => ({
      '.dancu-guard.yml': `version: 1\nendpoints:\n${Array.from({ length: 100 }, (_, i) => `  - '(?i)gw-${i}\\.tinh-mau\\.gov\\.vn/api'`).join('\n')}\n`,
      'package.json': TOOL_PACKAGE,
      'tools/tool.js': jsTool(),
    }) },
];

/** Write `files` under `root` (forward-slash relative paths). */
export function writeTree(root, files) {
  for (const [rel, content] of Object.entries(files)) {
    const abs = join(root, ...rel.split('/'));
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return root;
}
