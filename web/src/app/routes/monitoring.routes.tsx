import { AlertOutlined, DashboardOutlined, FileTextOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { BUSINESS_ROLES, OFFICIAL_ROLES, REGION_OFFICIAL_ROLES } from '../access.ts';
import type { AppRoute } from '../routes.tsx';

/** The monitoring dashboard and its region and enterprise details. */
export const MONITORING_ROUTES: readonly AppRoute[] = [
  {
    // Rankings, map and drill-down are the province's and the cities' (GET /monitoring/ranking, /regions/:code).
    path: '/monitoring',
    page: lazy(() => import('../../pages/monitoring/MonitoringDashboardPage.tsx')),
    labelKey: 'menu.monitoring',
    icon: <DashboardOutlined />,
    access: REGION_OFFICIAL_ROLES,
  },
  {
    path: '/monitoring/regions/:code',
    page: lazy(() => import('../../pages/monitoring/RegionDrilldownPage.tsx')),
    labelKey: 'menu.regionDrilldown',
    icon: <DashboardOutlined />,
    access: REGION_OFFICIAL_ROLES,
    isInMenu: false,
  },
  {
    // Officials in their scope, commissioners their enterprises, an enterprise its own (GET …/series).
    path: '/monitoring/enterprises/:uscc',
    page: lazy(() => import('../../pages/monitoring/EnterpriseSeriesPage.tsx')),
    labelKey: 'menu.enterpriseSeries',
    icon: <DashboardOutlined />,
    access: BUSINESS_ROLES,
    isInMenu: false,
  },
];

/** Monitoring alerts and bulletins (in the menu after 舆情监测). */
export const MONITORING_ALERT_ROUTES: readonly AppRoute[] = [
  {
    // Listed for officials and commissioners; assigned and closed by HRSS officials (PATCH …/alerts/:id).
    path: '/monitoring/alerts',
    page: lazy(() => import('../../pages/monitoring/AlertsPage.tsx')),
    labelKey: 'menu.alerts',
    icon: <AlertOutlined />,
    access: OFFICIAL_ROLES,
  },
  {
    path: '/monitoring/bulletins',
    page: lazy(() => import('../../pages/monitoring/BulletinsPage.tsx')),
    labelKey: 'menu.bulletins',
    icon: <FileTextOutlined />,
    access: REGION_OFFICIAL_ROLES,
  },
];
