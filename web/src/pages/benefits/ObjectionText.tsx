import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { revealObjectionText } from '../../api/benefits.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { useBenefitsText } from './benefitsText.ts';

/**
 * An objection's text as the list gives it (ID and phone numbers masked), and 查看全文 for a user
 * who may hold the personal-data right; the server decides and audits every whole view.
 */
export function ObjectionText({ id, maskedText }: { id: number; maskedText: string }) {
  const { t } = useI18n();
  const { bt } = useBenefitsText();
  const errorText = useErrorText();
  const user = useCurrentUser();
  const [wholeText, setWholeText] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [isLoading, setIsLoading] = useState(false);

  async function reveal() {
    setIsLoading(true);
    setError(undefined);
    try {
      setWholeText((await revealObjectionText(id)).text);
    } catch (cause) {
      setError(cause);
    } finally {
      setIsLoading(false);
    }
  }

  // Only an explicit "no" hides the action; the server's answer is the real check.
  const mayAsk = user.canViewPersonal !== false && wholeText === undefined;
  return (
    <Space orientation="vertical" size={4}>
      <Typography.Text data-testid="objection-text">{wholeText ?? maskedText}</Typography.Text>
      {mayAsk && (
        <Button
          size="small"
          icon={<EyeOutlined />}
          loading={isLoading}
          onClick={() => void reveal()}
          title={t('enterprises.revealAudited')}
        >
          {bt('benefits.objection.revealText')}
        </Button>
      )}
      {error !== undefined && <Alert type="warning" showIcon role="alert" title={errorText(error)} />}
    </Space>
  );
}
