import { Breadcrumb } from 'antd';
import { Link, matchPath, useLocation } from 'react-router-dom';
import { useCurrentUser } from '../app/auth.tsx';
import { breadcrumbTrail, menuParentOf, type Crumb } from '../app/breadcrumbs.ts';
import { APP_ROUTES, routeLabelKey } from '../app/routes.tsx';
import { useI18n } from '../locales/i18n.tsx';

/**
 * The trail above a drill-down page (地区下钻, 企业详情, 案件详情…): the menu page it belongs to for
 * this role, the steps between (a county's city), and the page itself; each step but the last a link.
 */
export function PageBreadcrumb({ between = [], current }: { between?: readonly Crumb[]; current: string }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const { pathname } = useLocation();
  // The drill-down route itself (a path with parameters), not the menu page whose prefix it shares.
  const route = APP_ROUTES.find((candidate) => candidate.path.includes(':') && matchPath(candidate.path, pathname));
  const parentPath = route ? menuParentOf(route.path, user.role) : undefined;
  const parentRoute = APP_ROUTES.find((candidate) => candidate.path === parentPath);
  const trail = breadcrumbTrail(
    parentRoute ? { label: t(routeLabelKey(parentRoute, user.role)), to: parentRoute.path } : undefined,
    between,
    current,
  );
  return (
    <nav aria-label={t('layout.breadcrumbs')} data-testid="breadcrumbs" style={{ marginBottom: 12 }}>
      <Breadcrumb
        items={trail.map((crumb) => ({
          key: `${crumb.to ?? ''}|${crumb.label}`,
          title: crumb.to ? <Link to={crumb.to}>{crumb.label}</Link> : crumb.label,
        }))}
      />
    </nav>
  );
}
