import { Card, Descriptions, Layout, Result, Space, Spin, Tag, Typography } from 'antd';
import { Link, useLocation, useParams } from 'react-router-dom';
import { getPublicJob } from '../../api/jobs.ts';
import { isApiError } from '../../api/client.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useI18n } from '../../locales/i18n.tsx';
import { formatDate } from '../../utils/format.ts';
import { ApplyBox } from './ApplyBox.tsx';

/** One published posting (/public/jobs/:id), open to anyone, with its enterprise's public profile. */
export default function JobDetailPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const location = useLocation();
  const back = (location.state as { from?: string } | null)?.from ?? '/public/jobs';
  const job = useRemoteData(() => getPublicJob(Number(id)), id ?? '');
  const data = job.data;

  return (
    <Layout style={{ minHeight: '100vh', padding: '16px 8px' }}>
      <Card
        title={data?.title ?? t('jobs.detail')}
        extra={
          <Space wrap>
            <LanguageSwitch />
            <Link to={back}>{t('jobs.backToSearch')}</Link>
          </Space>
        }
        style={{ maxWidth: 900, margin: '0 auto', width: '100%' }}
        styles={{ body: { padding: 16 } }}
      >
        {job.isLoading && !data && <Spin />}
        {isApiError(job.error) && job.error.status === 404 ? (
          <Result status="404" title={t('jobs.notFound')} />
        ) : (
          <LoadError error={job.error} />
        )}
        {data && (
          <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="job-detail">
            <Typography.Title level={4} style={{ margin: 0, color: '#d4380d' }}>
              {t('jobs.salary', {
                min: data.salaryMin.toLocaleString('zh-CN'),
                max: data.salaryMax.toLocaleString('zh-CN'),
              })}
            </Typography.Title>
            <div>
              <Tag>{data.education}</Tag>
              <Tag>{data.experience}</Tag>
              <Tag>{t('jobs.posts', { posts: data.posts })}</Tag>
              {data.tags.map((tag) => (
                <Tag key={tag} color="blue">
                  {tag}
                </Tag>
              ))}
            </div>
            <ApplyBox postingId={Number(id)} />
            <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered>
              <Descriptions.Item label={t('jobs.occupationName')}>
                {data.occupationName ?? data.occupationCode}
              </Descriptions.Item>
              <Descriptions.Item label={t('jobs.city')}>
                {data.cityName}
                {data.regionName && data.regionName !== data.cityName ? data.regionName : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('jobs.address')}>{data.address}</Descriptions.Item>
              <Descriptions.Item label={t('jobs.experience')}>{data.experience}</Descriptions.Item>
              <Descriptions.Item label={t('jobs.published', { date: '' }).trim()}>
                {formatDate(data.publishedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('jobs.validUntil', { date: '' }).trim()}>{data.validUntil}</Descriptions.Item>
            </Descriptions>
            <div>
              <Typography.Title level={5}>{t('jobs.description')}</Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{data.description}</Typography.Paragraph>
            </div>
            <Card type="inner" title={t('jobs.enterprise')} data-testid="job-enterprise">
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('jobs.enterpriseName')}>{data.enterprise.name}</Descriptions.Item>
                <Descriptions.Item label={t('jobs.enterpriseTier')}>{data.enterprise.tierName ?? ''}</Descriptions.Item>
                <Descriptions.Item label={t('jobs.enterpriseCity')}>{data.enterprise.cityName ?? ''}</Descriptions.Item>
                <Descriptions.Item label={t('jobs.enterpriseIndustry')}>
                  {data.enterprise.industryName ?? ''}
                </Descriptions.Item>
              </Descriptions>
            </Card>
          </Space>
        )}
      </Card>
    </Layout>
  );
}
