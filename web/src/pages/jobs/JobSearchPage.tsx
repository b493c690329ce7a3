import { Button, Card, Col, Input, InputNumber, Layout, List, Row, Select, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import {
  ENTERPRISE_TIERS,
  JOB_EDUCATIONS,
  searchJobs,
  type EnterpriseTier,
  type JobEducation,
  type JobSearchItem,
  type JobSearchQuery,
  type JobSort,
} from '../../api/jobs.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useI18n, type MessageKey } from '../../locales/i18n.tsx';
import { formatDate } from '../../utils/format.ts';
import { JIANGSU_REGIONS } from '../../utils/jiangsuRegions.ts';
import { TextPieces } from './TextPieces.tsx';

const SORTS: readonly JobSort[] = ['relevance', 'date', 'salary'];
const OCCUPATION_GROUPS = ['2', '4', '6'] as const;
const PAGE_SIZE = 10;

function numberParam(value: string | null): number | undefined {
  if (value === null || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : undefined;
}

/** The query the address holds (so a search can be shared, reloaded and gone back to). */
function queryOf(params: URLSearchParams): JobSearchQuery {
  const query: JobSearchQuery = { page: numberParam(params.get('page')) || 1, pageSize: PAGE_SIZE };
  const q = params.get('q')?.trim();
  if (q) query.q = q;
  const region = params.get('region');
  if (region) query.region = region;
  const occupation = params.get('occupation');
  if (occupation) query.occupation = occupation;
  const education = params.get('education');
  if (education && (JOB_EDUCATIONS as readonly string[]).includes(education))
    query.education = education as JobEducation;
  const tier = params.get('tier');
  if (tier && (ENTERPRISE_TIERS as readonly string[]).includes(tier)) query.tier = tier as EnterpriseTier;
  const sort = params.get('sort');
  if (sort && (SORTS as readonly string[]).includes(sort)) query.sort = sort as JobSort;
  const salaryMin = numberParam(params.get('salaryMin'));
  if (salaryMin !== undefined) query.salaryMin = salaryMin;
  const salaryMax = numberParam(params.get('salaryMax'));
  if (salaryMax !== undefined) query.salaryMax = salaryMax;
  return query;
}

function JobCard({ item, from }: { item: JobSearchItem; from: string }) {
  const { t } = useI18n();
  return (
    <List.Item style={{ display: 'block' }} data-testid="job-result">
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: 8 }}>
          <Link to={`/public/jobs/${item.id}`} state={{ from }} style={{ fontSize: 16, fontWeight: 600 }}>
            <TextPieces pieces={item.titlePieces} />
          </Link>
          <Typography.Text strong style={{ color: '#d4380d' }}>
            {t('jobs.salary', {
              min: item.salaryMin.toLocaleString('zh-CN'),
              max: item.salaryMax.toLocaleString('zh-CN'),
            })}
          </Typography.Text>
        </div>
        <Typography.Text type="secondary">
          {item.enterpriseName}
          {item.tierName ? ` · ${item.tierName}` : ''} · {item.cityName ?? ''}
          {item.regionName && item.regionName !== item.cityName ? item.regionName : ''}
        </Typography.Text>
        <Typography.Paragraph style={{ margin: 0 }} data-testid="job-snippet">
          <TextPieces pieces={item.snippet} />
        </Typography.Paragraph>
        <div>
          <Tag>{item.education}</Tag>
          <Tag>{item.experience}</Tag>
          <Tag>{t('jobs.posts', { posts: item.posts })}</Tag>
          {item.tags.map((tag) => (
            <Tag key={tag} color="blue">
              {tag}
            </Tag>
          ))}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('jobs.published', { date: formatDate(item.publishedAt) })}
          </Typography.Text>
        </div>
      </Space>
    </List.Item>
  );
}

/**
 * 岗位搜索 (/public/jobs), open to anyone: Chinese words, place, occupation group, pay, education and
 * enterprise tier, sorted by relevance, date or pay, ten at a time, matched words marked.
 */
