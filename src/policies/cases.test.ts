import { describe, expect, it } from 'vitest';
import { loadCases, runCase, runPolicyCases } from './cases.ts';
import { loadPolicies } from './load.ts';

// Every policy's readable cases run in `npm test`: a broken rule or parameter fails the build.
for (const policy of loadPolicies()) {
  describe(`${policy.code} ${policy.name}`, () => {
    const cases = loadCases(policy);

    it('has at least 8 cases, boundaries included', () => {
      expect(cases.length).toBeGreaterThanOrEqual(8);
      expect(cases.some((c) => c.expect.outcome === 'undetermined')).toBe(true);
      expect(cases.some((c) => c.expect.failed === 'validity_window')).toBe(true);
    });

    for (const policyCase of cases) {
      it(policyCase.name, () => {
        expect(runCase(policy, policyCase).differences).toEqual([]);
      });
    }
  });
}

describe('runPolicyCases', () => {
  it('reports each difference of a failing case in Chinese', () => {
    const [policy] = loadPolicies().filter((p) => p.code === 'stable_jobs_refund');
    const [first] = loadCases(policy!);
    const result = runCase(policy!, { ...first!, expect: { outcome: 'eligible', amountFen: 4_799_999, exceptions: ['large_enterprise'] } });
    expect(result.passed).toBe(false);
    expect(result.differences).toEqual([
      '金额应为 47,999.99 元，实为 48,000.00 元',
      '适用的例外应为 [large_enterprise]，实为 []',
    ]);
  });

  it('summarises one policy by code', () => {
    const [report] = runPolicyCases('job_expansion_subsidy');
    expect(report).toMatchObject({ code: 'job_expansion_subsidy', failed: 0 });
    expect(report!.passed).toBe(report!.cases.length);
  });
});
