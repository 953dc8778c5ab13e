/**
 * Signed approvals with real Ed25519 keys (node:crypto), no mocks: the DSSE
 * pre-authentication encoding against bytes built by hand, keygen, approve → gate
 * (passes only with the province's key), and every way an approval must not count:
 * no trust key (DG-GATE-011), an altered payload, another key, another fingerprint,
 * another notice, a truncated or garbage file (DG-GATE-012/013); key rotation.
 */
import { spawnSync } from 'node:child_process';
import { createHash, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { approveCommand } from '../../src/cli/commands/approve.js';
import { keygenCommand } from '../../src/cli/commands/keygen.js';
import { factsErrors } from '../../src/facts/validate.js';
import { approve, type ApproveOptions } from '../../src/gate/attest/approve.js';
import { pae, parseEnvelope, signEnvelope, verifyEnvelope } from '../../src/gate/attest/dsse.js';
import { generateApprovalKeyPair, keyIdOf, parsePrivateKey, writeKeyPair } from '../../src/gate/attest/keys.js';
import { PAYLOAD_TYPE, PREDICATE_TYPE, STATEMENT_TYPE } from '../../src/gate/attest/statement.js';
import { runGate, type GateOptions } from '../../src/gate/run.js';
import { UsageError } from '../../src/util/errors.js';
import { captureOutput } from '../helpers/capture.js';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const BIN = join(__dirname, '..', '..', 'bin', 'dancu-guard.js');
const FP = 'sha256:6f71e0231a2e49c39a76b40f8db7a96abac7878732e663c3602fb21862ff5729';
const ATTESTATION = join('dancu-approvals', '6f71e0231a2e49c3.dsse.json');
const temps: string[] = [];

function tmp(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), `dg-attest-${prefix}-`));
  temps.push(d);
  return d;
}

afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

/** A copy of the approved example without its committed attestation. */
function repo(): string {
  const dir = tmp('repo');
  cpSync(join(EXAMPLES, 'gate-approved'), dir, { recursive: true });
  rmSync(join(dir, 'dancu-approvals'), { recursive: true, force: true });
  return dir;
}

/** A province key pair on disk. */
function keys(name = 'province'): { priv: string; pub: string; keyid: string } {
  const dir = tmp(`keys-${name}`);
  const pair = generateApprovalKeyPair();
  writeKeyPair(pair, join(dir, `${name}.key`), join(dir, `${name}.pub`), false);
  return { priv: join(dir, `${name}.key`), pub: join(dir, `${name}.pub`), keyid: pair.keyid };
}

/** The province approves notice 123/STTTT-CNTT of the approved example. */
function approveExample(dir: string, key: string, over: Partial<ApproveOptions> = {}) {
  return approve({ path: dir, keyPath: key, notice: '123/STTTT-CNTT', reference: '456/TCT-DA06', date: '2026-10-20', ...over });
}

async function gate(opts: Omit<GateOptions, 'deployDate'>) {
  const r = await runGate({ deployDate: '2026-12-01', ...opts });
  // the gate's rules (a garbage file is also a scan finding: DG-CFG-*)
  return { ...r, rules: r.findings.map((f) => f.ruleId).filter((id) => id.startsWith('DG-GATE-')).sort() };
}

/** Rewrite the statement inside an envelope file, keeping its signature. */
function tamper(file: string, fn: (statement: Record<string, any>) => void): void {
  const env = JSON.parse(readFileSync(file, 'utf8')) as { payload: string };
  const statement = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8')) as Record<string, any>;
  fn(statement);
  env.payload = Buffer.from(JSON.stringify(statement)).toString('base64');
  writeFileSync(file, JSON.stringify(env, null, 2));
}

// ---------------------------------------------------------------------------------

