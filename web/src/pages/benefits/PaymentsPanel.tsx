import { Alert, Button, Form, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  createPaymentBatch,
  downloadPaymentFile,
  listPaymentBatches,
  previewPaymentBatch,
  type PaymentBatchListItem,
} from '../../api/benefits.ts';
import type { PageQuery } from '../../api/types.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText } from '../../locales/i18n.tsx';
import { saveBlob } from '../../utils/download.ts';
import { formatDateTime, formatFen } from '../../utils/format.ts';
import { useBenefitsText } from './benefitsText.ts';
import { ConfirmMoneyModal } from './ConfirmMoneyModal.tsx';
import { parseCaseIds, previewedIds } from './moneySteps.ts';

/**
 * 直补快办: payment instruction files for cases past 公示 with no open objection — generated only
 * after a preview of the cases, total and masked accounts is confirmed — and the files made
 * before (newest first, with their download). The server refuses (403 SEPARATION_OF_DUTIES)
 * when the releaser approved the case; its message is shown.
 */
export function PaymentsPanel() {
  const { bt } = useBenefitsText();
  const errorText = useErrorText();
  const [query, setQuery] = useState<PageQuery>({ page: 1, pageSize: 20 });
  const batches = useRemoteData(() => listPaymentBatches(query), JSON.stringify(query));
  const [result, setResult] = useState<{ type: 'success' | 'error'; text: string }>();
  // The cases asked for when 生成支付指令 was clicked (undefined: every payable case); null: the dialog is closed.
  const [asked, setAsked] = useState<number[] | undefined | null>(null);

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
      <Form
        layout="inline"
        style={{ rowGap: 12 }}
        onFinish={(values: { caseIds?: string }) => {
          setResult(undefined);
          setAsked(parseCaseIds(values.caseIds) ?? undefined);
        }}
      >
        <Form.Item
          name="caseIds"
          label={bt('benefits.payments.caseIds')}
          rules={[
            {
              validator: (_, text?: string) =>
                parseCaseIds(text) === null
                  ? Promise.reject(new Error(bt('benefits.payments.caseIdsRule')))
                  : Promise.resolve(),
            },
          ]}
        >
          <Input style={{ width: 240 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {bt('benefits.payments.create')}
        </Button>
      </Form>
      <ConfirmMoneyModal
        title={bt('benefits.money.paymentTitle')}
        okText={bt('benefits.money.paymentOk')}
        open={asked !== null}
        needsOpinion={false}
        loadPreview={() => previewPaymentBatch(asked ?? undefined)}
        onClose={() => setAsked(null)}
        onConfirm={async (preview, _opinion, key) => {
          const batch = await createPaymentBatch(previewedIds(preview), preview.token, key);
          setQuery((current) => ({ ...current, page: 1 }));
          batches.reload();
          setResult({
            type: 'success',
            text: bt('benefits.payments.created', {
              file: batch.file_name,
              payments: batch.payments,
              total: formatFen(batch.total_fen),
            }),
          });
        }}
      />
      {result && (
        <Alert type={result.type} showIcon role={result.type === 'error' ? 'alert' : 'status'} title={result.text} />
      )}
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
          {
            title: bt('benefits.payments.total'),
            dataIndex: 'total_fen',
            align: 'right',
            render: (fen: number) => formatFen(fen),
          },
          {
            title: bt('benefits.payments.createdBy'),
            dataIndex: 'created_by',
            render: (name: string | null) => name ?? '—',
          },
          {
            title: bt('benefits.payments.createdAt'),
            dataIndex: 'created_at',
            render: (at: string) => formatDateTime(at),
          },
          {
            title: 'SHA-256',
            dataIndex: 'sha256',
            render: (hash: string) => <Typography.Text code>{hash.slice(0, 16)}…</Typography.Text>,
          },
          {
            title: '',
            key: 'download',
            render: (_, batch) =>
              batch.file_url && (
                <Button onClick={() => void download(batch)}>{bt('benefits.payments.download')}</Button>
              ),
          },
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
