// The entry of every worker thread the server starts (see worker-thread.ts): a worker does not
// inherit the TypeScript loader, so it registers tsx itself before loading the worker's module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
