import { Table, Tag, Typography, type TableProps } from 'antd';
import type { Key } from 'react';
import { Link } from 'react-router-dom';
import type { BenefitCase } from '../../api/benefits.ts';
import type { Page } from '../../api/types.ts';
import { formatFen } from '../../utils/format.ts';
import { cityName } from './cityNames.ts';
import { useBenefitsText } from './benefitsText.ts';
import { CaseStateTag, publicityText, ReviewClockTag } from './CaseTags.tsx';

interface CaseTableProps {
  page: Page<BenefitCase> | undefined;
  isLoading: boolean;
  /** Officials see the enterprise and its region; the enterprise sees its own cases. */
  showEnterprise: boolean;
  onPage: (page: number, pageSize: number) => void;
  selection?: { keys: Key[]; onChange: (keys: Key[]) => void; isSelectable: (item: BenefitCase) => boolean };
}

/** Cases with policy, amount in yuan, state and the review clock; each opens its case page. */
export function CaseTable({ page, isLoading, showEnterprise, onPage, selection }: CaseTableProps) {
  const { bt, policyName } = useBenefitsText();
  const columns: TableProps<BenefitCase>['columns'] = [
    {
      title: '#',
      dataIndex: 'id',
      render: (id: number) => (
        <Link to={`/benefits/cases/${id}`} aria-label={bt('benefits.caseNo', { id })}>
          {id}
        </Link>
      ),
    },
    ...(showEnterprise
      ? [
          {
            title: bt('benefits.enterprise'),
            dataIndex: 'enterprise_name',
            render: (name: string, item: BenefitCase) => (
              <>
                {name}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {item.uscc}
                </Typography.Text>
              </>
            ),
          },
          { title: bt('benefits.city'), dataIndex: 'city_code', render: (code: string) => cityName(code) },
        ]
      : []),
    { title: bt('benefits.policy'), dataIndex: 'policy', render: (code: string) => policyName(code) },
    { title: bt('benefits.period'), dataIndex: 'period' },
    {
      title: bt('benefits.amount'),
      dataIndex: 'amount_fen',
      align: 'right',
      render: (fen: number, item) => (
        <span data-testid="case-amount">
          {formatFen(fen)}
          {item.awaiting_declaration > 0 && (
            <Tag color="orange" style={{ marginLeft: 6 }} data-testid="case-awaiting-declaration">
              {bt('benefits.declare.awaitingCount', { count: item.awaiting_declaration })}
            </Tag>
          )}
          {item.is_amount_changed && item.rerun_amount_fen !== null && (
            <Typography.Text type="warning" style={{ display: 'block', fontSize: 12 }}>
              {bt('benefits.amountChanged', { amount: formatFen(item.rerun_amount_fen) })}
            </Typography.Text>
          )}
        </span>
      ),
    },
    { title: bt('benefits.state'), dataIndex: 'state', render: (_, item) => <CaseStateTag state={item.state} /> },
    {
      title: bt('benefits.clock'),
      dataIndex: 'review_clock',
      render: (_, item) => (item.state === 'confirmed' ? <ReviewClockTag clock={item.review_clock} /> : '—'),
    },
    { title: bt('benefits.publicity'), key: 'publicity', render: (_, item) => publicityText(item, bt) },
    { title: bt('benefits.reason'), dataIndex: 'reason', render: (reason: string | null) => reason ?? '—' },
    {
      title: '',
      key: 'open',
      render: (_, item) => <Link to={`/benefits/cases/${item.id}`}>{bt('benefits.open')}</Link>,
    },
  ];
  return (
    <Table<BenefitCase>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items}
      loading={isLoading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: bt('benefits.empty') }}
      rowSelection={
        selection && {
          selectedRowKeys: selection.keys,
          onChange: selection.onChange,
          getCheckboxProps: (item) => ({
            disabled: !selection.isSelectable(item),
            'aria-label': bt('benefits.caseNo', { id: item.id }),
          }),
        }
      }
      pagination={{
        current: page?.page ?? 1,
        pageSize: page?.pageSize ?? 20,
        total: page?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100, 200],
        showTotal: (total) => `${total}`,
      }}
      onChange={(pagination) => onPage(pagination.current ?? 1, pagination.pageSize ?? 20)}
    />
  );
}
