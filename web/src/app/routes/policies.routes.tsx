import { BookOutlined, CalculatorOutlined, ExperimentOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { POLICY_READER_ROLES } from '../access.ts';
import type { AppRoute } from '../routes.tsx';

/** Policies: calculator, catalogue, detail, sandbox. */
export const POLICY_ROUTES: readonly AppRoute[] = [
  {
    // Every policy computed from the enterprise's own data (GET /policies/calc/mine); the public
    // account gets the public calculator here (POST /policies/:code/calc).
    path: '/policies/calculator',
    page: lazy(() => import('../../pages/policies/CalculatorPage.tsx')),
    labelKey: 'menu.policyCalculator',
    icon: <CalculatorOutlined />,
    access: ['enterprise', 'public'],
  },
  {
    // The catalogue is public (GET /policies); the business roles find it in their menu.
    path: '/policies',
    page: lazy(() => import('../../pages/policies/PolicyCataloguePage.tsx')),
    labelKey: 'menu.policies',
    icon: <BookOutlined />,
    access: POLICY_READER_ROLES,
  },
  {
    // Parameters are edited and cases run by 省人社 only (PATCH …/parameters, POST …/test).
    path: '/policies/:code',
    page: lazy(() => import('../../pages/policies/PolicyDetailPage.tsx')),
    labelKey: 'menu.policyDetail',
    icon: <BookOutlined />,
    access: POLICY_READER_ROLES,
    isInMenu: false,
  },
  {
    path: '/policies/sandbox',
    page: lazy(() => import('../../pages/policies/PolicySandboxPage.tsx')),
    labelKey: 'menu.policySandbox',
    icon: <ExperimentOutlined />,
    access: ['province_hrss'],
  },
];
