import { isMessageKey, type MessageKey, type Translate } from './i18n.tsx';

/**
 * The user-facing name of a code, from the `code.*` messages (codes.zh-CN.ts). A code the
 * dictionary does not know reads as 其他… — never as the code — so a new server code cannot put
 * an identifier in front of a user; officials may still see the code as a grey hint.
 */
function named(t: Translate, key: string, fallback: MessageKey, values?: Record<string, string | number>): string {
  return isMessageKey(key) ? t(key, values) : t(fallback, values);
}

/** A policy's short name (稳岗返还). */
export function policyName(t: Translate, code: string): string {
  return named(t, `code.policy.${code}`, 'code.policy.unknown');
}

/** A data source of the import register (企业培育库, 参保人员名单…). */
export function dataSourceName(t: Translate, kind: string): string {
  return named(t, `code.snapshot.${kind}`, 'code.snapshot.unknown');
}

/** A match run's data snapshot: each source with the import it was read from. */
export function snapshotText(t: Translate, snapshot: Record<string, number>): string {
  const entries = Object.entries(snapshot);
  if (entries.length === 0) return '—';
  return entries.map(([kind, run]) => t('code.snapshot.entry', { kind: dataSourceName(t, kind), run })).join('；');
}

/** Who did something: a person's account name as it is, the system's own actors in words (match:1 → 系统自动匹配（批次 1）). */
export function actorName(t: Translate, actor: string | null | undefined): string {
  if (!actor) return '—';
  const match = /^match:(\d+)$/.exec(actor);
  if (match) return t('code.actor.match', { id: match[1] });
  if (actor === 'system' || actor === 'demo') return t(`code.actor.${actor}`);
  return actor;
}

/** An audit action in words (auth.login → 登录; import.roster → 导入参保人员名单). */
export function auditActionName(t: Translate, action: string): string {
  const imported = /^import\.(\w+)$/.exec(action);
  if (imported) return t('code.action.import', { kind: dataSourceName(t, imported[1]!) });
  return named(t, `code.action.${action}`, 'code.action.unknown');
}

/** An audit entry's object in words (user 12 → 账号 12), or its type alone. */
export function auditObjectName(
  t: Translate,
  type: string | null | undefined,
  id: string | number | null | undefined,
): string {
  if (!type) return '—';
  const name = named(t, `code.object.${type}`, 'code.object.unknown');
  return id === null || id === undefined || id === '' ? name : t('code.object.numbered', { type: name, id });
}

/** A security setting's name (login_failure_limit → 连续登录失败锁定次数). */
export function settingName(t: Translate, key: string): string {
  return isMessageKey(`code.setting.${key}`) ? t(`code.setting.${key}` as MessageKey) : key;
}

export interface RunProgress {
  /** 0 reading and computing, 1 writing cases, 2 finished. */
  step: 0 | 1 | 2;
  phaseName: string;
  /** Enterprises written so far and in all, while writing. */
  done?: number;
  total?: number;
  /** Percent for a bar, when it is known. */
  percent?: number;
}

/** Where a match run stands, from its status and phase (`facts`, `write 500/1200`, `done`). */
export function runProgressOf(t: Translate, run: { status: string; phase: string }): RunProgress {
  if (run.status === 'completed') return { step: 2, phaseName: t('code.phase.done'), percent: 100 };
  if (run.status === 'failed')
    return { step: 2, phaseName: t(run.phase === 'interrupted' ? 'code.phase.interrupted' : 'code.phase.failed') };
  const writing = /^write(?:\s+(\d+)\/(\d+))?$/.exec(run.phase);
  if (writing) {
    const done = writing[1] === undefined ? undefined : Number(writing[1]);
    const total = writing[2] === undefined ? undefined : Number(writing[2]);
    const percent = done !== undefined && total ? Math.floor((done / total) * 100) : undefined;
    return { step: 1, phaseName: t('code.phase.write'), done, total, percent };
  }
  return { step: 0, phaseName: t('code.phase.facts') };
}
