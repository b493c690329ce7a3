import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { downloadImportTemplate, type ImportColumn, type ImportKind } from '../../api/imports.ts';
import { CodeHint } from '../../components/CodeHint.tsx';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { saveBlob } from '../../utils/download.ts';

/**
 * The columns of a kind as the file's template — with the values a column accepts (结果: 成功、失败)
 * — and 下载模板: the server's Excel template, whose header notes and 填写说明 sheet list them too.
 */
export function ImportTemplate({ kind }: { kind: ImportKind }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();

  async function downloadTemplate() {
    try {
      const { blob, fileName } = await downloadImportTemplate(
        kind.kind,
        t('imports.templateFileName', { label: kind.label }),
      );
      saveBlob(blob, fileName);
    } catch (error) {
      void message.error(errorText(error));
    }
  }

  const columns: TableProps<ImportColumn>['columns'] = [
    { title: t('imports.columnHeader'), dataIndex: 'header' },
    { title: t('imports.columnAlias'), dataIndex: 'alias', render: (alias: string) => <CodeHint>{alias}</CodeHint> },
    {
      title: t('imports.columnRequired'),
      dataIndex: 'required',
      render: (isRequired: boolean) =>
        isRequired ? <Tag color="red">{t('imports.required')}</Tag> : <Tag>{t('imports.optional')}</Tag>,
    },
    {
      title: t('imports.columnValues'),
      dataIndex: 'values',
      render: (values: string[] | null) => (values ? values.join('、') : t('common.none')),
    },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">{t('imports.templateHint')}</Typography.Text>
        <Button icon={<DownloadOutlined />} onClick={() => void downloadTemplate()}>
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
