import {
  AuditOutlined,
  CalendarOutlined,
  DatabaseOutlined,
  KeyOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../routes.tsx';

/** Administration and security: accounts, calendar, password, security settings, audit log. */
export const ADMIN_ROUTES: readonly AppRoute[] = [
  {
    path: '/admin/users',
    page: lazy(() => import('../../pages/admin/UsersPage.tsx')),
    labelKey: 'menu.users',
    icon: <TeamOutlined />,
    access: ['sysadmin'],
  },
  {
    // The job queue's counts and dead letters (GET /system/jobs).
    path: '/admin/jobs',
    page: lazy(() => import('../../pages/admin/JobQueuePage.tsx')),
    labelKey: 'menu.jobQueue',
    icon: <DatabaseOutlined />,
    access: ['sysadmin'],
  },
  {
    // Loaded by the system administrator (POST /reference/calendar/years); everyone signed in may read it.
    path: '/admin/calendar',
    page: lazy(() => import('../../pages/admin/CalendarPage.tsx')),
    labelKey: 'menu.calendar',
    icon: <CalendarOutlined />,
    access: ['sysadmin', 'province_hrss', 'city_hrss'],
  },
  {
    // Every user, from the user bar; after a password reset the only page open (guards.tsx).
    path: '/account/password',
    page: lazy(() => import('../../pages/account/ChangePasswordPage.tsx')),
    labelKey: 'menu.changePassword',
    icon: <KeyOutlined />,
    access: 'authenticated',
    isInMenu: false,
  },
  {
    path: '/security',
    page: lazy(() => import('../../pages/security/SecurityPage.tsx')),
    labelKey: 'menu.security',
    icon: <SafetyCertificateOutlined />,
    access: ['secadmin'],
  },
  {
    path: '/audit',
    page: lazy(() => import('../../pages/audit/AuditPage.tsx')),
    labelKey: 'menu.audit',
    icon: <AuditOutlined />,
    access: ['auditor'],
  },
];