describe('DSSE', () => {
  it('PAE is "DSSEv1" SP len(type) SP type SP len(body) SP body, lengths in bytes', () => {
    // The DSSE specification's example, byte for byte.
    const expected = Buffer.from('DSSEv1 29 http://example.com/HelloWorld 11 hello world', 'ascii');
    expect(pae('http://example.com/HelloWorld', Buffer.from('hello world'))).toEqual(expected);
    // Lengths count UTF-8 bytes, not characters: "Đề án" is 5 characters, 9 bytes.
    const body = Buffer.from('Đề án', 'utf8');
    expect(body.length).toBe(9);
    const byHand = Buffer.concat([
      Buffer.from([0x44, 0x53, 0x53, 0x45, 0x76, 0x31, 0x20]), // "DSSEv1 "
      Buffer.from('28 application/vnd.in-toto+json 9 ', 'ascii'),
      body,
    ]);
    expect(pae(PAYLOAD_TYPE, body)).toEqual(byHand);
    expect(pae('', Buffer.alloc(0)).toString('ascii')).toBe('DSSEv1 0  0 ');
  });

  it('a signature made by hand over the PAE bytes verifies; over the bare payload it does not', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const keyid = keyIdOf(publicKey);
    const payload = Buffer.from('{"_type":"x"}');
    const message = Buffer.from(`DSSEv1 ${PAYLOAD_TYPE.length} ${PAYLOAD_TYPE} ${payload.length} {"_type":"x"}`, 'utf8');
    const envelope = (sig: Buffer) =>
      parseEnvelope(JSON.stringify({ payloadType: PAYLOAD_TYPE, payload: payload.toString('base64'), signatures: [{ keyid, sig: sig.toString('base64') }] }));
    const trusted = new Map([[keyid, publicKey]]);
    expect(verifyEnvelope(envelope(sign(null, message, privateKey)), trusted)).toEqual({ status: 'valid', keyid });
    expect(verifyEnvelope(envelope(sign(null, payload, privateKey)), trusted)).toEqual({ status: 'bad-signature', keyid });
    // signEnvelope agrees with the hand-made signature (Ed25519 is deterministic)
    expect(signEnvelope(PAYLOAD_TYPE, payload, privateKey, keyid).signatures[0]!.sig).toBe(sign(null, message, privateKey).toString('base64'));
  });

  it('the key id is the SHA-256 of the SPKI DER; a key id is only a hint', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const der = publicKey.export({ type: 'spki', format: 'der' });
    expect(keyIdOf(publicKey)).toBe(createHash('sha256').update(der).digest('hex'));
    expect(keyIdOf(privateKey)).toBe(keyIdOf(publicKey));
    const signed = signEnvelope(PAYLOAD_TYPE, Buffer.from('{}'), privateKey, 'not-the-real-id');
    // verified with the trusted key whatever keyid says
    expect(verifyEnvelope(parseEnvelope(JSON.stringify(signed)), new Map([[keyIdOf(publicKey), publicKey]]))).toMatchObject({ status: 'valid' });
    // an unknown key: untrusted, with the claimed id
    const other = generateKeyPairSync('ed25519').publicKey;
    expect(verifyEnvelope(parseEnvelope(JSON.stringify(signed)), new Map([[keyIdOf(other), other]]))).toEqual({ status: 'untrusted-key', keyids: ['not-the-real-id'] });
  });

  it('parses strictly and never quotes the input', () => {
    const bad = (text: string) => {
      try {
        parseEnvelope(text);
      } catch (err) {
        return `${(err as { code: string }).code}: ${(err as Error).message}`;
      }
      return 'parsed';
    };
    expect(bad('{"payloadType": "x", "payload": "SECRETSECRET')).toBe('not-json: it ends too early');
    expect(bad('{"payloadType": SECRETSECRET}')).toMatch(/^not-json: syntax error( at character 16)?$/);
    expect(bad('[]')).toBe('not-envelope: the file is not a JSON object');
    expect(bad('{"payloadType":"x","payload":"e30=","signatures":[]}')).toBe('no-signatures: "signatures" is empty');
    expect(bad('{"payloadType":"x","payload":"e30=!","signatures":[{"sig":"AA=="}]}')).toBe('base64: "payload" is not base64');
    expect(bad('{"payloadType":"x","payload":"e30=","signatures":[{"sig":5}]}')).toBe('not-envelope: "signatures[0].sig" is missing or not a string');
    expect(bad('{"payloadType":"x","payload":"e30","signatures":[{"sig":"AA"}]}')).toBe('parsed'); // URL-safe, unpadded
  });
});

