import { ApiOutlined, DatabaseOutlined, SafetyCertificateOutlined, ToolOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { BUSINESS_ROLES, OFFICIAL_ROLES } from '../access.ts';
import type { AppRoute } from '../routes.tsx';

/** Reference data, credit-code overrides, tools and exchange tokens. */
export const REFERENCE_ROUTES: readonly AppRoute[] = [
  {
    path: '/reference',
    page: lazy(() => import('../../pages/reference/ReferencePage.tsx')),
    labelKey: 'menu.reference',
    icon: <DatabaseOutlined />,
    access: OFFICIAL_ROLES,
  },
  {
    // Recorded and revoked by 省工信 and the system administrator, read by 省人社 (POST /reference/uscc-overrides…).
    path: '/reference/uscc-overrides',
    page: lazy(() => import('../../pages/reference/UsccOverridesPage.tsx')),
    labelKey: 'menu.usccOverrides',
    icon: <SafetyCertificateOutlined />,
    access: ['province_miit', 'sysadmin', 'province_hrss'],
  },
  {
    path: '/tools',
    page: lazy(() => import('../../pages/tools/ToolsPage.tsx')),
    labelKey: 'menu.tools',
    icon: <ToolOutlined />,
    access: BUSINESS_ROLES,
  },
  {
    path: '/exchange/tokens',
    page: lazy(() => import('../../pages/exchange/ApiTokensPage.tsx')),
    labelKey: 'menu.apiTokens',
    icon: <ApiOutlined />,
    access: ['province_hrss', 'province_miit', 'sysadmin'],
  },
];
