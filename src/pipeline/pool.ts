/**
 * The pool a scan runs its chunks on: `jobs` worker threads (worker.ts), each with one
 * `Runner` that loads parsers and the policy bundle once; or, when the worker script is
 * not there (running from the sources, a single-file bundle), one `Runner` on the main
 * thread — the same code, so the same results.
 *
 * The per-file hard limit: a worker writes which file it is analysing, and since when,
 * to a shared slot; a watchdog stops a worker whose file has run past the limit, names
 * the file, and runs the chunk again in a fresh worker with that file on the plain-text
 * path (or, if the plain-text path is stopped too, with only a diagnostic). A worker
 * that dies inside a file (out of memory) is handled the same way. Nothing is dropped.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Facts } from '../facts/types.js';
import type { RawFinding } from '../policy/evaluate.js';
import { Message, PolicyError, UsageError } from '../util/errors.js';
import { SLOT_BYTES, SLOT_FILE, SLOT_SINCE, type FromWorker, type ToWorker, type WireError } from './messages.js';
import type { StopReason } from './profile.js';
import type { ChunkResult, ChunkTask, IndexPart, IndexTask, RepoIndex, Runner, RunnerSetup } from './runner.js';

export interface ScanPool {
  /** Worker threads (0: the main thread). */
  readonly threads: number;
  setup(s: RunnerSetup): Promise<void>;
  plan(): Promise<IndexTask[]>;
  index(tasks: readonly IndexTask[]): Promise<IndexPart[]>;
  context(index: RepoIndex): Promise<void>;
  /** Run every chunk; `onStopped` names a file stopped at the hard limit or out of memory (index into the discovered files). */
  chunks(tasks: readonly ChunkTask[], onResult: (r: ChunkResult) => void, onStopped: OnStopped): Promise<void>;
  evaluate(facts: Facts): Promise<RawFinding[]>;
  close(): Promise<void>;
}

export interface PoolOptions {
  /** Worker threads wanted (at least 1). */
  jobs: number;
  /** A file analysed for longer than this (ms) is stopped. */
  limitMs: number;
  /** Each worker's heap limit (MiB); a worker that runs out inside a file is replaced and the file takes the fallback. */
  heapMb: number;
}

export type OnStopped = (file: number, next: 'text' | 'none', reason: StopReason) => void;

