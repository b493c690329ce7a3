import { serveWorker } from '../../../platform/workers/serve-worker.ts';
import type { MatchWorkerData } from './match-runner.ts';
import { executeMatchRun } from './match.service.ts';

/**
 * A match run's worker thread (started by match-runner.ts): runs the match run on its own
 * connection. The run writes its own progress, heartbeat and outcome.
 */
await serveWorker<MatchWorkerData>('匹配', (ctx, data) => executeMatchRun(ctx, data.actor, data.runId));
