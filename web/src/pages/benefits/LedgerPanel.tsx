import { Alert, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { BENEFIT_POLICIES, exportReconciliation, getReconciliation, type LedgerRow } from '../../api/benefits.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { formatFen } from '../../utils/format.ts';
import { useBenefitsText } from './benefitsText.ts';

const MONTH = /^\d{6}$/;

/**
 * The double-entry ledger reconciled per policy, region and month, filtered by policy and month;
 * any difference is listed; the same view exports to Excel.
 */
export function LedgerPanel() {
  const { bt, policyName } = useBenefitsText();
  const [filters, setFilters] = useState<{ policy?: string; month?: string }>({});
  const [monthText, setMonthText] = useState('');
  const report = useRemoteData(() => getReconciliation(filters), `ledger-${JSON.stringify(filters)}`);
  const data = report.data;
  const money = (fen: number) => formatFen(fen);
  const isMonthInvalid = monthText !== '' && !MONTH.test(monthText);
  return (
    <>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label={bt('benefits.policy')} htmlFor="ledger-policy">
            <Select
              id="ledger-policy"
              allowClear
              style={{ width: 180 }}
              value={filters.policy}
              placeholder={bt('benefits.ledger.allPolicies')}
              options={BENEFIT_POLICIES.map((code) => ({ value: code, label: policyName(code) }))}
              onChange={(policy: string | undefined) => setFilters((current) => ({ ...current, policy }))}
            />
          </Form.Item>
          <Form.Item
            label={bt('benefits.ledger.month')}
            htmlFor="ledger-month"
            validateStatus={isMonthInvalid ? 'error' : undefined}
            help={isMonthInvalid ? bt('benefits.ledger.monthRule') : undefined}
          >
            <Input
              id="ledger-month"
              allowClear
              style={{ width: 120 }}
              placeholder="202503"
              value={monthText}
              onChange={(event) => {
                const text = event.target.value.trim();
                setMonthText(text);
                if (text === '' || MONTH.test(text))
                  setFilters((current) => ({ ...current, month: text || undefined }));
              }}
            />
          </Form.Item>
        </Form>
        <ExportButton testId="ledger-export" download={() => exportReconciliation(filters)} />
      </Space>
      <LoadError error={report.error} />
      {data && (
        <Alert
          type={data.balanced ? 'success' : 'error'}
          showIcon
          role="status"
          data-testid="ledger-status"
          title={
            data.balanced
              ? bt('benefits.ledger.balanced')
              : bt('benefits.ledger.unbalanced', { count: data.differences.length })
          }
          description={
            <>
              {bt('benefits.ledger.totalPaid', { amount: money(data.total.paid_fen) })}
              {(data.anomalies.unbooked_payments.length > 0 || data.anomalies.settled_but_not_paid.length > 0) && (
                <Typography.Paragraph type="danger" style={{ marginBottom: 0 }}>
                  {bt('benefits.ledger.anomalies', {
                    unbooked: data.anomalies.unbooked_payments.join(', ') || '—',
                    unsettled: data.anomalies.settled_but_not_paid.join(', ') || '—',
                  })}
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
            render: (fen: number) => (
              <Typography.Text type={fen !== 0 ? 'danger' : undefined}>{money(fen)}</Typography.Text>
            ),
          },
        ]}
      />
    </>
  );
}
