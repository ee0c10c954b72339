// Entry of a worker thread that runs TypeScript: workers do not inherit the
// tsx loader of the thread that starts them, so register it here, then load
// the module named in workerData (see src/lib/worker-stream.ts).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
