import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Badge, Button, Layout, Menu, Space, Tag, Typography, type MenuProps } from 'antd';
import { Suspense, useEffect, useMemo } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useUnreadNotices } from '../pages/benefits/useUnreadNotices.ts';
import { useI18n } from '../locales/i18n.tsx';
import { useAuth, useCurrentUser } from './auth.tsx';
import { PageSpinner } from './guards.tsx';
import { menuRoutesFor, routeForPath } from './routes.tsx';

const { Header, Sider, Content } = Layout;

function SailLogo() {
  return (
    <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true">
      <path d="M16 3 L16 24 L5 24 Z" fill="#69b1ff" />
      <path d="M18 7 L18 24 L27 24 Z" fill="#ffffff" />
      <path d="M3 26 H29 L25 30 H7 Z" fill="#91caff" />
    </svg>
  );
}

/** Who is logged in, the language switch and 退出登录. */
function UserBar() {
  const user = useCurrentUser();
  const { signOut } = useAuth();
  const { t } = useI18n();
  return (
    <Space size="middle" wrap>
      <Space size={4}>
        <UserOutlined />
        <Typography.Text strong data-testid="current-user-name">
          {user.displayName}
        </Typography.Text>
      </Space>
      <Tag color="blue" data-testid="current-user-role">
        {t(`role.${user.role}`)}
      </Tag>
      {user.regionName && <Typography.Text type="secondary">{user.regionName}</Typography.Text>}
      <LanguageSwitch />
      <Button icon={<LogoutOutlined />} onClick={() => void signOut()}>
        {t('layout.logout')}
      </Button>
    </Space>
  );
}

/** The signed-in frame: menu of the pages this role may open, header, and the page itself. */
export default function AppLayout() {
  const user = useCurrentUser();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = routeForPath(pathname);

  // The enterprise's 政策消息 entry carries its unread count.
  const unreadNotices = useUnreadNotices(user.role === 'enterprise', pathname);
  const items: MenuProps['items'] = useMemo(
    () =>
      menuRoutesFor(user).map((route) => ({
        key: route.path,
        icon: route.icon,
        label:
          route.path === '/benefits/inbox' && unreadNotices > 0 ? (
            <span>
              {t(route.labelKey)} <Badge count={unreadNotices} size="small" data-testid="menu-unread-notices" />
            </span>
          ) : (
            t(route.labelKey)
          ),
      })),
    [user, t, unreadNotices],
  );

  useEffect(() => {
    document.title = current ? `${t(current.labelKey)} · ${t('app.title')}` : t('app.title');
  }, [current, t]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider breakpoint="lg" collapsedWidth={0} width={216}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '16px 20px', color: '#fff' }}>
          <SailLogo />
          <span style={{ fontSize: 18, fontWeight: 600 }}>{t('app.title')}</span>
        </div>
        <nav aria-label={t('layout.mainMenu')}>
          <Menu
            theme="dark"
            mode="inline"
            items={items}
            selectedKeys={current ? [current.path] : []}
            onClick={({ key }) => navigate(key)}
          />
        </nav>
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            gap: 16,
            paddingInline: 24,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Typography.Text type="secondary" ellipsis>
            {t('app.subtitle')}
          </Typography.Text>
          <UserBar />
        </Header>
        <Content style={{ padding: 24 }}>
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
