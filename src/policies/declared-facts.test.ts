import { describe, expect, it } from 'vitest';
import { loadDocument, problemsOfDocument, samplePolicyDocument } from './fixtures.ts';
import { loadPolicies } from './load.ts';

const contract = { code: 'labour_contract', name: '劳动合同', required: true, types: ['pdf'], max_size: '10MB', description: '劳动合同' };
const payroll = { code: 'payroll', name: '工资表', required: false, types: ['pdf'], max_size: '10MB', description: '工资发放表' };

/** The sample policy as an application with two materials and the given declared facts. */
function applicationWith(declared: unknown): Record<string, any> {
  return { ...samplePolicyDocument(), delivery: 'application', attachments: [contract, payroll], declared_facts: declared };
}

const problemsOf = problemsOfDocument;

describe('facts the applicant declares (declared_facts)', () => {
  it('reads each declared fact with its label (the fact’s own by default) and the materials that prove it', () => {
    const policy = loadDocument(applicationWith([
      { fact: 'paid', label: '上年缴费（元）', proved_by: ['payroll'] },
      { fact: 'size', proved_by: 'labour_contract' },
    ]));
    expect(policy.declaredFacts).toEqual([
      { fact: 'paid', label: '上年缴费（元）', provedBy: ['payroll'] },
      { fact: 'size', label: '企业规模', provedBy: ['labour_contract'] },
    ]);
    expect(loadDocument(samplePolicyDocument()).declaredFacts).toEqual([]);
  });

  it('refuses an unknown fact, an unlisted material, a missing proof, a duplicate and unknown keys, in Chinese', () => {
    // Facts are resolved once the file's shape is right, so an unknown fact is reported on its own.
    expect(problemsOf(applicationWith([{ fact: 'turnover', proved_by: ['payroll'] }]))).toEqual([
      'test/policy.yaml：declared_facts[0].fact：未定义的事实「turnover」（本政策的事实有：paid、headcount、layoff_rate、size）',
    ]);
    expect(problemsOf(applicationWith([
      { fact: 'layoff_rate', proved_by: ['payroll'] },
      { fact: 'paid', proved_by: ['bank_slip'] },
      { fact: 'headcount' },
      { fact: 'paid', proved_by: ['payroll'], required: true },
    ]))).toEqual(expect.arrayContaining([
      'test/policy.yaml：declared_facts[1].proved_by[0]：未列出的申请材料「bank_slip」（attachments 中有：labour_contract、payroll）',
      'test/policy.yaml：declared_facts[2].proved_by：缺少此项（证明该事实的申请材料编码，见 attachments）',
      'test/policy.yaml：declared_facts[3].fact：申报事实重复：paid',
      'test/policy.yaml：declared_facts[3].required：未知字段「required」（可用：fact、label、proved_by）',
    ]));
    expect(problemsOf(applicationWith([]))).toEqual(['test/policy.yaml：declared_facts：至少列出一项申报事实，或删去 declared_facts']);
  });

  it('refuses declared facts on a 免申即享 policy, which has no applicant', () => {
    const document = { ...samplePolicyDocument(), declared_facts: [{ fact: 'paid', proved_by: ['payroll'] }] };
    expect(problemsOf(document)).toEqual(['test/policy.yaml：declared_facts：免申即享政策（delivery: exempt）没有申请环节，不能由企业申报事实（declared_facts）']);
  });

  it('lets the enterprise declare a 社会保险补贴 person’s contract term and own contribution, proved by the contract and the contribution record', () => {
    const policy = loadPolicies().find((p) => p.code === 'social_insurance_subsidy')!;
    expect(policy.declaredFacts).toEqual([
      { fact: 'contract_term', label: '劳动合同期限', provedBy: ['labour_contract'] },
      { fact: 'personal_contribution_monthly', label: '个人每月缴纳的养老、医疗、失业保险费', provedBy: ['contribution_record'] },
    ]);
    expect(loadPolicies().filter((p) => p.declaredFacts.length > 0).map((p) => p.code)).toEqual(['social_insurance_subsidy']);
  });
});
