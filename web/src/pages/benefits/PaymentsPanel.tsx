import { Alert, Button, Form, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { createPaymentBatch, downloadPaymentFile, listPaymentBatches, type PaymentBatchListItem } from '../../api/benefits.ts';
import type { PageQuery } from '../../api/types.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText } from '../../locales/i18n.tsx';
import { saveBlob } from '../../utils/download.ts';
import { formatDateTime, formatFen } from '../../utils/format.ts';
import { useBenefitsText } from './benefitsText.ts';
import { useActionKey } from './useActionKey.ts';

const CASE_IDS = /^\s*\d+(\s*[,，\s]\s*\d+)*\s*$/;

/**
 * 直补快办: payment instruction files for cases past 公示 with no open objection, and the files
 * made before (newest first, with their download). The server refuses (403 SEPARATION_OF_DUTIES)
 * when the releaser approved the case; its message is shown.
 */
export function PaymentsPanel() {
  const { bt } = useBenefitsText();
  const errorText = useErrorText();
  const [query, setQuery] = useState<PageQuery>({ page: 1, pageSize: 20 });
  const batches = useRemoteData(() => listPaymentBatches(query), JSON.stringify(query));
  const [result, setResult] = useState<{ type: 'success' | 'error'; text: string }>();
  const [isBusy, setIsBusy] = useState(false);
  const action = useActionKey();

  async function create(values: { caseIds?: string }) {
    setIsBusy(true);
    setResult(undefined);
    try {
      const ids = values.caseIds?.trim() ? values.caseIds.split(/[,，\s]+/).filter(Boolean).map(Number) : undefined;
      const batch = await createPaymentBatch(ids, action.key());
      action.done();
      setQuery((current) => ({ ...current, page: 1 }));
      batches.reload();
      setResult({ type: 'success', text: bt('benefits.payments.created', { file: batch.file_name, payments: batch.payments, total: formatFen(batch.total_fen) }) });
    } catch (cause) {
      setResult({ type: 'error', text: errorText(cause) });
    } finally {
      setIsBusy(false);
    }
  }

  async function download(batch: PaymentBatchListItem) {
    try {
      const file = await downloadPaymentFile(batch);
      saveBlob(file.blob, file.fileName);
    } catch (cause) {
      setResult({ type: 'error', text: errorText(cause) });
    }
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={bt('benefits.payments.hint')} />
      <Form layout="inline" style={{ rowGap: 12 }} onFinish={(values: { caseIds?: string }) => void create(values)}>
        <Form.Item name="caseIds" label={bt('benefits.payments.caseIds')} rules={[{ pattern: CASE_IDS, message: bt('benefits.payments.caseIdsRule') }]}>
          <Input style={{ width: 240 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isBusy}>
          {bt('benefits.payments.create')}
        </Button>
      </Form>
      {result && <Alert type={result.type} showIcon role={result.type === 'error' ? 'alert' : 'status'} title={result.text} />}
      <LoadError error={batches.error} />
      <Table<PaymentBatchListItem>
        data-testid="payment-batches"
        rowKey="id"
        size="small"
        loading={batches.isLoading}
        dataSource={batches.data?.items}
        locale={{ emptyText: bt('benefits.payments.empty') }}
        pagination={{
          current: batches.data?.page ?? query.page,
          pageSize: batches.data?.pageSize ?? query.pageSize,
          total: batches.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (page, pageSize) => setQuery({ page, pageSize }),
        }}
        columns={[
          { title: '#', dataIndex: 'id' },
          { title: bt('benefits.payments.file'), dataIndex: 'file_name' },
          { title: bt('benefits.payments.count'), dataIndex: 'payments', align: 'right' },
          { title: bt('benefits.payments.total'), dataIndex: 'total_fen', align: 'right', render: (fen: number) => formatFen(fen) },
          { title: bt('benefits.payments.createdBy'), dataIndex: 'created_by', render: (name: string | null) => name ?? '—' },
          { title: bt('benefits.payments.createdAt'), dataIndex: 'created_at', render: (at: string) => formatDateTime(at) },
          { title: 'SHA-256', dataIndex: 'sha256', render: (hash: string) => <Typography.Text code>{hash.slice(0, 16)}…</Typography.Text> },
          { title: '', key: 'download', render: (_, batch) => batch.file_url && <Button onClick={() => void download(batch)}>{bt('benefits.payments.download')}</Button> },
        ]}
      />
      <Alert
        type="warning"
        showIcon
        title={bt('benefits.payments.bankResults')}
        action={<Link to="/imports?kind=bank_results">{bt('benefits.payments.toImports')}</Link>}
      />
    </Space>
  );
}
