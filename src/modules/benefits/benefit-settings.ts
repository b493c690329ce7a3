import { readFileSync } from 'node:fs';

/** How the benefits module's background work paces itself: data with sources (reference/benefits/settings.json). */
export interface BenefitSettings {
  outbox: {
    maxAttempts: number;
    retryFirstDelayMs: number;
    retryMaxDelayMs: number;
    gatewayTimeoutMs: number;
    claimMs: number;
    dispatchIntervalMs: number;
    dispatchBatchSize: number;
  };
  matchRun: {
    heartbeatMs: number;
    abandonedAfterMs: number;
    /** Job queue: how often the worker holding a run beats, and after how long without a beat another takes it over. */
    workerHeartbeatMs: number;
    takeoverAfterMs: number;
  };
}

const FILE = new URL('../../../reference/benefits/settings.json', import.meta.url);
let cached: BenefitSettings | undefined;

/** The settings, read once per process. */
export function loadBenefitSettings(): BenefitSettings {
  cached ??= readBenefitSettings();
  return cached;
}

function readBenefitSettings(): BenefitSettings {
  const { settings } = JSON.parse(readFileSync(FILE, 'utf8')) as { settings: { key: string; value: number }[] };
  const value = (key: string): number => {
    const found = settings.find((s) => s.key === key);
    if (!found || !Number.isInteger(found.value) || found.value <= 0)
      throw new Error(`reference/benefits/settings.json 缺少有效的 ${key}`);
    return found.value;
  };
  return {
    outbox: {
      maxAttempts: value('outbox_max_attempts'),
      retryFirstDelayMs: value('outbox_retry_first_delay_seconds') * 1000,
      retryMaxDelayMs: value('outbox_retry_max_delay_seconds') * 1000,
      gatewayTimeoutMs: value('outbox_gateway_timeout_seconds') * 1000,
      claimMs: value('outbox_claim_seconds') * 1000,
      dispatchIntervalMs: value('outbox_dispatch_interval_seconds') * 1000,
      dispatchBatchSize: value('outbox_dispatch_batch_size'),
    },
    matchRun: {
      heartbeatMs: value('match_run_heartbeat_seconds') * 1000,
      abandonedAfterMs: value('match_run_abandoned_after_minutes') * 60_000,
      workerHeartbeatMs: value('match_run_worker_heartbeat_seconds') * 1000,
      takeoverAfterMs: value('match_run_takeover_after_seconds') * 1000,
    },
  };
}
