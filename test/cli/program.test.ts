/**
 * Commands load on demand (src/cli/program.ts): `dancu-guard scan …` registers the scan
 * command only, help and unknown commands every one (commander lists them, or suggests
 * one), a bare `--version` none. And `--version`/`--help` never load the pipeline.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildProgram, commandsFor } from '../../src/cli/program.js';
import { BIN } from '../helpers/paths.js';

const ALL = ['scan', 'gate', 'fingerprint', 'notice', 'inventory', 'keygen', 'approve'];
const argv = (...args: string[]) => ['node', 'dancu-guard', ...args];

describe('commandsFor', () => {
  it.each([
    [['scan', '.', '--format', 'json'], ['scan']],
    [['gate', '--deploy-date', '2026-12-01'], ['gate']],
    [['help', 'inventory'], ['inventory']],
    [['--help'], ALL],
    [['help'], ALL],
    [[], ALL],
    [['scna'], ALL],
    [['--version'], []],
    [['-V'], []],
    [['--version', '--help'], ALL],
  ])('%j → %j', (args, wanted) => {
    expect(commandsFor(argv(...args))).toEqual(wanted);
  });

  it('registers only what it is asked for, in the order help lists them', async () => {
    expect((await buildProgram(['scan'])).commands.map((c) => c.name())).toEqual(['scan']);
    expect((await buildProgram()).commands.map((c) => c.name())).toEqual(ALL);
  });
});

describe('start-up', () => {
  it('--version and --help print without loading the pipeline, a collector or the policy bundle', () => {
    for (const args of [['--version'], ['--help'], ['scan', '--help']]) {
      const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'module' } });
      expect(r.status, args.join(' ')).toBe(0);
      for (const heavy of ['ts-morph', 'tree-sitter-wasm', 'opa-wasm', 'date-holidays', 'exceljs', '/docx/', '/ajv/', '/yaml/']) {
        expect(r.stderr.includes(heavy), `${args.join(' ')} loads ${heavy}`).toBe(false);
      }
    }
  });
});
