import { Alert } from 'antd';
import { useCurrentUser } from '../../app/auth.tsx';
import { useI18n } from '../../locales/i18n.tsx';

/**
 * Why a commissioner's lists are empty and whom to ask: a commissioner sees the enterprises their
 * city or county bureau assigned to them on its 重点企业清单, and none are assigned yet.
 */
export function NoAssignedEnterprises() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const bureau = user.regionName
    ? t('commissioner.bureauOf', { region: user.regionName })
    : t('commissioner.ownBureau');
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="no-assigned-enterprises"
      title={t('commissioner.noneAssigned')}
      description={t('commissioner.noneAssignedHint', { bureau })}
    />
  );
}
