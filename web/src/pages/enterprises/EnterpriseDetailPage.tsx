import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tabs } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { getEnterprise } from '../../api/enterprises.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useI18n } from '../../locales/i18n.tsx';
import { EmployeesTab } from './EmployeesTab.tsx';
import { EnterpriseOverview } from './EnterpriseOverview.tsx';
import { TierTag, UsccOverrideTag } from './enterpriseTags.tsx';

/** 企业详情 (/enterprises/:uscc): facts, tier history, masked contact, and the insured employees. */
export default function EnterpriseDetailPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { uscc = '' } = useParams();
  const enterprise = useRemoteData(() => getEnterprise(uscc), uscc);
  // The previous enterprise's answer stays in the hook while the next one loads: not shown.
  const data = enterprise.data?.uscc === uscc.trim().toUpperCase() ? enterprise.data : undefined;

  return (
    <Card
      loading={enterprise.isLoading && !data}
      title={
        <Space wrap>
          <span>{data?.name ?? uscc}</span>
          {data && <TierTag tier={data.tier} />}
          {data?.usccOverride && <UsccOverrideTag override={data.usccOverride} />}
        </Space>
      }
      extra={
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/enterprises')}>
          {t('common.back')}
        </Button>
      }
    >
      <LoadError error={enterprise.error} />
      {data && (
        <Tabs
          items={[
            { key: 'overview', label: t('enterprises.tabOverview'), children: <EnterpriseOverview enterprise={data} /> },
            { key: 'employees', label: t('enterprises.tabEmployees'), children: <EmployeesTab uscc={data.uscc} /> },
          ]}
        />
      )}
    </Card>
  );
}
