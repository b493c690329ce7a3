import { Progress, Steps, Typography } from 'antd';
import type { MatchRun } from '../../api/benefits.ts';
import { runProgressOf } from '../../locales/codeNames.ts';
import { useI18n } from '../../locales/i18n.tsx';
import { useBenefitsText } from './benefitsText.ts';

/**
 * Where a running match run stands: its step (读取数据并测算 → 写入案件 → 完成) and, while
 * writing, the enterprises written out of all — a bar only once there is something to measure.
 */
export function MatchRunProgress({ run }: { run: MatchRun }) {
  const { t } = useI18n();
  const { bt } = useBenefitsText();
  const progress = runProgressOf(t, run);
  return (
    <div data-testid="match-run-progress" data-step={progress.step} style={{ marginTop: 8 }}>
      <Steps
        size="small"
        current={progress.step}
        status={run.status === 'failed' ? 'error' : run.status === 'completed' ? 'finish' : 'process'}
        items={[
          { title: bt('benefits.runs.progressStep.facts') },
          { title: bt('benefits.runs.progressStep.write') },
          { title: bt('benefits.runs.progressStep.done') },
        ]}
      />
      {run.status === 'running' && progress.step === 0 && (
        <Typography.Text type="secondary">{bt('benefits.runs.progressReading')}</Typography.Text>
      )}
      {run.status === 'running' && progress.percent !== undefined && (
        <>
          <Progress percent={progress.percent} status="active" size="small" aria-label={progress.phaseName} />
          <Typography.Text type="secondary">
            {bt('benefits.runs.progressWriting', { done: progress.done, total: progress.total })}
          </Typography.Text>
        </>
      )}
    </div>
  );
}
