import { HomeOutlined } from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { CurrentUser, Role } from '../api/types.ts';
import type { MessageKey } from '../locales/i18n.tsx';
import { canAccess, type RouteAccess } from './access.ts';
import { ENTERPRISE_ROUTES } from './routes/enterprises.routes.tsx';
import { GOVERNANCE_ROUTES } from './routes/governance.routes.tsx';
import { MONITORING_ROUTES, MONITORING_ALERT_ROUTES } from './routes/monitoring.routes.tsx';
import { SKILLS_ROUTES } from './routes/skills.routes.tsx';
import { RECRUITMENT_ROUTES } from './routes/recruitment.routes.tsx';
import { OPINION_ROUTES } from './routes/opinion.routes.tsx';
import { POLICY_ROUTES } from './routes/policies.routes.tsx';
import { BENEFIT_ROUTES } from './routes/benefits.routes.tsx';
import { IMPORT_ROUTES } from './routes/imports.routes.tsx';
import { LABOUR_ROUTES } from './routes/labour.routes.tsx';
import { REFERENCE_ROUTES } from './routes/reference.routes.tsx';
import { ADMIN_ROUTES } from './routes/admin.routes.tsx';

/** One page of the signed-in app: where it lives, what it shows, who may open it. */
export interface AppRoute {
  path: string;
  page: LazyExoticComponent<ComponentType>;
  /** Menu label and page title. */
  labelKey: MessageKey;
  icon: ReactNode;
  access: RouteAccess;
  /** Pages reached from elsewhere (details, forms) set this to false. */
  isInMenu?: boolean;
  /** A label for roles that see the page differently (an enterprise's register is its own record). */
  labelKeyByRole?: Partial<Record<Role, MessageKey>>;
}

/** The menu label and title of a page for this role. */
export function routeLabelKey(route: AppRoute, role: Role): MessageKey {
  return route.labelKeyByRole?.[role] ?? route.labelKey;
}

/**
 * The one table of pages, each module's list in menu order (routes/<module>.routes.tsx). It drives
 * the menu, the home page's quick links and the route guard; a new module adds its list here. Each
 * page is loaded on first visit (React.lazy).
 */
export const APP_ROUTES: readonly AppRoute[] = [
  {
    path: '/',
    page: lazy(() => import('../pages/home/HomePage.tsx')),
    labelKey: 'menu.home',
    icon: <HomeOutlined />,
    access: 'authenticated',
  },
  ...ENTERPRISE_ROUTES,
  ...GOVERNANCE_ROUTES,
  ...MONITORING_ROUTES,
  ...SKILLS_ROUTES,
  ...RECRUITMENT_ROUTES,
  ...OPINION_ROUTES,
  ...MONITORING_ALERT_ROUTES,
  ...POLICY_ROUTES,
  ...BENEFIT_ROUTES,
  ...IMPORT_ROUTES,
  ...LABOUR_ROUTES,
  ...REFERENCE_ROUTES,
  ...ADMIN_ROUTES,
];

/** A page anyone may open without logging in, outside the signed-in layout. */
export interface PublicRoute {
  path: string;
  page: LazyExoticComponent<ComponentType>;
  labelKey: MessageKey;
}

/** The public pages (POST /policies/:code/calc answers anyone); the login page links to them. */
export const PUBLIC_ROUTES: readonly PublicRoute[] = [
  {
    path: '/calculator',
    page: lazy(() => import('../pages/policies/PublicCalculatorPage.tsx')),
    labelKey: 'menu.publicCalculator',
  },
  {
    path: '/public/notices',
    page: lazy(() => import('../pages/benefits/PublicNoticesPage.tsx')),
    labelKey: 'menu.publicNotices',
  },
  {
    path: '/public/jobs',
    page: lazy(() => import('../pages/jobs/JobSearchPage.tsx')),
    labelKey: 'menu.publicJobs',
  },
  {
    path: '/public/jobs/:id',
    page: lazy(() => import('../pages/jobs/JobDetailPage.tsx')),
    labelKey: 'menu.publicJobs',
  },
  {
    path: '/public/register',
    page: lazy(() => import('../pages/seekers/SeekerRegisterPage.tsx')),
    labelKey: 'menu.seekerRegister',
  },
];

/** The menu entries this user may see, in table order. */
export function menuRoutesFor(user: CurrentUser | null): AppRoute[] {
  return APP_ROUTES.filter((route) => route.isInMenu !== false && canAccess(user, route.access));
}

/** The route whose path is the longest prefix of the location (for the selected menu entry). */
export function routeForPath(pathname: string): AppRoute | undefined {
  return [...APP_ROUTES]
    .sort((a, b) => b.path.length - a.path.length)
    .find((route) =>
      route.path === '/' ? pathname === '/' : pathname === route.path || pathname.startsWith(`${route.path}/`),
    );
}
