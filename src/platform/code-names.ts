import { codesZhCN } from '../../web/src/locales/codes.zh-CN.ts';
import { ROLE_DEFINITIONS, type Role } from './roles.ts';

/**
 * The Chinese names of codes for files the server writes (Excel exports), read from the web's
 * locale file so that a name lives in one place: an audit action, an object type, a role.
 */

const NAMES: Record<string, string> = codesZhCN;

function nameOf(key: string, fallback: string): string {
  return NAMES[key] ?? NAMES[fallback] ?? fallback;
}

/** auth.login → 登录; import.roster → 导入参保人员名单; an unknown action → 其他操作. */
export function auditActionNameZh(action: string): string {
  const imported = /^import\.(\w+)$/.exec(action);
  if (imported)
    return nameOf('code.action.import', '导入{kind}').replace(
      '{kind}',
      nameOf(`code.snapshot.${imported[1]}`, 'code.snapshot.unknown'),
    );
  return nameOf(`code.action.${action}`, 'code.action.unknown');
}

/** user → 账号; an unknown type → 其他对象. */
export function auditObjectNameZh(type: string): string {
  return nameOf(`code.object.${type}`, 'code.object.unknown');
}

/** A policy's short name (稳岗返还). */
export function policyNameZh(code: string): string {
  return nameOf(`code.policy.${code}`, 'code.policy.unknown');
}

/** province_hrss → 省人社. */
export function roleNameZh(role: string): string {
  return ROLE_DEFINITIONS[role as Role]?.label ?? role;
}
