import type { AppContext } from '../../app-context.ts';
import { systemActor } from '../../platform/auth/current-user.ts';
import { makeUsccForSerial } from '../../platform/identifiers/uscc.ts';
import { ROLE_DEFINITIONS, type Role } from '../../platform/roles.ts';
import { createUser } from './users.service.ts';
import { findUserByUsername } from './users.repository.ts';

/** The demo password of every demo account; demo accounts exist only outside production. */
export const DEMO_PASSWORD = 'Yangfan@2026';

interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  regionCode?: string;
  uscc?: string;
  phone?: string;
  canViewPersonal?: boolean;
}

/** One account per role of SPEC §1, plus a directly-administered county's official. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'province_hrss',
    displayName: '省人社厅 就业处',
    role: 'province_hrss',
    phone: '13800000001',
    canViewPersonal: true,
  },
  { username: 'province_miit', displayName: '省工信厅 中小企业处', role: 'province_miit', phone: '13800000002' },
  {
    username: 'city_nanjing',
    displayName: '南京市人社局 就业科',
    role: 'city_hrss',
    regionCode: '320100',
    phone: '13800000003',
  },
  {
    username: 'city_kunshan',
    displayName: '昆山市人社局 就业科',
    role: 'city_hrss',
    regionCode: '320583',
    phone: '13800000004',
  },
  {
    username: 'commissioner_nanjing',
    displayName: '服务专员 王晓明',
    role: 'commissioner',
    regionCode: '320100',
    phone: '13800000005',
  },
  {
    username: 'enterprise_demo',
    displayName: '南京扬帆智能装备有限公司',
    role: 'enterprise',
    uscc: makeUsccForSerial('320115', 10_000_001),
    phone: '13800000006',
  },
  { username: 'public_demo', displayName: '求职者 李华', role: 'public', phone: '13800000007' },
  { username: 'sysadmin', displayName: '系统管理员', role: 'sysadmin', phone: '13800000008', canViewPersonal: true },
  { username: 'secadmin', displayName: '安全管理员', role: 'secadmin', phone: '13800000009' },
  { username: 'auditor', displayName: '审计管理员', role: 'auditor', phone: '13800000010' },
];

/** Creates the demo accounts that do not exist yet; returns how many were created. */
export async function seedDemoAccounts(ctx: AppContext): Promise<number> {
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    if (await findUserByUsername(ctx.db, account.username)) continue;
    await createUser(ctx, systemActor('demo'), { ...account, password: DEMO_PASSWORD });
    created += 1;
  }
  return created;
}

export interface DemoLogin {
  username: string;
  password: string;
  role: Role;
  roleLabel: string;
  totpSecret?: string;
}

/** The demo logins with their TOTP secrets, for the start banner and the login page hint. */
export async function listDemoLogins(ctx: AppContext): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const row = await findUserByUsername(ctx.db, account.username);
    if (!row) continue;
    logins.push({
      username: account.username,
      password: DEMO_PASSWORD,
      role: account.role,
      roleLabel: ROLE_DEFINITIONS[account.role].label,
      ...(row.totp_secret_enc ? { totpSecret: ctx.cipher.decrypt(row.totp_secret_enc) } : {}),
    });
  }
  return logins;
}
