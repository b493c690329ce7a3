import { stringify } from 'yaml';
import { PolicyError } from './errors.ts';
import { buildPolicy } from './load.ts';
import type { Policy } from './types.ts';

/**
 * A small policy for tests, as the YAML object an author would write. Tests change a copy and
 * load it through the real loader, so every load-time check is exercised as it runs on files.
 */
export function samplePolicyDocument(): Record<string, any> {
  return {
    code: 'sample_refund',
    name: '示例返还',
    version: '1',
    issuer: '测试',
    subject: '企业',
    summary: '测试用政策',
    scope: ['320000'],
    valid: { from: '2024-01-01', to: '2025-12-31' },
    legal_basis: ['doc'],
    sources: { doc: { doc: '测试发〔2024〕1号' }, city: { doc: '无锡测试〔2024〕2号', secondary: true } },
    facts: {
      paid: { label: '上年缴费', type: 'money', description: '缴费额' },
      headcount: { label: '月均参保人数', type: 'number', unit: '人', description: '人数' },
      layoff_rate: { label: '裁员率', type: 'percent', description: '裁员率' },
      size: { label: '企业规模', type: 'text', values: ['大型', '中型'], description: '规模' },
    },
    parameters: {
      rate: { label: '返还比例', type: 'percent', values: [
        { from: '2024-01-01', region: '320000', value: '60%', source: 'doc' },
        { from: '2024-07-01', region: '320200', value: '80%', source: 'city' },
      ] },
      limit: { label: '裁员率上限', type: 'percent', values: [{ from: '2024-01-01', region: '320000', value: '5.5%', source: 'doc' }] },
      small: { label: '小企业人数', type: 'number', values: [{ from: '2024-01-01', region: '320000', value: 30, source: 'doc' }] },
      limit_small: { label: '小企业上限', type: 'percent', values: [{ from: '2024-01-01', region: '320000', value: '20%', source: 'doc' }] },
    },
    definitions: {
      cap: {
        label: '适用上限', type: 'percent', default: 'limit',
        exceptions: [{ id: 'small_enterprise', label: '30 人以下', priority: 1, when: 'headcount <= small', value: 'limit_small', basis: ['doc'] }],
      },
    },
    conditions: [
      { id: 'layoff', label: '裁员率不超过上限', when: 'layoff_rate <= cap', basis: ['doc'] },
      { id: 'not_large', label: '非大型企业', when: 'size != "大型"', basis: ['doc'] },
    ],
    amount: { label: '返还', formula: 'paid × rate', basis: ['doc'] },
    benefit_identity: { parts: ['enterprise', 'refund_year'] },
  };
}

/** Loads a policy document through the real loader, as file `test/policy.yaml`. */
export function loadDocument(document: Record<string, any>): Policy {
  return buildPolicy(stringify(document), 'test/policy.yaml');
}

/** The loader's problems with a document (empty when it loads). */
export function problemsOfDocument(document: Record<string, any>): string[] {
  try {
    loadDocument(document);
  } catch (error) {
    if (error instanceof PolicyError) return error.problems;
    throw error;
  }
  return [];
}

/** The loader's problems with the sample policy after `change` (empty when it loads). */
export function problemsOfSample(change: (document: Record<string, any>) => void): string[] {
  const document = samplePolicyDocument();
  change(document);
  return problemsOfDocument(document);
}
