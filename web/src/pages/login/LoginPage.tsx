import { Alert, Form, Space, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { login, type DemoAccount } from '../../api/auth.ts';
import { isApiError } from '../../api/client.ts';
import { safeRedirect, useAuth } from '../../app/auth.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { PasswordStep, TotpStep, type Credentials } from './LoginSteps.tsx';
import { useDemoAccounts } from './useDemoAccounts.ts';

// Loaded only when the server is in demo mode.
const DemoAccountsHint = lazy(() => import('./DemoAccountsHint.tsx'));

const PANEL_STYLE = {
  background: '#fff',
  borderRadius: 8,
  padding: '24px 28px',
  boxShadow: '0 6px 24px rgba(20, 86, 184, 0.08)',
  border: '1px solid #e6ecf5',
};

function registerPathFor(redirect: string | null): string {
  return redirect ? `/public/register?redirect=${encodeURIComponent(safeRedirect(redirect))}` : '/public/register';
}

/** Password login, then a 6-digit code for roles that need a second factor (SPEC §2.1). */
export default function LoginPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { status, signIn } = useAuth();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [passwordForm] = Form.useForm<Credentials>();
  const [credentials, setCredentials] = useState<Credentials>();
  const [error, setError] = useState<unknown>();
  const [isSubmitting, setIsSubmitting] = useState(false);
  const demoAccounts = useDemoAccounts();

  if (status === 'authenticated') return <Navigate to={safeRedirect(searchParams.get('redirect'))} replace />;

  async function submit(request: Credentials & { totp?: string }) {
    setIsSubmitting(true);
    setError(undefined);
    try {
      const { user } = await login(request);
      signIn(user);
      navigate(safeRedirect(searchParams.get('redirect')), { replace: true });
    } catch (cause) {
      if (isApiError(cause) && cause.code === 'TOTP_REQUIRED') {
        setCredentials({ username: request.username, password: request.password });
      } else {
        setError(cause);
      }
    } finally {
      setIsSubmitting(false);
    }
  }

  function fillDemoAccount(account: DemoAccount) {
    setCredentials(undefined);
    setError(undefined);
    passwordForm.setFieldsValue({ username: account.username, password: account.password });
  }

  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 24,
        background: 'linear-gradient(160deg, #e6f0ff 0%, #f5f8ff 55%, #ffffff 100%)',
      }}
    >
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <Space orientation="vertical" size="large" style={{ width: 420, maxWidth: '100%' }}>
        <div style={{ textAlign: 'center' }}>
          <Typography.Title level={2} style={{ marginBottom: 4 }}>
            {t('app.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
        </div>
        {/* A plain panel rather than antd Card, which would bring Tabs into the first page. */}
        <section aria-labelledby="login-panel-title" style={PANEL_STYLE}>
          <Typography.Title level={4} id="login-panel-title" style={{ marginTop: 0, marginBottom: 20 }}>
            {credentials ? t('login.totpStepTitle') : t('login.title')}
          </Typography.Title>
          {error !== undefined && (
            <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} role="alert" />
          )}
          {credentials ? (
            <TotpStep
              username={credentials.username}
              isSubmitting={isSubmitting}
              onSubmit={(totp) => void submit({ ...credentials, totp })}
              onBack={() => {
                setCredentials(undefined);
                setError(undefined);
              }}
            />
          ) : (
            <PasswordStep form={passwordForm} isSubmitting={isSubmitting} onSubmit={(values) => void submit(values)} />
          )}
        </section>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: 0 }} data-testid="forgot-password">
          <Typography.Text strong type="secondary">
            {t('login.forgotPassword')}
          </Typography.Text>{' '}
          {t('login.forgotPasswordHint')}
        </Typography.Paragraph>
        <div style={{ textAlign: 'center' }}>
          <Link to="/calculator">{t('login.publicCalculator')}</Link>
        </div>
        <div style={{ textAlign: 'center' }}>
          <Link to="/public/notices">{t('login.publicNotices')}</Link>
        </div>
        <div style={{ textAlign: 'center' }}>
          <Link to="/public/jobs">{t('login.publicJobs')}</Link>
        </div>
        <div style={{ textAlign: 'center' }}>
          {/* A visitor sent here from a posting's 投递 comes back to it after registering too. */}
          <Link to={registerPathFor(searchParams.get('redirect'))}>{t('login.seekerRegister')}</Link>
        </div>
        {!credentials && demoAccounts.length > 0 && (
          <Suspense fallback={null}>
            <DemoAccountsHint accounts={demoAccounts} onUse={fillDemoAccount} />
          </Suspense>
        )}
      </Space>
    </main>
  );
}
