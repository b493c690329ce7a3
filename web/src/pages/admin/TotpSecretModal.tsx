import { Alert, Modal, Space, Typography } from 'antd';
import { OtpauthQrCode } from '../../components/OtpauthQrCode.tsx';
import { useI18n } from '../../locales/i18n.tsx';

interface TotpSecretModalProps {
  username: string;
  secret: string;
  onClose: () => void;
}

/** The new account's TOTP secret and QR code, shown this once. */
export function TotpSecretModal({ username, secret, onClose }: TotpSecretModalProps) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={t('users.totpTitle')}
      onOk={onClose}
      onCancel={onClose}
      okText={t('common.storedIt')}
      footer={(_, { OkBtn }) => <OkBtn />}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={t('common.showOnce')} />
        <Typography.Paragraph>{t('users.totpHint')}</Typography.Paragraph>
        <Typography.Text>{username}</Typography.Text>
        <Typography.Text code copyable data-testid="new-user-totp-secret">
          {secret}
        </Typography.Text>
        <OtpauthQrCode username={username} secret={secret} alt={t('login.demoQrCode', { username })} size={180} />
      </Space>
    </Modal>
  );
}
