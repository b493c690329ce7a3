import { Alert, Button, Descriptions, Form, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { BENEFIT_POLICIES, getMatchRun, startMatchRun, type MatchRun } from '../../api/benefits.ts';
import { runProgressOf, snapshotText } from '../../locales/codeNames.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { formatDateTime, formatDuration, formatYuan } from '../../utils/format.ts';
import { useBenefitsText } from './benefitsText.ts';
import { MatchRunHistory, RunStatusTag } from './MatchRunHistory.tsx';
import { MatchRunProgress } from './MatchRunProgress.tsx';
import { useActionKey } from './useActionKey.ts';

const POLL_MS = 1000;

interface RunValues {
  policy: string;
  period: string;
}

/** 发起匹配: a policy and a period, then the run's progress (polled) and its summary; earlier runs below. */
export function MatchRunPanel({ onShowCases }: { onShowCases: (runId: number) => void }) {
  const { bt, policyName } = useBenefitsText();
  const { t } = useI18n();
  const errorText = useErrorText();
  const [run, setRun] = useState<MatchRun>();
  const [error, setError] = useState<string>();
  const [isBusy, setIsBusy] = useState(false);
  const action = useActionKey();

  useEffect(() => {
    if (!run || run.status !== 'running') return undefined;
    const timer = window.setTimeout(() => {
      getMatchRun(run.id)
        .then(setRun)
        .catch((cause: unknown) => setError(errorText(cause)));
    }, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [run, errorText]);

  async function start(values: RunValues) {
    setIsBusy(true);
    setError(undefined);
    try {
      setRun(await startMatchRun(values.policy, values.period.trim(), action.key()));
      action.done();
    } catch (cause) {
      setError(errorText(cause));
    } finally {
      setIsBusy(false);
    }
  }

  const summary = run?.summary ?? null;
  const timings = summary?.timings_ms;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Form<RunValues>
        layout="inline"
        style={{ rowGap: 12 }}
        initialValues={{ policy: 'stable_jobs_refund', period: '2025' }}
        onFinish={(values) => void start(values)}
        aria-label={bt('benefits.runs.start')}
      >
        <Form.Item name="policy" label={bt('benefits.policy')} htmlFor="run-policy" rules={[{ required: true }]}>
          <Select
            id="run-policy"
            style={{ width: 200 }}
            options={BENEFIT_POLICIES.map((code) => ({ value: code, label: policyName(code) }))}
          />
        </Form.Item>
        <Form.Item
          name="period"
          label={bt('benefits.runs.periodLabel')}
          rules={[{ required: true, pattern: /^\d{4}(\d{2})?$/, message: bt('benefits.runs.periodRule') }]}
        >
          <Input style={{ width: 120 }} maxLength={6} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isBusy}>
          {bt('benefits.runs.start')}
        </Button>
      </Form>
      <Alert type="info" showIcon title={bt('benefits.runs.periodHint')} />
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      {run && (
        <div data-testid="match-run" data-status={run.status}>
          <Descriptions title={bt('benefits.runs.run', { id: run.id })} column={{ xs: 1, md: 3 }} size="small" bordered>
            <Descriptions.Item label={bt('benefits.policy')}>{policyName(run.policy)}</Descriptions.Item>
            <Descriptions.Item label={bt('benefits.period')}>{run.period}</Descriptions.Item>
            <Descriptions.Item label={bt('benefits.runs.status')}>
              <RunStatusTag run={run} testId="match-run-status" />
            </Descriptions.Item>
            <Descriptions.Item label={bt('benefits.runs.phase')}>{runProgressOf(t, run).phaseName}</Descriptions.Item>
            <Descriptions.Item label={bt('benefits.runs.version')}>
              {bt('benefits.runs.versionValue', { version: run.version_no, date: run.date })}
            </Descriptions.Item>
            <Descriptions.Item label={bt('benefits.runs.snapshot')}>{snapshotText(t, run.snapshot)}</Descriptions.Item>
            {summary && (
              <>
                <Descriptions.Item label={bt('benefits.runs.evaluated')}>
                  {summary.enterprises_evaluated ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={bt('benefits.runs.candidates')}>
                  {summary.candidates ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={bt('benefits.runs.new')}>
                  <span data-testid="match-run-new">{summary.candidates_new ?? '—'}</span>
                </Descriptions.Item>
                <Descriptions.Item label={bt('benefits.runs.unchanged')}>
                  {summary.candidates_unchanged ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={bt('benefits.runs.amountChanged')}>
                  {summary.amount_changed ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={bt('benefits.runs.excluded')}>
                  {summary.rows_excluded_already_granted ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={bt('benefits.runs.amountNew')}>
                  {formatYuan(summary.amount_new_fen)}
                </Descriptions.Item>
                <Descriptions.Item label={bt('benefits.runs.timings')}>
                  {timings
                    ? bt('benefits.runs.timingsValue', {
                        sql: formatDuration(timings.sql),
                        evaluate: formatDuration(timings.evaluate),
                        write: formatDuration(timings.write),
                      })
                    : '—'}
                </Descriptions.Item>
              </>
            )}
            <Descriptions.Item label={bt('benefits.updatedAt')}>
              {formatDateTime(run.finished_at ?? run.started_at)}
            </Descriptions.Item>
          </Descriptions>
          <MatchRunProgress run={run} />
          {run.error && <Alert type="error" showIcon role="alert" title={run.error} style={{ marginTop: 12 }} />}
          {run.status === 'completed' && (
            <Button style={{ marginTop: 12 }} onClick={() => onShowCases(run.id)}>
              {bt('benefits.runs.showCases')}
            </Button>
          )}
        </div>
      )}
      <MatchRunHistory refreshKey={run ? `${run.id}:${run.status}` : ''} onOpen={setRun} onShowCases={onShowCases} />
    </Space>
  );
}
