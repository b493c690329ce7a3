import { Card, Cascader, Form, Select, Table, Tabs, Tag, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  listOpenItems,
  listOpinionHotspots,
  listOpinionMessages,
  OPINION_SOURCES,
  OPINION_STATES,
  OPINION_TONES,
  OPINION_TOPICS,
  type OpenItemsRow,
  type OpinionHotspot,
  type OpinionMessageSummary,
  type OpinionQuery,
} from '../../api/opinion.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { regionTree, useRegions } from '../../components/referenceOptions.ts';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useI18n } from '../../locales/i18n.tsx';
import { LinkTags, StateTag, ToneTag } from './opinionTags.tsx';

/**
 * 舆情监测 (/opinion): messages filtered by topic, tone, region, state and source; the hotspots
 * with the messages behind them (?hotspot=); the open items by region and age.
 */
export default function OpinionMessagesPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const regions = useRegions();
  const tree = useMemo(() => regionTree(regions, user), [regions, user]);
  const [params, setParams] = useSearchParams();
  const hotspot = params.get('hotspot') ? Number(params.get('hotspot')) : undefined;
  const [query, setQuery] = useState<OpinionQuery>({ page: 1, pageSize: 20 });
  const effective = { ...query, hotspot };
  const messages = useRemoteData(() => listOpinionMessages(effective), JSON.stringify(effective));
  const hotspots = useRemoteData(() => listOpinionHotspots(), 'hotspots');
  const open = useRemoteData(() => listOpenItems(), 'open');
  const filter = (change: Partial<OpinionQuery>) => setQuery((current) => ({ ...current, ...change, page: 1 }));

  const columns: TableProps<OpinionMessageSummary>['columns'] = [
    {
      title: t('opinion.title'),
      dataIndex: 'title',
      render: (title: string, m) => <Link to={`/opinion/messages/${m.id}`}>{title}</Link>,
    },
    { title: t('opinion.source'), dataIndex: 'source', render: (s: string) => t(`opinion.source.${s}` as never) },
    { title: t('opinion.receivedAt'), dataIndex: 'receivedAt' },
    {
      title: t('opinion.topic'),
      dataIndex: 'topic',
      render: (topic: string) => <Tag>{t(`opinion.topic.${topic}` as never)}</Tag>,
    },
    { title: t('opinion.tone'), dataIndex: 'tone', render: (_, m) => <ToneTag tone={m.tone} /> },
    { title: t('opinion.enterprises'), dataIndex: 'links', render: (_, m) => <LinkTags links={m.links} /> },
    {
      title: t('opinion.region'),
      dataIndex: 'regionName',
      render: (name: string | null) => name ?? t('opinion.unrouted'),
    },
    {
      title: t('opinion.state'),
      dataIndex: 'state',
      render: (_, m) => (
        <>
          <StateTag state={m.state} />
          {m.isOverdue && <Tag color="red">{t('opinion.overdue')}</Tag>}
        </>
      ),
    },
    { title: t('opinion.deadline'), dataIndex: 'deadline', render: (d: string | null) => d ?? t('common.none') },
  ];

  const hotspotColumns: TableProps<OpinionHotspot>['columns'] = [
    {
      title: t('opinion.hotspot.subject'),
      key: 'subject',
      render: (_, h) =>
        h.kind === 'enterprise'
          ? (h.enterpriseName ?? h.uscc)
          : `${h.regionName ?? h.regionCode} · ${t(`opinion.topic.${h.topic}` as never)}`,
    },
    {
      title: t('opinion.hotspot.window'),
      dataIndex: 'window',
      render: (w: string) => t(`opinion.window.${w}` as never),
    },
    { title: t('opinion.hotspot.count'), dataIndex: 'count' },
    { title: t('opinion.hotspot.baseline'), dataIndex: 'baseline', render: (b: number) => b.toFixed(1) },
    { title: t('opinion.hotspot.detectedOn'), dataIndex: 'detectedOn' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, h) => (
        <Link to={`/opinion?hotspot=${h.id}`} onClick={() => setParams({ hotspot: String(h.id) })}>
          {t('opinion.hotspot.messages', { count: h.messageCount })}
        </Link>
      ),
    },
  ];

  const openColumns: TableProps<OpenItemsRow>['columns'] = [
    { title: t('opinion.region'), dataIndex: 'regionName', render: (n: string | null) => n ?? t('opinion.unrouted') },
    { title: t('opinion.state.pending'), dataIndex: 'pending' },
    { title: t('opinion.state.processing'), dataIndex: 'processing' },
    { title: t('opinion.state.replied'), dataIndex: 'replied' },
    {
      title: t('opinion.overdue'),
      dataIndex: 'overdue',
      render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : n),
    },
    { title: t('opinion.age.upTo3'), key: 'a3', render: (_, r) => r.ages.upTo3 },
    { title: t('opinion.age.upTo10'), key: 'a10', render: (_, r) => r.ages.upTo10 },
    { title: t('opinion.age.upTo30'), key: 'a30', render: (_, r) => r.ages.upTo30 },
    { title: t('opinion.age.over30'), key: 'a31', render: (_, r) => r.ages.over30 },
  ];

  const list = (
    <>
      <Form layout="inline" style={{ rowGap: 12, marginBottom: 16 }}>
        <Form.Item label={t('opinion.topic')} htmlFor="opinion-topic">
          <Select
            id="opinion-topic"
            allowClear
            placeholder={t('common.all')}
            style={{ width: 140 }}
            value={query.topic}
            options={OPINION_TOPICS.map((v) => ({ value: v, label: t(`opinion.topic.${v}` as never) }))}
            onChange={(topic) => filter({ topic })}
          />
        </Form.Item>
        <Form.Item label={t('opinion.tone')} htmlFor="opinion-tone">
          <Select
            id="opinion-tone"
            allowClear
            placeholder={t('common.all')}
            style={{ width: 110 }}
            value={query.tone}
            options={OPINION_TONES.map((v) => ({ value: v, label: t(`opinion.tone.${v}` as never) }))}
            onChange={(tone) => filter({ tone })}
          />
        </Form.Item>
        <Form.Item label={t('opinion.state')} htmlFor="opinion-state">
          <Select
            id="opinion-state"
            allowClear
            placeholder={t('common.all')}
            style={{ width: 120 }}
            value={query.state}
            options={OPINION_STATES.map((v) => ({ value: v, label: t(`opinion.state.${v}` as never) }))}
            onChange={(state) => filter({ state })}
          />
        </Form.Item>
        <Form.Item label={t('opinion.source')} htmlFor="opinion-source">
          <Select
            id="opinion-source"
            allowClear
            placeholder={t('common.all')}
            style={{ width: 120 }}
            value={query.source}
            options={OPINION_SOURCES.map((v) => ({ value: v, label: t(`opinion.source.${v}` as never) }))}
            onChange={(source) => filter({ source })}
          />
        </Form.Item>
        {user.role !== 'commissioner' && (
          <Form.Item label={t('opinion.region')} htmlFor="opinion-region">
            <Cascader
              id="opinion-region"
              options={tree}
              changeOnSelect
              showSearch
              allowClear
              style={{ width: 200 }}
              onChange={(path) => filter({ region: (path as string[] | undefined)?.at(-1) })}
            />
          </Form.Item>
        )}
        {hotspot !== undefined && (
          <Form.Item>
            <Tag closable onClose={() => setParams({}, { replace: true })}>
              {t('opinion.onlyHotspot')}
            </Tag>
          </Form.Item>
        )}
      </Form>
      <LoadError error={messages.error} />
      <div data-testid="opinion-messages">
        <Table<OpinionMessageSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={messages.data?.items}
          loading={messages.isLoading}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('opinion.empty') }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: messages.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setQuery((current) => ({ ...current, page, pageSize })),
          }}
        />
      </div>
    </>
  );

  return (
    <Card title={t('opinion.pageTitle')}>
      <Tabs
        items={[
          { key: 'messages', label: t('opinion.tab.messages'), children: list },
          {
            key: 'hotspots',
            label: t('opinion.tab.hotspots'),
            children: (
              <div data-testid="opinion-hotspots">
                <LoadError error={hotspots.error} />
                <Table<OpinionHotspot>
                  rowKey="id"
                  size="middle"
                  columns={hotspotColumns}
                  dataSource={hotspots.data?.items}
                  pagination={false}
                  locale={{ emptyText: t('opinion.hotspot.empty') }}
                />
              </div>
            ),
          },
          {
            key: 'open',
            label: t('opinion.tab.open'),
            children: (
              <div data-testid="opinion-open">
                <LoadError error={open.error} />
                <Typography.Paragraph type="secondary">{t('opinion.openHint')}</Typography.Paragraph>
                <Table<OpenItemsRow>
                  rowKey={(r) => r.regionCode ?? ''}
                  size="middle"
                  columns={openColumns}
                  dataSource={open.data?.items}
                  pagination={false}
                />
              </div>
            ),
          },
        ]}
      />
    </Card>
  );
}