export default function JobSearchPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const key = JSON.stringify(query);
  const result = useRemoteData(() => searchJobs(query), key);

  function update(changes: Record<string, string | number | undefined | null>, keepPage = false) {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined || value === null || value === '') next.delete(name);
      else next.set(name, String(value));
    }
    if (!keepPage) next.delete('page');
    setParams(next);
  }

  const from = `/public/jobs?${params.toString()}`;
  return (
    <Layout style={{ minHeight: '100vh', padding: '16px 8px' }}>
      <Card
        title={t('jobs.title')}
        extra={
          <Space wrap>
            <LanguageSwitch />
            <Link to="/login">{t('jobs.backToLogin')}</Link>
          </Space>
        }
        style={{ maxWidth: 1000, margin: '0 auto', width: '100%' }}
        styles={{ body: { padding: 16 } }}
      >
        <Typography.Paragraph type="secondary">{t('jobs.hint')}</Typography.Paragraph>
        <Input.Search
          key={query.q ?? ''}
          defaultValue={query.q ?? ''}
          placeholder={t('jobs.searchPlaceholder')}
          enterButton={t('jobs.search')}
          size="large"
          allowClear
          maxLength={100}
          aria-label={t('jobs.searchPlaceholder')}
          data-testid="job-search-input"
          onSearch={(value) => update({ q: value.trim(), sort: value.trim() ? params.get('sort') : null })}
        />
        <Row gutter={[8, 8]} style={{ marginTop: 12 }}>
          <Col xs={12} sm={8} md={6}>
            <Select
              style={{ width: '100%' }}
              aria-label={t('jobs.city')}
              value={query.region ?? ''}
              onChange={(value) => update({ region: value })}
              options={[
                { value: '', label: t('jobs.anyCity') },
                ...JIANGSU_REGIONS.filter((r) => r.code !== '320000').map((r) => ({ value: r.code, label: r.name })),
              ]}
            />
          </Col>
          <Col xs={12} sm={8} md={6}>
            <Select
              style={{ width: '100%' }}
              aria-label={t('jobs.occupation')}
              value={query.occupation ?? ''}
              onChange={(value) => update({ occupation: value })}
              options={[
                { value: '', label: t('jobs.anyOccupation') },
                ...OCCUPATION_GROUPS.map((g) => ({ value: g, label: t(`jobs.occupation.${g}` as MessageKey) })),
              ]}
            />
          </Col>
          <Col xs={12} sm={8} md={6}>
            <Select
              style={{ width: '100%' }}
              aria-label={t('jobs.education')}
              value={query.education ?? ''}
              onChange={(value) => update({ education: value })}
              options={[
                { value: '', label: t('jobs.anyEducation') },
                ...JOB_EDUCATIONS.filter((e) => e !== '不限').map((e) => ({ value: e, label: e })),
              ]}
            />
          </Col>
          <Col xs={12} sm={8} md={6}>
            <Select
              style={{ width: '100%' }}
              aria-label={t('jobs.tier')}
              value={query.tier ?? ''}
              onChange={(value) => update({ tier: value })}
              options={[
                { value: '', label: t('jobs.anyTier') },
                ...ENTERPRISE_TIERS.map((tier) => ({ value: tier, label: t(`jobs.tier.${tier}` as MessageKey) })),
              ]}
            />
          </Col>
          <Col xs={12} sm={8} md={6}>
            <InputNumber
              style={{ width: '100%' }}
              min={0}
              max={1000000}
              step={1000}
              placeholder={t('jobs.salaryMin')}
              aria-label={t('jobs.salaryMin')}
              value={query.salaryMin ?? null}
              onChange={(value) => update({ salaryMin: value })}
            />
          </Col>
          <Col xs={12} sm={8} md={6}>
            <InputNumber
              style={{ width: '100%' }}
              min={0}
              max={1000000}
              step={1000}
              placeholder={t('jobs.salaryMax')}
              aria-label={t('jobs.salaryMax')}
              value={query.salaryMax ?? null}
              onChange={(value) => update({ salaryMax: value })}
            />
          </Col>
          <Col xs={12} sm={8} md={6}>
            <Select
              style={{ width: '100%' }}
              aria-label={t('jobs.sort')}
              value={query.sort ?? (query.q ? 'relevance' : 'date')}
              onChange={(value) => update({ sort: value })}
              options={SORTS.filter((s) => s !== 'relevance' || query.q).map((s) => ({
                value: s,
                label: t(`jobs.sort.${s}` as MessageKey),
              }))}
            />
          </Col>
          <Col xs={12} sm={8} md={6}>
            <Button block onClick={() => setParams(new URLSearchParams())}>
              {t('jobs.reset')}
            </Button>
          </Col>
        </Row>
        <LoadError error={result.error} />
        {result.data && (
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }} data-testid="job-total">
            {t('jobs.total', { total: result.data.total })}
          </Typography.Paragraph>
        )}
        <List<JobSearchItem>
          data-testid="job-results"
          loading={result.isLoading}
          dataSource={result.data?.items ?? []}
          locale={{ emptyText: t('jobs.empty') }}
          renderItem={(item) => <JobCard item={item} from={from} />}
          pagination={
            (result.data?.total ?? 0) > PAGE_SIZE
              ? {
                  current: query.page ?? 1,
                  pageSize: PAGE_SIZE,
                  total: Math.min(result.data?.total ?? 0, PAGE_SIZE * 1000),
                  showSizeChanger: false,
                  size: 'small',
                  align: 'center',
                  onChange: (page) => update({ page }, true),
                }
              : false
          }
        />
      </Card>
    </Layout>
  );
}
