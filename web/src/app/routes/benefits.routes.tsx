import { GiftOutlined, MailOutlined, NotificationOutlined, ScheduleOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../routes.tsx';

/** Benefits (惠企政策兑现): notices, own cases, review, match runs, case detail. */
export const BENEFIT_ROUTES: readonly AppRoute[] = [
  {
    // 免申即享: the notices and cases of the enterprise's own (GET /benefits/inbox, /benefits/cases).
    path: '/benefits/inbox',
    page: lazy(() => import('../../pages/benefits/BenefitsInboxPage.tsx')),
    labelKey: 'menu.benefitsInbox',
    icon: <MailOutlined />,
    access: ['enterprise'],
  },
  {
    path: '/benefits/mine',
    page: lazy(() => import('../../pages/benefits/MyBenefitsPage.tsx')),
    labelKey: 'menu.myBenefits',
    icon: <GiftOutlined />,
    access: ['enterprise'],
  },
  {
    // Approve, reject, return and bulk approve are the city's (POST /benefits/cases/:id/approve…).
    path: '/benefits/review',
    page: lazy(() => import('../../pages/benefits/BenefitsReviewPage.tsx')),
    labelKey: 'menu.benefitsReview',
    icon: <ScheduleOutlined />,
    access: ['city_hrss'],
  },
  {
    // Match runs, payment instructions and the ledger are the province's (POST /benefits/match-runs…).
    path: '/benefits/runs',
    page: lazy(() => import('../../pages/benefits/BenefitRunsPage.tsx')),
    labelKey: 'menu.benefitsRuns',
    icon: <NotificationOutlined />,
    access: ['province_hrss'],
  },
  {
    path: '/benefits/cases/:id',
    page: lazy(() => import('../../pages/benefits/BenefitCasePage.tsx')),
    labelKey: 'menu.benefitCase',
    icon: <GiftOutlined />,
    access: ['province_hrss', 'city_hrss', 'enterprise'],
    isInMenu: false,
  },
];
