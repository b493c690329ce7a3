import { Space, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { listRejectedRows, type ImportRun, type RejectedRow } from '../../api/imports.ts';
import type { PageQuery } from '../../api/types.ts';
import { CodeHint } from '../../components/CodeHint.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useI18n } from '../../locales/i18n.tsx';
import { RejectsLink } from './importStatus.tsx';

/**
 * 被拒绝的行 of a finished run: the first rows by line with their column and reason (the code as a
 * grey hint), page by page from the server, and the link to the whole rejects file.
 */
export function RejectedRows({ run }: { run: ImportRun }) {
  const { t } = useI18n();
  const [query, setQuery] = useState<Required<PageQuery>>({ page: 1, pageSize: 10 });
  const rows = useRemoteData(() => listRejectedRows(run.id, query), `${run.id}:${JSON.stringify(query)}`);

  const columns: TableProps<RejectedRow>['columns'] = [
    { title: t('imports.rejectLine'), dataIndex: 'line', width: 80, align: 'right' },
    {
      title: t('imports.rejectColumn'),
      dataIndex: 'column',
      width: 160,
      render: (column: string) => column || t('imports.wholeRow'),
    },
    {
      title: t('imports.rejectReason'),
      dataIndex: 'reason',
      render: (reason: string, row) => (
        <Space orientation="vertical" size={0}>
          <span>{reason}</span>
          <CodeHint>{row.code}</CodeHint>
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('imports.rejectedRows')}
      </Typography.Title>
      <Typography.Text type="secondary">
        {t('imports.rejectedRowsHint', { total: rows.data?.total ?? run.rejected })}
      </Typography.Text>
      <LoadError error={rows.error} />
      <Table<RejectedRow>
        data-testid="import-rejected-rows"
        aria-label={t('imports.rejectedRows')}
        rowKey={(row) => `${row.line}:${row.column}:${row.code}`}
        size="small"
        scroll={{ x: 'max-content' }}
        columns={columns}
        dataSource={rows.data?.items}
        loading={rows.isLoading}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: rows.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
        }}
        onChange={(pagination) => setQuery({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 10 })}
      />
      <RejectsLink run={run} />
    </Space>
  );
}
