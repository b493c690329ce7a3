import { Alert, Table, Typography } from 'antd';
import { getReconciliation, type LedgerRow } from '../../api/benefits.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { formatFen } from '../../utils/format.ts';
import { useBenefitsText } from './benefitsText.ts';

/** The double-entry ledger reconciled per policy, region and month; any difference is listed. */
export function LedgerPanel() {
  const { bt, policyName } = useBenefitsText();
  const report = useRemoteData(() => getReconciliation({}), 'ledger');
  const data = report.data;
  const money = (fen: number) => formatFen(fen);
  return (
    <>
      <LoadError error={report.error} />
      {data && (
        <Alert
          type={data.balanced ? 'success' : 'error'}
          showIcon
          role="status"
          data-testid="ledger-status"
          title={data.balanced ? bt('benefits.ledger.balanced') : bt('benefits.ledger.unbalanced', { count: data.differences.length })}
          description={
            <>
              {bt('benefits.ledger.totalPaid', { amount: money(data.total.paid_fen) })}
              {(data.anomalies.unbooked_payments.length > 0 || data.anomalies.settled_but_not_paid.length > 0) && (
                <Typography.Paragraph type="danger" style={{ marginBottom: 0 }}>
                  {bt('benefits.ledger.anomalies', { unbooked: data.anomalies.unbooked_payments.join(', ') || '—', unsettled: data.anomalies.settled_but_not_paid.join(', ') || '—' })}
                </Typography.Paragraph>
              )}
            </>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Table<LedgerRow>
        rowKey={(row) => `${row.policy_code}-${row.region_code}-${row.month}`}
        size="small"
        loading={report.isLoading}
        dataSource={data?.rows}
        locale={{ emptyText: bt('benefits.ledger.empty') }}
        scroll={{ x: 'max-content' }}
        rowClassName={(row) => (row.difference_fen !== 0 ? 'ant-table-row-danger' : '')}
        columns={[
          { title: bt('benefits.policy'), dataIndex: 'policy_code', render: (code: string) => policyName(code) },
          { title: bt('benefits.city'), dataIndex: 'region_name' },
          { title: bt('benefits.ledger.month'), dataIndex: 'month' },
          { title: bt('benefits.ledger.debit'), dataIndex: 'debit_fen', align: 'right', render: money },
          { title: bt('benefits.ledger.credit'), dataIndex: 'credit_fen', align: 'right', render: money },
          { title: bt('benefits.ledger.instructed'), dataIndex: 'instructed_fen', align: 'right', render: money },
          { title: bt('benefits.ledger.released'), dataIndex: 'released_fen', align: 'right', render: money },
          { title: bt('benefits.ledger.paid'), dataIndex: 'paid_fen', align: 'right', render: money },
          {
            title: bt('benefits.ledger.difference'),
            dataIndex: 'difference_fen',
            align: 'right',
            render: (fen: number) => <Typography.Text type={fen !== 0 ? 'danger' : undefined}>{money(fen)}</Typography.Text>,
          },
        ]}
      />
    </>
  );
}
