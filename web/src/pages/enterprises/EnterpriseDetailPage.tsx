import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tabs } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { getEnterprise } from '../../api/enterprises.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageBreadcrumb } from '../../components/PageBreadcrumb.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useI18n } from '../../locales/i18n.tsx';
import { EnterpriseTalentTab } from '../skills/EnterpriseTalentTab.tsx';
import { EmployeesTab } from './EmployeesTab.tsx';
import { EnterpriseOverview } from './EnterpriseOverview.tsx';
import { TierTag, UsccOverrideTag } from './enterpriseTags.tsx';

/**
 * One enterprise's profile: facts, tier history, masked contact, and the insured employees. An
 * official opens it from the register (with a way back); an enterprise sees its own as 本单位信息.
 */
export function EnterpriseProfile({ uscc, isOwn = false }: { uscc: string; isOwn?: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { role } = useCurrentUser();
  // 人才情况: officials of the region and the enterprise itself (GET /skills/enterprises/:uscc/talent).
  const seesTalent = ['province_hrss', 'province_miit', 'city_hrss', 'enterprise'].includes(role);
  const keepsTalent = ['province_hrss', 'city_hrss', 'enterprise'].includes(role);
  const enterprise = useRemoteData(() => getEnterprise(uscc), uscc);
  // The previous enterprise's answer stays in the hook while the next one loads: not shown.
  const data = enterprise.data?.uscc === uscc.trim().toUpperCase() ? enterprise.data : undefined;

  return (
    <>
      {!isOwn && <PageBreadcrumb current={data?.name ?? uscc} />}
      <Card
        loading={enterprise.isLoading && !data}
        title={
          <Space wrap>
            <span>{isOwn ? t('enterprises.ownProfile', { name: data?.name ?? '' }) : (data?.name ?? uscc)}</span>
            {data && <TierTag tier={data.tier} />}
            {data?.usccOverride && <UsccOverrideTag override={data.usccOverride} />}
          </Space>
        }
        extra={
          isOwn ? undefined : (
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/enterprises')}>
              {t('common.back')}
            </Button>
          )
        }
      >
        <LoadError error={enterprise.error} />
        {data && (
          <Tabs
            items={[
              {
                key: 'overview',
                label: t('enterprises.tabOverview'),
                children: <EnterpriseOverview enterprise={data} />,
              },
              { key: 'employees', label: t('enterprises.tabEmployees'), children: <EmployeesTab uscc={data.uscc} /> },
              ...(seesTalent
                ? [
                    {
                      key: 'talent',
                      label: t('skills.tabEnterpriseTalent'),
                      children: <EnterpriseTalentTab uscc={data.uscc} canEdit={keepsTalent} />,
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
    </>
  );
}

/** 企业详情 (/enterprises/:uscc); an enterprise opening its own address sees its profile without the register around it. */
export default function EnterpriseDetailPage() {
  const user = useCurrentUser();
  const { uscc = '' } = useParams();
  return <EnterpriseProfile uscc={uscc} isOwn={user.role === 'enterprise'} />;
}
