import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Typography, type TableProps } from 'antd';
import type { ImportColumn, ImportKind } from '../../api/imports.ts';
import { CodeHint } from '../../components/CodeHint.tsx';
import { useI18n } from '../../locales/i18n.tsx';
import { csvText, saveBlob } from '../../utils/download.ts';

/** The columns of a kind as the file's template, and 下载模板: a CSV of the Chinese header made here. */
export function ImportTemplate({ kind }: { kind: ImportKind }) {
  const { t } = useI18n();

  function downloadTemplate() {
    const blob = new Blob([csvText(kind.columns.map((column) => column.header))], { type: 'text/csv;charset=utf-8' });
    saveBlob(blob, t('imports.templateFileName', { label: kind.label }));
  }

  const columns: TableProps<ImportColumn>['columns'] = [
    { title: t('imports.columnHeader'), dataIndex: 'header' },
    { title: t('imports.columnAlias'), dataIndex: 'alias', render: (alias: string) => <CodeHint>{alias}</CodeHint> },
    {
      title: t('imports.columnRequired'),
      dataIndex: 'required',
      render: (isRequired: boolean) => (isRequired ? <Tag color="red">{t('imports.required')}</Tag> : <Tag>{t('imports.optional')}</Tag>),
    },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">{t('imports.templateHint')}</Typography.Text>
        <Button icon={<DownloadOutlined />} onClick={downloadTemplate}>
          {t('imports.downloadTemplate')}
        </Button>
      </Space>
      <Table<ImportColumn>
        aria-label={t('imports.template')}
        rowKey="header"
        size="small"
        columns={columns}
        dataSource={kind.columns}
        pagination={false}
      />
    </Space>
  );
}
