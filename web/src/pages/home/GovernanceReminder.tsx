import { Alert } from 'antd';
import { Link } from 'react-router-dom';
import { listRoster } from '../../api/governance.ts';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useI18n } from '../../locales/i18n.tsx';

/** On the start page of cities and the province: key enterprises still without a commissioner. */
export function GovernanceReminder() {
  const { t } = useI18n();
  const roster = useRemoteData(() => listRoster(), 'home-roster');
  const count = roster.data?.keyEnterprisesWithoutCommissioner ?? 0;
  if (count === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="home-unassigned-key-enterprises"
      title={t('home.unassignedKeyEnterprises', { count })}
      action={<Link to="/key-enterprises?withoutCommissioner=1">{t('governance.viewUnassigned')}</Link>}
    />
  );
}
