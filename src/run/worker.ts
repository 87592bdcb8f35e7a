/**
 * The worker thread of the extraction pool (src/run/pool.ts): it loads the pipeline
 * once, says `ready`, then loops: receives a document (path and bytes, read by the
 * main thread), extracts it, and posts the record back. One document at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { errorReport, extractBytes } from '../pipeline.js';
import { slimReport } from './slim.js';
import type { ToWorker, FromWorker, WorkerInit } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('src/run/worker.js is a worker_threads script; it is started by the extraction pool');
const init = workerData as WorkerInit;

const post = (msg: FromWorker) => port.postMessage(msg);

port.on('message', async (msg: ToWorker) => {
  const { id, file } = msg;
  const data = new Uint8Array(msg.data);
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
  const record = init.slim ? slimReport(full) : full;
  try {
    post({ type: 'done', id, record });
  } catch (err) {
    // A record that cannot cross threads (it never should: records are plain data).
    post({ type: 'done', id, record: errorReport(file, err, record.sha256) });
  }
});

post({ type: 'ready' });
