import { Button, Card, Descriptions, Space, Table, Typography } from 'antd';
import { getJobQueue, type DeadLetter } from '../../api/jobQueue.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useI18n } from '../../locales/i18n.tsx';
import { formatDateTime } from '../../utils/format.ts';

/**
 * 后台任务: where background work runs (the PostgreSQL job queue of several processes, or worker
 * threads of the one SQLite server), how many jobs wait and work, and the dead-letter list — jobs
 * that failed on their last retry, with the error, for the system administrator to follow up.
 */
export default function JobQueuePage() {
  const { t } = useI18n();
  const queue = useRemoteData(() => getJobQueue(), 'job-queue');
  const data = queue.data;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <LoadError error={queue.error} />
      <Card title={t('jobs.queueTitle')} extra={<Button onClick={queue.reload}>{t('jobs.reload')}</Button>}>
        <Descriptions
          column={1}
          items={
            data
              ? [
                  { key: 'mode', label: t('jobs.mode'), children: t(`jobs.mode.${data.mode}`) },
                  { key: 'waiting', label: t('jobs.waiting'), children: data.waiting },
                  { key: 'active', label: t('jobs.active'), children: data.active },
                  { key: 'failed', label: t('jobs.failed'), children: data.failed },
                ]
              : []
          }
        />
      </Card>
      <Card title={t('jobs.deadLetters')}>
        <Typography.Paragraph type="secondary">{t('jobs.deadLettersHint')}</Typography.Paragraph>
        <Table<DeadLetter>
          rowKey="id"
          loading={queue.isLoading}
          dataSource={data?.deadLetters ?? []}
          pagination={{ pageSize: 20 }}
          data-testid="dead-letters"
          columns={[
            { title: t('jobs.job'), dataIndex: 'label' },
            {
              title: t('jobs.failedAt'),
              dataIndex: 'failedAt',
              render: (at: string) => (at ? formatDateTime(at) : ''),
            },
            { title: t('jobs.attempts'), dataIndex: 'attempts' },
            { title: t('jobs.error'), dataIndex: 'error', render: (error: string | null) => error ?? '' },
          ]}
        />
      </Card>
    </Space>
  );
}
