import { describe, expect, it } from 'vitest';
import { accountsZhCN } from './accounts.zh-CN.ts';
import { benefitsZhCN } from './benefits.zh-CN.ts';
import { campaignsZhCN } from './campaigns.zh-CN.ts';
import { codesZhCN } from './codes.zh-CN.ts';
import { governanceZhCN } from './governance.zh-CN.ts';
import { governanceRoundsZhCN } from './governanceRounds.zh-CN.ts';
import { labourZhCN } from './labour.zh-CN.ts';
import { monitoringZhCN } from './monitoring.zh-CN.ts';
import { opinionZhCN } from './opinion.zh-CN.ts';
import { policyZhCN } from './policy.zh-CN.ts';
import { recruitmentZhCN } from './recruitment.zh-CN.ts';
import { referenceZhCN } from './reference.zh-CN.ts';
import { seekersZhCN } from './seekers.zh-CN.ts';
import { skillsZhCN } from './skills.zh-CN.ts';

const MODULES: Record<string, object> = {
  accountsZhCN,
  benefitsZhCN,
  campaignsZhCN,
  codesZhCN,
  governanceZhCN,
  governanceRoundsZhCN,
  labourZhCN,
  monitoringZhCN,
  opinionZhCN,
  policyZhCN,
  recruitmentZhCN,
  referenceZhCN,
  seekersZhCN,
  skillsZhCN,
};

describe('module message files', () => {
  // zh-CN.ts spreads them into one table: a key two modules define would silently show one module's
  // words on the other's page (后台任务队列 as the public job search's title).
  it('never define the same key twice', () => {
    const owners = new Map<string, string[]>();
    for (const [module, messages] of Object.entries(MODULES))
      for (const key of Object.keys(messages)) owners.set(key, [...(owners.get(key) ?? []), module]);
    const shared = [...owners].filter(([, modules]) => modules.length > 1).map(([key, m]) => `${key}: ${m.join(', ')}`);
    expect(shared).toEqual([]);
  });
});
