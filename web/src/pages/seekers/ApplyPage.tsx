import { Alert, App, Button, Card, Descriptions, Space } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { getPublicJob } from '../../api/jobs.ts';
import { applyToPosting } from '../../api/recruitment.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText } from '../../locales/i18n.tsx';

/** 投递岗位 (/seeker/jobs/:id): a published posting and the seeker's 投递简历 (once per posting). */
export default function ApplyPage() {
  const id = Number(useParams().id);
  const job = useRemoteData(() => getPublicJob(id), String(id));
  const errorText = useErrorText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const [isSending, setIsSending] = useState(false);

  async function apply() {
    setIsSending(true);
    setError(undefined);
    try {
      await applyToPosting(id);
      void message.success('已投递，请在“我的投递”中查看进展');
      navigate('/seeker/applications');
    } catch (cause) {
      setError(errorText(cause));
    } finally {
      setIsSending(false);
    }
  }

  if (job.error) return <LoadError error={job.error} />;
  const data = job.data;
  return (
    <Card title={data?.title ?? '投递岗位'} loading={job.isLoading && !data}>
      {data && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label="企业">{data.enterprise.name}</Descriptions.Item>
            <Descriptions.Item label="招聘人数">{data.posts}</Descriptions.Item>
            <Descriptions.Item label="月薪（元）">
              {data.salaryMin}–{data.salaryMax}
            </Descriptions.Item>
            <Descriptions.Item label="学历要求">{data.education}</Descriptions.Item>
          </Descriptions>
          {error && <Alert type="error" showIcon title={error} data-testid="apply-error" />}
          <Space>
            <Button type="primary" onClick={() => void apply()} loading={isSending} data-testid="apply-submit">
              投递简历
            </Button>
            <Link to={`/public/jobs/${id}`}>查看岗位详情</Link>
          </Space>
        </Space>
      )}
    </Card>
  );
}
