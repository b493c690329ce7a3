import { Alert, Descriptions, Table, Typography } from 'antd';
import type { MoneyPreview } from '../../api/benefits.ts';
import { formatFen, formatYuan } from '../../utils/format.ts';
import { useBenefitsText } from './benefitsText.ts';
import { skippedReasonKey } from './moneySteps.ts';

type Line = MoneyPreview['cases'][number];

/** What a money step is about to do: how many cases, the total, each case with its masked account, and the cases left out. */
export function MoneyPreviewView({ preview }: { preview: MoneyPreview }) {
  const { bt, policyName, stateName } = useBenefitsText();
  return (
    <div data-testid="money-preview">
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label={bt('benefits.money.count')}>
          <span data-testid="money-preview-count">{preview.count}</span>
        </Descriptions.Item>
        <Descriptions.Item label={bt('benefits.money.total')}>
          <Typography.Text strong data-testid="money-preview-total">
            {formatYuan(preview.total_fen)}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Table<Line>
        rowKey="id"
        size="small"
        pagination={preview.cases.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        dataSource={preview.cases}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: bt('benefits.caseNoShort'), dataIndex: 'id' },
          { title: bt('benefits.enterprise'), dataIndex: 'enterprise_name' },
          {
            title: bt('benefits.policy'),
            dataIndex: 'policy',
            render: (code: string, line) => `${policyName(code)}（${line.period}）`,
          },
          {
            title: bt('benefits.amount'),
            dataIndex: 'amount_fen',
            align: 'right',
            render: (fen: number) => formatFen(fen),
          },
          {
            title: bt('benefits.money.account'),
            key: 'account',
            render: (_, line) =>
              line.bank_account
                ? [line.bank_name, line.bank_account, line.account_holder].filter(Boolean).join(' · ')
                : bt('benefits.case.noBank'),
          },
        ]}
      />
      {preview.skipped.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={bt('benefits.money.skipped', { count: preview.skipped.length })}
          description={preview.skipped
            .map((s) => bt(skippedReasonKey(s), { id: s.id, state: s.state ? stateName(s.state) : '' }))
            .join('；')}
        />
      )}
    </div>
  );
}
