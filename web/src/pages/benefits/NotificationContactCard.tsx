import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { getNotificationContact, updateNotificationContact } from '../../api/notificationContact.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText } from '../../locales/i18n.tsx';
import { useBenefitsText } from './benefitsText.ts';

interface ContactValues {
  phone?: string;
  email?: string;
  clearPhone?: boolean;
  clearEmail?: boolean;
}

/** Only what the clerk typed or asked to clear is sent; an empty field stays as registered. */
function changesOf(values: ContactValues): { phone?: string | null; email?: string | null } {
  const phone = values.clearPhone ? null : values.phone?.trim() || undefined;
  const email = values.clearEmail ? null : values.email?.trim() || undefined;
  return { ...(phone !== undefined ? { phone } : {}), ...(email !== undefined ? { email } : {}) };
}

/**
 * Where the enterprise's SMS and e-mail reminders go, masked as the server gives it, and
 * 修改联系方式. The numbers are never shown whole, so a change is typed in full; an empty field
 * stays as it is, and 清除 removes what is registered.
 */
export function NotificationContactCard({ uscc }: { uscc: string }) {
  const { bt } = useBenefitsText();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const contact = useRemoteData(() => getNotificationContact(uscc), uscc);
  const [form] = Form.useForm<ContactValues>();
  const [isEditing, setIsEditing] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function save() {
    const changes = changesOf(await form.validateFields());
    if (Object.keys(changes).length === 0) {
      setIsEditing(false);
      return;
    }
    setIsBusy(true);
    setError(undefined);
    try {
      await updateNotificationContact(uscc, changes);
      setIsEditing(false);
      contact.reload();
      message.success(bt('benefits.contact.saved'));
    } catch (cause) {
      setError(errorText(cause));
    } finally {
      setIsBusy(false);
    }
  }

  const data = contact.data;
  const none = <Typography.Text type="secondary">{bt('benefits.contact.none')}</Typography.Text>;
  return (
    <Card
      size="small"
      title={bt('benefits.contact.title')}
      data-testid="notification-contact"
      extra={
        <Button size="small" data-testid="notification-contact-edit" onClick={() => setIsEditing(true)}>
          {bt('benefits.contact.edit')}
        </Button>
      }
    >
      <LoadError error={contact.error} />
      {data && !data.phone && !data.email && (
        <Alert type="warning" showIcon title={bt('benefits.contact.missing')} style={{ marginBottom: 12 }} />
      )}
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={bt('benefits.contact.phone')}>
          {data?.phone
            ? `${data.phone}${data.phone_source === 'register' ? bt('benefits.contact.fromRegister') : ''}`
            : none}
        </Descriptions.Item>
        <Descriptions.Item label={bt('benefits.contact.email')}>{data?.email ?? none}</Descriptions.Item>
      </Descriptions>
      <Modal
        title={bt('benefits.contact.editTitle')}
        open={isEditing}
        confirmLoading={isBusy}
        onOk={() => void save().catch(() => undefined)}
        onCancel={() => setIsEditing(false)}
        destroyOnHidden
      >
        <Alert type="info" showIcon title={bt('benefits.contact.editHint')} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="phone"
            label={bt('benefits.contact.phone')}
            rules={[{ pattern: /^\s*1[3-9]\d{9}\s*$/, message: bt('benefits.contact.phoneRule') }]}
          >
            <Input
              inputMode="numeric"
              maxLength={11}
              autoComplete="tel"
              placeholder={data?.phone ?? undefined}
              data-testid="notification-contact-phone"
            />
          </Form.Item>
          {data?.phone_source === 'own' && (
            <Form.Item name="clearPhone" valuePropName="checked" style={{ marginTop: -16 }}>
              <Checkbox>{bt('benefits.contact.clearPhone')}</Checkbox>
            </Form.Item>
          )}
          <Form.Item
            name="email"
            label={bt('benefits.contact.email')}
            rules={[{ type: 'email', message: bt('benefits.contact.emailRule') }]}
          >
            <Input
              maxLength={200}
              autoComplete="email"
              placeholder={data?.email ?? undefined}
              data-testid="notification-contact-email"
            />
          </Form.Item>
          {data?.email && (
            <Form.Item name="clearEmail" valuePropName="checked" style={{ marginTop: -16 }}>
              <Checkbox>{bt('benefits.contact.clearEmail')}</Checkbox>
            </Form.Item>
          )}
        </Form>
        {error && (
          <div role="alert" style={{ color: '#cf1322' }}>
            {error}
          </div>
        )}
      </Modal>
    </Card>
  );
}
