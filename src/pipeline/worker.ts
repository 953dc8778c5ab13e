/**
 * A worker thread of the scan pool (pool.ts): one `Runner` (runner.ts), fed by messages.
 * Parsers, collectors and the policy bundle are loaded once per worker, on first use.
 * The shared slot tells the main thread which file is being analysed and since when.
 */
import { parentPort } from 'node:worker_threads';
import { SLOT_BYTES, SLOT_FILE, SLOT_SINCE, toWire, type FromWorker, type ToWorker } from './messages.js';
import type { WatchSlot } from './profile.js';
import { Runner } from './runner.js';

const port = parentPort;
if (!port) throw new Error('dancu-guard: pipeline/worker is a worker thread entry');

const runner = new Runner();
let slot: WatchSlot | undefined;

function sharedSlot(buffer: SharedArrayBuffer, indexOf: Map<string, number>): WatchSlot {
  const view = new Float64Array(buffer, 0, SLOT_BYTES / 8);
  return {
    start(path) {
      view[SLOT_SINCE] = Date.now();
      view[SLOT_FILE] = indexOf.get(path) ?? -1;
    },
    clear() {
      view[SLOT_FILE] = -1;
    },
  };
}

function send(msg: FromWorker): void {
  port!.postMessage(msg);
}

// Messages are handled one at a time, in order.
let queue: Promise<void> = Promise.resolve();

port.on('message', (msg: ToWorker) => {
  queue = queue.then(() => handle(msg));
});

async function handle(msg: ToWorker): Promise<void> {
  const id = 'id' in msg ? msg.id : -1;
  try {
    switch (msg.type) {
      case 'setup':
        runner.setup(msg.setup);
        slot = sharedSlot(msg.slot, new Map(msg.setup.files.map((f, i) => [f.path, i])));
        slot.clear();
        break;
      case 'plan':
        send({ type: 'plan', id, tasks: runner.indexTasks() });
        break;
      case 'index':
        send({ type: 'index', id, part: await runner.indexPart(msg.task) });
        break;
      case 'context':
        runner.setIndex(msg.index);
        break;
      case 'chunk':
        send({ type: 'chunk', id, result: await runner.chunk(msg.task, slot) });
        slot?.clear();
        break;
      case 'evaluate':
        send({ type: 'evaluated', id, raw: await runner.evaluate(msg.facts) });
        break;
    }
  } catch (err) {
    slot?.clear();
    send({ type: 'error', id, error: toWire(err) });
  }
}
