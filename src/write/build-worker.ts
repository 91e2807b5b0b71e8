/** The build's thread as a worker (started by build.ts): runs ./build-thread.ts over the worker's port. */
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerData } from './build.js';
import { runBuildThread, type MainPort } from './build-thread.js';

const parent = parentPort!;
const port: MainPort = {
  postMessage: (m, transfer) => parent.postMessage(m, transfer),
  on: (event, listener) => parent.on(event, listener),
  // A worker may wait for the main thread, which runs on.
  mayWait: true,
};
await runBuildThread(port, workerData as WorkerData);
