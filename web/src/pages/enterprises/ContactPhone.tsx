import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { revealContactPhone } from '../../api/enterprises.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';

/**
 * The contact phone as the server gives it (masked), and 查看完整号码 for a user who may hold the
 * personal-data right. The server decides and audits every whole view; a refusal
 * (PERSONAL_DATA_RIGHT_REQUIRED) is shown as it is worded there.
 */
export function ContactPhone({ uscc, maskedPhone }: { uscc: string; maskedPhone: string | null }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const user = useCurrentUser();
  const [wholePhone, setWholePhone] = useState<string | null>();
  const [error, setError] = useState<unknown>();
  const [isLoading, setIsLoading] = useState(false);

  if (!maskedPhone) return <>{t('common.none')}</>;

  async function reveal() {
    setIsLoading(true);
    setError(undefined);
    try {
      setWholePhone((await revealContactPhone(uscc)).phone);
    } catch (cause) {
      setError(cause);
    } finally {
      setIsLoading(false);
    }
  }

  // Only an explicit "no" hides the action; the server's answer is the real check.
  const mayAsk = user.canViewPersonal !== false && wholePhone === undefined;
  return (
    <Space orientation="vertical" size={4}>
      <Space wrap>
        <Typography.Text data-testid="contact-phone" copyable={wholePhone ? { text: wholePhone } : false}>
          {wholePhone ?? maskedPhone}
        </Typography.Text>
        {mayAsk && (
          <Button
            size="small"
            icon={<EyeOutlined />}
            loading={isLoading}
            onClick={() => void reveal()}
            title={t('enterprises.revealAudited')}
          >
            {t('enterprises.revealPhone')}
          </Button>
        )}
      </Space>
      {error !== undefined && <Alert type="warning" showIcon role="alert" title={errorText(error)} />}
    </Space>
  );
}
