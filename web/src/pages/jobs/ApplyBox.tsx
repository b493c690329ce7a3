import { Alert, Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { applyToPosting, listMyApplications } from '../../api/recruitment.ts';
import { loginPathFor, useAuth } from '../../app/auth.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText } from '../../locales/i18n.tsx';

const MY_APPLICATIONS = '/seeker/applications';

/**
 * 投递 on a public posting: a signed-in job seeker applies here and then sees 已投递 with a link
 * to 我的投递; a visitor is sent to sign in (or register) and comes back to this posting; an
 * enterprise or an official sees nothing (they do not apply).
 */
export function ApplyBox({ postingId }: { postingId: number }) {
  const { status, user } = useAuth();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const isSeeker = status === 'authenticated' && user?.role === 'job_seeker';
  const mine = useRemoteData(
    () => (isSeeker ? listMyApplications({ postingId, pageSize: 1 }) : Promise.resolve(null)),
    `${postingId}-${isSeeker}`,
  );
  const [appliedStatus, setAppliedStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const [isSending, setIsSending] = useState(false);
  const here = `/public/jobs/${postingId}`;

  if (status === 'loading') return null;
  if (status !== 'authenticated')
    return (
      <Space wrap data-testid="apply-box">
        <Button type="primary" size="large" onClick={() => navigate(loginPathFor(here))} data-testid="apply-login">
          登录后投递
        </Button>
        <Typography.Text type="secondary">
          还没有账号？<Link to={`/public/register?redirect=${encodeURIComponent(here)}`}>求职者注册</Link>
        </Typography.Text>
      </Space>
    );
  if (!isSeeker) return null;

  const applied = appliedStatus ?? mine.data?.items[0]?.statusName;
  if (applied)
    return (
      <Space wrap data-testid="apply-box">
        <Tag color="blue" style={{ fontSize: 14, padding: '4px 10px' }} data-testid="apply-state">
          已投递
        </Tag>
        {applied !== '已投递' && <Typography.Text>当前进展：{applied}</Typography.Text>}
        <Link to={MY_APPLICATIONS} data-testid="apply-mine">
          查看我的投递
        </Link>
      </Space>
    );

  async function apply() {
    setIsSending(true);
    setError(undefined);
    try {
      setAppliedStatus((await applyToPosting(postingId)).statusName);
    } catch (cause) {
      setError(errorText(cause));
      mine.reload();
    } finally {
      setIsSending(false);
    }
  }

  return (
    <Space orientation="vertical" data-testid="apply-box">
      <Button
        type="primary"
        size="large"
        loading={isSending || mine.isLoading}
        onClick={() => void apply()}
        data-testid="apply-submit"
      >
        投递
      </Button>
      {error && <Alert type="error" showIcon title={error} data-testid="apply-error" />}
    </Space>
  );
}
