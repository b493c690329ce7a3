import { App, Button, Card, Input, Select, Space, Table, Tabs, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import {
  exportDiagnosisResults,
  listDiagnosisResults,
  listHarmonyApplications,
  reviewHarmonyApplication,
  type DiagnosisResults,
  type HarmonyApplication,
} from '../../api/labour.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText } from '../../locales/i18n.tsx';

type ResultRow = DiagnosisResults['items'][number];
type RegionRow = DiagnosisResults['regions'][number];

/**
 * 劳动关系体检结果 (/labour/diagnoses): each enterprise's latest diagnosis in the caller's regions,
 * lowest first, with the summary by region and the enterprises at risk; 和谐劳动关系 applications to review.
 */
export default function DiagnosisResultsPage() {
  const [atRisk, setAtRisk] = useState<boolean | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const results = useRemoteData(() => listDiagnosisResults({ ...page, atRisk }), JSON.stringify({ page, atRisk }));

  const regionColumns: TableProps<RegionRow>['columns'] = [
    { title: '地区', dataIndex: 'regionName' },
    { title: '已体检企业', dataIndex: 'enterprises' },
    { title: '平均分', dataIndex: 'averageScore' },
    { title: '风险企业', dataIndex: 'atRisk', render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : n) },
  ];
  const areaTitles = results.data?.items[0]?.areas.map((a) => ({ code: a.code, title: a.title })) ?? [];
  const columns: TableProps<ResultRow>['columns'] = [
    { title: '企业', dataIndex: 'enterpriseName' },
    { title: '地区', dataIndex: 'regionName' },
    { title: '总分', dataIndex: 'total' },
    {
      title: '风险',
      dataIndex: 'isAtRisk',
      render: (r: boolean) => (r ? <Tag color="red">风险企业</Tag> : <Tag color="green">良好</Tag>),
    },
    ...areaTitles.map((a) => ({
      title: a.title,
      key: a.code,
      render: (_: unknown, row: ResultRow) => {
        const area = row.areas.find((x) => x.code === a.code);
        return area ? <span style={{ color: area.isAtRisk ? '#cf1322' : undefined }}>{area.score}</span> : '—';
      },
    })),
    { title: '提交时间', dataIndex: 'submittedAt', render: (v: string) => v.slice(0, 10) },
  ];

  const resultsTab = (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <LoadError error={results.error} />
      <Card title="按地区汇总" size="small">
        <Table<RegionRow>
          rowKey="regionCode"
          size="small"
          pagination={false}
          columns={regionColumns}
          dataSource={results.data?.regions}
        />
      </Card>
      <Card
        title="各企业最新体检结果（得分低者在前）"
        size="small"
        extra={
          <Space>
            <Select
              style={{ width: 140 }}
              value={atRisk === undefined ? 'all' : atRisk ? 'risk' : 'ok'}
              options={[
                { value: 'all', label: '全部企业' },
                { value: 'risk', label: '只看风险企业' },
                { value: 'ok', label: '只看良好企业' },
              ]}
              onChange={(v) => {
                setAtRisk(v === 'all' ? undefined : v === 'risk');
                setPage((p) => ({ ...p, page: 1 }));
              }}
            />
            <ExportButton
              download={() => exportDiagnosisResults(atRisk === undefined ? {} : { atRisk })}
              testId="diagnoses-export"
            />
          </Space>
        }
      >
        <div data-testid="diagnosis-results">
          <Table<ResultRow>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={results.data?.items}
            loading={results.isLoading}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: '暂无体检结果' }}
            pagination={{
              current: page.page,
              pageSize: page.pageSize,
              total: results.data?.total ?? 0,
              showTotal: (total) => `共 ${total} 家`,
              onChange: (p, pageSize) => setPage({ page: p, pageSize }),
            }}
          />
        </div>
      </Card>
    </Space>
  );

  return (
    <Card title="劳动关系体检结果">
      <Tabs
        items={[
          { key: 'results', label: '体检结果', children: resultsTab },
          { key: 'harmony', label: '和谐劳动关系创建申请', children: <HarmonyReview /> },
        ]}
      />
    </Card>
  );
}

function HarmonyReview() {
  const user = useCurrentUser();
  const canReview = user.role === 'province_hrss' || user.role === 'city_hrss';
  const [version, setVersion] = useState(0);
  const applications = useRemoteData(() => listHarmonyApplications(), `harmony:${version}`);
  const [notes, setNotes] = useState<Record<number, string>>({});
  const errorText = useErrorText();
  const { message } = App.useApp();
  async function review(id: number, approve: boolean) {
    try {
      await reviewHarmonyApplication(id, approve, notes[id] ?? '');
      void message.success(approve ? '已认定' : '已不予认定');
      setVersion((v) => v + 1);
    } catch (error) {
      void message.error(errorText(error));
    }
  }
  const columns: TableProps<HarmonyApplication>['columns'] = [
    { title: '企业', dataIndex: 'enterpriseName' },
    { title: '年度', dataIndex: 'year' },
    { title: '申请说明', dataIndex: 'statement', width: 360 },
    { title: '状态', dataIndex: 'stateLabel', render: (l: string) => <Tag>{l}</Tag> },
    {
      title: '审核',
      key: 'review',
      render: (_, a) =>
        a.state === 'submitted' && canReview ? (
          <Space>
            <Input
              placeholder="审核意见"
              style={{ width: 160 }}
              value={notes[a.id] ?? ''}
              onChange={(e) => setNotes((n) => ({ ...n, [a.id]: e.target.value }))}
            />
            <Button size="small" type="primary" onClick={() => void review(a.id, true)}>
              认定
            </Button>
            <Button size="small" danger onClick={() => void review(a.id, false)}>
              不予认定
            </Button>
          </Space>
        ) : (
          (a.reviewNote ?? '—')
        ),
    },
  ];
  return (
    <>
      <LoadError error={applications.error} />
      <Table<HarmonyApplication>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={applications.data}
        locale={{ emptyText: '暂无申请' }}
        scroll={{ x: 'max-content' }}
      />
    </>
  );
}
