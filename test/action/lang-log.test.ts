/**
 * The BUILT Action bundle's run log under `lang: vi`: the group titles, the scan and gate
 * lines, the stages of the gate, the PR comment and check run lines, the API's retries
 * and the closing verdict line are Vietnamese, with none of the English wording left;
 * under `lang: en` (the default) they are English and carry none of the Vietnamese.
 * Against the local stand-in for the GitHub API (test/helpers/github-server.ts).
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, prPayload, pullRequestRepo, runAction, TOKEN, tmp, type RunResult } from '../helpers/action.js';
import { FakeGitHub } from '../helpers/github-server.js';

/** The plain lines of the log and the group titles: what the Action writes besides workflow commands. */
function logLines(r: RunResult): string[] {
  return r.stdout
    .split('\n')
    .filter((l) => l !== '' && (!l.startsWith('::') || l.startsWith('::group::')))
    .map((l) => l.replace(/^::group::/, ''));
}

/** English wording of the Action's own log lines (not rule ids, paths or the PASS/FAIL verdict). */
const ENGLISH = /scanning|scanned|files?\b|findings?\b|blocking|pre-existing|base commit|PR comment|created|annotations|gate for|pre-deployment|declaration|fingerprint|notice|discovering|indexing|collecting|judging|evaluating|is not set|job summary|rate limit|retrying/;
/** Vietnamese wording of the same lines. */
const VIETNAMESE = /đang|đã quét|phát hiện|chặn|cổng kiểm soát|bình luận|chú thích|tệp|commit gốc|giới hạn/;

const SECRET_ENV = 'C06_SECRET_KEY_1=Tq5v3Xv9Lm9k2Pz8Qw4Er7Ty\n';

/** A pull request adding a credential, checked out with its base commit (gating by fingerprint). */
async function pullRequestRun(lang: 'vi' | 'en', setup: (api: FakeGitHub) => void = () => {}): Promise<{ r: RunResult; api: FakeGitHub }> {
  const api = await new FakeGitHub({ token: TOKEN }).start();
  try {
    setup(api);
    const ws = tmp(`log-pr-${lang}`);
    const shas = pullRequestRepo(ws, { 'src/app.ts': 'export const x = 1;\n' }, { 'config/.env': SECRET_ENV });
    const r = await runAction({
      workspace: ws,
      event: 'pull_request',
      payload: prPayload({ head: { sha: shas.head, ref: 'feature' }, base: { sha: shas.base, ref: 'main' } }),
      apiUrl: api.url,
      inputs: { lang },
    });
    return { r, api };
  } finally {
    await api.close();
  }
}

/** Mode deploy on the approved example with an attestation that carries no signature, and no job summary file. */
function deployRun(lang: 'vi' | 'en', deployDate: string | null = '2026-12-01'): Promise<RunResult> {
  const ws = join(tmp(`log-gate-${lang}`), 'ws');
  cpSync(join(EXAMPLES, 'gate-approved'), ws, { recursive: true });
  mkdirSync(join(ws, '.province'));
  cpSync(join(EXAMPLES, 'province-example.pub'), join(ws, '.province', 'tinh-mau.pub'));
  writeFileSync(join(ws, 'dancu-approvals', 'broken.dsse.json'), '{"payloadType":"x","payload":"e30=","signatures":[]}');
  return runAction({
    workspace: ws,
    event: 'push',
    inputs: { lang, mode: 'deploy', 'trust-key': '.province/tinh-mau.pub', ...(deployDate ? { 'deploy-date': deployDate } : {}) },
    env: { GITHUB_STEP_SUMMARY: undefined },
  });
}

