import { BankOutlined, FlagOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { BUSINESS_ROLES, OFFICIAL_ROLES } from '../access.ts';
import type { AppRoute } from '../routes.tsx';

/** The register (培育库) and the key enterprises (重点企业). */
export const ENTERPRISE_ROUTES: readonly AppRoute[] = [
  {
    // The register: officials in their scope, an enterprise its own record (GET /enterprises).
    path: '/enterprises',
    page: lazy(() => import('../../pages/enterprises/EnterprisesPage.tsx')),
    labelKey: 'menu.enterprises',
    labelKeyByRole: { enterprise: 'menu.ownEnterprise' },
    icon: <BankOutlined />,
    access: BUSINESS_ROLES,
  },
  {
    path: '/enterprises/:uscc',
    page: lazy(() => import('../../pages/enterprises/EnterpriseDetailPage.tsx')),
    labelKey: 'menu.enterpriseDetail',
    icon: <BankOutlined />,
    access: BUSINESS_ROLES,
    isInMenu: false,
  },
  {
    // Read by the province, a city and its commissioners; kept by the city (GET /key-enterprises).
    path: '/key-enterprises',
    page: lazy(() => import('../../pages/keyEnterprises/KeyEnterprisesPage.tsx')),
    labelKey: 'menu.keyEnterprises',
    icon: <FlagOutlined />,
    access: OFFICIAL_ROLES,
  },
];
