/**
 * The worker thread of the extraction pool (src/run/pool.ts): it loads the pipeline
 * once, says `ready`, then loops: receives a document (path and bytes, read by the
 * main thread), extracts it, and posts the record back. One document at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import { errorReport, extractBytes } from '../pipeline.js';
import { areaLineReport, slimReport } from './slim.js';
import type { ToWorker, FromWorker, WorkerInit } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('src/run/worker.js is a worker_threads script; it is started by the extraction pool');
const init = workerData as WorkerInit;

const post = (msg: FromWorker) => port.postMessage(msg);
const heapMb = () => getHeapStatistics().used_heap_size / 1048576;

// Documents are extracted one at a time, in the order they arrive: the pool sends the
// next one before this one is done, and a PDF's extraction awaits.
let queue: Promise<void> = Promise.resolve();
port.on('message', (msg: ToWorker) => {
  queue = queue
    .then(() => handle(msg))
    .catch((err: unknown) => {
      // Never expected (extraction turns failures into records): crash, and the pool reports the document.
      setImmediate(() => {
        throw err;
      });
    });
});

async function handle(msg: ToWorker): Promise<void> {
  const { id, file } = msg;
  const data = msg.data;
  // ---- TEST-ONLY hooks (test/run/pool.test.ts): honoured only here, and only when the
  // pool was given `testHooks` by a caller; the CLI never passes them. ----
  const hooks = init.testHooks;
  if (hooks) {
    if (hooks.hangMarker && file.includes(hooks.hangMarker)) {
      // A busy loop, not a timer: the pool must be able to stop a worker stuck in
      // synchronous code, which is how a pathological PDF hangs.
      let spins = 0;
      for (;;) spins++;
    }
    if (hooks.oomMarker && file.includes(hooks.oomMarker)) {
      const hoard: number[][] = [];
      for (;;) hoard.push(Array.from({ length: 1e6 }, (_, i) => i * 1.5));
    }
    if (hooks.crashMarker && file.includes(hooks.crashMarker)) {
      setImmediate(() => {
        throw new Error('test-only crash');
      });
      return;
    }
  }
  // ---- end of test-only hooks ----
  const full = await extractBytes(file, data, init.opts);
  const record = init.areaLine ? areaLineReport(full, init.areaLine.raw) : init.slim ? slimReport(full) : full;
  try {
    post({ type: 'done', id, record, heapMb: heapMb() });
  } catch (err) {
    // A record that cannot cross threads (it never should: records are plain data).
    post({ type: 'done', id, record: errorReport(file, err, record.sha256), heapMb: heapMb() });
  }
}

post({ type: 'ready' });
