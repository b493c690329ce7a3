import { ExperimentOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { REGION_OFFICIAL_ROLES } from '../access.ts';
import type { AppRoute } from '../routes.tsx';

/** Skills and talent (技能人才). */
export const SKILLS_ROUTES: readonly AppRoute[] = [
  {
    // Training, internship bases and trainees: read by region officials, kept by HRSS; an enterprise keeps its own base (GET /skills/…).
    path: '/skills',
    page: lazy(() => import('../../pages/skills/SkillsPage.tsx')),
    labelKey: 'menu.skills',
    labelKeyByRole: { enterprise: 'menu.ownInternship' },
    icon: <ExperimentOutlined />,
    access: [...REGION_OFFICIAL_ROLES, 'enterprise'],
  },
];
