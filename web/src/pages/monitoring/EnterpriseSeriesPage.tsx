import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Row, Space, Table, Tag, type TableProps } from 'antd';
import { useMemo } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { getEnterpriseSeries, type EnterpriseMonth } from '../../api/monitoring.ts';
import { Chart } from '../../components/Chart.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageBreadcrumb } from '../../components/PageBreadcrumb.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useI18n } from '../../locales/i18n.tsx';
import { formatDate, formatFen } from '../../utils/format.ts';
import { formatPeriod } from '../../utils/period.ts';
import { TierTag } from '../enterprises/enterpriseTags.tsx';
import { compositionOption, contributionsOption, flowsOption, headcountOption, reasonsIn } from './enterpriseCharts.ts';
import { useIndicatorText } from './useIndicatorText.ts';

/**
 * 企业月度监测 (/monitoring/enterprises/:uscc): headcount, hires and leaves by reason,
 * composition and contributions month by month, as charts and as a table (the accessible copy).
 */
export default function EnterpriseSeriesPage() {
  const { t } = useI18n();
  const text = useIndicatorText();
  const navigate = useNavigate();
  const { uscc = '' } = useParams();
  const series = useRemoteData(() => getEnterpriseSeries(uscc), uscc);
  const data = series.data?.enterprise.uscc === uscc.trim().toUpperCase() ? series.data : undefined;
  const months = useMemo(() => data?.months ?? [], [data]);

  const charts = useMemo(
    () => ({
      headcount: headcountOption(months, t('monitoring.insuredNow')),
      flows: flowsOption(months, { hires: t('indicator.new_hires'), reason: (code) => text.reason(code) }),
      composition: compositionOption(months, {
        graduates: t('monitoring.graduates'),
        highSkill: t('monitoring.highSkill'),
        seniorTitle: t('monitoring.seniorTitle'),
      }),
      contributions: contributionsOption(months, t('monitoring.contributions'), t('unit.分')),
    }),
    [months, t, text],
  );

  const columns: TableProps<EnterpriseMonth>['columns'] = [
    {
      title: t('monitoring.month'),
      dataIndex: 'period',
      fixed: 'left',
      render: (period: number) => formatPeriod(period),
    },
    {
      title: t('monitoring.monitored'),
      dataIndex: 'isMonitored',
      render: (isMonitored: boolean) =>
        isMonitored ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>,
    },
    {
      title: t('monitoring.insuredNow'),
      dataIndex: 'insured',
      align: 'right',
      render: (insured: number, month) => (month.hasRoster ? insured : t('common.none')),
    },
    { title: t('indicator.new_hires'), dataIndex: 'hires', align: 'right' },
    { title: t('indicator.separations'), dataIndex: 'separations', align: 'right' },
    {
      title: t('monitoring.byReason'),
      key: 'reasons',
      render: (_, month) =>
        reasonsIn([month])
          .map((reason) => `${text.reason(reason)} ${month.separationsByReason[reason]}`)
          .join('；') || t('common.none'),
    },
    {
      title: t('monitoring.graduates'),
      key: 'graduates',
      align: 'right',
      render: (_, month) => month.composition.graduates,
    },
    {
      title: t('monitoring.highSkill'),
      key: 'highSkill',
      align: 'right',
      render: (_, month) => month.composition.highSkill,
    },
    {
      title: t('monitoring.seniorTitle'),
      key: 'seniorTitle',
      align: 'right',
      render: (_, month) => month.composition.seniorTitle,
    },
    {
      title: t('monitoring.contributionsYuan'),
      dataIndex: 'contributionsFen',
      align: 'right',
      render: (fen: number, month) => (month.hasContributions ? formatFen(fen) : t('common.none')),
    },
  ];

  return (
    <>
      <PageBreadcrumb current={data?.enterprise.name ?? uscc} />
      <Card
        loading={series.isLoading && !data}
        title={
          <Space wrap>
            <span>{data?.enterprise.name ?? uscc}</span>
            {data && <TierTag tier={data.enterprise.tier} />}
          </Space>
        }
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
            {t('common.back')}
          </Button>
        }
      >
        <LoadError error={series.error} />
        {data && (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              items={[
                { key: 'uscc', label: t('enterprises.uscc'), children: data.enterprise.uscc },
                {
                  key: 'region',
                  label: t('enterprises.location'),
                  children: data.enterprise.regionName ?? data.enterprise.regionCode,
                },
                {
                  key: 'validUntil',
                  label: t('enterprises.validUntil'),
                  children: formatDate(data.enterprise.validUntil),
                },
              ]}
            />
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={12}>
                <Card size="small" title={t('monitoring.chartHeadcount')}>
                  <Chart
                    option={charts.headcount}
                    height={260}
                    ariaLabel={t('monitoring.chartHeadcount')}
                    testId="series-headcount"
                  />
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card size="small" title={t('monitoring.chartFlows')}>
                  <Chart
                    option={charts.flows}
                    height={260}
                    ariaLabel={t('monitoring.chartFlows')}
                    testId="series-flows"
                  />
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card size="small" title={t('monitoring.chartComposition')}>
                  <Chart
                    option={charts.composition}
                    height={260}
                    ariaLabel={t('monitoring.chartComposition')}
                    testId="series-composition"
                  />
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card size="small" title={t('monitoring.chartContributions')}>
                  <Chart
                    option={charts.contributions}
                    height={260}
                    ariaLabel={t('monitoring.chartContributions')}
                    testId="series-contributions"
                  />
                </Card>
              </Col>
            </Row>
            <div data-testid="series-table">
              <Table<EnterpriseMonth>
                rowKey="period"
                size="small"
                columns={columns}
                dataSource={months}
                pagination={false}
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: t('monitoring.noMonths') }}
              />
            </div>
          </Space>
        )}
      </Card>
    </>
  );
}
