// Runs first in the engine's worker thread when the host runs from TypeScript sources (under tsx).
// Node 20 does not apply the parent's `--import tsx` loader inside worker threads, so register it here,
// then load the real entry (engine-worker.ts) named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
