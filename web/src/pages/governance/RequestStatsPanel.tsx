import { Card, Col, Row, Statistic, Table, type TableProps } from 'antd';
import { exportRequestStats, getRequestStats, type RequestStatsRow } from '../../api/governance.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useI18n } from '../../locales/i18n.tsx';

/** 有求必应 in figures: on-time rate, average handling time and satisfaction by city, commissioner and category. */
export function RequestStatsPanel() {
  const { t } = useI18n();
  const stats = useRemoteData(() => getRequestStats(), 'request-stats');
  const percent = (value: number | null) => (value === null ? t('common.none') : `${(value * 100).toFixed(1)}%`);
  const number = (value: number | null) => (value === null ? t('common.none') : String(value));
  const columns = (first: string): TableProps<RequestStatsRow>['columns'] => [
    { title: first, dataIndex: 'label' },
    { title: t('governance.statTotal'), dataIndex: 'total' },
    { title: t('governance.statOpen'), dataIndex: 'open' },
    { title: t('governance.statOverdue'), dataIndex: 'overdue' },
    { title: t('governance.statAnswered'), dataIndex: 'answered' },
    { title: t('governance.statOnTimeRate'), dataIndex: 'onTimeRate', render: percent },
    { title: t('governance.statHandlingDays'), dataIndex: 'averageHandlingDays', render: number },
    { title: t('governance.statRating'), dataIndex: 'averageRating', render: number },
  ];
  const overall = stats.data?.overall;
  const table = (title: string, first: string, rows: RequestStatsRow[] | undefined) => (
    <Card size="small" title={title} style={{ marginTop: 16 }}>
      <Table<RequestStatsRow>
        rowKey="key"
        size="small"
        pagination={false}
        columns={columns(first)}
        dataSource={rows}
        loading={stats.isLoading}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
  return (
    <>
      <LoadError error={stats.error} />
      <Row gutter={[16, 8]} align="middle">
        <Col xs={12} md={5}>
          <Statistic title={t('governance.statTotal')} value={overall?.total ?? 0} />
        </Col>
        <Col xs={12} md={5}>
          <Statistic title={t('governance.statOnTimeRate')} value={percent(overall?.onTimeRate ?? null)} />
        </Col>
        <Col xs={12} md={5}>
          <Statistic title={t('governance.statHandlingDays')} value={number(overall?.averageHandlingDays ?? null)} />
        </Col>
        <Col xs={12} md={5}>
          <Statistic title={t('governance.statRating')} value={number(overall?.averageRating ?? null)} />
        </Col>
        <Col xs={24} md={4}>
          <ExportButton testId="request-stats-export" download={exportRequestStats} />
        </Col>
      </Row>
      {table(t('governance.byCity'), t('users.region'), stats.data?.byCity)}
      {table(t('governance.byCommissioner'), t('governance.commissioner'), stats.data?.byCommissioner)}
      {table(t('governance.byCategory'), t('governance.category'), stats.data?.byCategory)}
    </>
  );
}
