// The entry of a match run's worker thread (started by match-runner.ts): a worker does not inherit
// the TypeScript loader, so it registers tsx itself before loading the worker module.
import { register } from 'tsx/esm/api';

register();
await import('./match-worker.ts');
