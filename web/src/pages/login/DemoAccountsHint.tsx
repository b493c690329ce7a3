import { Button, Collapse, Flex, Space, Tag, Typography } from 'antd';
import type { DemoAccount } from '../../api/auth.ts';
import { OtpauthQrCode } from '../../components/OtpauthQrCode.tsx';
import { useI18n } from '../../locales/i18n.tsx';

interface DemoAccountsHintProps {
  accounts: DemoAccount[];
  onUse: (account: DemoAccount) => void;
}

function DemoAccountItem({ account, onUse }: { account: DemoAccount; onUse: DemoAccountsHintProps['onUse'] }) {
  const { t } = useI18n();
  return (
    <Flex
      component="li"
      justify="space-between"
      align="start"
      gap={12}
      style={{ padding: '8px 0', borderTop: '1px solid #f0f0f0' }}
    >
      <Space orientation="vertical" size={2}>
        <Space wrap>
          <Typography.Text strong copyable data-code-hint="">
            {account.username}
          </Typography.Text>
          <Tag>{t(`role.${account.role}`)}</Tag>
        </Space>
        <Typography.Text type="secondary" copyable={{ text: account.password }}>
          {t('login.password')}：{account.password}
        </Typography.Text>
        {account.totpSecret && (
          <Space orientation="vertical" size={4}>
            <OtpauthQrCode
              username={account.username}
              secret={account.totpSecret}
              size={112}
              alt={t('login.demoQrCode', { username: account.username })}
            />
            <Typography.Text
              type="secondary"
              copyable={{ text: account.totpSecret }}
              data-testid={`totp-secret-${account.username}`}
            >
              {t('login.demoTotpSecret')}：{account.totpSecret}
            </Typography.Text>
          </Space>
        )}
      </Space>
      <Button size="small" onClick={() => onUse(account)} aria-label={`${t('login.demoUse')} ${account.username}`}>
        {t('login.demoUse')}
      </Button>
    </Flex>
  );
}

/** The demo logins in a collapsed panel, each with a 填入 button and, for TOTP roles, a QR code. */
export default function DemoAccountsHint({ accounts, onUse }: DemoAccountsHintProps) {
  const { t } = useI18n();
  return (
    <Collapse
      size="small"
      items={[
        {
          key: 'demo',
          label: t('login.demoTitle'),
          children: (
            <>
              <Typography.Paragraph type="secondary">{t('login.demoHint')}</Typography.Paragraph>
              <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('login.demoTitle')}>
                {accounts.map((account) => (
                  <DemoAccountItem key={account.username} account={account} onUse={onUse} />
                ))}
              </ul>
            </>
          ),
        },
      ]}
    />
  );
}
