import { Alert, Descriptions, Progress, Space, type DescriptionsProps } from 'antd';
import type { ImportRun } from '../../api/imports.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../locales/i18n.tsx';
import { formatDateTime } from '../../utils/format.ts';
import { ImportStatusTag, RejectsLink } from './importStatus.tsx';
import { RejectedRows } from './RejectedRows.tsx';

const PROGRESS_STATUS = {
  queued: 'normal',
  running: 'active',
  completed: 'success',
  failed: 'exception',
  refused: 'exception',
  interrupted: 'exception',
} as const;

/** 排队中，前面还有 N 个: a queued run's place. */
function QueuedAlert({ run }: { run: ImportRun }) {
  const { t } = useI18n();
  if (run.status !== 'queued') return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="import-queued"
      title={t('imports.queuedAhead', { count: run.queuedAhead ?? 0 })}
    />
  );
}

/** Why a run ended without a summary: a refused header (with the expected columns), a failure, a crash. */
function EndedAlert({ run }: { run: ImportRun }) {
  const { t } = useI18n();
  if (run.status === 'refused')
    return <Alert type="error" showIcon role="alert" title={t('imports.refusedTitle')} description={run.message} />;
  if (run.status === 'failed')
    return <Alert type="error" showIcon role="alert" title={t('imports.failedTitle')} description={run.message} />;
  if (run.status === 'interrupted')
    return (
      <Alert type="warning" showIcon role="alert" title={t('imports.interruptedTitle')} description={run.message} />
    );
  return null;
}

/** The run just uploaded: progress bar and status while it runs, then its summary and its first rejected rows with the rejects file. */
export function ImportRunPanel({ run, error }: { run: ImportRun; error: unknown }) {
  const { t } = useI18n();
  const percent = Math.round(run.progress * 100);
  const summary: DescriptionsProps['items'] = [
    { key: 'file', label: t('imports.fileName'), children: <span data-testid="import-file">{run.fileName}</span> },
    {
      key: 'status',
      label: t('imports.status'),
      children: (
        <span data-testid="import-status">
          <ImportStatusTag status={run.status} />
        </span>
      ),
    },
    { key: 'rows', label: t('imports.rows'), children: <span data-testid="import-rows">{run.rows}</span> },
    {
      key: 'accepted',
      label: t('imports.accepted'),
      children: <span data-testid="import-accepted">{run.accepted}</span>,
    },
    {
      key: 'unchanged',
      label: t('imports.unchanged'),
      children: <span data-testid="import-unchanged">{run.unchanged}</span>,
    },
    {
      key: 'rejected',
      label: t('imports.rejected'),
      children: <span data-testid="import-rejected">{run.rejected}</span>,
    },
    { key: 'startedAt', label: t('imports.startedAt'), children: formatDateTime(run.startedAt) },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} aria-live="polite">
      <Progress percent={percent} status={PROGRESS_STATUS[run.status]} aria-label={t('imports.progress')} />
      <LoadError error={error} />
      <QueuedAlert run={run} />
      <EndedAlert run={run} />
      <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 4 }} items={summary} />
      {run.status === 'completed' && run.rejected > 0 ? <RejectedRows run={run} /> : <RejectsLink run={run} />}
    </Space>
  );
}
