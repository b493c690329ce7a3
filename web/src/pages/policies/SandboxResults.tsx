import { Card, Col, Row, Segmented, Statistic, Table, Tabs, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { getSandboxRun, type CostSlice, type SandboxDirection, type SandboxEnterprise, type SandboxRun } from '../../api/policies.ts';
import { Chart } from '../../components/Chart.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { isMessageKey, useI18n } from '../../locales/i18n.tsx';
import { formatFen } from '../../utils/format.ts';
import { jiangsuRegionName } from '../../utils/jiangsuRegions.ts';
import { OutcomeTag } from './PolicyResult.tsx';

type SliceKind = 'by_unit' | 'by_tier' | 'by_industry';

/** Before and after per slice as grouped bars, in yuan. */
function costOption(slices: readonly CostSlice[], nameOf: (slice: CostSlice) => string, words: { before: string; after: string; yuan: string }) {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value: number) => `${formatFen(Math.round(value * 100))} ${words.yuan}` },
    legend: { top: 0 },
    grid: { left: 90, right: 16, top: 36, bottom: 56 },
    xAxis: { type: 'category', data: slices.map(nameOf), axisLabel: { interval: 0, rotate: slices.length > 8 ? 40 : 0 } },
    yAxis: { type: 'value', name: words.yuan },
    series: [
      { name: words.before, type: 'bar', data: slices.map((slice) => slice.before_fen / 100), itemStyle: { color: '#bfbfbf' } },
      { name: words.after, type: 'bar', data: slices.map((slice) => slice.after_fen / 100), itemStyle: { color: '#1456b8' } },
    ],
  };
}

/** One breakdown of the cost: a table and a bar chart of before and after. */
function CostBreakdown({ slices, kind }: { slices: readonly CostSlice[]; kind: SliceKind }) {
  const { t } = useI18n();
  const nameOf = (slice: CostSlice) => {
    if (kind === 'by_unit') return slice.name ?? jiangsuRegionName(slice.key);
    const key = `tier.${slice.key}`;
    return kind === 'by_tier' && isMessageKey(key) ? t(key) : slice.key;
  };
  const option = useMemo(() => costOption(slices, nameOf, { before: t('sandbox.before'), after: t('sandbox.after'), yuan: t('unit.分') }), [slices, t]);
  const columns: TableProps<CostSlice>['columns'] = [
    { title: t(`sandbox.slice.${kind}`), key: 'name', render: (_, slice) => nameOf(slice) },
    { title: t('sandbox.beforeYuan'), dataIndex: 'before_fen', align: 'right', render: (fen: number) => formatFen(fen) },
    { title: t('sandbox.afterYuan'), dataIndex: 'after_fen', align: 'right', render: (fen: number) => formatFen(fen) },
    { title: t('sandbox.deltaYuan'), dataIndex: 'delta_fen', align: 'right', render: (fen: number) => <Typography.Text type={fen > 0 ? 'danger' : fen < 0 ? 'success' : undefined}>{formatFen(fen)}</Typography.Text> },
    { title: t('sandbox.eligibleBefore'), dataIndex: 'before_eligible', align: 'right' },
    { title: t('sandbox.eligibleAfter'), dataIndex: 'after_eligible', align: 'right' },
  ];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Table<CostSlice> rowKey="key" size="small" columns={columns} dataSource={[...slices]} pagination={false} scroll={{ x: 'max-content' }} />
      </Col>
      <Col xs={24} xl={12}>
        <Chart option={option} height={340} ariaLabel={t('sandbox.chartAria', { slice: t(`sandbox.slice.${kind}`) })} testId={`sandbox-chart-${kind}`} />
      </Col>
    </Row>
  );
}

