import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { loginPathFor, safeRedirect } from '../../app/auth.tsx';
import { registerSeeker, sendVerificationCode } from '../../api/recruitment.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';

interface RegistrationValues {
  contact: string;
  code: string;
  name: string;
  password: string;
  confirm: string;
}

/**
 * 求职者注册 (/public/register), open without logging in: a mobile number or e-mail address, the
 * 6-digit code sent to it, the name and a password; afterwards the seeker signs in with the
 * number or address on the login page.
 */
export default function SeekerRegisterPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  // Sent from a posting's 投递: after registering and signing in the seeker returns to it.
  const redirect = useSearchParams()[0].get('redirect');
  const loginPath = redirect ? loginPathFor(safeRedirect(redirect)) : '/login';
  const [form] = Form.useForm<RegistrationValues>();
  const [sentTo, setSentTo] = useState<string>();
  const [isSending, setIsSending] = useState(false);
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    document.title = `${t('menu.seekerRegister')} · ${t('app.title')}`;
  }, [t]);

  async function sendCode() {
    const contact = (form.getFieldValue('contact') as string | undefined)?.trim();
    if (!contact) {
      setError('请先填写手机号码或电子邮箱');
      return;
    }
    setIsSending(true);
    setError(undefined);
    try {
      const sent = await sendVerificationCode(contact);
      setSentTo(sent.sentTo);
    } catch (cause) {
      setError(errorText(cause));
    } finally {
      setIsSending(false);
    }
  }

  async function register(values: RegistrationValues) {
    setIsSaving(true);
    setError(undefined);
    try {
      await registerSeeker({
        contact: values.contact.trim(),
        code: values.code.trim(),
        name: values.name.trim(),
        password: values.password,
      });
      void message.success('注册成功，请用手机号码或邮箱登录');
      navigate(loginPath);
    } catch (cause) {
      setError(errorText(cause));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <div style={{ maxWidth: 480, margin: '48px auto', padding: '0 16px' }}>
      <Card title={t('menu.seekerRegister')}>
        <Typography.Paragraph type="secondary">
          用手机号码或电子邮箱注册，系统发送 6 位验证码。姓名、证件号码和联系方式加密保存，页面上遮蔽显示。
          已在就在江苏、苏心聘登记过的求职者，用登记时的手机号码或邮箱注册即认领原有账号和档案。
        </Typography.Paragraph>
        <Form<RegistrationValues> form={form} layout="vertical" onFinish={(v) => void register(v)}>
          <Form.Item label="手机号码或电子邮箱" required>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="contact" noStyle rules={[{ required: true, message: '请填写手机号码或电子邮箱' }]}>
                <Input data-testid="seeker-contact" autoComplete="username" />
              </Form.Item>
              <Button onClick={() => void sendCode()} loading={isSending} data-testid="seeker-send-code">
                获取验证码
              </Button>
            </Space.Compact>
          </Form.Item>
          {sentTo && <Alert type="success" showIcon style={{ marginBottom: 16 }} title={`验证码已发送至 ${sentTo}`} />}
          <Form.Item label="验证码" name="code" rules={[{ required: true, len: 6, message: '请填写 6 位验证码' }]}>
            <Input inputMode="numeric" maxLength={6} data-testid="seeker-code" />
          </Form.Item>
          <Form.Item label="姓名" name="name" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input data-testid="seeker-name" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请设置密码' }]}>
            <Input.Password data-testid="seeker-password" autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="确认密码"
            name="confirm"
            dependencies={['password']}
            rules={[
              { required: true, message: '请再次输入密码' },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || getFieldValue('password') === value
                    ? Promise.resolve()
                    : Promise.reject(new Error('两次输入的密码不一致')),
              }),
            ]}
          >
            <Input.Password data-testid="seeker-confirm" autoComplete="new-password" />
          </Form.Item>
          {error && (
            <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} data-testid="seeker-error" />
          )}
          <Button type="primary" htmlType="submit" block loading={isSaving} data-testid="seeker-register">
            注册
          </Button>
        </Form>
        <div style={{ marginTop: 16, textAlign: 'center' }}>
          <Link to={loginPath}>已有账号，去登录</Link>
        </div>
      </Card>
    </div>
  );
}
