import { Card, Col, Descriptions, Row, Space, Typography, type DescriptionsProps } from 'antd';
import { Link } from 'react-router-dom';
import type { CurrentUser } from '../../api/types.ts';
import { scopeKindOf } from '../../app/access.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { menuRoutesFor } from '../../app/routes.tsx';
import { useI18n, type Translate } from '../../locales/i18n.tsx';
import { CalendarReminder } from './CalendarReminder.tsx';
import { GovernanceReminder } from './GovernanceReminder.tsx';
import { DisputeAlertsReminder } from '../labour/DisputeAlertsCard.tsx';

/** 全省 / the region / 本企业 <uscc> / 分配企业 / 本人账号, from the role's scope kind. */
function describeScope(user: CurrentUser, t: Translate): string {
  switch (scopeKindOf(user.role)) {
    case 'province':
      return t('scope.province');
    case 'region':
      return user.regionName ?? user.regionCode ?? t('common.none');
    case 'assigned':
      return user.regionName ? `${t('scope.assigned')}（${user.regionName}）` : t('scope.assigned');
    case 'enterprise':
      return t('scope.enterprise', { uscc: user.uscc ?? '' });
    default:
      return t('scope.self');
  }
}

/** The per-role start page: who you are, what data you see, and where you can go. */
export default function HomePage() {
  const user = useCurrentUser();
  const { t } = useI18n();
  const quickLinks = menuRoutesFor(user).filter((route) => route.path !== '/');
  const summaryItems: DescriptionsProps['items'] = [
    { key: 'role', label: t('home.role'), children: t(`role.${user.role}`) },
    { key: 'scope', label: t('home.scope'), children: <span data-testid="data-scope">{describeScope(user, t)}</span> },
    ...(user.regionName ? [{ key: 'region', label: t('home.region'), children: user.regionName }] : []),
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {user.role === 'sysadmin' && <CalendarReminder />}
      {(scopeKindOf(user.role) === 'province' || user.role === 'city_hrss') && <GovernanceReminder />}
      {(user.role === 'province_hrss' || user.role === 'city_hrss') && <DisputeAlertsReminder />}
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('home.greeting', { name: user.displayName })}
        </Typography.Title>
        <Descriptions column={{ xs: 1, md: 3 }} items={summaryItems} />
      </Card>
      {quickLinks.length > 0 && (
        <Card title={t('home.quickLinks')}>
          <Row gutter={[16, 16]}>
            {quickLinks.map((route) => (
              <Col key={route.path} xs={12} sm={8} lg={6}>
                <Link to={route.path}>
                  <Card hoverable size="small" style={{ textAlign: 'center' }}>
                    <div style={{ fontSize: 24, color: '#1456b8' }}>{route.icon}</div>
                    <Typography.Text>{t(route.labelKey)}</Typography.Text>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        </Card>
      )}
    </Space>
  );
}
