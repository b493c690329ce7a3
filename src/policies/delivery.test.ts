import { describe, expect, it } from 'vitest';
import { loadDocument, problemsOfSample, samplePolicyDocument } from './fixtures.ts';
import { loadPolicies } from './load.ts';

const contract = { code: 'labour_contract', name: '劳动合同', required: true, types: ['pdf', 'jpg'], max_size: '10MB', description: '1 年以上劳动合同' };

const problemsOf = problemsOfSample;

describe('how a policy is delivered (delivery, attachments)', () => {
  it('is 免申即享 when the file says nothing', () => {
    const policy = loadDocument(samplePolicyDocument());
    expect([policy.delivery, policy.attachments]).toEqual(['exempt', []]);
  });

  it('reads an application policy with its materials, sizes in bytes or MB/KB', () => {
    const policy = loadDocument({ ...samplePolicyDocument(), delivery: 'application', attachments: [contract, { ...contract, code: 'roster', name: '花名册', required: false, types: 'png', max_size: 524_288 }] });
    expect(policy.delivery).toBe('application');
    expect(policy.attachments).toEqual([
      { code: 'labour_contract', name: '劳动合同', isRequired: true, types: ['pdf', 'jpg'], maxBytes: 10 * 1024 * 1024, description: '1 年以上劳动合同' },
      { code: 'roster', name: '花名册', isRequired: false, types: ['png'], maxBytes: 524_288, description: '1 年以上劳动合同' },
    ]);
  });

  it('refuses unknown modes and types, missing names and flags, bad sizes and duplicate codes, in Chinese', () => {
    const problems = problemsOf((d) => {
      d.delivery = 'application';
      d.attachments = [
        { ...contract, types: ['pdf', 'docx'] },
        { code: 'labour_contract', required: 'yes', types: ['png'], max_size: '10GB', description: '重复' },
        { code: 'Bad-Code', name: '扫描件', types: ['png'], max_size: 0, description: '无', colour: 'red' },
      ];
    });
    expect(problems).toEqual(expect.arrayContaining([
      'test/policy.yaml：attachments[0].types[1]：不支持的文件类型「docx」（可用：pdf、jpg、png）',
      'test/policy.yaml：attachments[1].name：缺少此项',
      'test/policy.yaml：attachments[1].required：应为 true 或 false',
      'test/policy.yaml：attachments[1].max_size：大小上限应为正整数字节数，或如 10MB、512KB：10GB',
      'test/policy.yaml：attachments[1].code：申请材料编码重复：labour_contract',
      'test/policy.yaml：attachments[2].code：编码只能用小写字母、数字和下划线，以字母开头',
      'test/policy.yaml：attachments[2].required：缺少此项（true 必须提交，false 可选）',
      'test/policy.yaml：attachments[2].max_size：大小上限应为正整数字节数，或如 10MB、512KB：0',
      'test/policy.yaml：attachments[2].colour：未知字段「colour」（可用：code、name、required、types、max_size、description）',
    ]));
    expect(problemsOf((d) => { d.delivery = 'automatic'; })).toEqual([
      'test/policy.yaml：delivery：兑现方式应为 exempt（免申即享，一键确认）或 application（即申即享，需提交申请材料）：automatic',
    ]);
  });

  it('refuses materials on an exempt policy and an application policy without materials', () => {
    expect(problemsOf((d) => { d.attachments = [contract]; })).toEqual(['test/policy.yaml：attachments：免申即享政策（delivery: exempt）不收申请材料，不应列出 attachments']);
    expect(problemsOf((d) => { d.delivery = 'application'; })).toEqual(['test/policy.yaml：attachments：需提交申请的政策（delivery: application）应列出申请材料（attachments）']);
  });

  it('makes 就业见习补贴 and 社会保险补贴 applications, the other starter policies 免申即享', () => {
    const byCode = Object.fromEntries(loadPolicies().map((p) => [p.code, p]));
    expect(Object.fromEntries(Object.entries(byCode).map(([code, p]) => [code, p.delivery]))).toEqual({
      internship_subsidy: 'application', social_insurance_subsidy: 'application',
      stable_jobs_refund: 'exempt', job_expansion_subsidy: 'exempt', skills_upgrade_subsidy: 'exempt',
    });
    expect(byCode.internship_subsidy!.attachments.map((a) => a.name)).toEqual(['见习协议', '见习人员花名册', '见习生活补助发放凭证']);
    expect(byCode.social_insurance_subsidy!.attachments.map((a) => [a.name, a.isRequired])).toEqual([['劳动合同', true], ['个人缴费明细', true]]);
  });
});
