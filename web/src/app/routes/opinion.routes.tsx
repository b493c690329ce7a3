import { MailOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { OPINION_ROLES } from '../access.ts';
import type { AppRoute } from '../routes.tsx';

/** 舆情监测: messages and their handling. */
export const OPINION_ROUTES: readonly AppRoute[] = [
  {
    // 舆情监测: the province reads all, a city or county bureau and a commissioner handle theirs (GET /opinion/messages).
    path: '/opinion',
    page: lazy(() => import('../../pages/opinion/OpinionMessagesPage.tsx')),
    labelKey: 'menu.opinion',
    icon: <MailOutlined />,
    access: OPINION_ROLES,
  },
  {
    path: '/opinion/messages/:id',
    page: lazy(() => import('../../pages/opinion/OpinionMessagePage.tsx')),
    labelKey: 'menu.opinionMessage',
    icon: <MailOutlined />,
    access: OPINION_ROLES,
    isInMenu: false,
  },
];
