import { describe, expect, it } from 'vitest';
import { loadDocument, problemsOfDocument, samplePolicyDocument } from './fixtures.ts';
import { loadPolicies } from './load.ts';

describe('what one benefit is (benefit_identity)', () => {
  it('reads the parts and names them in Chinese', () => {
    const policy = loadDocument({ ...samplePolicyDocument(), benefit_identity: { parts: ['person', 'occupation', 'level'], note: '每人每年至多 3 次' } });
    expect(policy.benefitIdentity).toEqual({ parts: ['person', 'occupation', 'level'], label: '人员 × 职业（工种） × 等级', note: '每人每年至多 3 次' });
  });

  it('refuses a policy without one, an unknown part and a part named twice', () => {
    const { benefit_identity: _, ...without } = samplePolicyDocument();
    expect(problemsOfDocument(without)).toContain('test/policy.yaml：benefit_identity：应为键值映射');
    expect(problemsOfDocument({ ...samplePolicyDocument(), benefit_identity: { parts: ['enterprise', 'period', 'enterprise'] } })).toEqual([
      'test/policy.yaml：benefit_identity.parts[1]：待遇标识的组成应为 enterprise、person、refund_year、month、occupation、level 之一且不重复：period',
      'test/policy.yaml：benefit_identity.parts[2]：待遇标识的组成应为 enterprise、person、refund_year、month、occupation、level 之一且不重复：enterprise',
    ]);
  });

  it('every policy on file declares the identity its rule pays once', () => {
    const identities = Object.fromEntries(loadPolicies().map((policy) => [policy.code, policy.benefitIdentity.parts]));
    expect(identities).toEqual({
      stable_jobs_refund: ['enterprise', 'refund_year'],
      job_expansion_subsidy: ['person'],
      social_insurance_subsidy: ['enterprise', 'person', 'month'],
      internship_subsidy: ['person', 'month'],
      skills_upgrade_subsidy: ['person', 'occupation', 'level'],
    });
  });
});
