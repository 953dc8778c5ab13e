/**
 * Commands are registered from light modules; each loads its implementation (the
 * pipeline, the gate, the report writers) only when it runs: `--version` and `--help`
 * never load the pipeline, a parser or the policy bundle.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { BIN } from '../helpers/paths.js';

const ALL = ['scan', 'gate', 'rules', 'explain', 'init', 'fingerprint', 'notice', 'inventory', 'keygen', 'approve'];

describe('the program', () => {
  it('registers every command, in the order help lists them', () => {
    expect(buildProgram().commands.map((c) => c.name())).toEqual(ALL);
  });
});

describe('start-up', () => {
  it('--version and --help print without loading the pipeline, a collector or the policy bundle', () => {
    for (const args of [['--version'], ['--help'], ['scan', '--help'], ['gate', '--help'], ['inventory', '--help'], ['--lang', 'vi', '--help']]) {
      const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'module' } });
      expect(r.status, args.join(' ')).toBe(0);
      for (const heavy of ['ts-morph', 'tree-sitter-wasm', 'opa-wasm', 'date-holidays', 'exceljs', '/docx/', '/ajv/', '/yaml/']) {
        expect(r.stderr.includes(heavy), `${args.join(' ')} loads ${heavy}`).toBe(false);
      }
    }
  });
});
