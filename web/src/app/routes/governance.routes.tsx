import {
  AuditOutlined,
  FileTextOutlined,
  FlagOutlined,
  MailOutlined,
  ScheduleOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import { BUSINESS_ROLES, REGION_OFFICIAL_ROLES } from '../access.ts';
import type { AppRoute } from '../routes.tsx';

/** Governance of the plan: commissioners, contacts, data requests, plans, collections, forms, dispatch, assessment, meetings. */
export const GOVERNANCE_ROUTES: readonly AppRoute[] = [
  {
    // The roster is the cities' and the province's (GET /governance/commissioners); a city records unit and phone.
    path: '/governance/commissioners',
    page: lazy(() => import('../../pages/governance/CommissionersPage.tsx')),
    labelKey: 'menu.commissioners',
    icon: <TeamOutlined />,
    access: REGION_OFFICIAL_ROLES,
  },
  {
    // A commissioner's enterprises and contact log; an enterprise sees the contacts made with it (GET /governance/contacts).
    path: '/governance/contacts',
    page: lazy(() => import('../../pages/governance/ContactsPage.tsx')),
    labelKey: 'menu.contacts',
    icon: <ScheduleOutlined />,
    access: BUSINESS_ROLES,
  },
  {
    // Raised by an enterprise, answered by its commissioner, followed by cities and the province (GET /governance/requests).
    path: '/governance/requests',
    page: lazy(() => import('../../pages/governance/RequestsPage.tsx')),
    labelKey: 'menu.requests',
    icon: <MailOutlined />,
    access: BUSINESS_ROLES,
  },
  {
    // Filed by a city, reviewed by the province (GET /governance/plans).
    path: '/governance/plans',
    page: lazy(() => import('../../pages/governance/PlansPage.tsx')),
    labelKey: 'menu.plans',
    icon: <FileTextOutlined />,
    access: REGION_OFFICIAL_ROLES,
  },
  {
    // Collections to enterprises under approval records, the burden, the 急需紧缺 survey and catalogues (GET /governance/collections).
    path: '/governance/collections',
    page: lazy(() => import('../../pages/governance/CollectionsPage.tsx')),
    labelKey: 'menu.collections',
    icon: <AuditOutlined />,
    access: ['province_hrss', 'province_miit', 'city_hrss'],
  },
  {
    // The surveys an enterprise received, each with its approval number (GET /governance/forms).
    path: '/governance/forms',
    page: lazy(() => import('../../pages/governance/FormsPage.tsx')),
    labelKey: 'menu.forms',
    icon: <FileTextOutlined />,
    access: ['enterprise'],
  },
  {
    // 调度 rounds: opened by the province, returned by cities (GET /governance/dispatch-rounds).
    path: '/governance/dispatch',
    page: lazy(() => import('../../pages/governance/DispatchPage.tsx')),
    labelKey: 'menu.dispatch',
    icon: <ScheduleOutlined />,
    access: ['province_hrss', 'province_miit', 'city_hrss'],
  },
  {
    // The annual assessment with versioned weights (GET /governance/assessments).
    path: '/governance/assessment',
    page: lazy(() => import('../../pages/governance/AssessmentPage.tsx')),
    labelKey: 'menu.assessment',
    icon: <FlagOutlined />,
    access: ['province_hrss', 'province_miit', 'city_hrss'],
  },
  {
    // 部门会商 of 人社 and 工信 (GET /governance/meetings).
    path: '/governance/meetings',
    page: lazy(() => import('../../pages/governance/MeetingsPage.tsx')),
    labelKey: 'menu.meetings',
    icon: <TeamOutlined />,
    access: ['province_hrss', 'province_miit', 'city_hrss'],
  },
  {
    path: '/governance/requests/:id',
    page: lazy(() => import('../../pages/governance/RequestDetailPage.tsx')),
    labelKey: 'menu.requestDetail',
    icon: <MailOutlined />,
    access: BUSINESS_ROLES,
    isInMenu: false,
  },
];
