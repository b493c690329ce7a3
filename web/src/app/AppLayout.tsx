import { KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Grid, Layout, Menu, Space, Tag, Tooltip, Typography, type MenuProps } from 'antd';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useUnreadNotices } from '../pages/benefits/useUnreadNotices.ts';
import { useI18n } from '../locales/i18n.tsx';
import { useAuth, useCurrentUser } from './auth.tsx';
import { CHANGE_PASSWORD_PATH, PageSpinner } from './guards.tsx';
import { menuRoutesFor, routeForPath, routeLabelKey } from './routes.tsx';

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

/** 修改密码, open to every user (an icon: the header is short on room). */
function ChangePasswordButton({ isCompact = false }: { isCompact?: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Tooltip title={t('layout.changePassword')}>
      <Button
        icon={<KeyOutlined />}
        size={isCompact ? 'small' : 'middle'}
        aria-label={t('layout.changePassword')}
        data-testid="change-password"
        onClick={() => navigate(CHANGE_PASSWORD_PATH)}
      />
    </Tooltip>
  );
}

function LogoutButton({ isCompact = false }: { isCompact?: boolean }) {
  const { signOut } = useAuth();
  const { t } = useI18n();
  return (
    <Button icon={<LogoutOutlined />} size={isCompact ? 'small' : 'middle'} onClick={() => void signOut()}>
      {t('layout.logout')}
    </Button>
  );
}

/** Who is logged in: name, role and region. */
function UserIdentity() {
  const user = useCurrentUser();
  const { t } = useI18n();
  return (
    <Space size="small" wrap>
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
    </Space>
  );
}

/**
 * The signed-in frame: menu of the pages this role may open, header, and the page itself. On a
 * wide screen the menu is a side bar; below 992 px (a phone, a narrow window) it opens from a
 * button as a drawer, and 退出登录 and the language switch stay in the header.
 */
export default function AppLayout() {
  const user = useCurrentUser();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = routeForPath(pathname);
  const screens = Grid.useBreakpoint();
  // Until the first measurement, assume a wide screen (the desktop is the officials' case).
  const isNarrow = screens.lg === false;
  const [isDrawerOpen, setIsDrawerOpen] = useState(false);

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
              {t(routeLabelKey(route, user.role))}{' '}
              <Badge count={unreadNotices} size="small" data-testid="menu-unread-notices" />
            </span>
          ) : (
            t(routeLabelKey(route, user.role))
          ),
      })),
    [user, t, unreadNotices],
  );

  useEffect(() => {
    document.title = current ? `${t(routeLabelKey(current, user.role))} · ${t('app.title')}` : t('app.title');
  }, [current, t, user.role]);
  useEffect(() => setIsDrawerOpen(false), [pathname]);

  const menu = (
    <nav aria-label={t('layout.mainMenu')}>
      <Menu
        theme="dark"
        mode="inline"
        items={items}
        selectedKeys={current ? [current.path] : []}
        onClick={({ key }) => navigate(key)}
      />
    </nav>
  );
  const brand = (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '16px 20px', color: '#fff' }}>
      <SailLogo />
      <span style={{ fontSize: 18, fontWeight: 600 }}>{t('app.title')}</span>
    </div>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!isNarrow && (
        <Sider width={216}>
          {brand}
          {menu}
        </Sider>
      )}
      {isNarrow && (
        <Drawer
          placement="left"
          size={260}
          open={isDrawerOpen}
          onClose={() => setIsDrawerOpen(false)}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' }, header: { display: 'none' } }}
          aria-label={t('layout.mainMenu')}
        >
          {brand}
          <div style={{ padding: '0 20px 12px' }}>
            <Space direction="vertical" size={4}>
              <Typography.Text style={{ color: '#fff' }}>{user.displayName}</Typography.Text>
              <Typography.Text style={{ color: 'rgba(255,255,255,0.65)' }}>
                {t(`role.${user.role}`)}
                {user.regionName ? ` · ${user.regionName}` : ''}
              </Typography.Text>
            </Space>
          </div>
          {menu}
        </Drawer>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Header
          style={{
            background: '#fff',
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            gap: isNarrow ? 8 : 16,
            paddingInline: isNarrow ? 12 : 24,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          {isNarrow ? (
            <>
              <div style={{ display: 'flex', alignItems: 'center', gap: 4, minWidth: 0, flex: 1 }}>
                <Button
                  type="text"
                  icon={<MenuOutlined />}
                  aria-label={t('layout.openMenu')}
                  onClick={() => setIsDrawerOpen(true)}
                  data-testid="open-menu"
                />
                <Typography.Text strong ellipsis style={{ lineHeight: 'normal' }}>
                  {current ? t(routeLabelKey(current, user.role)) : t('app.title')}
                </Typography.Text>
              </div>
              <Space size={8} style={{ flex: 'none' }}>
                <LanguageSwitch />
                <ChangePasswordButton isCompact />
                <LogoutButton isCompact />
              </Space>
            </>
          ) : (
            <>
              <Typography.Text type="secondary" ellipsis>
                {t('app.subtitle')}
              </Typography.Text>
              <Space size="middle" wrap={false}>
                <UserIdentity />
                <LanguageSwitch />
                <ChangePasswordButton />
                <LogoutButton />
              </Space>
            </>
          )}
        </Header>
        <Content style={{ padding: isNarrow ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
