import { toNumber } from '../../../db/convert.ts';

/** A match run as the API and the CLI show it. */
export function runView(run: {
  id: number | string;
  policy_code: string;
  version_no: number;
  period: string;
  eval_date: string;
  snapshot: string;
  status: string;
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
    summary: run.summary ? (JSON.parse(run.summary) as Record<string, unknown>) : null,
    error: run.error,
    started_at: run.started_at,
    finished_at: run.finished_at,
  };
}
