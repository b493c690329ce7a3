import { CloudUploadOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { PROVINCE_ROLES } from '../access.ts';
import type { AppRoute } from '../routes.tsx';

/** Data imports. */
export const IMPORT_ROUTES: readonly AppRoute[] = [
  {
    path: '/imports',
    page: lazy(() => import('../../pages/imports/ImportsPage.tsx')),
    labelKey: 'menu.imports',
    icon: <CloudUploadOutlined />,
    access: PROVINCE_ROLES,
  },
];
