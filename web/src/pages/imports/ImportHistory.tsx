import { Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { listImportRuns, type ImportRun, type ImportStatus } from '../../api/imports.ts';
import type { PageQuery } from '../../api/types.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { ActorLabel } from '../../components/CodeHint.tsx';
import { useI18n } from '../../locales/i18n.tsx';
import { formatDateTime } from '../../utils/format.ts';
import { ImportStatusTag, RejectsLink } from './importStatus.tsx';

/** 导入记录: previous runs, newest first, each with its summary and rejects. `version` reloads it. */
export function ImportHistory({ version }: { version: number }) {
  const { t } = useI18n();
  const [query, setQuery] = useState<Required<PageQuery>>({ page: 1, pageSize: 10 });
  const runs = useRemoteData(() => listImportRuns(query), `${JSON.stringify(query)}:${version}`);

  const columns: TableProps<ImportRun>['columns'] = [
    { title: t('imports.id'), dataIndex: 'id', width: 70 },
    { title: t('imports.kind'), dataIndex: 'kindLabel' },
    { title: t('imports.fileName'), dataIndex: 'fileName' },
    {
      title: t('imports.status'),
      dataIndex: 'status',
      render: (status: ImportStatus) => <ImportStatusTag status={status} />,
    },
    { title: t('imports.startedAt'), dataIndex: 'startedAt', render: (at: string) => formatDateTime(at) },
    { title: t('imports.rows'), dataIndex: 'rows', align: 'right' },
    { title: t('imports.accepted'), dataIndex: 'accepted', align: 'right' },
    { title: t('imports.unchanged'), dataIndex: 'unchanged', align: 'right' },
    { title: t('imports.rejected'), dataIndex: 'rejected', align: 'right' },
    { title: t('imports.actor'), dataIndex: 'actorName', render: (name: string | null) => <ActorLabel actor={name} /> },
    { title: t('common.actions'), key: 'rejects', render: (_, run) => <RejectsLink run={run} /> },
  ];

  return (
    <>
      <LoadError error={runs.error} />
      <Table<ImportRun>
        aria-label={t('imports.history')}
        rowKey="id"
        size="middle"
        scroll={{ x: 'max-content' }}
        columns={columns}
        dataSource={runs.data?.items}
        loading={runs.isLoading}
        expandable={{
          rowExpandable: (run) => Boolean(run.message),
          expandedRowRender: (run) => (
            <Typography.Text type={run.status === 'completed' ? undefined : 'danger'}>{run.message}</Typography.Text>
          ),
        }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: runs.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
        }}
        onChange={(pagination) => setQuery({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 10 })}
      />
    </>
  );
}
