import { App as AntdApp, ConfigProvider } from 'antd';
import zhCNAntd from 'antd/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { I18nProvider, useI18n } from '../locales/i18n.tsx';
import { AuthProvider } from './auth.tsx';
import { GuardedPage, PageSpinner, RequireLogin } from './guards.tsx';
import { APP_ROUTES, PUBLIC_ROUTES } from './routes.tsx';

const LoginPage = lazy(() => import('../pages/login/LoginPage.tsx'));
const AppLayout = lazy(() => import('./AppLayout.tsx'));
const NotFoundPage = lazy(() =>
  import('../pages/errors/StatusPages.tsx').then((module) => ({ default: module.NotFoundPage })),
);

const THEME = { token: { colorPrimary: '#1456b8', borderRadius: 6 } };
// "登录" stays "登录" (antd would render "登 录"), so labels read the same to people and to tests.
const BUTTON_CONFIG = { autoInsertSpace: false };

/** The route tree: /login and the public pages outside, every page of the route table inside the layout. */
function AppRoutes() {
  return (
    <Suspense fallback={<PageSpinner />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        {PUBLIC_ROUTES.map((route) => (
          <Route key={route.path} path={route.path} element={<route.page />} />
        ))}
        <Route
          element={
            <RequireLogin>
              <AppLayout />
            </RequireLogin>
          }
        >
          {APP_ROUTES.map((route) => (
            <Route key={route.path} path={route.path} element={<GuardedPage route={route} />} />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

/** antd follows the chosen language (dates, pagination, empty states). */
function LocalizedApp() {
  const { antdLocale } = useI18n();
  return (
    <ConfigProvider locale={antdLocale ?? zhCNAntd} theme={THEME} button={BUTTON_CONFIG}>
      <AntdApp>
        <BrowserRouter>
          <AuthProvider>
            <AppRoutes />
          </AuthProvider>
        </BrowserRouter>
      </AntdApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <LocalizedApp />
    </I18nProvider>
  );
}
