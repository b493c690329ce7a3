import { AuditOutlined, CalculatorOutlined, ExperimentOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { Role } from '../../api/types.ts';
import type { AppRoute } from '../routes.tsx';

/** HRSS offices (arbitration, mediation, inspection) and commissioners: the labour-relations pages. */
const LABOUR_ROLES: readonly Role[] = ['province_hrss', 'city_hrss', 'commissioner'];

/** Labour relations: compensation, disputes, diagnoses, violations, self-diagnosis. */
export const LABOUR_ROUTES: readonly AppRoute[] = [
  {
    // 劳动关系: arbitrators and mediators of the HRSS offices, and commissioners (GET /labour/compensation).
    path: '/labour/compensation',
    page: lazy(() => import('../../pages/labour/CompensationPage.tsx')),
    labelKey: 'menu.compensation',
    icon: <CalculatorOutlined />,
    access: LABOUR_ROLES,
  },
  {
    // 劳动争议: cases, their deadlines and compensation, the open collective-dispute alerts (GET /labour/disputes).
    path: '/labour/disputes',
    page: lazy(() => import('../../pages/labour/DisputesPage.tsx')),
    labelKey: 'menu.disputes',
    icon: <AuditOutlined />,
    access: LABOUR_ROLES,
  },
  {
    path: '/labour/disputes/:id',
    page: lazy(() => import('../../pages/labour/DisputePage.tsx')),
    labelKey: 'menu.dispute',
    icon: <AuditOutlined />,
    access: LABOUR_ROLES,
    isInMenu: false,
  },
  {
    // Each enterprise's latest diagnosis by region, and 和谐劳动关系 applications (GET /labour/diagnoses).
    path: '/labour/diagnoses',
    page: lazy(() => import('../../pages/labour/DiagnosisResultsPage.tsx')),
    labelKey: 'menu.diagnosisResults',
    icon: <ExperimentOutlined />,
    access: LABOUR_ROLES,
  },
  {
    // 柔性执法: inspectors record; an enterprise reads its own record (GET /labour/violations).
    path: '/labour/violations',
    page: lazy(() => import('../../pages/labour/ViolationsPage.tsx')),
    labelKey: 'menu.violations',
    labelKeyByRole: { enterprise: 'menu.myViolations' },
    icon: <SafetyCertificateOutlined />,
    access: [...LABOUR_ROLES, 'enterprise'],
  },
  {
    // The enterprise takes the diagnosis and applies for 和谐劳动关系 (POST /labour/diagnoses).
    path: '/labour/diagnosis',
    page: lazy(() => import('../../pages/labour/DiagnosisPage.tsx')),
    labelKey: 'menu.diagnosis',
    icon: <ExperimentOutlined />,
    access: ['enterprise'],
  },
];
