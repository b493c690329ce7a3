import { describe, expect, it } from 'vitest';
import { loadDocument, problemsOfSample, samplePolicyDocument } from './fixtures.ts';
import { loadPolicies, loadPolicy } from './load.ts';
import { resolveParameter } from './parameters.ts';

const problemsOf = problemsOfSample;

describe('loading a policy file', () => {
  it('loads the sample and the five starter policies', () => {
    expect(loadDocument(samplePolicyDocument()).code).toBe('sample_refund');
    expect(loadPolicies().map((policy) => policy.code)).toEqual([
      'internship_subsidy', 'job_expansion_subsidy', 'skills_upgrade_subsidy', 'social_insurance_subsidy', 'stable_jobs_refund',
    ]);
  });

  it('names the file and the path of each schema problem, in Chinese', () => {
    const problems = problemsOf((d) => {
      d.parameters.rate.values[0].value = 0.6;
      d.facts.paid.type = 'currency';
      d.valid.to = '2025-02-30';
      d.extra = 1;
    });
    expect(problems).toEqual(expect.arrayContaining([
      'test/policy.yaml：（顶层）.extra：未知字段「extra」（可用：code、name、version、summary、issuer、subject、scope、valid、legal_basis、sources、facts、parameters、definitions、conditions、amount、delivery、attachments、declared_facts、benefit_identity）',
      'test/policy.yaml：facts.paid.type：类型应为 number、money、percent、date、bool、text 之一：currency',
      'test/policy.yaml：valid.to：日期应为 YYYY-MM-DD 且真实存在：2025-02-30',
    ]));
  });

  it('points at the column of an expression error', () => {
    const [problem] = problemsOf((d) => { d.amount.formula = 'paid × headcount + 1'; });
    expect(problem).toContain('test/policy.yaml：amount.formula：第 18 列：金额 + 数值 没有意义');
  });

  it('refuses a parameter gap in date × region over the validity window', () => {
    const problems = problemsOf((d) => { d.parameters.limit.values[0].from = '2024-03-01'; });
    expect(problems).toContain('test/policy.yaml：parameters.limit：参数「limit」在地区 320000 的 2024-01-01 至 2024-02-29 没有取值（政策有效期 2024-01-01 至 2025-12-31）');
    const ending = problemsOf((d) => { d.parameters.limit.values[0].to = '2024-12-31'; });
    expect(ending.join()).toContain('2025-01-01 至 2025-12-31 没有取值');
  });

  it('refuses two values of one region in force on the same day', () => {
    const problems = problemsOf((d) => {
      d.parameters.rate.values[0].to = '2025-06-30';
      d.parameters.rate.values.push({ from: '2025-01-01', region: '320000', value: '50%', source: 'doc' });
    });
    expect(problems.join()).toContain('参数「rate」在地区 320000 的取值重叠：自 2024-01-01 至 2025-06-30 与自 2025-01-01 的取值同时有效');
    expect(problemsOf((d) => { d.parameters.small.values.push({ ...d.parameters.small.values[0] }); }).join()).toContain('取值重叠');
  });

  it('refuses exceptions of equal priority whose conditions may overlap, accepts provably disjoint ones', () => {
    const overlapping = problemsOf((d) => {
      d.definitions.cap.exceptions.push({ id: 'large', label: '大型', priority: 1, when: 'size = "大型"', value: 'limit', basis: ['doc'] });
    });
    expect(overlapping.join()).toContain('例外「small_enterprise」与「large」优先级相同（1），且条件可能同时成立');
    expect(problemsOf((d) => {
      d.definitions.cap.exceptions.push({ id: 'bigger', label: '31 人以上', priority: 1, when: 'headcount > small and size = "中型"', value: 'limit', basis: ['doc'] });
    })).toEqual([]);
    expect(problemsOf((d) => {
      d.definitions.cap.exceptions.push({ id: 'large', label: '大型', priority: 2, when: 'size = "大型"', value: 'limit', basis: ['doc'] });
    })).toEqual([]);
  });

  it('refuses unused facts, unknown sources, reserved ids and cyclic definitions', () => {
    expect(problemsOf((d) => { d.facts.unused = { label: '未用', type: 'number', description: '未用' }; })).toEqual([
      'test/policy.yaml：facts.unused：该事实未被任何公式使用',
    ]);
    const problems = problemsOf((d) => {
      d.conditions[0].basis = ['nowhere'];
      d.conditions[1].id = 'validity_window';
      d.definitions.a = { label: 'a', type: 'number', formula: 'b + 1' };
      d.definitions.b = { label: 'b', type: 'number', formula: 'a + 1' };
      d.conditions.push({ id: 'loop', label: '循环', when: 'a > 0', basis: ['doc'] });
    });
    expect(problems.join('\n')).toMatch(/未定义的出处「nowhere」/);
    expect(problems.join('\n')).toMatch(/「validity_window」是保留的条件编号/);
    expect(problems.join('\n')).toMatch(/中间量循环引用/);
  });

  it('answers POLICY_NOT_FOUND for an unknown code', () => {
    expect(() => loadPolicy('no_such_policy')).toThrow(expect.objectContaining({ code: 'POLICY_NOT_FOUND' }));
  });
});

describe('parameter lookup', () => {
  const policy = loadDocument(samplePolicyDocument());
  const rate = policy.parameters.get('rate')!;
  const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8))) / 86_400_000;

  it('takes the most specific region, then the latest start not after the date', () => {
    expect(resolveParameter(rate, day('2024-08-01'), '320214')?.value).toBe(0.8);
    expect(resolveParameter(rate, day('2024-06-30'), '320214')?.value).toBe(0.6);
    expect(resolveParameter(rate, day('2024-08-01'), '320583')?.value).toBe(0.6);
    expect(resolveParameter(rate, day('2023-12-31'), '320000')).toBeUndefined();
  });
});
