/**
 * One long-running `git cat-file --batch` (or `--batch-check`) process: object ids in,
 * objects out, in order, without a process per object.
 *
 * Requests are pipelined: `stream` keeps a bounded window of ids in flight, so git is
 * never idle waiting for us and memory stays flat (at most `window` objects buffered).
 * Objects larger than `maxSize` are read off the pipe and dropped, never kept.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { GitError, spawnGit } from './run.js';

export interface GitObject {
  oid: string;
  /** `blob`, `tree`, `commit`, `tag`; undefined when missing. */
  type?: string;
  size: number;
  /** The content (`--batch` only, and only when not larger than `maxSize`). */
  data?: Buffer;
  /** The object is not in the repository (corrupt repository or bad id). */
  missing?: boolean;
  /** Content dropped: larger than `maxSize`. */
  oversized?: boolean;
}

interface Pending {
  oid: string;
  resolve(o: GitObject): void;
  reject(e: unknown): void;
}

type State =
  | { phase: 'header'; parts: Buffer[] }
  | { phase: 'body'; obj: GitObject; need: number; have: number; parts: Buffer[] | undefined };

const OID_RE = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

export interface CatFileOptions {
  /** `contents` = `--batch`, `check` = `--batch-check` (type and size only). */
  mode: 'contents' | 'check';
  /** Contents larger than this are dropped (`oversized`). Default: keep all. */
  maxSize?: number;
}

export class CatFile {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending: Pending[] = [];
  private state: State = { phase: 'header', parts: [] };
  private stderr = '';
  private dead: GitError | undefined;
  private readonly exited: Promise<void>;

  constructor(
    cwd: string,
    private readonly opts: CatFileOptions,
  ) {
    const args = ['cat-file', opts.mode === 'contents' ? '--batch' : '--batch-check'];
    this.child = spawnGit(args, { cwd });
    this.child.stdout.on('data', (d: Buffer) => this.onData(d));
    this.child.stderr.on('data', (d: Buffer) => {
      if (this.stderr.length < 16_384) this.stderr += d.toString('utf8');
    });
    this.child.stdin.on('error', () => {
      /* reported through the exit */
    });
    this.exited = new Promise((resolve) => {
      this.child.on('error', (e) => {
        this.fail(new GitError(`cannot run git: ${e.message}`, args, null, '', { cause: e }));
        resolve();
      });
      this.child.on('close', (code, signal) => {
        if (this.pending.length > 0 || (code !== 0 && code !== null) || signal) {
          const why = signal ? `killed by ${signal}` : `exit ${code}`;
          this.fail(new GitError(`git cat-file failed (${why})`, args, code, this.stderr));
        }
        resolve();
      });
    });
  }

  /** Ask for one object. Resolves in request order. */
  get(oid: string): Promise<GitObject> {
    if (!OID_RE.test(oid)) return Promise.reject(new Error(`not an object id: ${oid}`));
    if (this.dead) return Promise.reject(this.dead);
    return new Promise((resolve, reject) => {
      this.pending.push({ oid, resolve, reject });
      this.child.stdin.write(`${oid}\n`);
    });
  }

  /** Objects for `oids`, in order, keeping at most `window` requests in flight. */
  async *stream(oids: Iterable<string>, window = 64): AsyncGenerator<GitObject> {
    const it = oids[Symbol.iterator]();
    const inflight: Array<Promise<GitObject>> = [];
    const refill = () => {
      while (inflight.length < window) {
        const n = it.next();
        if (n.done) break;
        const p = this.get(n.value);
        p.catch(() => undefined); // observed when awaited below
        inflight.push(p);
      }
    };
    refill();
    while (inflight.length > 0) {
      const obj = await inflight.shift()!;
      refill();
      yield obj;
    }
  }

  /** Close stdin and wait for git to exit. Never throws. */
  async close(): Promise<void> {
    if (!this.child.stdin.destroyed) this.child.stdin.end();
    await this.exited;
  }

  /** Kill the process (on error paths). */
  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }

  private fail(err: GitError): void {
    if (!this.dead) this.dead = err;
    for (const p of this.pending.splice(0)) p.reject(this.dead);
  }

  private onData(chunk: Buffer): void {
    let off = 0;
    while (off < chunk.length) {
      const st = this.state;
      if (st.phase === 'header') {
        const nl = chunk.indexOf(10, off);
        if (nl < 0) {
          st.parts.push(chunk.subarray(off));
          return;
        }
        st.parts.push(chunk.subarray(off, nl));
        const line = Buffer.concat(st.parts).toString('utf8');
        off = nl + 1;
        this.state = { phase: 'header', parts: [] };
        this.onHeader(line);
      } else {
        const take = Math.min(st.need - st.have, chunk.length - off);
        st.parts?.push(chunk.subarray(off, off + take));
        st.have += take;
        off += take;
        if (st.have === st.need) {
          if (st.parts) st.obj.data = Buffer.concat(st.parts).subarray(0, st.obj.size);
          this.state = { phase: 'header', parts: [] };
          this.settle(st.obj);
        }
      }
    }
  }

  private onHeader(line: string): void {
    const words = line.split(' ');
    const oid = words[0] ?? '';
    if (words[1] === 'missing' || words[1] === 'ambiguous') {
      this.settle({ oid, size: 0, missing: true });
      return;
    }
    const size = Number(words[2]);
    const obj: GitObject = { oid, type: words[1] ?? '', size };
    if (this.opts.mode === 'check') {
      this.settle(obj);
      return;
    }
    const keep = this.opts.maxSize === undefined || size <= this.opts.maxSize;
    if (!keep) obj.oversized = true;
    // The content is followed by a LF.
    this.state = { phase: 'body', obj, need: size + 1, have: 0, parts: keep ? [] : undefined };
  }

  private settle(obj: GitObject): void {
    const p = this.pending.shift();
    if (!p) return;
    p.resolve(obj);
  }
}