/** The enterprises that gain, lose or change, from the stored run (paginated on the server). */
function ChangedEnterprises({ run }: { run: SandboxRun }) {
  const { t } = useI18n();
  const [query, setQuery] = useState<{ direction: SandboxDirection; page: number; pageSize: number }>({ direction: 'all', page: 1, pageSize: 20 });
  const page = useRemoteData(() => getSandboxRun(run.code, run.id, query), `${run.id}|${JSON.stringify(query)}`);
  const columns: TableProps<SandboxEnterprise>['columns'] = [
    { title: t('enterprises.name'), dataIndex: 'name', render: (name: string, row) => <>{name}<br /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{row.uscc}</Typography.Text></> },
    { title: t('monitoring.region'), dataIndex: 'city_code', render: (code: string) => jiangsuRegionName(code) },
    { title: t('enterprises.tier'), dataIndex: 'tier', render: (tier: string) => (isMessageKey(`tier.${tier}`) ? t(`tier.${tier}` as 'tier.srdi') : tier) },
    { title: t('enterprises.industry'), dataIndex: 'industry_category' },
    { title: t('sandbox.before'), key: 'before', render: (_, row) => <><OutcomeTag outcome={row.before_outcome} />{formatFen(row.before_fen)}</> },
    { title: t('sandbox.after'), key: 'after', render: (_, row) => <><OutcomeTag outcome={row.after_outcome} />{formatFen(row.after_fen)}</> },
    { title: t('sandbox.deltaYuan'), dataIndex: 'delta_fen', align: 'right', render: (fen: number) => formatFen(fen) },
  ];
  return (
    <>
      <Segmented<SandboxDirection>
        aria-label={t('sandbox.direction')}
        style={{ marginBottom: 12 }}
        value={query.direction}
        options={[
          { value: 'all', label: t('sandbox.direction.all', { count: run.summary.changed }) },
          { value: 'gain', label: t('sandbox.direction.gain', { count: run.summary.gainers }) },
          { value: 'loss', label: t('sandbox.direction.loss', { count: run.summary.losers }) },
        ]}
        onChange={(direction) => setQuery((current) => ({ ...current, direction, page: 1 }))}
      />
      <LoadError error={page.error} />
      <Table<SandboxEnterprise>
        rowKey="uscc"
        size="small"
        columns={columns}
        dataSource={page.data?.items}
        loading={page.isLoading}
        scroll={{ x: 'max-content' }}
        data-testid="sandbox-enterprises"
        pagination={{ current: query.page, pageSize: query.pageSize, total: page.data?.total ?? 0, showTotal: (total) => t('common.total', { total }) }}
        onChange={(pagination) => setQuery((current) => ({ ...current, page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 }))}
      />
    </>
  );
}

/** A sandbox run: totals, the cost by region, tier and industry before and after, and the enterprises that change. */
export function SandboxResults({ run }: { run: SandboxRun }) {
  const { t } = useI18n();
  const { summary } = run;
  return (
    <Card title={t('sandbox.resultTitle', { id: run.id, date: run.date })} data-testid="sandbox-results">
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={4}><Statistic title={t('sandbox.enterprises')} value={summary.enterprises} /></Col>
        <Col xs={12} md={4}><Statistic title={t('sandbox.gainers')} value={summary.gainers} valueStyle={{ color: '#389e0d' }} /></Col>
        <Col xs={12} md={4}><Statistic title={t('sandbox.losers')} value={summary.losers} valueStyle={{ color: '#cf1322' }} /></Col>
        <Col xs={12} md={4}><Statistic title={t('sandbox.changed')} value={summary.changed} /></Col>
        <Col xs={24} md={8}>
          <Statistic title={t('sandbox.totalDelta')} value={formatFen(summary.total.delta_fen)} suffix={t('unit.分')} />
          <Typography.Text type="secondary" data-testid="sandbox-total">
            {t('sandbox.totalBeforeAfter', { before: formatFen(summary.total.before_fen), after: formatFen(summary.total.after_fen) })}
          </Typography.Text>
        </Col>
      </Row>
      <Tabs
        items={[
          { key: 'by_unit', label: t('sandbox.slice.by_unit'), children: <CostBreakdown slices={summary.by_unit} kind="by_unit" /> },
          { key: 'by_tier', label: t('sandbox.slice.by_tier'), children: <CostBreakdown slices={summary.by_tier} kind="by_tier" /> },
          { key: 'by_industry', label: t('sandbox.slice.by_industry'), children: <CostBreakdown slices={summary.by_industry} kind="by_industry" /> },
          { key: 'enterprises', label: t('sandbox.changedEnterprises'), children: <ChangedEnterprises run={run} /> },
        ]}
      />
    </Card>
  );
}
