import { Spin } from 'antd';
import { lazy, type ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { canAccess } from './access.ts';
import { loginPathFor, useAuth } from './auth.tsx';
import type { AppRoute } from './routes.tsx';

// Rarely seen, and its illustration is large: loaded on demand.
const ForbiddenPage = lazy(() =>
  import('../pages/errors/StatusPages.tsx').then((module) => ({ default: module.ForbiddenPage })),
);

export const CHANGE_PASSWORD_PATH = '/account/password';

/** Centred spinner while a session check or a lazily loaded page is pending. */
export function PageSpinner() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 64 }}>
      <Spin size="large" />
    </div>
  );
}

/** Renders the signed-in part of the app, or sends an anonymous visitor to /login. */
export function RequireLogin({ children }: { children?: ReactNode }) {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <PageSpinner />;
  // After 退出登录 the next user starts from the home page, not from the page just left.
  if (status === 'signedOut') return <Navigate to="/login" replace />;
  if (status === 'anonymous') return <Navigate to={loginPathFor(location.pathname, location.search)} replace />;
  return children ?? <Outlet />;
}

/**
 * Renders a page of the route table when the user's role is in its `access` list. Pages load
 * lazily; the layout's Suspense shows a spinner meanwhile.
 */
export function GuardedPage({ route }: { route: AppRoute }) {
  const { user } = useAuth();
  // After a reset (or with a public demo password) the server refuses everything else anyway.
  if (user?.mustChangePassword && route.path !== CHANGE_PASSWORD_PATH)
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  if (!canAccess(user, route.access)) return <ForbiddenPage />;
  const Page = route.page;
  return <Page />;
}
