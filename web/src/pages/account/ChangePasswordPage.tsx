import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { changePassword } from '../../api/auth.ts';
import { useAuth, useCurrentUser } from '../../app/auth.tsx';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { passwordProblem } from '../admin/passwordRule.ts';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
  totp?: string;
}

/** 修改密码: every user, from the user bar; the only page open after a reset until it is done. */
export default function ChangePasswordPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordForm>();
  const [error, setError] = useState<unknown>();
  const [isSubmitting, setIsSubmitting] = useState(false);

  async function submit(values: PasswordForm) {
    setIsSubmitting(true);
    setError(undefined);
    try {
      await changePassword({
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
        ...(values.totp ? { totp: values.totp.trim() } : {}),
      });
      message.success(t('password.changed'));
      signIn({ ...user, mustChangePassword: false });
      navigate('/', { replace: true });
    } catch (cause) {
      setError(cause);
    } finally {
      setIsSubmitting(false);
    }
  }

  return (
    <Card title={t('password.title')} style={{ maxWidth: 520 }}>
      {user.mustChangePassword && (
        <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} />
      )}
      {error !== undefined && (
        <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} role="alert" />
      )}
      <Typography.Paragraph type="secondary">{t('password.rule')}</Typography.Paragraph>
      <Form<PasswordForm> form={form} layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false}>
        <Form.Item
          label={t('password.current')}
          name="currentPassword"
          rules={[{ required: true, message: t('password.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t('password.new')}
          name="newPassword"
          rules={[
            { required: true, message: t('password.newRequired') },
            {
              validator: (_, value: string | undefined) => {
                const problem = value ? passwordProblem(value) : undefined;
                return problem ? Promise.reject(new Error(t(problem))) : Promise.resolve();
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('password.confirm')}
          name="confirmPassword"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {user.hasTotp && (
          <Form.Item
            label={t('login.totp')}
            name="totp"
            rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('login.totpRequired') }]}
          >
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={8} style={{ maxWidth: 200 }} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={isSubmitting}>
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