/** The built worker script next to this module (dist/worker.js), if there is one. */
export function workerScript(): URL | undefined {
  for (const rel of ['./worker.js', '../worker.js']) {
    const url = new URL(rel, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

export async function openPool(opts: PoolOptions): Promise<ScanPool> {
  const script = workerScript();
  if (!script) {
    const { Runner } = await import('./runner.js');
    return new MainThreadPool(new Runner());
  }
  return new ThreadPool(script, Math.max(1, Math.floor(opts.jobs)), opts.limitMs, opts.heapMb);
}

function fromWire(e: WireError): Error {
  const text = Message.revive(e.msg) ?? e.message;
  const err = e.name === 'PolicyError' ? new PolicyError(text) : e.name === 'UsageError' ? new UsageError(text) : new Error(e.message);
  if (e.stack) err.stack = e.stack;
  return err;
}

/** No worker threads: the runner on the main thread (no hard limit: a stuck file cannot be stopped). */
class MainThreadPool implements ScanPool {
  readonly threads = 0;
  constructor(private readonly runner: Runner) {}
  async setup(s: RunnerSetup): Promise<void> {
    this.runner.setup(s);
  }
  async plan(): Promise<IndexTask[]> {
    return this.runner.indexTasks();
  }
  async index(tasks: readonly IndexTask[]): Promise<IndexPart[]> {
    const out: IndexPart[] = [];
    for (const t of tasks) out.push(await this.runner.indexPart(t));
    return out;
  }
  async context(index: RepoIndex): Promise<void> {
    this.runner.setIndex(index);
  }
  async chunks(tasks: readonly ChunkTask[], onResult: (r: ChunkResult) => void): Promise<void> {
    for (const t of tasks) onResult(await this.runner.chunk(t));
  }
  evaluate(facts: Facts): Promise<RawFinding[]> {
    return this.runner.evaluate(facts);
  }
  async close(): Promise<void> {
    // nothing to stop
  }
}

interface Job {
  msg: ToWorker & { id: number };
  resolve(value: FromWorker): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  view: Float64Array;
  job?: Job;
  /** Stopped by the watchdog (its exit is expected). */
  stopped?: boolean;
}

const WATCH_MS = 200;

class ThreadPool implements ScanPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly broadcasts: ToWorker[] = [];
  private nextId = 0;
  private failed?: Error;
  private watchdog?: NodeJS.Timeout;
  private onStopped?: OnStopped;

  constructor(
    private readonly script: URL,
    readonly threads: number,
    private readonly limitMs: number,
    private readonly heapMb: number,
  ) {}

  async setup(s: RunnerSetup): Promise<void> {
    this.broadcast({ type: 'setup', setup: s, slot: new SharedArrayBuffer(SLOT_BYTES) });
    // Every worker starts now: loading modules overlaps with the first tasks.
    while (this.slots.length < this.threads) this.spawn();
  }

  async plan(): Promise<IndexTask[]> {
    const r = await this.run({ type: 'plan', id: this.id() });
    return r.type === 'plan' ? r.tasks : [];
  }

  async index(tasks: readonly IndexTask[]): Promise<IndexPart[]> {
    const rs = await Promise.all(tasks.map((task) => this.run({ type: 'index', id: this.id(), task })));
    return rs.map((r) => (r.type === 'index' ? r.part : { task: { kind: 'config' }, digest: '-', ms: 0 }));
  }

  async context(index: RepoIndex): Promise<void> {
    // A worker started later (one replaced after a stopped file) gets the index without the
    // config values, and reads what it asks for itself: the same values, and the main
    // thread does not hold them for the whole scan.
    const { config: _, ...lite } = index;
    this.broadcast({ type: 'context', index }, { type: 'context', index: lite });
  }

  async chunks(tasks: readonly ChunkTask[], onResult: (r: ChunkResult) => void, onStopped: OnStopped): Promise<void> {
    this.onStopped = onStopped;
    this.watchdog ??= setInterval(() => this.watch(), WATCH_MS);
    this.watchdog.unref();
    await Promise.all(
      tasks.map(async (task) => {
        const r = await this.run({ type: 'chunk', id: this.id(), task: { ...task, fallback: [...task.fallback], bare: [...task.bare], outOfMemory: [...task.outOfMemory] } });
        if (r.type === 'chunk') onResult(r.result);
      }),
    );
  }

  async evaluate(facts: Facts): Promise<RawFinding[]> {
    const r = await this.run({ type: 'evaluate', id: this.id(), facts });
    return r.type === 'evaluated' ? r.raw : [];
  }

  async close(): Promise<void> {
    if (this.watchdog) clearInterval(this.watchdog);
    const all = this.slots.splice(0);
    await Promise.all(
      all.map((s) => {
        s.stopped = true;
        return s.worker.terminate();
      }),
    );
  }

  private id(): number {
    return this.nextId++;
  }

  /** A message every worker gets (and every worker started later, first: `retained`, if given, instead). */
  private broadcast(msg: ToWorker, retained: ToWorker = msg): void {
    this.broadcasts.push(retained);
    for (const s of this.slots) s.worker.postMessage(msg);
  }

  private run(msg: ToWorker & { id: number }): Promise<FromWorker> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise<FromWorker>((resolve, reject) => {
      this.queue.push({ msg, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.job && !s.stopped);
      if (!slot && this.slots.length < this.threads) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.view[SLOT_FILE] = -1;
      slot.worker.postMessage(job.msg);
    }
  }

  private spawn(): Slot {
    const setup = this.broadcasts.find((m) => m.type === 'setup') as Extract<ToWorker, { type: 'setup' }> | undefined;
    const buffer = new SharedArrayBuffer(SLOT_BYTES);
    const worker = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    const slot: Slot = { worker, view: new Float64Array(buffer) };
    slot.view[SLOT_FILE] = -1;
    for (const m of this.broadcasts) worker.postMessage(m === setup ? { ...setup, slot: buffer } : m);
    worker.on('message', (m: FromWorker) => this.received(slot, m));
    worker.on('error', (err) => this.died(slot, err));
    worker.on('exit', (code) => {
      if (!slot.stopped) this.died(slot, new Error(`worker thread exited (code ${code})`));
    });
    this.slots.push(slot);
    return slot;
  }

  private received(slot: Slot, m: FromWorker): void {
    const job = slot.job;
    if (!job || job.msg.id !== m.id) return;
    slot.job = undefined;
    if (m.type === 'error') {
      const err = fromWire(m.error);
      job.reject(err);
      this.fail(err);
    } else job.resolve(m);
    this.dispatch();
  }

  /** A worker that died: inside a file, that file takes the fallback; elsewhere the scan fails. */
  private died(slot: Slot, err: Error): void {
    if (slot.stopped) return;
    slot.stopped = true;
    this.remove(slot);
    const job = slot.job;
    const outOfMemory = (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
    if (job && job.msg.type === 'chunk' && slot.view[SLOT_FILE]! >= 0) {
      this.retry(job, slot.view[SLOT_FILE]!, outOfMemory ? 'memory' : 'time');
      return;
    }
    const failure = outOfMemory
      ? UsageError.of('pool.outOfMemory', { mb: this.heapMb })
      : new Error(`dancu-guard: a scan worker failed: ${err.message}`);
    job?.reject(failure);
    this.fail(failure);
  }

  /** Stop workers whose current file has run past the limit. */
  private watch(): void {
    const now = Date.now();
    for (const slot of [...this.slots]) {
      const file = slot.view[SLOT_FILE]!;
      if (!slot.job || slot.job.msg.type !== 'chunk' || file < 0) continue;
      if (now - slot.view[SLOT_SINCE]! <= this.limitMs) continue;
      const job = slot.job;
      slot.stopped = true;
      slot.job = undefined;
      this.remove(slot);
      void slot.worker.terminate();
      this.retry(job, file, 'time');
    }
  }

  /** Run a chunk again with `file` one step down: full analysis → plain-text path → diagnostic only. */
  private retry(job: Job, file: number, reason: StopReason): void {
    if (job.msg.type !== 'chunk') return;
    const task = job.msg.task;
    let next: 'text' | 'none';
    if (task.bare.includes(file)) {
      // Stopped with nothing left to take away: the scan cannot finish this chunk.
      const failure = new Error(`dancu-guard: a scan worker stopped twice on file #${file} with nothing left to run`);
      job.reject(failure);
      this.fail(failure);
      return;
    }
    if (task.fallback.includes(file)) {
      task.fallback = task.fallback.filter((f) => f !== file);
      task.bare.push(file);
      next = 'none';
    } else {
      task.fallback.push(file);
      next = 'text';
    }
    if (reason === 'memory' && !task.outOfMemory.includes(file)) task.outOfMemory.push(file);
    this.onStopped?.(file, next, reason);
    job.msg = { ...job.msg, id: this.id() };
    this.queue.unshift(job);
    this.dispatch();
  }

  private remove(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
  }

  /** The first failure fails every job (the scan exits 2). */
  private fail(err: Error): void {
    if (this.failed) return;
    this.failed = err;
    for (const s of this.slots) if (s.job) s.job.reject(err);
    for (const j of this.queue.splice(0)) j.reject(err);
    for (const s of this.slots) s.job = undefined;
  }
}
