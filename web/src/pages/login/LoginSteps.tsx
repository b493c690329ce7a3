import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Form, Input, Typography, type FormInstance } from 'antd';
import { useI18n } from '../../locales/i18n.tsx';

export interface Credentials {
  username: string;
  password: string;
}

interface PasswordStepProps {
  form: FormInstance<Credentials>;
  isSubmitting: boolean;
  onSubmit: (values: Credentials) => void;
}

/** Step 1: username and password. */
export function PasswordStep({ form, isSubmitting, onSubmit }: PasswordStepProps) {
  const { t } = useI18n();
  return (
    <Form form={form} name="login" layout="vertical" requiredMark={false} onFinish={onSubmit}>
      <Form.Item
        label={t('login.username')}
        name="username"
        rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
      >
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item
        label={t('login.password')}
        name="password"
        rules={[{ required: true, message: t('login.passwordRequired') }]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={isSubmitting}>
        {t('login.submit')}
      </Button>
    </Form>
  );
}

interface TotpStepProps {
  username: string;
  isSubmitting: boolean;
  onSubmit: (totp: string) => void;
  onBack: () => void;
}

/** Step 2: the 6-digit 动态验证码 from the authenticator app. */
export function TotpStep({ username, isSubmitting, onSubmit, onBack }: TotpStepProps) {
  const { t } = useI18n();
  return (
    <Form<{ totp: string }>
      name="totp"
      layout="vertical"
      requiredMark={false}
      onFinish={({ totp }) => onSubmit(totp.trim())}
    >
      <Typography.Paragraph type="secondary">{t('login.totpStepHint', { username })}</Typography.Paragraph>
      <Form.Item
        label={t('login.totp')}
        name="totp"
        rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('login.totpRequired') }]}
      >
        <Input prefix={<SafetyOutlined />} inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={isSubmitting}>
        {t('login.verify')}
      </Button>
      <Button type="link" block onClick={onBack} style={{ marginTop: 8 }}>
        {t('login.back')}
      </Button>
    </Form>
  );
}