describe('keygen', () => {
  const io = captureOutput();

  it('writes a PKCS#8 private key (0600) and an SPKI public key, prints the key id, never overwrites without --force', () => {
    const dir = join(tmp('keygen'), 'keys');
    expect(keygenCommand({ out: dir })).toBe(0);
    const keyid = /key id:\s+([0-9a-f]{64})/.exec(io.out)![1]!;
    const priv = join(dir, `dancu-approval-${keyid.slice(0, 16)}.key`);
    const pub = join(dir, `dancu-approval-${keyid.slice(0, 16)}.pub`);
    expect(readFileSync(priv, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(readFileSync(pub, 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(io.out).not.toContain('BEGIN PRIVATE KEY');
    if (process.platform !== 'win32') {
      expect(statSync(priv).mode & 0o777).toBe(0o600);
      expect(statSync(pub).mode & 0o777).toBe(0o644);
    }
    const der = createPublicKey(readFileSync(pub, 'utf8')).export({ type: 'spki', format: 'der' });
    expect(createHash('sha256').update(der).digest('hex')).toBe(keyid);

    // --private/--public: existing files are kept unless --force
    const before = readFileSync(priv, 'utf8');
    expect(() => keygenCommand({ private: priv, public: join(dir, 'new.pub') })).toThrow(/already exists: not overwritten \(pass --force/);
    expect(readFileSync(priv, 'utf8')).toBe(before);
    expect(existsSync(join(dir, 'new.pub'))).toBe(false);
    expect(keygenCommand({ private: priv, public: pub, force: true })).toBe(0);
    expect(readFileSync(priv, 'utf8')).not.toBe(before);
    if (process.platform !== 'win32') expect(statSync(priv).mode & 0o777).toBe(0o600);
  });

  it('rejects incomplete or conflicting destinations', () => {
    expect(() => keygenCommand({})).toThrow(UsageError);
    expect(() => keygenCommand({ private: 'a.key' })).toThrow('--private and --public go together');
    expect(() => keygenCommand({ out: 'x', private: 'a', public: 'b' })).toThrow('not both');
    expect(() => keygenCommand({ private: 'same', public: 'same' })).toThrow('the same file');
  });

  it('encrypts the private key with --passphrase-env; approve needs the passphrase', async () => {
    const dir = tmp('enc');
    process.env.DG_TEST_PASS = 'mật khẩu giả lập 2026';
    try {
      expect(keygenCommand({ private: join(dir, 'p.key'), public: join(dir, 'p.pub'), passphraseEnv: 'DG_TEST_PASS' })).toBe(0);
    } finally {
      delete process.env.DG_TEST_PASS;
    }
    const pem = readFileSync(join(dir, 'p.key'), 'utf8');
    expect(pem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    expect(() => parsePrivateKey(pem, 'p.key')).toThrow('p.key is encrypted: give its passphrase with --passphrase-env VAR');
    expect(() => parsePrivateKey(pem, 'p.key', 'wrong')).toThrow('cannot decrypt p.key: wrong passphrase?');
    expect(parsePrivateKey(pem, 'p.key', 'mật khẩu giả lập 2026').asymmetricKeyType).toBe('ed25519');
    expect(() => keygenCommand({ out: dir, passphraseEnv: 'DG_TEST_UNSET' })).toThrow('the environment variable DG_TEST_UNSET is not set or empty');
  });
});

describe('approve → gate', () => {
  it('the approval counts with the province key: an in-toto statement in a DSSE envelope beside the declaration', async () => {
    const dir = repo();
    const k = keys();
    const r = await approveExample(dir, k.priv, { approver: 'Tổ Công tác Đề án 06 tỉnh Mẫu (giả lập)' });
    expect(r.written).toBe(join(dir, ATTESTATION));
    expect(r.warnings.map(String)).toEqual([]);
    const env = JSON.parse(readFileSync(join(dir, ATTESTATION), 'utf8')) as { payloadType: string; payload: string; signatures: Array<{ keyid: string; sig: string }> };
    expect(Object.keys(env).sort()).toEqual(['payload', 'payloadType', 'signatures']);
    expect(env.payloadType).toBe('application/vnd.in-toto+json');
    expect(env.signatures).toHaveLength(1);
    expect(env.signatures[0]!.keyid).toBe(k.keyid);
    const statement = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8')) as Record<string, unknown>;
    expect(statement).toEqual({
      _type: STATEMENT_TYPE,
      subject: [{ name: 'dancu-integration', digest: { sha256: FP.slice(7) } }],
      predicateType: PREDICATE_TYPE,
      predicate: {
        fingerprint: FP,
        notice: { reference: '123/STTTT-CNTT', submitted: '2026-10-01', goLive: '2026-11-30' },
        approval: { reference: '456/TCT-DA06', date: '2026-10-20' },
        approver: 'Tổ Công tác Đề án 06 tỉnh Mẫu (giả lập)',
      },
    });
    // the signature is over the PAE of exactly these payload bytes, by the province key
    const payload = Buffer.from(env.payload, 'base64');
    const message = Buffer.concat([Buffer.from(`DSSEv1 28 application/vnd.in-toto+json ${payload.length} `), payload]);
    const { verify } = await import('node:crypto');
    expect(verify(null, message, createPublicKey(readFileSync(k.pub, 'utf8')), Buffer.from(env.signatures[0]!.sig, 'base64'))).toBe(true);

    const g = await gate({ path: dir, trustKeys: [k.pub] });
    expect(g.findings).toEqual([]);
    expect(g.blocked).toBe(false);
    expect(g.gate.approvals).toMatchObject({ trustKeys: [k.keyid], allowUnsigned: false, directory: 'dancu-approvals' });
    expect(g.gate.approvals.attestations).toEqual([
      expect.objectContaining({ file: 'dancu-approvals/6f71e0231a2e49c3.dsse.json', status: 'valid', keyid: k.keyid }),
    ]);
    expect(factsErrors({ ...g.analysis.scan.facts, gate: g.gate })).toEqual([]);
    // the attestation is scanned like any file (nothing in the repository is exempt), and its signature is not a finding
    expect(g.analysis.scan.facts.files.map((f) => f.path)).toContain('dancu-approvals/6f71e0231a2e49c3.dsse.json');
    expect(g.analysis.findings).toEqual([]);
  });

  it('without a trust key the same declaration blocks with DG-GATE-011; --allow-unsigned-approvals accepts it', async () => {
    const dir = repo();
    await approveExample(dir, keys().priv);
    const g = await gate({ path: dir });
    expect(g.rules).toEqual(['DG-GATE-011']);
    expect(g.blocked).toBe(true);
    expect(g.findings[0]).toMatchObject({ file: 'dancu-integration.yml', line: 21, severity: 'high', category: 'change-control' });
    expect(g.findings[0]!.message).toContain('is self-declared: the gate was given no public key of the province (--trust-key)');
    expect(g.gate.approvals.attestations).toEqual([]); // not even read without a key
    const ok = await gate({ path: dir, allowUnsignedApprovals: true });
    expect(ok.findings).toEqual([]);
    expect(ok.gate.approvals.allowUnsigned).toBe(true);
    await expect(gate({ path: dir, allowUnsignedApprovals: true, trustKeys: [keys().pub] })).rejects.toThrow('cannot be combined with --trust-key');
  });

  it('a tampered payload blocks (DG-GATE-013 naming the file, DG-GATE-012)', async () => {
    const dir = repo();
    const k = keys();
    await approveExample(dir, k.priv, { reference: '999/TCT-DA06' });
    // The contractor edits the signed approval number to the one in the declaration.
    tamper(join(dir, ATTESTATION), (s) => (s.predicate.approval.reference = '456/TCT-DA06'));
    const g = await gate({ path: dir, trustKeys: [k.pub] });
    expect(g.rules).toEqual(['DG-GATE-012', 'DG-GATE-013']);
    const f = g.findings.find((x) => x.ruleId === 'DG-GATE-013')!;
    expect(f).toMatchObject({ file: 'dancu-approvals/6f71e0231a2e49c3.dsse.json', line: 1, severity: 'high' });
    expect(f.message).toContain(`names the province's key ${k.keyid.slice(0, 16)} but its signature does not verify`);
  });

  it('a signature by another key blocks: a contractor cannot sign for the province', async () => {
    const dir = repo();
    const province = keys('province');
    const contractor = keys('contractor');
    await approveExample(dir, contractor.priv);
    const g = await gate({ path: dir, trustKeys: [province.pub] });
    expect(g.rules).toEqual(['DG-GATE-012', 'DG-GATE-013']);
    const f = g.findings.find((x) => x.ruleId === 'DG-GATE-013')!;
    expect(f.message).toContain(`is not signed by a trusted key (it names key ${contractor.keyid.slice(0, 16)}; trusted: ${province.keyid.slice(0, 16)}): it may be forged`);
  });

  it('an attestation for another fingerprint does not count (and an old one does not block)', async () => {
    const dir = repo();
    const k = keys();
    const other = `sha256:${'a'.repeat(64)}`;
    const r = await approveExample(dir, k.priv, { fingerprint: other });
    expect(r.written).toBe(join(dir, 'dancu-approvals', 'aaaaaaaaaaaaaaaa.dsse.json'));
    expect(r.warnings.map(String)).toEqual([`fingerprint: signed ${other}, the declaration says ${FP}`]);
    const g = await gate({ path: dir, trustKeys: [k.pub] });
    expect(g.rules).toEqual(['DG-GATE-012']);
    expect(g.findings[0]!.message).toContain(
      `no attestation signed by a trusted key (${k.keyid.slice(0, 16)}) covers the current fingerprint sha256:6f71e0231a2e; the province signs one with \`dancu-guard approve\` and it is kept as dancu-approvals/6f71e0231a2e49c3.dsse.json`,
    );
    // once the current fingerprint is approved too, the old attestation stays harmlessly
    await approveExample(dir, k.priv);
    expect((await gate({ path: dir, trustKeys: [k.pub] })).findings).toEqual([]);
  });

  it('a notice reference (or date) that differs from what was signed blocks, naming the file', async () => {
    const dir = repo();
    const k = keys();
    const r = await approveExample(dir, k.priv, { notice: '124/STTTT-CNTT', submitted: '2026-10-01', goLive: '2026-11-30' });
    expect(r.warnings.map(String)).toEqual(['notice "124/STTTT-CNTT" is not in dancu-integration.yml: the contractor must declare it exactly as signed']);
    const g = await gate({ path: dir, trustKeys: [k.pub] });
    expect(g.rules).toEqual(['DG-GATE-012']);
    expect(g.findings[0]!.message).toContain(
      `state another notice or approval: dancu-approvals/6f71e0231a2e49c3.dsse.json (key ${k.keyid.slice(0, 16)}): notice 124/STTTT-CNTT signed, 123/STTTT-CNTT here.`,
    );
    // the signed go-live is part of the approval too
    await approveExample(dir, k.priv, { goLive: '2026-12-15', force: true });
    const late = await gate({ path: dir, trustKeys: [k.pub] });
    expect(late.rules).toEqual(['DG-GATE-012']);
    expect(late.findings[0]!.message).toContain('go-live 2026-12-15 signed, 2026-11-30 here');
  });

  it.each([
    ['truncated', (s: string) => s.slice(0, s.length / 2), 'it is not valid JSON (truncated, or not an attestation) (it ends too early)'],
    ['garbage', () => 'Lorem ipsum dolor sit amet SECRET-LOOKING-GARBAGE-2026', 'it is not valid JSON (truncated, or not an attestation) (syntax error'],
    ['empty', () => '', 'it is not valid JSON (truncated, or not an attestation) (it ends too early)'],
    ['binary', () => '', 'it is not UTF-8 text (invalid byte sequence)'],
    ['not an envelope', () => '{"hello": "world"}', 'it is not a DSSE envelope ("payloadType" is missing or not a string)'],
    ['another predicate', (s: string) => s, "it is not a dancu-guard approval (\"predicateType\" is not urn:dancu-guard:approval:v1)"],
  ])('a %s file blocks with DG-GATE-013 naming it, never a crash', async (kind, mangle, problem) => {
    const dir = repo();
    const k = keys();
    await approveExample(dir, k.priv);
    const file = join(dir, ATTESTATION);
    if (kind === 'another predicate') {
      // validly signed by the province, but not an approval: re-sign a different statement
      const env = JSON.parse(readFileSync(file, 'utf8')) as { payload: string };
      const st = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8')) as Record<string, unknown>;
      st.predicateType = 'https://slsa.dev/provenance/v1';
      const key = parsePrivateKey(readFileSync(k.priv, 'utf8'), 'k');
      writeFileSync(file, JSON.stringify(signEnvelope(PAYLOAD_TYPE, Buffer.from(JSON.stringify(st)), key, k.keyid)));
    } else if (kind === 'binary') {
      writeFileSync(file, Buffer.from([0x00, 0xff, 0xfe, 0x80]));
    } else {
      writeFileSync(file, mangle(readFileSync(file, 'utf8')));
    }
    const g = await gate({ path: dir, trustKeys: [k.pub] });
    expect(g.rules).toEqual(['DG-GATE-012', 'DG-GATE-013']);
    const f = g.findings.find((x) => x.ruleId === 'DG-GATE-013')!;
    expect(f.file).toBe('dancu-approvals/6f71e0231a2e49c3.dsse.json');
    expect(f.message).toContain(problem);
    expect(JSON.stringify(g.findings)).not.toContain('SECRET-LOOKING-GARBAGE');
  });

  it('key rotation: with the old and the new key trusted, an approval signed with the old key still counts', async () => {
    const dir = repo();
    const old = keys('old');
    const neu = keys('new');
    await approveExample(dir, old.priv);
    expect((await gate({ path: dir, trustKeys: [neu.pub, old.pub] })).findings).toEqual([]);
    // the new key signs the next approval; both verify side by side
    await approveExample(dir, neu.priv, { out: join(dir, 'dancu-approvals', 'renewed.dsse.json') });
    const both = await gate({ path: dir, trustKeys: [neu.pub, old.pub] });
    expect(both.findings).toEqual([]);
    expect(both.gate.approvals.attestations.map((a) => [a.file, a.status, a.keyid])).toEqual([
      ['dancu-approvals/6f71e0231a2e49c3.dsse.json', 'valid', old.keyid],
      ['dancu-approvals/renewed.dsse.json', 'valid', neu.keyid],
    ]);
    // once the old key is retired, only the new signature counts — and the old file, for
    // the current fingerprint, is not signed by a trusted key any more
    const retired = await gate({ path: dir, trustKeys: [neu.pub] });
    expect(retired.rules).toEqual(['DG-GATE-013']);
  });

  it('--attestation reads a file kept elsewhere (needs a trust key); --repository binds the approval to a repository', async () => {
    const dir = repo();
    const k = keys();
    const elsewhere = join(tmp('handed-over'), 'approval.dsse.json');
    const r = await approveExample(dir, k.priv, { out: elsewhere, repository: 'tinh-mau/dvc-portal' });
    expect(r.written).toBe(elsewhere);
    expect(existsSync(join(dir, 'dancu-approvals'))).toBe(false);
    expect((await gate({ path: dir, trustKeys: [k.pub] })).rules).toEqual(['DG-GATE-012']);
    const g = await gate({ path: dir, trustKeys: [k.pub], attestations: [elsewhere] });
    expect(g.findings).toEqual([]);
    expect(g.gate.approvals.attestations.map((a) => a.file)).toEqual(['approval.dsse.json']);
    expect((await gate({ path: dir, trustKeys: [k.pub], attestations: [elsewhere], repository: 'tinh-mau/dvc-portal' })).findings).toEqual([]);
    const wrong = await gate({ path: dir, trustKeys: [k.pub], attestations: [elsewhere], repository: 'tinh-khac/dvc-portal' });
    expect(wrong.rules).toEqual(['DG-GATE-012']);
    expect(wrong.findings[0]!.message).toContain('repository tinh-mau/dvc-portal signed, tinh-khac/dvc-portal here');
    await expect(gate({ path: dir, attestations: [elsewhere] })).rejects.toThrow('--attestation needs --trust-key');
    await expect(gate({ path: dir, trustKeys: [k.pub], attestations: [join(dir, 'nope.json')] })).rejects.toThrow('attestation file not found');
    await expect(gate({ path: dir, trustKeys: [k.pub], repository: 'not a repo' })).rejects.toThrow('--repository "not a repo" is not owner/name');
  });

  it('an attestation that is a link out of the repository is not read, and blocks', async () => {
    const dir = repo();
    const k = keys();
    const outside = join(tmp('outside'), 'a.dsse.json');
    await approveExample(dir, k.priv, { out: outside });
    mkdirSync(join(dir, 'dancu-approvals'));
    symlinkSync(outside, join(dir, ATTESTATION));
    const g = await gate({ path: dir, trustKeys: [k.pub] });
    expect(g.rules).toEqual(['DG-GATE-012', 'DG-GATE-013']);
    expect(g.findings.find((x) => x.ruleId === 'DG-GATE-013')!.message).toContain('it is a link out of the repository');
  });

  it('warns when a trust key is a file the gated repository tracks (whoever pushes can replace it)', async () => {
    const dir = repo();
    const k = keys();
    await approveExample(dir, k.priv);
    mkdirSync(join(dir, 'keys'));
    cpSync(k.pub, join(dir, 'keys', 'province.pub'));
    cpSync(k.pub, join(dir, 'untracked.pub'));
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    git('add', 'keys/province.pub');
    git('commit', '-qm', 'key');
    const tracked = await gate({ path: dir, trustKeys: [join(dir, 'keys', 'province.pub')] });
    expect(tracked.findings).toEqual([]);
    expect(tracked.warnings.map(String)).toEqual([expect.stringContaining('is a file of the gated repository: whoever can push to it can replace the key')]);
    expect((await gate({ path: dir, trustKeys: [join(dir, 'untracked.pub')] })).warnings).toEqual([]);
    expect((await gate({ path: dir, trustKeys: [k.pub] })).warnings).toEqual([]);
  });

  it('bad trust keys are exit 2 before any work, without quoting the file', async () => {
    const dir = repo();
    const k = keys();
    const rsa = join(tmp('rsa'), 'rsa.pub');
    writeFileSync(rsa, generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }));
    const junk = join(tmp('junk'), 'junk.pub');
    writeFileSync(junk, 'NOT-A-KEY-BUT-A-SECRET-4f1c');
    await expect(gate({ path: dir, trustKeys: [join(dir, 'missing.pub')] })).rejects.toThrow(/trust key .*missing\.pub not found/);
    await expect(gate({ path: dir, trustKeys: [k.priv] })).rejects.toThrow('holds a PRIVATE key: give the public key');
    await expect(gate({ path: dir, trustKeys: [rsa] })).rejects.toThrow('is a rsa key; approvals are signed with Ed25519');
    const err = await gate({ path: dir, trustKeys: [junk] }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toContain('is not a PEM public key');
    expect((err as Error).message).not.toContain('NOT-A-KEY-BUT-A-SECRET');
    const priv = readFileSync(k.priv, 'utf8');
    const e2 = await gate({ path: dir, trustKeys: [k.priv] }).catch((e: Error) => e);
    expect((e2 as Error).message).not.toContain(priv.split('\n')[1]!);
  });
});

describe('approve: bad input is exit 2 and writes nothing', () => {
  it.each([
    [{ date: '2026-09-30' }, '--date 2026-09-30 is before the notice was submitted (2026-10-01)'],
    [{ date: '2026-02-30' }, '--date "2026-02-30" is not a real date'],
    [{ notice: '777/X' }, 'notice "777/X" is not in dancu-integration.yml: give its submission date with --submitted YYYY-MM-DD'],
    [{ fingerprint: 'sha256:abc' }, '--fingerprint "sha256:abc" is not "sha256:" followed by 64 lowercase hex digits'],
    [{ repository: 'a/b/c' }, '--repository "a/b/c" is not owner/name'],
    [{ reference: '  ' }, '--reference is required'],
    [{ goLive: '2026-09-01' }, 'the go-live 2026-09-01 is before the notice was submitted (2026-10-01)'],
  ] as Array<[Partial<ApproveOptions>, string]>)('%o', async (over, message) => {
    const dir = repo();
    await expect(approveExample(dir, keys().priv, over)).rejects.toThrow(message);
    expect(existsSync(join(dir, 'dancu-approvals'))).toBe(false);
  });

  it('refuses a public key, an existing attestation (unless --force), and an empty integration surface', async () => {
    const dir = repo();
    const k = keys();
    await expect(approveExample(dir, k.pub)).rejects.toThrow('is a public key: approve signs with the PRIVATE key');
    await approveExample(dir, k.priv);
    const first = readFileSync(join(dir, ATTESTATION), 'utf8');
    await expect(approveExample(dir, k.priv, { reference: '457/TCT-DA06' })).rejects.toThrow(/already exists: not overwritten/);
    expect(readFileSync(join(dir, ATTESTATION), 'utf8')).toBe(first);
    const r = await approveExample(dir, k.priv, { reference: '457/TCT-DA06', force: true });
    expect(r.warnings.map(String)).toEqual(['approval reference: signed 457/TCT-DA06, the declaration says 456/TCT-DA06']);
    const empty = tmp('empty');
    await expect(approve({ path: empty, keyPath: k.priv, notice: 'N/1', submitted: '2026-10-01', reference: 'A/1', date: '2026-10-02' })).rejects.toThrow(
      'no call to the population DB found',
    );
  });
});

describe('commands', () => {
  const io = captureOutput();

  it('approve --out - prints the envelope; without --out it says where it wrote', async () => {
    const dir = repo();
    const k = keys();
    const base = { key: k.priv, reference: '456/TCT-DA06', date: '2026-10-20', notice: '123/STTTT-CNTT', progress: false };
    expect(await approveCommand(dir, { ...base, out: '-' })).toBe(0);
    const env = parseEnvelope(io.out);
    expect(verifyEnvelope(env, new Map([[k.keyid, createPublicKey(readFileSync(k.pub, 'utf8'))]]))).toEqual({ status: 'valid', keyid: k.keyid });
    expect(io.err).toContain('signed approval 456/TCT-DA06 (2026-10-20) of notice 123/STTTT-CNTT');
    io.out = '';
    expect(await approveCommand(dir, base)).toBe(0);
    expect(io.out).toContain(`written to  ${join(dir, ATTESTATION)}`);
    expect(io.out).toContain(`key id      ${k.keyid.slice(0, 16)}…`);
  });
});

// The built CLI, end to end: keygen → approve → gate, and the exit codes.
const cliBuilt = /^\s+approve\b/m.test(spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' }).stdout);
describe.runIf(cliBuilt)('built CLI', () => {
  const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('keygen → approve → gate: 0 with the key, 1 without, 2 on bad input', () => {
    const dir = repo();
    const keyDir = join(tmp('cli'), 'keys');
    const kg = cli(['keygen', '--out', keyDir]);
    expect(kg.status, kg.stderr).toBe(0);
    const keyid = /key id:\s+([0-9a-f]{64})/.exec(kg.stdout)![1]!;
    const priv = join(keyDir, `dancu-approval-${keyid.slice(0, 16)}.key`);
    const pub = join(keyDir, `dancu-approval-${keyid.slice(0, 16)}.pub`);
    const ap = cli(['approve', dir, '--key', priv, '--notice', '123/STTTT-CNTT', '--reference', '456/TCT-DA06', '--date', '2026-10-20', '--no-progress']);
    expect(ap.status, ap.stderr).toBe(0);
    expect(cli(['gate', dir, '--deploy-date', '2026-12-01', '--trust-key', pub, '--no-progress']).status).toBe(0);
    const unsigned = cli(['gate', dir, '--deploy-date', '2026-12-01', '--no-progress']);
    expect(unsigned.status).toBe(1);
    expect(unsigned.stdout).toContain('DG-GATE-011');
    expect(unsigned.stdout).toContain('Approval signature: none checked: no --trust-key, the approval is self-declared (DG-GATE-011)');
    expect(cli(['gate', dir, '--deploy-date', '2026-12-01', '--allow-unsigned-approvals', '--no-progress']).status).toBe(0);
    expect(cli(['gate', dir, '--deploy-date', '2026-12-01', '--trust-key', priv, '--no-progress']).status).toBe(2);
    expect(cli(['approve', dir, '--key', priv, '--notice', '123/STTTT-CNTT', '--reference', '456/TCT-DA06', '--no-progress']).status).toBe(2); // --date missing
    expect(cli(['keygen', '--out', keyDir, '--private', 'x']).status).toBe(2);
  });
});
