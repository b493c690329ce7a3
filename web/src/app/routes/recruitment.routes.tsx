import { FileTextOutlined, FlagOutlined, GiftOutlined, ScheduleOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { REGION_OFFICIAL_ROLES } from '../access.ts';
import type { AppRoute } from '../routes.tsx';

/** The recruitment zone (招聘专区): fairs, campaigns, applicants; a job seeker's own pages. */
export const RECRUITMENT_ROUTES: readonly AppRoute[] = [
  {
    // 专场招聘会: officials record and count them (GET/POST /job-fairs…), an enterprise signs up.
    path: '/recruitment/fairs',
    page: lazy(() => import('../../pages/recruitment/JobFairsPage.tsx')),
    labelKey: 'menu.jobFairs',
    icon: <FlagOutlined />,
    access: [...REGION_OFFICIAL_ROLES, 'enterprise'],
  },
  {
    // 引才活动: city and province officials record campaigns, their hires and the home-province report.
    path: '/recruitment/campaigns',
    page: lazy(() => import('../../pages/recruitment/CampaignsPage.tsx')),
    labelKey: 'menu.campaigns',
    icon: <GiftOutlined />,
    access: ['province_hrss', 'province_miit', 'city_hrss'],
  },
  {
    // The enterprise's applicants to its own postings (GET /job-applications).
    path: '/recruitment/applicants',
    page: lazy(() => import('../../pages/recruitment/ApplicantsPage.tsx')),
    labelKey: 'menu.applicants',
    icon: <TeamOutlined />,
    access: ['enterprise'],
  },
  {
    // Applications to postings in the official's region: a city its own, the province all (GET /job-applications/region…).
    path: '/recruitment/region-applications',
    page: lazy(() => import('../../pages/recruitment/RegionApplicationsPage.tsx')),
    labelKey: 'menu.regionApplications',
    icon: <TeamOutlined />,
    access: ['province_hrss', 'city_hrss'],
  },
  {
    path: '/seeker/applications',
    page: lazy(() => import('../../pages/seekers/MyApplicationsPage.tsx')),
    labelKey: 'menu.myApplications',
    icon: <FileTextOutlined />,
    access: ['job_seeker'],
  },
  {
    path: '/seeker/profile',
    page: lazy(() => import('../../pages/seekers/SeekerProfilePage.tsx')),
    labelKey: 'menu.seekerProfile',
    icon: <ScheduleOutlined />,
    access: ['job_seeker'],
  },
  {
    path: '/seeker/jobs/:id',
    page: lazy(() => import('../../pages/seekers/ApplyPage.tsx')),
    labelKey: 'menu.applyToJob',
    icon: <FileTextOutlined />,
    access: ['job_seeker'],
    isInMenu: false,
  },
];
