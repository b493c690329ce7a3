import { Alert, App, Button, Modal, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { resetCredentials, type UserAccount } from '../../api/users.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { TotpSecretModal } from './TotpSecretModal.tsx';

/** The system administrator's reset of an account's password or TOTP secret; each shown once. */
export function ResetCredentialsButtons({ user, hasTotp }: { user: UserAccount; hasTotp: boolean }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [temporaryPassword, setTemporaryPassword] = useState<string>();
  const [totpSecret, setTotpSecret] = useState<string>();

  async function reset(what: { password: boolean; totp: boolean }) {
    try {
      const result = await resetCredentials(user.id, what);
      setTemporaryPassword(result.temporaryPassword);
      setTotpSecret(result.totpSecret);
    } catch (error) {
      message.error(errorText(error));
    }
  }

  return (
    <>
      <Popconfirm
        title={t('users.resetConfirm', { what: t('users.resetPassword'), username: user.username })}
        onConfirm={() => reset({ password: true, totp: false })}
      >
        <Button type="link" size="small">
          {t('users.resetPassword')}
        </Button>
      </Popconfirm>
      {hasTotp && (
        <Popconfirm
          title={t('users.resetTotpConfirm', { username: user.username })}
          onConfirm={() => reset({ password: false, totp: true })}
        >
          <Button type="link" size="small">
            {t('users.resetTotp')}
          </Button>
        </Popconfirm>
      )}
      {temporaryPassword && (
        <TemporaryPasswordModal
          username={user.username}
          password={temporaryPassword}
          onClose={() => setTemporaryPassword(undefined)}
        />
      )}
      {!temporaryPassword && totpSecret && (
        <TotpSecretModal username={user.username} secret={totpSecret} onClose={() => setTotpSecret(undefined)} />
      )}
    </>
  );
}

/** A one-time password after a reset, shown this once. */
export function TemporaryPasswordModal({
  username,
  password,
  onClose,
}: {
  username: string;
  password: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={t('users.temporaryPasswordTitle')}
      onOk={onClose}
      onCancel={onClose}
      okText={t('common.storedIt')}
      footer={(_, { OkBtn }) => <OkBtn />}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={t('common.showOnce')} />
        <Typography.Paragraph>{t('users.temporaryPasswordHint', { username })}</Typography.Paragraph>
        <Typography.Text code copyable data-testid="temporary-password">
          {password}
        </Typography.Text>
      </Space>
    </Modal>
  );
}
