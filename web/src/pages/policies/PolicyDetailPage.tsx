import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, List, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { getPolicy, type PolicyDetail } from '../../api/policies.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageBreadcrumb } from '../../components/PageBreadcrumb.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useI18n } from '../../locales/i18n.tsx';
import { jiangsuRegionName } from '../../utils/jiangsuRegions.ts';
import { ParameterEditModal, type EditTarget } from './ParameterEditModal.tsx';
import { PolicyParameters } from './PolicyParameters.tsx';
import { LegalBasisList } from './PolicyResult.tsx';
import { PolicyTests, PolicyVersions } from './PolicyVersionsAndTests.tsx';

/** The policy's summary, scope, validity, conditions and the facts it reads. */
function PolicyOverview({ policy }: { policy: PolicyDetail }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph>{policy.summary}</Typography.Paragraph>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'citation', label: t('policy.citation'), children: policy.citation },
          { key: 'issuer', label: t('policy.issuer'), children: policy.issuer ?? t('common.none') },
          { key: 'scope', label: t('policy.scope'), children: policy.scope.map(jiangsuRegionName).join('、') },
          { key: 'valid', label: t('policy.validity'), children: `${policy.valid.from} ${t('policy.to')} ${policy.valid.to ?? t('policy.open')}` },
          { key: 'subject', label: t('policy.subject'), children: policy.subject },
          { key: 'version', label: t('policy.version'), children: t('policy.versionLabel', { version: policy.version, no: policy.version_no }) },
        ]}
      />
      <Typography.Title level={5}>{t('policy.conditions')}</Typography.Title>
      <List
        size="small"
        bordered
        dataSource={policy.conditions}
        renderItem={(condition) => (
          <List.Item>
            <Space wrap>
              <Typography.Text>{condition.label}</Typography.Text>
              {condition.basis.map((basis) => (
                <Tag key={basis}>{basis}</Tag>
              ))}
            </Space>
          </List.Item>
        )}
      />
      <Typography.Title level={5}>{t('policy.facts')}</Typography.Title>
      <List
        size="small"
        bordered
        dataSource={policy.facts}
        renderItem={(fact) => (
          <List.Item>
            <Typography.Text strong>{fact.label}</Typography.Text>
            {fact.unit ? `（${fact.unit}）` : ''}：{fact.description}
          </List.Item>
        )}
      />
      <Typography.Title level={5}>{t('policy.legalBasis')}</Typography.Title>
      <LegalBasisList basis={policy.sources} />
    </Space>
  );
}

/**
 * 政策详情 (/policies/:code): overview, parameters by date and region with their sources,
 * version history, and — for province HRSS — 编辑参数 (a new version) and 运行测试用例.
 */
export default function PolicyDetailPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const { code = '' } = useParams();
  const detail = useRemoteData(() => getPolicy(code), code);
  const policy = detail.data?.code === code ? detail.data : undefined;
  const [editTarget, setEditTarget] = useState<EditTarget>();
  const [tab, setTab] = useState('overview');
  const isProvinceHrss = user.role === 'province_hrss';

  return (
    <>
      <PageBreadcrumb current={policy?.name ?? code} />
      <Card
        loading={detail.isLoading && !policy}
        title={
          <Space wrap>
            <span>{policy?.name ?? code}</span>
            {policy && <Tag color="blue">{t('policy.versionOf', { version: policy.version })}</Tag>}
          </Space>
        }
        extra={
          <Space>
            {isProvinceHrss && policy && (
              <Button icon={<EditOutlined />} onClick={() => setEditTarget({ parameter: policy.parameters[0]?.name ?? '' })}>
                {t('policy.edit.button')}
              </Button>
            )}
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/policies')}>
              {t('common.back')}
            </Button>
          </Space>
        }
      >
        <LoadError error={detail.error} />
        {policy && (
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              { key: 'overview', label: t('policy.tab.overview'), children: <PolicyOverview policy={policy} /> },
              { key: 'parameters', label: t('policy.tab.parameters'), children: <PolicyParameters policy={policy} canEdit={isProvinceHrss} onEdit={setEditTarget} /> },
              { key: 'versions', label: t('policy.tab.versions'), children: <PolicyVersions policy={policy} /> },
              ...(isProvinceHrss ? [{ key: 'tests', label: t('policy.tab.tests'), children: <PolicyTests key={policy.version_no} policy={policy} /> }] : []),
            ]}
          />
        )}
        {policy && (
          <ParameterEditModal
            policy={policy}
            target={editTarget}
            onClose={() => setEditTarget(undefined)}
            onSaved={() => {
              setEditTarget(undefined);
              detail.reload();
              setTab('versions');
            }}
          />
        )}
      </Card>
    </>
  );
}
