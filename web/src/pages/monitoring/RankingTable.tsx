import { Table, Typography, type TableProps } from 'antd';
import { Link } from 'react-router-dom';
import type { Ranking, RankingRow } from '../../api/monitoring.ts';
import { useI18n } from '../../locales/i18n.tsx';
import { formatIndicatorNumber } from './indicatorFormat.ts';
import { useIndicatorText } from './useIndicatorText.ts';

interface RankingTableProps {
  ranking: Ranking | undefined;
  isLoading: boolean;
  /** The drill-down address of a region (with the dashboard's filters). */
  regionLink: (code: string) => string;
}

/**
 * 地区排名: the province ranks the 13 cities and 昆山, 泰兴, 沭阳 (苏州 without 昆山 and so on, as
 * the notice addresses them); a city official ranks their divisions; a county official sees their
 * county among the other divisions of its prefecture. Names open the drill-down.
 */
export function RankingTable({ ranking, isLoading, regionLink }: RankingTableProps) {
  const { t } = useI18n();
  const text = useIndicatorText();
  const unit = ranking?.unit ?? '';
  const columns: TableProps<RankingRow>['columns'] = [
    {
      title: t('monitoring.rank'),
      dataIndex: 'rank',
      width: 64,
      render: (rank: number | null) => rank ?? t('common.none'),
    },
    {
      title: t('monitoring.regionName'),
      dataIndex: 'name',
      // Among peers, only the county's own row opens (the others are outside its scope).
      render: (name: string, row) =>
        ranking?.peer_group && row.code !== ranking.region ? (
          name
        ) : (
          <Link
            to={regionLink(row.code)}
            data-testid={`ranking-region-${row.code}`}
            style={ranking?.peer_group ? { fontWeight: 600 } : undefined}
          >
            {name}
          </Link>
        ),
    },
    {
      title: ranking
        ? `${text.label(ranking.indicator, ranking.label)}${text.unit(unit) ? `（${text.unit(unit)}）` : ''}`
        : t('monitoring.value'),
      dataIndex: 'value',
      align: 'right',
      render: (value: number | null, row) => (
        <>
          {ranking?.available ? formatIndicatorNumber(value, unit) : t('monitoring.noData')}
          {row.wholeCityValue !== undefined && row.wholeCityValue !== null && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('monitoring.wholeCity', { value: formatIndicatorNumber(row.wholeCityValue, unit) })}
              </Typography.Text>
            </div>
          )}
        </>
      ),
    },
  ];
  return (
    <div data-testid="ranking-table">
      <Table<RankingRow>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={ranking?.rows}
        loading={isLoading}
        pagination={false}
        locale={{ emptyText: t('monitoring.noRegions') }}
      />
    </div>
  );
}
