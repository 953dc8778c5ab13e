/**
 * What the main thread and a worker (worker.ts) say to each other. Everything crosses
 * by structured clone; errors cross as their name, message and exit code.
 */
import type { Facts } from '../facts/types.js';
import type { RawFinding } from '../policy/evaluate.js';
import type { ChunkResult, ChunkTask, IndexPart, IndexTask, RepoIndex, RunnerSetup } from './runner.js';

export type ToWorker =
  | { type: 'setup'; setup: RunnerSetup; slot: SharedArrayBuffer }
  | { type: 'plan'; id: number }
  | { type: 'index'; id: number; task: IndexTask }
  | { type: 'context'; index: RepoIndex }
  | { type: 'chunk'; id: number; task: ChunkTask }
  | { type: 'evaluate'; id: number; facts: Facts };

export interface WireError {
  name: string;
  message: string;
  stack?: string;
  exitCode?: number;
  /** The message of the table it carries (src/util/errors.ts), as plain data. */
  msg?: unknown;
}

export type FromWorker =
  | { type: 'plan'; id: number; tasks: IndexTask[] }
  | { type: 'index'; id: number; part: IndexPart }
  | { type: 'chunk'; id: number; result: ChunkResult }
  | { type: 'evaluated'; id: number; raw: RawFinding[] }
  | { type: 'error'; id: number; error: WireError };

export function toWire(err: unknown): WireError {
  if (err instanceof Error) {
    const out: WireError = { name: err.name, message: err.message };
    if (err.stack) out.stack = err.stack;
    const code = (err as { exitCode?: unknown }).exitCode;
    if (typeof code === 'number') out.exitCode = code;
    const msg = (err as { msg?: unknown }).msg;
    if (msg !== undefined) out.msg = JSON.parse(JSON.stringify(msg)) as unknown;
    return out;
  }
  return { name: 'Error', message: String(err) };
}

/** Slot layout (Float64Array over the shared buffer): the file index being analysed (-1: none), and since when (epoch ms). */
export const SLOT_FILE = 0;
export const SLOT_SINCE = 1;
export const SLOT_BYTES = 16;
