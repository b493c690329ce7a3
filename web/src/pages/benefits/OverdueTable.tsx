import { Card, Table, Tooltip, Typography } from 'antd';
import { listOverdueByCity } from '../../api/benefits.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { cityName } from './cityNames.ts';
import { useBenefitsText } from './benefitsText.ts';

/** Cases past their review limit by city; those with a provisional deadline count too, and are shown apart. */
export function OverdueTable() {
  const { bt } = useBenefitsText();
  const overdue = useRemoteData(() => listOverdueByCity(), 'overdue');
  return (
    <Card
      title={bt('benefits.overdue.title')}
      size="small"
      extra={
        overdue.data && (
          <Typography.Text type="secondary">
            {bt('benefits.overdue.today', { date: overdue.data.today })}
          </Typography.Text>
        )
      }
    >
      <LoadError error={overdue.error} />
      <Table
        data-testid="overdue-by-city"
        rowKey="city_code"
        size="small"
        pagination={false}
        loading={overdue.isLoading}
        dataSource={overdue.data?.items}
        locale={{ emptyText: bt('benefits.overdue.empty') }}
        columns={[
          { title: bt('benefits.city'), dataIndex: 'city_code', render: (code: string) => cityName(code) },
          {
            title: bt('benefits.overdue.count'),
            dataIndex: 'overdue',
            align: 'right',
            render: (count: number) => (
              <Typography.Text type={count > 0 ? 'danger' : undefined}>{count}</Typography.Text>
            ),
          },
          {
            title: (
              <Tooltip title={bt('benefits.overdue.provisionalHint')}>{bt('benefits.overdue.provisional')}</Tooltip>
            ),
            dataIndex: 'provisional',
            align: 'right',
            render: (count: number) => (
              <Typography.Text type={count > 0 ? 'warning' : undefined}>{count}</Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
