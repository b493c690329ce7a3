import {
  AlertOutlined,
  ApiOutlined,
  AuditOutlined,
  BookOutlined,
  CalculatorOutlined,
  CalendarOutlined,
  BankOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  ExperimentOutlined,
  FileTextOutlined,
  FlagOutlined,
  GiftOutlined,
  HomeOutlined,
  KeyOutlined,
  MailOutlined,
  NotificationOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  TeamOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { CurrentUser, Role } from '../api/types.ts';
import type { MessageKey } from '../locales/i18n.tsx';
import {
  BUSINESS_ROLES,
  OFFICIAL_ROLES,
  OPINION_ROLES,
  POLICY_READER_ROLES,
  PROVINCE_ROLES,
  REGION_OFFICIAL_ROLES,
  canAccess,
  type RouteAccess,
} from './access.ts';

/** HRSS offices (arbitration, mediation, inspection) and commissioners: the labour-relations pages. */
const LABOUR_ROLES: readonly Role[] = ['province_hrss', 'city_hrss', 'commissioner'];

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
 * The one table of pages. It drives the menu, the home page's quick links and the route guard;
 * a new module adds its pages here. Each page is loaded on first visit (React.lazy).
 */
export const APP_ROUTES: readonly AppRoute[] = [
  {
    path: '/',
    page: lazy(() => import('../pages/home/HomePage.tsx')),
    labelKey: 'menu.home',
    icon: <HomeOutlined />,
    access: 'authenticated',
  },
  {
    // The register: officials in their scope, an enterprise its own record (GET /enterprises).
    path: '/enterprises',
    page: lazy(() => import('../pages/enterprises/EnterprisesPage.tsx')),
    labelKey: 'menu.enterprises',
    labelKeyByRole: { enterprise: 'menu.ownEnterprise' },
    icon: <BankOutlined />,
    access: BUSINESS_ROLES,
  },
  {
    path: '/enterprises/:uscc',
    page: lazy(() => import('../pages/enterprises/EnterpriseDetailPage.tsx')),
    labelKey: 'menu.enterpriseDetail',
    icon: <BankOutlined />,
    access: BUSINESS_ROLES,
    isInMenu: false,
  },
  {
    // Read by the province, a city and its commissioners; kept by the city (GET /key-enterprises).
    path: '/key-enterprises',
    page: lazy(() => import('../pages/keyEnterprises/KeyEnterprisesPage.tsx')),
    labelKey: 'menu.keyEnterprises',
    icon: <FlagOutlined />,
    access: OFFICIAL_ROLES,
  },
  {
    // The roster is the cities' and the province's (GET /governance/commissioners); a city records unit and phone.
    path: '/governance/commissioners',
    page: lazy(() => import('../pages/governance/CommissionersPage.tsx')),
    labelKey: 'menu.commissioners',
    icon: <TeamOutlined />,
    access: REGION_OFFICIAL_ROLES,
  },
  {
    // A commissioner's enterprises and contact log; an enterprise sees the contacts made with it (GET /governance/contacts).
    path: '/governance/contacts',
    page: lazy(() => import('../pages/governance/ContactsPage.tsx')),
    labelKey: 'menu.contacts',
    icon: <ScheduleOutlined />,
    access: BUSINESS_ROLES,
  },
  {
    // Raised by an enterprise, answered by its commissioner, followed by cities and the province (GET /governance/requests).
    path: '/governance/requests',
    page: lazy(() => import('../pages/governance/RequestsPage.tsx')),
    labelKey: 'menu.requests',
    icon: <MailOutlined />,
    access: BUSINESS_ROLES,
  },
  {
    // Filed by a city, reviewed by the province (GET /governance/plans).
    path: '/governance/plans',
    page: lazy(() => import('../pages/governance/PlansPage.tsx')),
    labelKey: 'menu.plans',
    icon: <FileTextOutlined />,
    access: REGION_OFFICIAL_ROLES,
  },
  {
    // Collections to enterprises under approval records, the burden, the 急需紧缺 survey and catalogues (GET /governance/collections).
    path: '/governance/collections',
    page: lazy(() => import('../pages/governance/CollectionsPage.tsx')),
    labelKey: 'menu.collections',
    icon: <AuditOutlined />,
    access: ['province_hrss', 'province_miit', 'city_hrss'],
  },
  {
    // The surveys an enterprise received, each with its approval number (GET /governance/forms).
    path: '/governance/forms',
    page: lazy(() => import('../pages/governance/FormsPage.tsx')),
    labelKey: 'menu.forms',
    icon: <FileTextOutlined />,
    access: ['enterprise'],
  },
  {
    // 调度 rounds: opened by the province, returned by cities (GET /governance/dispatch-rounds).
    path: '/governance/dispatch',
    page: lazy(() => import('../pages/governance/DispatchPage.tsx')),
    labelKey: 'menu.dispatch',
    icon: <ScheduleOutlined />,
    access: ['province_hrss', 'province_miit', 'city_hrss'],
  },
  {
    // The annual assessment with versioned weights (GET /governance/assessments).
    path: '/governance/assessment',
    page: lazy(() => import('../pages/governance/AssessmentPage.tsx')),
    labelKey: 'menu.assessment',
    icon: <FlagOutlined />,
    access: ['province_hrss', 'province_miit', 'city_hrss'],
  },
  {
    // 部门会商 of 人社 and 工信 (GET /governance/meetings).
    path: '/governance/meetings',
    page: lazy(() => import('../pages/governance/MeetingsPage.tsx')),
    labelKey: 'menu.meetings',
    icon: <TeamOutlined />,
    access: ['province_hrss', 'province_miit', 'city_hrss'],
  },
  {
    path: '/governance/requests/:id',
    page: lazy(() => import('../pages/governance/RequestDetailPage.tsx')),
    labelKey: 'menu.requestDetail',
    icon: <MailOutlined />,
    access: BUSINESS_ROLES,
    isInMenu: false,
  },
  {
    // Rankings, map and drill-down are the province's and the cities' (GET /monitoring/ranking, /regions/:code).
    path: '/monitoring',
    page: lazy(() => import('../pages/monitoring/MonitoringDashboardPage.tsx')),
    labelKey: 'menu.monitoring',
    icon: <DashboardOutlined />,
    access: REGION_OFFICIAL_ROLES,
  },
  {
    // Training, internship bases and trainees: read by region officials, kept by HRSS; an enterprise keeps its own base (GET /skills/…).
    path: '/skills',
    page: lazy(() => import('../pages/skills/SkillsPage.tsx')),
    labelKey: 'menu.skills',
    labelKeyByRole: { enterprise: 'menu.ownInternship' },
    icon: <ExperimentOutlined />,
    access: [...REGION_OFFICIAL_ROLES, 'enterprise'],
  },
  {
    // 专场招聘会: officials record and count them (GET/POST /job-fairs…), an enterprise signs up.
    path: '/recruitment/fairs',
    page: lazy(() => import('../pages/recruitment/JobFairsPage.tsx')),
    labelKey: 'menu.jobFairs',
    icon: <FlagOutlined />,
    access: [...REGION_OFFICIAL_ROLES, 'enterprise'],
  },
  {
    // 引才活动: city and province officials record campaigns, their hires and the home-province report.
    path: '/recruitment/campaigns',
    page: lazy(() => import('../pages/recruitment/CampaignsPage.tsx')),
    labelKey: 'menu.campaigns',
    icon: <GiftOutlined />,
    access: ['province_hrss', 'province_miit', 'city_hrss'],
  },
  {
    // The enterprise's applicants to its own postings (GET /job-applications).
    path: '/recruitment/applicants',
    page: lazy(() => import('../pages/recruitment/ApplicantsPage.tsx')),
    labelKey: 'menu.applicants',
    icon: <TeamOutlined />,
    access: ['enterprise'],
  },
  {
    // Applications to postings in the official's region: a city its own, the province all (GET /job-applications/region…).
    path: '/recruitment/region-applications',
    page: lazy(() => import('../pages/recruitment/RegionApplicationsPage.tsx')),
    labelKey: 'menu.regionApplications',
    icon: <TeamOutlined />,
    access: ['province_hrss', 'city_hrss'],
  },
  {
    path: '/seeker/applications',
    page: lazy(() => import('../pages/seekers/MyApplicationsPage.tsx')),
    labelKey: 'menu.myApplications',
    icon: <FileTextOutlined />,
    access: ['job_seeker'],
  },
  {
    path: '/seeker/profile',
    page: lazy(() => import('../pages/seekers/SeekerProfilePage.tsx')),
    labelKey: 'menu.seekerProfile',
    icon: <ScheduleOutlined />,
    access: ['job_seeker'],
  },
  {
    path: '/seeker/jobs/:id',
    page: lazy(() => import('../pages/seekers/ApplyPage.tsx')),
    labelKey: 'menu.applyToJob',
    icon: <FileTextOutlined />,
    access: ['job_seeker'],
    isInMenu: false,
  },
  {
    path: '/monitoring/regions/:code',
    page: lazy(() => import('../pages/monitoring/RegionDrilldownPage.tsx')),
    labelKey: 'menu.regionDrilldown',
    icon: <DashboardOutlined />,
    access: REGION_OFFICIAL_ROLES,
    isInMenu: false,
  },
  {
    // Officials in their scope, commissioners their enterprises, an enterprise its own (GET …/series).
    path: '/monitoring/enterprises/:uscc',
    page: lazy(() => import('../pages/monitoring/EnterpriseSeriesPage.tsx')),
    labelKey: 'menu.enterpriseSeries',
    icon: <DashboardOutlined />,
    access: BUSINESS_ROLES,
    isInMenu: false,
  },
  {
    // 舆情监测: the province reads all, a city or county bureau and a commissioner handle theirs (GET /opinion/messages).
    path: '/opinion',
    page: lazy(() => import('../pages/opinion/OpinionMessagesPage.tsx')),
    labelKey: 'menu.opinion',
    icon: <MailOutlined />,
    access: OPINION_ROLES,
  },
  {
    path: '/opinion/messages/:id',
    page: lazy(() => import('../pages/opinion/OpinionMessagePage.tsx')),
    labelKey: 'menu.opinionMessage',
    icon: <MailOutlined />,
    access: OPINION_ROLES,
    isInMenu: false,
  },
  {
    // Listed for officials and commissioners; assigned and closed by HRSS officials (PATCH …/alerts/:id).
    path: '/monitoring/alerts',
    page: lazy(() => import('../pages/monitoring/AlertsPage.tsx')),
    labelKey: 'menu.alerts',
    icon: <AlertOutlined />,
    access: OFFICIAL_ROLES,
  },
  {
    path: '/monitoring/bulletins',
    page: lazy(() => import('../pages/monitoring/BulletinsPage.tsx')),
    labelKey: 'menu.bulletins',
    icon: <FileTextOutlined />,
    access: REGION_OFFICIAL_ROLES,
  },
  {
    // Every policy computed from the enterprise's own data (GET /policies/calc/mine); the public
    // account gets the public calculator here (POST /policies/:code/calc).
    path: '/policies/calculator',
    page: lazy(() => import('../pages/policies/CalculatorPage.tsx')),
    labelKey: 'menu.policyCalculator',
    icon: <CalculatorOutlined />,
    access: ['enterprise', 'public'],
  },
  {
    // The catalogue is public (GET /policies); the business roles find it in their menu.
    path: '/policies',
    page: lazy(() => import('../pages/policies/PolicyCataloguePage.tsx')),
    labelKey: 'menu.policies',
    icon: <BookOutlined />,
    access: POLICY_READER_ROLES,
  },
  {
    // Parameters are edited and cases run by 省人社 only (PATCH …/parameters, POST …/test).
    path: '/policies/:code',
    page: lazy(() => import('../pages/policies/PolicyDetailPage.tsx')),
    labelKey: 'menu.policyDetail',
    icon: <BookOutlined />,
    access: POLICY_READER_ROLES,
    isInMenu: false,
  },
  {
    path: '/policies/sandbox',
    page: lazy(() => import('../pages/policies/PolicySandboxPage.tsx')),
    labelKey: 'menu.policySandbox',
    icon: <ExperimentOutlined />,
    access: ['province_hrss'],
  },
  {
    // 免申即享: the notices and cases of the enterprise's own (GET /benefits/inbox, /benefits/cases).
    path: '/benefits/inbox',
    page: lazy(() => import('../pages/benefits/BenefitsInboxPage.tsx')),
    labelKey: 'menu.benefitsInbox',
    icon: <MailOutlined />,
    access: ['enterprise'],
  },
  {
    path: '/benefits/mine',
    page: lazy(() => import('../pages/benefits/MyBenefitsPage.tsx')),
    labelKey: 'menu.myBenefits',
    icon: <GiftOutlined />,
    access: ['enterprise'],
  },
  {
    // Approve, reject, return and bulk approve are the city's (POST /benefits/cases/:id/approve…).
    path: '/benefits/review',
    page: lazy(() => import('../pages/benefits/BenefitsReviewPage.tsx')),
    labelKey: 'menu.benefitsReview',
    icon: <ScheduleOutlined />,
    access: ['city_hrss'],
  },
  {
    // Match runs, payment instructions and the ledger are the province's (POST /benefits/match-runs…).
    path: '/benefits/runs',
    page: lazy(() => import('../pages/benefits/BenefitRunsPage.tsx')),
    labelKey: 'menu.benefitsRuns',
    icon: <NotificationOutlined />,
    access: ['province_hrss'],
  },
  {
    path: '/benefits/cases/:id',
    page: lazy(() => import('../pages/benefits/BenefitCasePage.tsx')),
    labelKey: 'menu.benefitCase',
    icon: <GiftOutlined />,
    access: ['province_hrss', 'city_hrss', 'enterprise'],
    isInMenu: false,
  },
  {
    path: '/imports',
    page: lazy(() => import('../pages/imports/ImportsPage.tsx')),
    labelKey: 'menu.imports',
    icon: <CloudUploadOutlined />,
    access: PROVINCE_ROLES,
  },
  {
    // 劳动关系: arbitrators and mediators of the HRSS offices, and commissioners (GET /labour/compensation).
    path: '/labour/compensation',
    page: lazy(() => import('../pages/labour/CompensationPage.tsx')),
    labelKey: 'menu.compensation',
    icon: <CalculatorOutlined />,
    access: LABOUR_ROLES,
  },
  {
    // 劳动争议: cases, their deadlines and compensation, the open collective-dispute alerts (GET /labour/disputes).
    path: '/labour/disputes',
    page: lazy(() => import('../pages/labour/DisputesPage.tsx')),
    labelKey: 'menu.disputes',
    icon: <AuditOutlined />,
    access: LABOUR_ROLES,
  },
  {
    path: '/labour/disputes/:id',
    page: lazy(() => import('../pages/labour/DisputePage.tsx')),
    labelKey: 'menu.dispute',
    icon: <AuditOutlined />,
    access: LABOUR_ROLES,
    isInMenu: false,
  },
  {
    // Each enterprise's latest diagnosis by region, and 和谐劳动关系 applications (GET /labour/diagnoses).
    path: '/labour/diagnoses',
    page: lazy(() => import('../pages/labour/DiagnosisResultsPage.tsx')),
    labelKey: 'menu.diagnosisResults',
    icon: <ExperimentOutlined />,
    access: LABOUR_ROLES,
  },
  {
    // 柔性执法: inspectors record; an enterprise reads its own record (GET /labour/violations).
    path: '/labour/violations',
    page: lazy(() => import('../pages/labour/ViolationsPage.tsx')),
    labelKey: 'menu.violations',
    labelKeyByRole: { enterprise: 'menu.myViolations' },
    icon: <SafetyCertificateOutlined />,
    access: [...LABOUR_ROLES, 'enterprise'],
  },
  {
    // The enterprise takes the diagnosis and applies for 和谐劳动关系 (POST /labour/diagnoses).
    path: '/labour/diagnosis',
    page: lazy(() => import('../pages/labour/DiagnosisPage.tsx')),
    labelKey: 'menu.diagnosis',
    icon: <ExperimentOutlined />,
    access: ['enterprise'],
  },
  {
    path: '/reference',
    page: lazy(() => import('../pages/reference/ReferencePage.tsx')),
    labelKey: 'menu.reference',
    icon: <DatabaseOutlined />,
    access: OFFICIAL_ROLES,
  },
  {
    // Recorded and revoked by 省工信 and the system administrator, read by 省人社 (POST /reference/uscc-overrides…).
    path: '/reference/uscc-overrides',
    page: lazy(() => import('../pages/reference/UsccOverridesPage.tsx')),
    labelKey: 'menu.usccOverrides',
    icon: <SafetyCertificateOutlined />,
    access: ['province_miit', 'sysadmin', 'province_hrss'],
  },
  {
    path: '/tools',
    page: lazy(() => import('../pages/tools/ToolsPage.tsx')),
    labelKey: 'menu.tools',
    icon: <ToolOutlined />,
    access: BUSINESS_ROLES,
  },
  {
    path: '/exchange/tokens',
    page: lazy(() => import('../pages/exchange/ApiTokensPage.tsx')),
    labelKey: 'menu.apiTokens',
    icon: <ApiOutlined />,
    access: ['province_hrss', 'province_miit', 'sysadmin'],
  },
  {
    path: '/admin/users',
    page: lazy(() => import('../pages/admin/UsersPage.tsx')),
    labelKey: 'menu.users',
    icon: <TeamOutlined />,
    access: ['sysadmin'],
  },
  {
    // Loaded by the system administrator (POST /reference/calendar/years); everyone signed in may read it.
    path: '/admin/calendar',
    page: lazy(() => import('../pages/admin/CalendarPage.tsx')),
    labelKey: 'menu.calendar',
    icon: <CalendarOutlined />,
    access: ['sysadmin', 'province_hrss', 'city_hrss'],
  },
  {
    // Every user, from the user bar; after a password reset the only page open (guards.tsx).
    path: '/account/password',
    page: lazy(() => import('../pages/account/ChangePasswordPage.tsx')),
    labelKey: 'menu.changePassword',
    icon: <KeyOutlined />,
    access: 'authenticated',
    isInMenu: false,
  },
  {
    path: '/security',
    page: lazy(() => import('../pages/security/SecurityPage.tsx')),
    labelKey: 'menu.security',
    icon: <SafetyCertificateOutlined />,
    access: ['secadmin'],
  },
  {
    path: '/audit',
    page: lazy(() => import('../pages/audit/AuditPage.tsx')),
    labelKey: 'menu.audit',
    icon: <AuditOutlined />,
    access: ['auditor'],
  },
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
