/**
 * The roles of SPEC §1. Each role has a data-scope kind; the scope value itself (region,
 * enterprise, assigned enterprises) comes from the user's record.
 */
export const ROLES = [
  'province_hrss',
  'province_miit',
  'city_hrss',
  'commissioner',
  'enterprise',
  'public',
  'job_seeker',
  'sysadmin',
  'secadmin',
  'auditor',
] as const;

export type Role = (typeof ROLES)[number];

export type ScopeKind = 'province' | 'region' | 'assigned' | 'own_enterprise' | 'self';

interface RoleDefinition {
  label: string;
  labelEn: string;
  scope: ScopeKind;
  /** 等保 2.0 level 3 and SPEC §2.1: province and administrator roles need a second factor. */
  requiresTotp: boolean;
  requiresRegion?: boolean;
  requiresUscc?: boolean;
}

export const ROLE_DEFINITIONS: Record<Role, RoleDefinition> = {
  province_hrss: { label: '省人社', labelEn: 'Provincial HRSS', scope: 'province', requiresTotp: true },
  province_miit: { label: '省工信', labelEn: 'Provincial MIIT', scope: 'province', requiresTotp: true },
  city_hrss: { label: '市/县人社', labelEn: 'City HRSS', scope: 'region', requiresTotp: false, requiresRegion: true },
  commissioner: {
    label: '服务专员',
    labelEn: 'Service commissioner',
    scope: 'assigned',
    requiresTotp: false,
    requiresRegion: true,
  },
  enterprise: {
    label: '企业',
    labelEn: 'Enterprise',
    scope: 'own_enterprise',
    requiresTotp: false,
    requiresUscc: true,
  },
  public: { label: '公众', labelEn: 'Public', scope: 'self', requiresTotp: false },
  /** Registers itself with a verification code (SPEC §2.6); sees only its own profile and applications. */
  job_seeker: { label: '求职者', labelEn: 'Job seeker', scope: 'self', requiresTotp: false },
  sysadmin: { label: '系统管理员', labelEn: 'System administrator', scope: 'self', requiresTotp: true },
  secadmin: { label: '安全管理员', labelEn: 'Security administrator', scope: 'self', requiresTotp: true },
  auditor: { label: '审计管理员', labelEn: 'Auditor', scope: 'self', requiresTotp: true },
};

export const OFFICIAL_ROLES: readonly Role[] = ['province_hrss', 'province_miit', 'city_hrss', 'commissioner'];
export const PROVINCE_ROLES: readonly Role[] = ['province_hrss', 'province_miit'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
