import { describe, expect, it } from 'vitest';
import {
  actorName,
  auditActionName,
  auditObjectName,
  policyName,
  runProgressOf,
  settingName,
  snapshotText,
} from './codeNames.ts';
import type { Translate } from './i18n.tsx';
import { zhCN } from './zh-CN.ts';

const t: Translate = (key, values) =>
  zhCN[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? ''));

describe('names of codes', () => {
  it('names policies, settings and data snapshots in Chinese', () => {
    expect(policyName(t, 'stable_jobs_refund')).toBe('稳岗返还');
    expect(policyName(t, 'brand_new_policy')).toBe('其他政策');
    expect(settingName(t, 'login_failure_limit')).toBe('连续登录失败锁定次数');
    expect(snapshotText(t, { demo: 1 })).toBe('演示数据（导入批次 1）');
    expect(snapshotText(t, {})).toBe('—');
  });

  it('names audit actions and objects, never showing the code', () => {
    expect(auditActionName(t, 'auth.login')).toBe('登录');
    expect(auditActionName(t, 'benefits.case.approve')).toBe('审核通过');
    expect(auditActionName(t, 'import.roster')).toBe('导入参保人员名单');
    expect(auditActionName(t, 'something.new')).toBe('其他操作');
    expect(auditObjectName(t, 'user', 'city_nanjing')).toBe('账号 city_nanjing');
    expect(auditObjectName(t, 'monitoring_bulletin', 17)).toBe('通报 17');
    expect(auditObjectName(t, null, null)).toBe('—');
  });

  it('names the system’s own actors and keeps account names', () => {
    expect(actorName(t, 'match:1')).toBe('系统自动匹配（批次 1）');
    expect(actorName(t, '南京市人社局审核员')).toBe('南京市人社局审核员');
    expect(actorName(t, null)).toBe('—');
  });

  it('every audit action the server writes has a name', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? files(`${dir}/${entry.name}`)
          : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')
            ? [`${dir}/${entry.name}`]
            : [],
      );
    const actions = new Set<string>();
    for (const file of files('src'))
      for (const match of readFileSync(file, 'utf8').matchAll(/action: '([a-z_]+(?:\.[a-z_]+)+)'/g))
        actions.add(match[1]!);
    expect(actions.size).toBeGreaterThan(20);
    for (const action of actions) expect(auditActionName(t, action), action).not.toBe('其他操作');
  });
});

describe('match run progress', () => {
  it('reads the phase and the enterprises written so far', () => {
    expect(runProgressOf(t, { status: 'running', phase: 'facts' })).toEqual({ step: 0, phaseName: '读取数据并测算' });
    expect(runProgressOf(t, { status: 'running', phase: 'write 500/1200' })).toEqual({
      step: 1,
      phaseName: '写入案件',
      done: 500,
      total: 1200,
      percent: 41,
    });
    expect(runProgressOf(t, { status: 'completed', phase: 'done' })).toMatchObject({
      step: 2,
      phaseName: '已完成',
      percent: 100,
    });
    expect(runProgressOf(t, { status: 'failed', phase: 'interrupted' }).phaseName).toBe('已中断');
  });
});
