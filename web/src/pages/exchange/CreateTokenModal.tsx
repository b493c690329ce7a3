import { Alert, App, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { createApiToken } from '../../api/tokens.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';

interface CreateTokenModalProps {
  isOpen: boolean;
  onClose: () => void;
  onCreated: () => void;
}

/** 新建令牌: asks for a name, then shows the token value once. */
export function CreateTokenModal({ isOpen, onClose, onCreated }: CreateTokenModalProps) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [token, setToken] = useState<string>();

  function close() {
    form.resetFields();
    setToken(undefined);
    onClose();
  }

  async function submit() {
    const { name } = await form.validateFields();
    setIsSubmitting(true);
    try {
      const created = await createApiToken(name.trim());
      setToken(created.token);
      onCreated();
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setIsSubmitting(false);
    }
  }

  if (token) {
    return (
      <Modal
        open={isOpen}
        title={t('tokens.createdTitle')}
        onOk={close}
        onCancel={close}
        okText={t('common.storedIt')}
        footer={(_, { OkBtn }) => <OkBtn />}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="warning" showIcon title={t('common.showOnce')} />
          <Typography.Paragraph code copyable data-testid="new-api-token" style={{ wordBreak: 'break-all' }}>
            {token}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('tokens.usage')}</Typography.Text>
        </Space>
      </Modal>
    );
  }
  return (
    <Modal
      open={isOpen}
      title={t('tokens.create')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={close}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={isSubmitting}
      forceRender
    >
      <Form form={form} name="createToken" layout="vertical">
        <Form.Item
          label={t('tokens.name')}
          name="name"
          rules={[{ required: true, whitespace: true, max: 64, message: t('tokens.nameRequired') }]}
        >
          <Input maxLength={64} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