describe('the run log of a pull request (mode merge)', () => {
  it('lang: vi — every line the Action writes is Vietnamese', async () => {
    const { r, api } = await pullRequestRun('vi');
    expect(r.code, r.stderr).toBe(1);
    const lines = logLines(r);
    expect(lines).toContainEqual(expect.stringMatching(/^dancu-guard \S+: đang quét \.$/));
    expect(lines).toContainEqual(expect.stringMatching(/^đã quét 2 tệp trong \d+\.\d\d giây: 1 phát hiện$/));
    expect(lines).toContainEqual(expect.stringMatching(/^dancu-guard: đang quét commit gốc [0-9a-f]{12}$/));
    expect(lines).toContainEqual(expect.stringMatching(/^dancu-guard: bình luận PR đã tạo \(https:\/\/github\.com\/tinh-mau\/dvc-portal\/pull\/7#issuecomment-\d+\)$/));
    expect(lines).toContainEqual(expect.stringMatching(/^dancu-guard: check run \d+ với 1 chú thích$/));
    expect(lines.at(-1)).toBe('dancu-guard: 1 phát hiện, 1 chặn (0 đã có từ trước, không chặn): FAIL');
    for (const l of lines) expect(l).not.toMatch(ENGLISH);
    // the check run's title too
    expect(api.checkRuns[0]!.output.title).toBe('1 phát hiện gây chặn');
  });

  it('lang: en — the same lines in English, none Vietnamese', async () => {
    const { r, api } = await pullRequestRun('en');
    expect(r.code, r.stderr).toBe(1);
    const lines = logLines(r);
    expect(lines).toContainEqual(expect.stringMatching(/^dancu-guard \S+: scanning \.$/));
    expect(lines).toContainEqual(expect.stringMatching(/^scanned 2 files in \d+\.\d\d s: 1 finding$/));
    expect(lines).toContainEqual(expect.stringMatching(/^dancu-guard: scanning the base commit [0-9a-f]{12}$/));
    expect(lines).toContainEqual(expect.stringMatching(/^dancu-guard: PR comment created \(https:\/\/github\.com\/tinh-mau\/dvc-portal\/pull\/7#issuecomment-\d+\)$/));
    expect(lines).toContainEqual(expect.stringMatching(/^dancu-guard: check run \d+ with 1 annotations$/));
    expect(lines.at(-1)).toBe('dancu-guard: 1 finding, 1 blocking (0 pre-existing, not blocking): FAIL');
    for (const l of lines) expect(l).not.toMatch(VIETNAMESE);
    expect(api.checkRuns[0]!.output.title).toBe('1 blocking finding');
  });

  it('a rate limit the client waits out is said in the input lang', async () => {
    const limited = (api: FakeGitHub) => api.fail('issues.createComment', { status: 429, times: 1, headers: { 'retry-after': '1' } });
    const vi = await pullRequestRun('vi', limited);
    expect(vi.r.stdout).toMatch(/^dancu-guard: vượt giới hạn phụ số lần gọi GitHub API ở POST \/repos\/\{owner\}\/\{repo\}\/issues\/\{issue_number\}\/comments: thử lại sau 1 giây$/m);
    expect(vi.r.stdout).not.toContain('retrying in');
    // the Octokit library's own line stays its English, labelled as such
    expect(vi.r.stdout).toMatch(/^dancu-guard: thông điệp của thư viện Octokit \(tiếng Anh\): POST \/repos\/tinh-mau\/dvc-portal\/issues\/7\/comments - 429 /m);
    const en = await pullRequestRun('en', limited);
    expect(en.r.stdout).toMatch(/^dancu-guard: GitHub API secondary rate limit on POST \/repos\/\{owner\}\/\{repo\}\/issues\/\{issue_number\}\/comments: retrying in 1 s$/m);
  });
});

describe('the run log of mode deploy', () => {
  it('lang: vi — the gate group, its stages and its line, the unusable attestation and the verdict are Vietnamese', async () => {
    const r = await deployRun('vi');
    expect(r.code, r.stderr).toBe(1);
    const lines = logLines(r);
    expect(lines).toContainEqual(expect.stringMatching(/^dancu-guard \S+: cổng kiểm soát trước triển khai cho \., ngày 2026-12-01$/));
    expect(lines).toContain('dancu-guard: đang tìm tệp…');
    expect(lines).toContain('dancu-guard: đang đánh giá các điều kiện triển khai…');
    expect(lines).toContain(
      'cổng kiểm soát ngày 2026-12-01: tệp khai báo dancu-integration.yml, mã vân tay sha256:6f71e0231a2e49c39a76b40f8db7a96abac7878732e663c3602fb21862ff5729, ' +
        'thông báo 123/STTTT-CNTT; đã quét 12 tệp: 1 phát hiện',
    );
    expect(lines).toContain('dancu-guard: chưa đặt GITHUB_STEP_SUMMARY: không có tóm tắt job');
    expect(lines.at(-1)).toBe('dancu-guard: cổng kiểm soát ngày 2026-12-01: 1 phát hiện, 1 chặn: FAIL');
    for (const l of lines) expect(l).not.toMatch(ENGLISH);
    // the attestation's problem, in the annotation
    expect(r.stdout).toMatch(/^::error file=dancu-approvals\/broken\.dsse\.json,line=1,title=DG-GATE-013 [^:]*::Không dùng được bản xác nhận dancu-approvals\/broken\.dsse\.json: không có chữ ký \("signatures" rỗng\)\./m);
    expect(r.stdout).not.toContain('is empty');
  });

  it('lang: vi without a deploy-date: "today" in the group title is Vietnamese', async () => {
    const r = await deployRun('vi', null);
    expect(logLines(r)).toContainEqual(expect.stringMatching(/^dancu-guard \S+: cổng kiểm soát trước triển khai cho \., ngày hôm nay \(giờ Việt Nam, UTC\+7\)$/));
  });

  it('lang: en — the same lines in English, none Vietnamese', async () => {
    const r = await deployRun('en');
    expect(r.code, r.stderr).toBe(1);
    const lines = logLines(r);
    expect(lines).toContainEqual(expect.stringMatching(/^dancu-guard \S+: pre-deployment gate on \. for 2026-12-01$/));
    expect(lines).toContain('dancu-guard: discovering files…');
    expect(lines).toContain('dancu-guard: evaluating the gate…');
    expect(lines).toContain(
      'gate for 2026-12-01: declaration dancu-integration.yml, fingerprint sha256:6f71e0231a2e49c39a76b40f8db7a96abac7878732e663c3602fb21862ff5729, ' +
        'notice 123/STTTT-CNTT; scanned 12 files: 1 finding',
    );
    expect(lines).toContain('dancu-guard: GITHUB_STEP_SUMMARY is not set: no job summary');
    expect(lines.at(-1)).toBe('dancu-guard: gate for 2026-12-01: 1 finding, 1 blocking: FAIL');
    for (const l of lines) expect(l).not.toMatch(VIETNAMESE);
    expect(r.stdout).toContain('it carries no signature ("signatures" is empty)');
  });
});
