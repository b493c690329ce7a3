import { describe, expect, it } from 'vitest';
import { findCodeLike, findDraftingNotes, findSpecMention } from './visible-codes.mjs';

const matches = (text) => findCodeLike(text).map((found) => found.match);

describe('findCodeLike', () => {
  it('finds the internal codes users saw on the pages', () => {
    expect(matches('摘要 stable_jobs_refund 2025')).toEqual(['stable_jobs_refund']);
    expect(matches('阶段 facts，设置 login_failure_limit')).toEqual(['login_failure_limit']);
    expect(matches('对象 user #12')).toEqual(['#12']);
    expect(matches('快照 demo#1')).toEqual(['#1']);
    expect(matches('操作 auth.login 成功')).toEqual(['auth.login']);
    expect(matches('benefits.payment_batch.create')).toEqual(['benefits.payment_batch.create']);
    expect(matches('发起人 match:1')).toEqual(['match:1']);
    expect(matches('口径说明：period_actual')).toEqual(['period_actual']);
  });

  it('leaves Chinese text, amounts, dates, file names, addresses and web links alone', () => {
    expect(matches('已拨付 299.17 亿元，2026-12-15 09:22，第 3 页')).toEqual([]);
    expect(matches('下载 payment-20261215-1a2b3c4d.csv 或 企业培育库.xlsx')).toEqual([]);
    expect(matches('联系 admin_ops@example.com，见 https://www.mohrss.gov.cn/a_b/c.html')).toEqual([]);
    expect(matches('GB/T 22239-2019 8.1.4.1 b)')).toEqual([]);
  });
});

describe('drafting notes', () => {
  it('names SPEC, 待核 and 二手 wherever they appear', () => {
    expect(findDraftingNotes('南通市 2022 年稳岗返还规则（文号待核），二手资料')).toEqual(['待核', '二手']);
    expect(findDraftingNotes('待 SPEC 2.8 见习模块接入')).toEqual(['SPEC']);
    expect(findDraftingNotes('苏人社发〔2023〕63号 第三条')).toEqual([]);
  });

  it('finds SPEC as a word only', () => {
    expect(findSpecMention('来源：SPEC §2.1')).toEqual(['SPEC']);
    expect(findSpecMention('INSPECTION')).toEqual([]);
  });
});
