/**
 * The one escaper for a runner's log (src/report/github.ts): whatever a repository
 * string holds — CR, LF, `::…::` at a line start, `##[…]` anywhere — what we write
 * never becomes a workflow command other than our own. Checked against a model of the
 * runner's parser (test/helpers/runner-log.ts) on hostile strings, in every place the
 * Action and the formatters write: plain log lines, command data and properties, the
 * `github` and `text` formats.
 */
import { describe, expect, it } from 'vitest';
import { createRunner } from '../../src/action/runner.js';
import type { Finding } from '../../src/findings/types.js';
import { escapeData, escapeLogLine, escapeProperty, formatGithub, neutralizeCommands } from '../../src/report/github.js';
import { summarize } from '../../src/report/summary.js';
import { formatText } from '../../src/report/text.js';
import { runnerCommands } from '../helpers/runner-log.js';

const HOSTILE = [
  '::add-mask::p4ss',
  '  ::stop-commands::tok3n',
  '\t::error::forged FAIL',
  'x\n::add-mask::a',
  'x\r::set-output name=verdict::pass',
  'x\r\n  ::warning::w',
  '##[add-mask]p4ss',
  'ref ##[set-output name=verdict;]pass',
  'CV 12/UBND\n::stop-commands::tok3n\n::error::pwned\n',
  '\u00a0::add-mask::nbsp',
  '%0A::add-mask::encoded',
  ':: ::group::',
];

/** Strings built from pieces, so the cases are not only the ones above. */
function* generated(): Generator<string> {
  const parts = ['', 'a', ' ', '\t', '\n', '\r', '\r\n', '::', ':', '##[', ']', 'add-mask', 'stop-commands', 'error', '%', '%0A', 'x y', '\u2028'];
  for (const a of parts) for (const b of parts) for (const c of parts) yield `${a}${b}${c}::add-mask::s${a}##[add-mask]${c}`;
}

const finding = (over: Partial<Finding>): Finding => ({
  ruleId: 'DG-CRED-001',
  title: 'Hardcoded credential',
  category: 'credentials',
  severity: 'high',
  file: 'src/a.ts',
  line: 3,
  message: 'm',
  remediation: 'r',
  basis: [],
  fingerprint: '0123456789abcdef',
  ...over,
});

describe('the runner-log escaper', () => {
  it('a plain log line never holds a command, and keeps its text visible', () => {
    for (const s of [...HOSTILE, ...generated()]) {
      const line = escapeLogLine(s);
      expect(runnerCommands(line), JSON.stringify(s)).toEqual([]);
      expect(line).not.toMatch(/[\r\n]/);
    }
    expect(escapeLogLine('CV 12\n::add-mask::x')).toBe('CV 12%0A::add-mask::x');
    expect(escapeLogLine('  ::stop-commands::t')).toBe('  %3A%3Astop-commands::t');
    expect(escapeLogLine('a ##[add-mask]b')).toBe('a ##%5Badd-mask]b');
  });

  it('command data and properties cannot close the command or open another', () => {
    for (const s of [...HOSTILE, ...generated()]) {
      const cmd = `::error file=${escapeProperty(s)},title=${escapeProperty(s)}::${escapeData(s)}`;
      const parsed = runnerCommands(cmd);
      expect(parsed.map((p) => p.name), JSON.stringify(s)).toEqual(['error']);
    }
  });

  it('a multi-line text keeps its lines, none of them a command', () => {
    const text = HOSTILE.join('\n');
    const out = neutralizeCommands(text);
    expect(runnerCommands(out)).toEqual([]);
    expect(out.split(/\r\n|\r|\n/)).toHaveLength(text.split(/\r\n|\r|\n/).length);
  });

  it('the runner: info lines are escaped; its own commands stay commands', () => {
    let log = '';
    const runner = createRunner({}, (s) => (log += s));
    for (const s of HOSTILE) runner.info(`dancu-guard: notice ${s}`);
    runner.warning(`dancu-guard: ${HOSTILE.join(' ')}`, { file: '::add-mask::f', title: '##[add-mask]t' });
    runner.setOutput('verdict', 'x\n::add-mask::y');
    expect(runnerCommands(log).map((c) => c.name)).toEqual(['warning']);
  });

  it('the github format: one annotation per finding, whatever its path and message', () => {
    const findings = HOSTILE.map((s, i) => finding({ file: `${s}/a.ts`, message: s, value: s, line: i + 1 }));
    const out = formatGithub({ tool: { name: 'dancu-guard', version: '0' }, findings, summary: summarize(findings, 1, [], 'high', 0) }, { lang: 'en' });
    expect(runnerCommands(out).map((c) => c.name)).toEqual([...findings.map(() => 'error'), 'notice']);
  });

  it('the text format: no line acts as a command (paths and messages come from the repository)', () => {
    const findings = HOSTILE.map((s, i) => finding({ file: s.replace(/[\r\n]/g, ''), message: s, line: i + 1, title: s }));
    const out = formatText({ tool: { name: 'dancu-guard', version: '0' }, findings, summary: summarize(findings, 1, [], 'high', 0) }, { lang: 'en' });
    expect(runnerCommands(out)).toEqual([]);
    expect(out).toContain('%3A%3Aadd-mask::p4ss');
  });
});
