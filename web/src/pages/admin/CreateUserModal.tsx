import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { createUser, type CreateUserRequest, type UserAccount } from '../../api/users.ts';
import { ROLES, type Role } from '../../api/types.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { isStrongPassword } from './passwordRule.ts';

const ROLES_WITH_REGION: readonly Role[] = ['city_hrss', 'commissioner'];

interface CreateUserModalProps {
  isOpen: boolean;
  onClose: () => void;
  onCreated: (user: UserAccount, totpSecret?: string) => void;
}

/** Strip empty optional fields so the server sees them as absent. */
function toRequest(values: CreateUserRequest): CreateUserRequest {
  const request: CreateUserRequest = {
    username: values.username.trim(),
    displayName: values.displayName.trim(),
    role: values.role,
    password: values.password,
  };
  if (values.regionCode?.trim()) request.regionCode = values.regionCode.trim();
  if (values.uscc?.trim()) request.uscc = values.uscc.trim().toUpperCase();
  if (values.phone?.trim()) request.phone = values.phone.trim();
  return request;
}

/** 新建账号: the fields of SPEC §2.1 accounts, validated before they are sent. */
export function CreateUserModal({ isOpen, onClose, onCreated }: CreateUserModalProps) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateUserRequest>();
  const [isSubmitting, setIsSubmitting] = useState(false);
  const role = Form.useWatch('role', form);

  async function submit() {
    const values = await form.validateFields();
    setIsSubmitting(true);
    try {
      const { user, totpSecret } = await createUser(toRequest(values));
      form.resetFields();
      onCreated(user, totpSecret);
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setIsSubmitting(false);
    }
  }

  return (
    <Modal
      title={t('users.create')}
      open={isOpen}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={isSubmitting}
      forceRender
    >
      <Form form={form} name="createUser" layout="vertical" autoComplete="off">
        <Form.Item
          label={t('users.username')}
          name="username"
          rules={[{ required: true, pattern: /^[a-z][a-z0-9_.-]{2,31}$/, message: t('users.rule.username') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          label={t('users.displayName')}
          name="displayName"
          rules={[{ required: true, whitespace: true, message: t('users.rule.displayName') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item label={t('users.role')} name="role" rules={[{ required: true, message: t('users.rule.role') }]}>
          {/* Every role in one list: a virtual list would hide the last two of the ten. */}
          <Select
            virtual={false}
            listHeight={330}
            options={ROLES.map((value) => ({ value, label: t(`role.${value}`) }))}
          />
        </Form.Item>
        {role !== undefined && ROLES_WITH_REGION.includes(role) && (
          <Form.Item
            label={t('users.regionCode')}
            name="regionCode"
            rules={[{ required: true, pattern: /^32\d{4}$/, message: t('users.rule.regionCode') }]}
          >
            <Input maxLength={6} placeholder="320100" />
          </Form.Item>
        )}
        {role === 'enterprise' && (
          <Form.Item
            label={t('users.uscc')}
            name="uscc"
            rules={[{ required: true, pattern: /^[0-9A-HJ-NPQRTUWXY]{18}$/i, message: t('users.rule.uscc') }]}
          >
            <Input maxLength={18} />
          </Form.Item>
        )}
        <Form.Item
          label={t('users.password')}
          name="password"
          rules={[
            { required: true, message: t('users.rule.password') },
            {
              validator: (_, value: string | undefined) =>
                !value || isStrongPassword(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('users.rule.password'))),
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('users.phone')}
          name="phone"
          rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('users.rule.phone') }]}
        >
          <Input maxLength={11} inputMode="tel" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
