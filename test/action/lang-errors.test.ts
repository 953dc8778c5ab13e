/**
 * The BUILT Action bundle with `lang: vi`: a bad input, a bad event payload, an invalid
 * declaration and an unreachable GitHub API are said in Vietnamese (the errors and
 * warnings of the lower layers included), with none of the English sentence left. With
 * `lang: en` (the default) they stay English.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, prPayload, runAction, tmp } from '../helpers/action.js';

function gateExample(name: string): string {
  const ws = tmp(`lang-${name}`);
  cpSync(join(EXAMPLES, name), ws, { recursive: true });
  return ws;
}

describe('the Action under lang: vi', () => {
  it('a bad input: the error is Vietnamese, even though lang is read before the inputs are checked', async () => {
    const ws = gateExample('gate-approved');
    const vi = await runAction({ workspace: ws, event: 'push', inputs: { lang: 'vi', 'fail-on': 'severe' } });
    expect(vi.code).toBe(2);
    expect(vi.stdout).toContain('::error::dancu-guard: lỗi: đầu vào fail-on: "severe" không thuộc các giá trị critical, high, medium, low, none');
    expect(vi.stdout).not.toContain('is not one of');
    expect(vi.outputs).toEqual({});
    const en = await runAction({ workspace: ws, event: 'push', inputs: { 'fail-on': 'severe' } });
    expect(en.code).toBe(2);
    expect(en.stdout).toContain('::error::dancu-guard: input fail-on: "severe" is not one of critical, high, medium, low, none');
  });

  it('a deploy-date that is not a day, and a cache-dir inside the workspace', async () => {
    const ws = gateExample('gate-approved');
    const date = await runAction({ workspace: ws, event: 'push', inputs: { lang: 'vi', mode: 'deploy', 'deploy-date': '2026-02-30' } });
    expect(date.code).toBe(2);
    expect(date.stdout).toContain('::error::dancu-guard: lỗi: đầu vào deploy-date: "2026-02-30" không phải ngày có thật dạng YYYY-MM-DD');
    const cache = await runAction({ workspace: ws, event: 'push', inputs: { lang: 'vi', 'cache-dir': '.cache/dg' } });
    expect(cache.code).toBe(2);
    expect(cache.stdout).toContain('::error::dancu-guard: lỗi: đầu vào cache-dir: ".cache/dg" nằm trong workspace');
    expect(`${date.stdout}${cache.stdout}`).not.toMatch(/is not a real date|is inside the workspace/);
  });

  it('an invalid declaration in mode deploy: the loader\'s error, file and line kept', async () => {
    const ws = gateExample('gate-approved');
    const decl = readFileSync(join(ws, 'dancu-integration.yml'), 'utf8').replace(/^securityLevel: 3$/m, 'securityLevel: cao');
    writeFileSync(join(ws, 'dancu-integration.yml'), decl);
    const r = await runAction({ workspace: ws, event: 'push', inputs: { lang: 'vi', mode: 'deploy', 'deploy-date': '2026-12-01' } });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^::error::dancu-guard: lỗi: tệp khai báo tích hợp dancu-integration\.yml không hợp lệ:%0A {2}dancu-integration\.yml:\d+: "securityLevel" phải là /m);
    expect(r.stdout).not.toMatch(/invalid declaration|must be/);
    expect(r.outputs.verdict).toBeUndefined();
  });

  it('a pull_request without its event payload file', async () => {
    const ws = gateExample('gate-approved');
    const r = await runAction({ workspace: ws, event: 'pull_request', inputs: { lang: 'vi' }, env: { GITHUB_EVENT_PATH: join(ws, 'missing', 'event.json') } });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`::error::dancu-guard: lỗi: tệp dữ liệu sự kiện GITHUB_EVENT_PATH=${join(ws, 'missing', 'event.json')} không tồn tại`);
    expect(r.stdout).not.toContain('does not exist');
  });

  it('a pull request whose API fails: the warnings and the job summary notes are Vietnamese', async () => {
    const ws = tmp('lang-pr');
    mkdirSync(join(ws, 'src'));
    writeFileSync(join(ws, 'src', 'app.ts'), 'export const x = 1;\n');
    const r = await runAction({ workspace: ws, event: 'pull_request', payload: prPayload(), inputs: { lang: 'vi' } });
    // No API server at the address given: the request fails (unreachable, or an error status).
    expect(r.stdout).toMatch(
      /^::warning::dancu-guard: cảnh báo: liệt kê các tệp của pull request: (không kết nối được GitHub API|lỗi GitHub API \d+).*; mọi phát hiện đều có thể chặn\. Kết luận \(PASS\) không phụ thuộc vào việc này\.$/m,
    );
    expect(r.stdout).toMatch(/^::warning::dancu-guard: cảnh báo: bình luận PR: /m);
    expect(r.summary).toContain('mọi phát hiện đều có thể chặn');
    expect(`${r.stdout}${r.summary}`).not.toMatch(/could not be reached|GitHub API error|does not depend on it|every finding gates|PR comment:/);
  });
});
