import { toNumber } from '../../../db/convert.ts';
import type { Static } from '@sinclair/typebox';
import type { MatchRunSummary } from '../benefits.schemas.ts';
import type { MatchRunStatus } from '../benefits.table.ts';

/** A match run as the API and the CLI show it. */
export function runView(run: {
  id: number | string;
  policy_code: string;
  version_no: number;
  period: string;
  eval_date: string;
  snapshot: string;
  status: MatchRunStatus;
  phase: string;
  summary: string | null;
  error: string | null;
  started_at: string;
  finished_at: string | null;
}) {
  return {
    id: toNumber(run.id),
    policy: run.policy_code,
    version_no: run.version_no,
    period: run.period,
    date: run.eval_date,
    snapshot: JSON.parse(run.snapshot) as Record<string, number>,
    status: run.status,
    phase: run.phase,
    summary: run.summary ? (JSON.parse(run.summary) as Static<typeof MatchRunSummary>) : null,
    error: run.error,
    started_at: run.started_at,
    finished_at: run.finished_at,
  };
}
